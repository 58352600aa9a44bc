// Takes minutes to compile with -fconstexpr-steps=2147483647.
constexpr long spin() {
  long s = 0;
  for (long i = 0; i < 2000000000; ++i)
    s += i;
  return s;
}
static_assert(spin() > 0);
