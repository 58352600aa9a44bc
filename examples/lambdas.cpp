// escape-lambda-capture and escape-type-erasure.
#include <algorithm>
#include <array>
#include <functional>
#include <vector>

std::function<int()> makeCounter() {
  int count = 0;
  return [&count] { return ++count; }; // escape-lambda-capture
}

std::function<int()> makeOwnedCounter() {
  int count = 0;
  return [count]() mutable { return ++count; }; // fine: captured by value
}

void sortByDistance(std::vector<int> &v, int pivot) {
  // fine: std::sort only calls the comparator
  std::sort(v.begin(), v.end(), [&pivot](int a, int b) {
    return (a - pivot) * (a - pivot) < (b - pivot) * (b - pivot);
  });
}

int bigCapture(std::array<int, 32> table) {
  std::function<int(int)> f = [table](int i) { return table[i]; };
  return f(3); // escape-type-erasure above: 128 bytes do not fit inline
}
