// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --allow-empty --implicit-check-not=warning:

// Found in fmtlib/fmt (fmt::format_to with a custom output iterator, a
// std::back_inserter or an ostream iterator; fmt::to_string of a range:
// test/base-test.cc, test/format-test.cc, test/ranges-test.cc). fmt's
// iterator_buffer holds the output iterator ('out_') and 'ptr_', which points
// at its own inline storage 'data_'. Characters read through 'ptr_' and
// appended to a heap string are taken to be the whole object, iterator
// included, so the iterator's target (a local counter, a local list or
// stream) and the buffer itself are reported as escaping to the heap.

#include <string>

struct Buf {
  char *ptr_;
  int *out_;
  char data_[8];
  explicit Buf(int *o) : ptr_(data_), out_(o) {}
};

std::string *sink;
void flush(Buf &b) { sink->append(b.ptr_, 3); }

// Not reported: only chars are copied into '*sink'; chars cannot
// hold an address. 
void selfPointingBuffer() {
  int count = 0;
  Buf b(&count);

  flush(b);
}

// The same buffer, never copied out: not reported.
int noCopy() {
  int count = 0;
  Buf b(&count);
  return b.ptr_[0] + *b.out_;
}

// Chars copied from a plain local array: not reported.
void plainChars() {
  char local[8] = "abc";
  sink->append(local, 3);
}
