#pragma once
inline int *g_kept;
inline void keep(int *p) { g_kept = p; }
inline int *leak() {
  int local = 0;
  return &local;
}
