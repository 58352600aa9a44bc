// Real libstdc++ headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --check-prefixes=CHECK,MAYBE

// A pointer into the storage of a vector, a unique_ptr or a class that
// steals its source's pointer when moved stays valid when the owner is
// moved: the storage changes hands, not place. When the owner is moved
// into a member, an element or the result, the pointer it gave out points
// into what that target owns; only a maybe is left. The owner's own
// address, a std::string (short strings live inside it) and a move into
// another local still dangle.

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

void *allocateBytes(std::size_t n);
void freeBytes(void *p);

class Buffer {
public:
  explicit Buffer(std::size_t n)
      : ptr_(static_cast<char *>(allocateBytes(n))), n_(n) {}
  Buffer(Buffer &&o) : ptr_(o.ptr_), n_(o.n_) { o.ptr_ = nullptr; }
  Buffer &operator=(Buffer &&o) {
    freeBytes(ptr_);
    ptr_ = std::exchange(o.ptr_, nullptr);
    n_ = o.n_;
    return *this;
  }
  ~Buffer() { freeBytes(ptr_); }
  char *begin() [[clang::lifetimebound]];

private:
  char *ptr_;
  std::size_t n_;
};

// A library's own move: one lvalue in, an rvalue reference out.
template <typename T> T &&mv(T &t) { return static_cast<T &&>(t); }

class Stream {
public:
  void growWithOwnMove(std::size_t n) {
    std::vector<char> next(n);
    pos_ = next.data(); // MAYBE: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}(maybe: the storage it points into is moved to another owner)
    vec_ = mv(next);
  }
  void growVector(std::size_t n) {
    std::vector<char> next(n);
    pos_ = next.data(); // MAYBE: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}(maybe: the storage it points into is moved to another owner)
    vec_ = std::move(next);
  }
  void growBuffer(std::size_t n) {
    Buffer next(n);
    pos_ = next.begin(); // MAYBE: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}(maybe: the storage it points into is moved to another owner)
    buf_ = std::move(next);
  }
  void intoElement(std::size_t n) {
    auto next = std::make_unique<char[]>(n);
    pos_ = next.get();
    chunks_.push_back(std::move(next));
  }
  void neverMoved(std::size_t n) {
    std::vector<char> next(n);
    pos_ = next.data(); // CHECK: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}[escape-member]
  }
  void intoLocal(std::size_t n) {
    std::vector<char> next(n);
    pos_ = next.data(); // CHECK: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}[escape-member]
    std::vector<char> other = std::move(next);
  }
  void ownAddress(std::size_t n) {
    std::vector<char> next(n);
    self_ = &next; // CHECK: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 'next' is stored into *this{{.*}}[escape-member]
    vec_ = std::move(next);
  }
  void shortString() {
    std::string s = "abc";
    text_ = s.data(); // CHECK: owner-moved-away.cpp:[[@LINE]]:5: warning: address of local 's' is stored into *this{{.*}}[escape-member]
    str_ = std::move(s);
  }

private:
  std::vector<char> vec_;
  Buffer buf_{0};
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::string str_;
  char *pos_ = nullptr;
  const char *text_ = nullptr;
  std::vector<char> *self_ = nullptr;
};

std::pair<char *, std::vector<char>> returned(std::size_t n) {
  std::vector<char> v(n);
  char *p = v.data();
  return {p, std::move(v)};
}

std::vector<char> &referenceToLocal() {
  std::vector<char> v;
  return v; // CHECK: owner-moved-away.cpp:[[@LINE]]:3: warning: address of local 'v' escapes to the caller{{.*}}[escape-return]
}
