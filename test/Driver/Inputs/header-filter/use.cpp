#include "include/dangling.h"
#include "other.h"
#include <vector>
int use() {
  std::vector<int> v{1};
  return *localAddress() + *localAddressOf<int>() + *otherLocal() + v[0];
}
