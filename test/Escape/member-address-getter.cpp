// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// A getter that returns the address of one member (`operator->` returning
// `&cur_`, `const View &get() const { return cur_; }`) gives the caller that
// member, not the whole object: what the object's other members point to
// does not come back through it.

struct View {
  const char *p = nullptr;
  const char *data() const { return p; }
};

struct Cursor {
  const View *operator->() const { return &cur_; }
  const View &get() const { return cur_; }
  View cur_;
  const int *owner_ = nullptr;
};

const char *g_keep;
const View *g_view;
const char g_text[] = "abc";

// The other member points at a local: it is not what the getter returns.
void arrowGivesOneMember() {
  int local = 0;
  Cursor c;
  c.owner_ = &local;
  c.cur_.p = g_text;
  g_keep = c->data();
}

void getterGivesOneMember() {
  int local = 0;
  Cursor c;
  c.owner_ = &local;
  c.cur_.p = g_text;
  g_keep = c.get().data();
}

// What that member points to does come back.
void arrowGivesItsMember() {
  char buf[4] = "abc";
  Cursor c;
  c.cur_.p = buf;
  g_keep = c->data();
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}'buf'{{.*}}[escape-global]
}

// And so does the member's own address, the object's storage.
void getterGivesTheMembersAddress() {
  Cursor c;
  g_view = &c.get();
  // CHECK: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}'c'{{.*}}[escape-global]
}

// A method passing on a member of its own object: its caller learns the
// same.
struct Holder {
  const View *peek() const { return c.operator->(); }
  Cursor c;
};

void throughAMemberObject() {
  int local = 0;
  Holder h;
  h.c.owner_ = &local;
  h.c.cur_.p = g_text;
  g_keep = h.peek()->data();
}
