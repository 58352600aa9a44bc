#pragma once
// A header's functions: reported only where a header filter names it.
inline int *localAddress() {
  int x = 0;
  return &x;
}
template <class T> T *localAddressOf() {
  T x{};
  return &x;
}
