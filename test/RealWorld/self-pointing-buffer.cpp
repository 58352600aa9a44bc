// RUN: %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %clang-escape --caret=false -m %s -- -std=c++20 | FileCheck %s --check-prefix=M --implicit-check-not="leaking param content: out"

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

// fmt::format_to(std::back_inserter(list), ...): the buffer is a lifetime-
// extended temporary ('auto &&buf = get_buffer(out);'), and flushing inserts
// the chars at 'c.end()' of the iterator's container. Neither the position
// iterator nor the stores through 'buf' reach the heap.
#include <iterator>
#include <list>

template <typename C> C &containerOf(std::back_insert_iterator<C> it) {
  struct accessor : std::back_insert_iterator<C> {
    accessor(std::back_insert_iterator<C> b) : std::back_insert_iterator<C>(b) {}
    using std::back_insert_iterator<C>::container;
  };
  return *accessor(it).container;
}
// The position 'c.end()' is not stored into the container: 'out' only
// reaches the result.
// M: self-pointing-buffer.cpp:[[@LINE+2]]:59: leaking param: out to result ~r0 level=0
template <typename OutputIt>
OutputIt copyChars(const char *b, const char *e, OutputIt out) {
  auto &c = containerOf(out);
  c.insert(c.end(), b, e);
  return out;
}
template <typename OutputIt> struct IterBuf {
  OutputIt out_;
  char data_[16];
  char *ptr_;
  explicit IterBuf(OutputIt o) : out_(o), ptr_(data_) {}
  OutputIt out() {
    out_ = copyChars(data_, ptr_, out_);
    return out_;
  }
};
template <typename OutputIt> IterBuf<OutputIt> makeBuf(OutputIt o) {
  return IterBuf<OutputIt>(o);
}
template <typename Buf> auto iteratorOf(Buf &b) { return b.out(); }
template <typename OutputIt> OutputIt formatTo(OutputIt &&out) {
  auto &&buf = makeBuf(out);
  return iteratorOf(buf);
}

// Not reported.
void outputIterator() {
  std::list<char> out;
  formatTo(std::back_inserter(out));
}
