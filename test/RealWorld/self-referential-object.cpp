// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/repair.cc, RepairDB): 'Repairer' keeps in its
// 'options_' the addresses of its own members ('&icmp_'), and 'Run()' returns
// a Status computed from other members. With one location per object, the
// returned value "carried" the object's own address, and
// 'Repairer r(...); return r.Run();' was reported as returning '&r'.

#include <cstdlib>
#include <cstring>
#include <string>

struct Repairer {
  int icmp_;
  int *opts_;
  char *msg_;
  Repairer() : icmp_(0), opts_(&icmp_), msg_(nullptr) {}
  char *run() {
    msg_ = strdup("ok");
    return msg_;
  }
  int *comparator() { return opts_; }
};

// Not reported: the result is a strdup'ed buffer, not an address
// inside 'r'.
char *selfReferentialReturn() {
  Repairer r;
  return r.run();
}

// leveldb's Status: the message bytes are memcpy'd out of a Slice of a
// member string; the returned Status holds a fresh buffer.
struct Slice {
  const char *data_;
  unsigned long size_;
  Slice(const std::string &s) : data_(s.data()), size_(s.size()) {}
  const char *data() const { return data_; }
};
struct Status {
  const char *state_ = nullptr;
  Status() = default;
  explicit Status(const Slice &msg) {
    char *result = new char[msg.size_ + 5];
    std::memcpy(result + 5, msg.data(), msg.size_);
    state_ = result;
  }
};
struct Repairer2 {
  std::string name_ = "db";
  int icmp_ = 0;
  int *opts_;
  Repairer2() : opts_(&icmp_) {}
  Status findFiles() { return Status(Slice(name_)); }
  Status run() {
    Status s = findFiles();
    return s;
  }
};

// Not reported: the Status holds a heap copy of the bytes.
Status repairDB() {
  Repairer2 r;
  return r.run();
}

// Returning the self-pointer does dangle: reported, correctly.
int *selfPointerReturned() {
  Repairer r;
  return r.comparator(); // CHECK: self-referential-object.cpp:[[@LINE]]:3: warning: address of local 'r' escapes to the caller; 'r' dangles when 'selfPointerReturned' returns [escape-return]
}
