// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning:

// A map keyed by a view, searched with a view of the caller's characters:
// the key of a new element is pointed at the element's own copy before
// anything else reads the result, on every path on which the insert
// inserted. The caller's characters are the key only in between, so the
// insert keeps nothing of them. Where some path that inserts does not
// re-key, or the result is read first, the key is kept.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

// A view key re-pointed at the element's own copy after the insert.
std::unordered_map<std::string_view, std::string> names;

void intern(std::string_view v) {
  auto [it, inserted] = names.try_emplace(v, v);
  if (inserted)
    const_cast<std::string_view &>(it->first) = it->second;
}

void useA() {
  char a[] = "a";
  intern(a);
}

// The same through a pair and *const_cast<K *>(&r.first->first).
std::map<std::string_view, std::string> ordered;

void internPair(std::string_view v) {
  auto r = ordered.emplace(v, std::string(v));
  if (!r.second)
    return;
  *const_cast<std::string_view *>(&r.first->first) = r.first->second;
}

void useB() {
  char b[] = "b";
  internPair(b);
}

// The re-keying step handed in by the caller.
template <class Op> void insertWith(std::string_view v, Op &&op) {
  auto result = names.try_emplace(v, v);
  op(result);
}

void internThroughCallback(std::string_view v) {
  insertWith(v, [](auto result) {
    if (result.second)
      *const_cast<std::string_view *>(&result.first->first) =
          result.first->second;
  });
}

void useC() {
  char c[] = "c";
  internThroughCallback(c);
}

// Not re-keyed on every path that inserts.
void internSometimes(std::string_view v, bool copy) {
  auto [it, inserted] = names.try_emplace(v, v);
  if (inserted && copy)
    const_cast<std::string_view &>(it->first) = it->second;
}

void useD() {
  char d[] = "d";
  internSometimes(d, true); // CHECK: :[[@LINE]]:3: warning: address of local 'd' is stored in global 'names' (via 'internSometimes')
}

// Read before it is re-keyed.
std::string_view last;
void internAfterRead(std::string_view v) {
  auto [it, inserted] = names.try_emplace(v, v);
  last = it->first;
  if (inserted)
    const_cast<std::string_view &>(it->first) = it->second;
}

void useE() {
  char e[] = "e";
  internAfterRead(e); // CHECK: :[[@LINE]]:3: warning: address of local 'e' is stored in global 'names' (via 'internAfterRead')
}

// A return between the insert and the re-keying.
void internOrStop(std::string_view v, bool stop) {
  auto [it, inserted] = names.try_emplace(v, v);
  if (stop)
    return;
  if (inserted)
    const_cast<std::string_view &>(it->first) = it->second;
}

void useF() {
  char f[] = "f";
  internOrStop(f, false); // CHECK: :[[@LINE]]:3: warning: address of local 'f' is stored in global 'names' (via 'internOrStop')
}

// Never re-keyed.
void keep(std::string_view v) { names.try_emplace(v, v); }

void useG() {
  char g[] = "g";
  keep(g); // CHECK: :[[@LINE]]:3: warning: address of local 'g' is stored in global 'names' (via 'keep')
}
