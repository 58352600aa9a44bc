// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// Found in google/leveldb (db/db_impl.cc, DBImpl::RecoverLogFile): a
// log::Reader holds both '&reporter' (whose 'fname' is a local string's
// c_str()) and a heap read buffer; the record it returns points into the
// buffer, its bytes are copied into a WriteBatch (std::string::assign) and
// from there memcpy'd into the memtable. While an object was one location,
// the record was taken to point at whatever the Reader holds, and the chars
// copied out of it to carry the reporter's pointers. Fields are now nodes
// of their own.

#include <cstring>
#include <string>
#include <vector>

struct Reader {
  int *tag_;
  char *buf_;
  explicit Reader(int *t) : tag_(t), buf_(new char[8]) {}
  ~Reader() { delete[] buf_; }
  const char *next() const { return buf_; }
};

const char *g1;
int *g2;

// Not reported: 'next()' returns 'buf_', a heap buffer; '&tag' is in
// the other field.
void otherFieldByReturn() {
  int tag = 0;
  Reader r(&tag);
  g1 = r.next();
}

struct Plain {
  int *tag;
  char *buf;
};

// Not reported: the same, without a call.
void otherFieldDirect() {
  int tag = 0;
  Plain p{&tag, new char[8]};
  g1 = p.buf;
}

// The field that does hold '&tag': reported, correctly.
void sameField() {
  int tag = 0;
  Plain p{&tag, nullptr};
  g2 = p.tag; // CHECK: field-insensitive-object.cpp:[[@LINE]]:3: warning: address of local 'tag' is stored in global 'g2'{{.*}}[escape-global]
}

// leveldb's shape.
struct Slice {
  const char *data_ = nullptr;
  unsigned long size_ = 0;
  Slice() = default;
  Slice(const char *d, unsigned long n) : data_(d), size_(n) {}
  Slice(const std::string &s) : data_(s.data()), size_(s.size()) {}
};
struct Reporter {
  const char *fname;
};
struct LogReader {
  Reporter *reporter_;
  char *backing_;
  Slice buffer_;
  explicit LogReader(Reporter *r) : reporter_(r), backing_(new char[64]) {}
  ~LogReader() { delete[] backing_; }
  bool read(Slice *rec) {
    buffer_ = Slice(backing_, 4);
    *rec = buffer_;
    return true;
  }
};
struct Batch {
  std::string rep_;
};
void setContents(Batch *b, const Slice &c) { b->rep_.assign(c.data_, c.size_); }
struct MemTable {
  std::vector<char *> entries;
  void add(const Slice &k) {
    char *p = new char[k.size_];
    std::memcpy(p, k.data_, k.size_);
    entries.push_back(p);
  }
};

// Not reported: only bytes read from the file reach the memtable;
// 'fname''s buffer is reachable from the reporter only.
void recoverLog(MemTable *mem, int n) {
  std::string fname = "log" + std::to_string(n);
  Reporter reporter;
  reporter.fname = fname.c_str();
  LogReader reader(&reporter);
  Slice record;
  Batch batch;
  while (reader.read(&record)) {
    setContents(&batch, record);
    mem->add(Slice(batch.rep_));
  }
}
