struct Listener {
  int id;
};
Listener *g_listeners[4];
int g_count;
void subscribe(Listener *l) { g_listeners[g_count++] = l; }
int checksum(const unsigned char *data, unsigned n) {
  int s = 0;
  for (unsigned i = 0; i < n; ++i)
    s += data[i];
  return s;
}
