// A header template called with each file's own closure type.
template <class F> void run(F f, int *p) { f(p); }
