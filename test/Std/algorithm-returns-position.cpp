// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// An algorithm given iterators of the type it returns returns a position
// among them: the value it searches for is compared, not returned, also
// when the iterators are classes (`std::vector<Zone>::const_iterator`) and
// the value a view (HowardHinnant/date's `tzdb::locate_zone`).

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

struct Zone {
  std::string name;
};
struct Db {
  std::vector<Zone> zones;
  const Zone *locate(std::string_view nm) const {
    auto it = std::lower_bound(
        zones.begin(), zones.end(), nm,
        [](const Zone &z, std::string_view n) { return z.name < n; });
    return &*it;
  }
  const Zone *find(std::string_view nm) const {
    auto it = std::find_if(zones.begin(), zones.end(),
                           [nm](const Zone &z) { return z.name == nm; });
    return it == zones.end() ? nullptr : &*it;
  }
};
const Zone *current(const Db &db) {
  std::string s = "Europe/Berlin";
  return db.locate(s);
}
const Zone *found(const Db &db) {
  std::string s = "Europe/Berlin";
  return db.find(s);
}

// The position is still one in the range searched.
const Zone *firstOfLocal() {
  std::vector<Zone> zones(3);
  auto it = std::lower_bound(
      zones.begin(), zones.end(), std::string_view("b"),
      [](const Zone &z, std::string_view n) { return z.name < n; });
  return &*it; // CHECK: algorithm-returns-position.cpp:[[@LINE]]:3: warning: address of local 'zones' escapes to the caller{{.*}}[escape-return]
}
