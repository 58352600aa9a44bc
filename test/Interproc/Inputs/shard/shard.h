// Shared by every file of the sharded program: an inline function and a
// template that each file lowers identically (stored once in the cache).
extern int *g_sink;
inline void stash(int *p) { g_sink = p; }
template <typename T> struct Box {
  T *held;
  void set(T *q) { held = q; }
};
void keep(int *p);
int *pass(int *p);
