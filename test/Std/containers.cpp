// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// --- push_back of &local into a container that outlives it --------------------

struct Registry {
  std::vector<int *> items;
  void addLocal() {
    int x = 0;
    items.push_back(&x); // CHECK: containers.cpp:[[@LINE]]:5: warning: address of local 'x' is stored into *this, which outlives it; 'x' dangles when 'Registry::addLocal' returns [escape-member]
  }
  void addParam(int *p) { items.push_back(p); }
};

std::vector<int *> g_items;
void pushIntoGlobal() {
  int x = 0;
  g_items.push_back(&x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_items'; 'x' dangles when 'pushIntoGlobal' returns [escape-global]
}

// push_back/emplace_back/insert/assign into a parameter's container, like
// 'v[0] =', store into the object the parameter refers to.
void pushIntoParam(std::vector<int *> &v) {
  int x = 0;
  v.push_back(&x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to; 'x' dangles when 'pushIntoParam' returns [escape-member]
}

void emplaceIntoParam(std::vector<int *> &v) {
  int x = 0;
  v.emplace_back(&x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to{{.*}}[escape-member]
}

void insertIntoParam(std::vector<int *> &v) {
  int x = 0;
  v.insert(v.begin(), &x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to{{.*}}[escape-member]
}

void assignIntoParam(std::vector<int *> &v) {
  int x = 0;
  v.assign(3, &x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to{{.*}}[escape-member]
}

void indexAssignIntoParam(std::vector<int *> &v) {
  int x = 0;
  v[0] = &x; // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored into the object parameter 'v' refers to; 'x' dangles when 'indexAssignIntoParam' returns [escape-member]
}

std::vector<int *> returnedContainer() {
  std::vector<int *> v;
  int x = 0;
  v.push_back(&x);
  return v; // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' escapes to the caller; 'x' dangles when 'returnedContainer' returns [escape-return]
}

std::vector<std::string_view> g_names;
void pushViewOfLocalString() {
  std::string s = "name";
  g_names.push_back(s); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 's' is stored in global 'g_names'{{.*}}[escape-global]
}

std::list<int *> g_list;
void pushFrontIntoList() {
  int x = 0;
  g_list.push_front(&x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_list'{{.*}}[escape-global]
}

std::set<int *> g_set;
void insertIntoSet() {
  int x = 0;
  g_set.insert(&x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_set'{{.*}}[escape-global]
}

std::map<std::string, int *> g_map;
void mapIndexStore() {
  int x = 0;
  g_map["a"] = &x; // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_map'{{.*}}[escape-global]
}
void mapInsert() {
  int x = 0;
  g_map.insert({"a", &x}); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_map'{{.*}}[escape-global]
}
void mapEmplace() {
  int x = 0;
  g_map.emplace("a", &x); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'g_map'{{.*}}[escape-global]
}

// --- Iterators and element references of a local container -------------------

std::vector<int>::iterator iteratorOfLocal() {
  std::vector<int> v{1};
  return v.begin(); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller; 'v' dangles when 'iteratorOfLocal' returns [escape-return]
}

std::map<int, int>::iterator mapIteratorOfLocal() {
  std::map<int, int> m;
  return m.find(1); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'm' escapes to the caller{{.*}}[escape-return]
}

int &mapElementOfLocal() {
  std::map<int, int> m;
  return m[1]; // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'm' escapes to the caller{{.*}}[escape-return]
}

int &vectorElementOfLocal() {
  std::vector<int> v{1};
  return v[0]; // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

int *addressOfFront() {
  std::vector<int> v{1};
  return &v.front(); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

int *dataOfLocal() {
  std::vector<int> v{1};
  return v.data(); // CHECK: containers.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}

int *elementFromRangeFor() {
  std::vector<int> v{1, 2};
  for (auto &e : v)
    if (e == 2)
      return &e; // CHECK: containers.cpp:[[@LINE]]:7: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
  return nullptr;
}

// --- Not escaping ---------------------------------------------------------------

std::vector<int> intsByValue() {
  std::vector<int> v;
  int x = 0;
  v.push_back(x);
  return v;
}
void intsIntoParam(std::vector<int> &v) {
  int x = 0;
  v.push_back(x);
}
void stringsIntoParam(std::vector<std::string> &v) {
  std::string s = "x";
  v.push_back(s);
}
int localContainerOfPointers() {
  std::vector<int *> v;
  int x = 0;
  v.push_back(&x);
  return *v[0];
}
std::vector<int>::iterator iteratorOfParam(std::vector<int> &v) { return v.begin(); }
std::map<int, int>::iterator mapIteratorOfParam(std::map<int, int> &m) { return m.find(1); }
int &elementOfParam(std::vector<int> &v) { return v.at(0); }
int valueFromMap() {
  std::map<int, int> m{{1, 2}};
  return m.find(1)->second;
}
int sumThroughIterators() {
  std::vector<int> v{1, 2, 3};
  int s = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    s += *it;
  return s;
}

// emplace_back into a container of views builds a view of the argument in
// place: the element borrows the local string.
struct ViewList {
  std::vector<std::string_view> views;
  void addLocal() {
    std::string s = "q";
    views.emplace_back(s); // CHECK: containers.cpp:[[@LINE]]:5: warning: address of local 's' is stored into *this{{.*}}[escape-member]
  }
  void addCopy() {
    std::vector<std::string> copies;
    std::string s = "q";
    copies.emplace_back(s);
  }
};

// A node extracted from a local set owns the node: inserting it into a
// member moves the element, not the local set.
struct Timers {
  std::set<std::shared_ptr<int>> live;
  void requeue() {
    std::set<std::shared_ptr<int>> fired;
    fired.insert(std::make_shared<int>(1));
    auto node = fired.extract(fired.begin());
    live.insert(std::move(node));
  }
  void keepView() {
    std::set<int> local{1, 2};
    iters.push_back(local.begin()); // CHECK: containers.cpp:[[@LINE]]:5: warning: address of local 'local' is stored into *this{{.*}}[escape-member]
  }
  std::vector<std::set<int>::iterator> iters;
};
