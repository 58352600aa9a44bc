// Only a 'maybe' escape: through a callee without a body.
void opaque(int *);
void callsOpaque() {
  int x = 0;
  opaque(&x);
}
