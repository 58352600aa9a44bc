// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// emplace(std::piecewise_construct, tuple, tuple) builds each part of the
// element from what the tuples refer to: the element copies the values, it
// does not keep the tuples' references to temporaries.

#include <map>
#include <tuple>
#include <utility>
#include <vector>

std::map<unsigned long, unsigned long> gm;
std::vector<std::pair<unsigned long, int *>> gv;

unsigned long copies() {
  std::map<unsigned long, unsigned long> m;
  m.emplace(std::piecewise_construct, std::forward_as_tuple(3u),
            std::forward_as_tuple(1u));
  std::vector<std::pair<unsigned long, unsigned long>> v;
  v.emplace_back(std::piecewise_construct, std::forward_as_tuple(3u),
                 std::forward_as_tuple(1u));
  std::pair<int, int> p(std::piecewise_construct, std::forward_as_tuple(1),
                        std::forward_as_tuple(2));
  gm.emplace(std::piecewise_construct, std::forward_as_tuple(4u),
             std::forward_as_tuple(5u));
  return m.at(3) + v.back().second + p.first;
}

// A pointer the tuple refers to is copied into the element: what it points
// to is kept.
void keepsPointee() {
  int x = 0;
  int *px = &x;
  gv.emplace_back(std::piecewise_construct, std::forward_as_tuple(1u),
                  std::forward_as_tuple(px));
  // CHECK: [[@LINE-2]]:3: warning: address of local 'x' is stored in global 'gv'{{.*}}[escape-global]
}

// allocator_traits<A>::construct(a, p, std::piecewise_construct, tuple,
// tuple), as node containers build their slots (abseil's btree_map
// operator[] and try_emplace): the same, the key is copied.
#include <memory>
using Slot = std::pair<const unsigned long, long>;
using PointerSlot = std::pair<int *, long>;
Slot *gSlot;
PointerSlot *gPointerSlot;

void constructCopiesTheKey(unsigned long i) {
  unsigned long k = i;
  std::allocator<Slot> a;
  std::allocator_traits<std::allocator<Slot>>::construct(
      a, gSlot, std::piecewise_construct, std::forward_as_tuple(k),
      std::forward_as_tuple());
}

void constructKeepsThePointee() {
  int x = 0;
  int *px = &x;
  std::allocator<PointerSlot> a;
  std::allocator_traits<std::allocator<PointerSlot>>::construct(
      a, gPointerSlot, std::piecewise_construct, std::forward_as_tuple(px),
      std::forward_as_tuple(1L));
  // CHECK: [[@LINE-3]]:3: warning: address of local 'x' escapes to the heap{{.*}}[escape-heap]
}

// A key built from a view copies the characters (abseil's heterogeneous
// try_emplace(string_view) into a map of strings): the slot can hold no
// address at all.
#include <string>
#include <string_view>
using StringSlot = std::pair<const std::string, int>;
StringSlot *gStringSlot;

void constructCopiesTheCharacters(std::string_view key) {
  std::string s(key);
  std::string_view sv = s;
  std::allocator<StringSlot> a;
  std::allocator_traits<std::allocator<StringSlot>>::construct(
      a, gStringSlot, std::piecewise_construct, std::forward_as_tuple(sv),
      std::forward_as_tuple(1));
}
