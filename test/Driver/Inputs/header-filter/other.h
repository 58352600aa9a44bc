#pragma once
inline int *otherLocal() {
  int y = 0;
  return &y;
}
