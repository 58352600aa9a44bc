// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// Erasing, extracting or removing by key or value compares the argument
// with the elements and keeps nothing of it; inserting keeps it.

#include <cstring>
#include <list>
#include <map>
#include <set>
#include <string>

struct Key {
  const char *s;
  explicit Key(const char *p) : s(p) {}
  bool operator<(const Key &o) const { return std::strcmp(s, o.s) < 0; }
  bool operator==(const Key &o) const { return std::strcmp(s, o.s) == 0; }
};

std::map<Key, int> *gMap = new std::map<Key, int>;
std::set<Key> *gSet = new std::set<Key>;
std::list<Key> *gList = new std::list<Key>;

void lookups(const char *text) {
  std::string name = text;
  gMap->erase(Key(name.c_str()));
  (void)gSet->extract(Key(name.c_str()));
  gList->remove(Key(name.c_str()));
  (void)gMap->find(Key(name.c_str()));
}

void insertKey() {
  std::string name = "x";
  // CHECK: [[@LINE+1]]:3: warning: address of local 'name' {{.*}}
  (*gMap)[Key(name.c_str())] = 1;
}
void insertIntoSet() {
  std::string name = "x";
  // CHECK: [[@LINE+1]]:3: warning: address of local 'name' {{.*}}
  gSet->insert(Key(name.c_str()));
}
