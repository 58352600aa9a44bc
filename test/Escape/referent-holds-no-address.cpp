// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// What a `const int &` or `const std::string &` refers to holds no address.
// A member passed that way (`g(s.i)`, `add(m_group)`) is read from the node
// of its whole object when the member has no node of its own; the callee's
// copy of it (`push_back(x)`) copies no pointer of the object's other
// members (jarro2783/cxxopts' `add_options()(...)(...)`).

#include <string>
#include <vector>

struct S {
  int *p;
  int i;
  std::string name;
};
std::vector<int> gv;
std::vector<std::string> gs;
std::vector<int *> gp;

void keepInt(const int &x) { gv.push_back(x); }
void keepName(const std::string &n) { gs.push_back(n); }
void keepPointer(int *const &p) { gp.push_back(p); }

void viaCallee() {
  int local = 0;
  S s{&local, 1, "x"};
  keepInt(s.i);
  keepName(s.name);
}

void direct() {
  int local = 0;
  S s{&local, 1, "x"};
  gv.push_back(s.i);
  gs.push_back(s.name);
}

// A pointer member is still followed.
void pointerMember() {
  int local = 0;
  S s{&local, 1, "x"};
  keepPointer(s.p); // CHECK: referent-holds-no-address.cpp:[[@LINE]]:3: warning: address of local 'local' is stored in global 'gp' (via 'keepPointer'){{.*}}[escape-global]
}

// A builder returned by value, holding the object it adds to and a string
// member it passes on by reference.
class Options;
class Adder {
public:
  Adder(Options &o, std::string g) : m_options(o), m_group(std::move(g)) {}
  Adder &operator()(const std::string &name);

private:
  Options &m_options;
  std::string m_group;
};
class Options {
public:
  Adder add_options(std::string group = "") {
    return Adder(*this, std::move(group));
  }
  void add_option(const std::string &group, const std::string &name) {
    m_groups.push_back(group);
    m_names.push_back(name);
  }
  std::size_t size() const { return m_names.size(); }

private:
  std::vector<std::string> m_groups, m_names;
};
Adder &Adder::operator()(const std::string &name) {
  m_options.add_option(m_group, name);
  return *this;
}
int run() {
  Options options;
  options.add_options()("a")("b");
  return static_cast<int>(options.size());
}

// A polymorphic base may be a derived object that holds addresses: a
// virtual call through `const Shape &` returns one.
struct Shape {
  virtual ~Shape() {}
  virtual int *anchor() const = 0;
};
struct Pinned : Shape {
  int *at = nullptr;
  int *anchor() const override { return at; }
};
int *anchorOf(const Shape &s) { return s.anchor(); }
int *pinned;
void pins() {
  int x = 0;
  Pinned p;
  p.at = &x;
  pinned = anchorOf(p); // CHECK: referent-holds-no-address.cpp:[[@LINE]]:3: warning: address of local 'x' is stored in global 'pinned'{{.*}}[escape-global]
}
