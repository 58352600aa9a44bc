#pragma once
int *kept;
inline void keep(int &x) { kept = &x; }
template <class T> void leak() {
  T local = 0;
  keep(reinterpret_cast<int &>(local));
}
