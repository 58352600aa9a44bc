//===- Summary.h - Parameter leak tags of a function --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Go's param tags, extended with C++ sinks: where each pointer-carrying
// parameter slot (slot 0 is `this` for methods) flows, with the least number
// of dereferences ("level") on the way. Level 0 is the pointer itself, level
// 1 what it points to.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_SUMMARY_H
#define CLANG_ESCAPE_GRAPH_SUMMARY_H

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace escape {

struct Note;

/// One sink of a parameter slot with its level and explanation.
struct Leak {
  int Level = -1; ///< -1: no flow.
  bool Maybe = false;
  /// The flow happens only when parameter slot GuardSlot is GuardValue
  /// (`if (persist) store(p);`); -1: always.
  int GuardSlot = -1;
  bool GuardValue = false;
  /// The callee-side steps, shown in the caller's -m=2 flow.
  std::string Via;
  /// For the heap: the global, static or thread_local it is kept in, when
  /// the flow ends in one (`static 'h'`); empty for a heap object or an
  /// unknown place.
  std::string Sink;

  bool present() const { return Level >= 0; }
  /// True if a flow at level L (maybe M) would change this leak.
  bool improvedBy(int L, bool M) const {
    return L >= 0 && (Level < 0 || L < Level || (L == Level && Maybe && !M));
  }
  /// Keeps the smaller level; returns true when this changed.
  bool merge(int L, bool M, const std::string &V, const std::string &S = {}) {
    if (improvedBy(L, M)) {
      Level = L;
      Maybe = M;
      Via = V;
      Sink = S;
      GuardSlot = -1;
      return true;
    }
    return false;
  }
};

/// A field of the object a parameter slot refers to: `this->buf_` is
/// {0, "Reader::buf_"}. Fields are named by their qualified name so that a
/// caller in another translation unit finds the same one.
struct FieldRef {
  /// In FieldContent: a field of the returned object (`return {p, q};`).
  static constexpr int ResultSlot = -1;
  /// In FieldContent: the variable a lambda captured by reference, named by
  /// the capture (`[&r] { r = p; }`): the function that made the lambda
  /// knows which of its variables that is.
  static constexpr int CaptureSlot = -2;
  int Slot = -1;
  std::string Field;

  /// In FunctionSummary::Fields: where the field's address goes (`return
  /// &this->curr_;`, a getter returning a reference to one member), level 0
  /// being the address, kept apart from the slot so that a caller that
  /// splits its object passes on just that field.
  static FieldRef addressOf(int Slot, const std::string &Field) {
    return FieldRef{Slot, "&" + Field};
  }
  bool isAddress() const { return !Field.empty() && Field[0] == '&'; }
  /// The field whose address an isAddress() key stands for.
  FieldRef addressed() const { return FieldRef{Slot, Field.substr(1)}; }

  bool operator<(const FieldRef &O) const {
    return std::tie(Slot, Field) < std::tie(O.Slot, O.Field);
  }
  bool operator==(const FieldRef &O) const {
    return Slot == O.Slot && Field == O.Field;
  }
};

/// The tags of one parameter slot.
struct ParamLeaks {
  Leak Heap;
  Leak Thread;
  Leak Coro;
  Leak Result;
  /// Stored into what slot j refers to.
  std::map<int, Leak> Content;
  /// Stored into one field of what a slot refers to (`p->f = x`).
  std::map<FieldRef, Leak> FieldContent;

  bool empty() const {
    return !Heap.present() && !Thread.present() && !Coro.present() &&
           !Result.present() && Content.empty() && FieldContent.empty();
  }
  bool operator==(const ParamLeaks &O) const;
};

/// A function's escape summary.
struct FunctionSummary {
  std::string Name;
  std::vector<ParamLeaks> Slots;
  /// Where the value a field of a slot's object holds on entry goes
  /// (`return this->buf_;`), with levels counted from the field's value;
  /// under FieldRef::addressOf(), where the field's address goes.
  std::map<FieldRef, ParamLeaks> Fields;
  /// The function returns fresh storage: its result is only its own `new`
  /// or another such function's result, reaching nothing else (a factory
  /// that registers what it makes does not). A call of it is an allocation
  /// site in the caller (CallSite::Fresh).
  bool ReturnsAlloc = false;
  /// With ReturnsAlloc: a callee without a body may keep the object too
  /// (`publish(node)` calling subscribers nobody can see): what a caller
  /// stores into it is a maybe, not nothing.
  bool FreshMaybeKept = false;
  /// Not ReturnsAlloc only because the result may also be one of these
  /// pointer parameters, handed back as given (`realloc(old, n)` returning
  /// `old`): a call given a null pointer in each of them returns fresh
  /// storage. Sorted.
  std::vector<int> FreshUnlessGiven;
  /// Calls of it are conservative defaults, not facts (`via unknown 'f'`).
  bool Unknown = false;
  /// The result may hold an address that no parameter explains (a global,
  /// a fresh allocation, an unknown callee's result): a store through it
  /// lands anywhere. False once solving showed that every address in the
  /// result comes from the parameters (`return Handle{nodes_.back()}`).
  bool ResultFromOutside = true;
  /// A destructor, or another method, that runs, destroys or joins the work
  /// its object holds: calling it (destroying the object) waits for the
  /// work handed to it (CallSite::DrainedBy).
  bool Drains = false;
  /// A method that waits on its own state, a condition's `wait(lock)`
  /// included: called on a local that work handed off holds, it waits for
  /// the work's signal (CallSite::SignalledBy).
  bool Blocks = false;
  /// Parameter slots whose object the function waits on: a loop that ends
  /// on a test of its atomic state (`while (w.pending())`, a dispatch loop
  /// that breaks once a wait context is released), in its body or in a
  /// callee given the object or a local holding it. Handed work that
  /// holds that object, it returns once the work said it is done
  /// (CallSite::WaitsOnArgs). Sorted.
  std::vector<int> WaitsOn;
  /// Parameter slots whose object receives the address of an object the
  /// function allocates and hands to nothing else (`*out = new T;`): a
  /// caller's out-parameter then points to a fresh object of the call
  /// (CallSite::Fresh), not to anything. Sorted.
  std::vector<int> FreshOut;
  /// The pointer members the function writes, by qualified name: a call of
  /// it given an object that the caller linked a node into through one of
  /// them may unlink the node (CallSite::Unlinks). Sorted.
  std::vector<std::string> Writes;
  /// The globals it stores an address into, and those it gives a new value
  /// or empties (`g = nullptr`, `list.clear()`), its callees in its own
  /// unit three calls deep included, by qualified name: a caller in another
  /// unit pairs a store with a later clear (FunctionGraph::GlobalReleases).
  /// Sorted.
  std::vector<std::string> GlobalsStored, GlobalsCleared;

  bool operator==(const FunctionSummary &O) const {
    return Slots == O.Slots && Fields == O.Fields &&
           ReturnsAlloc == O.ReturnsAlloc &&
           FreshMaybeKept == O.FreshMaybeKept &&
           FreshUnlessGiven == O.FreshUnlessGiven && Unknown == O.Unknown &&
           ResultFromOutside == O.ResultFromOutside && Drains == O.Drains &&
           Blocks == O.Blocks && WaitsOn == O.WaitsOn &&
           FreshOut == O.FreshOut && Writes == O.Writes &&
           GlobalsStored == O.GlobalsStored &&
           GlobalsCleared == O.GlobalsCleared;
  }
};

inline bool ParamLeaks::operator==(const ParamLeaks &O) const {
  auto Same = [](const Leak &A, const Leak &B) {
    return A.Level == B.Level && A.Maybe == B.Maybe &&
           A.GuardSlot == B.GuardSlot && A.GuardValue == B.GuardValue;
  };
  auto SameMap = [&](const auto &A, const auto &B) {
    if (A.size() != B.size())
      return false;
    for (auto &[K, V] : A) {
      auto It = B.find(K);
      if (It == B.end() || !Same(V, It->second))
        return false;
    }
    return true;
  };
  return Same(Heap, O.Heap) && Same(Thread, O.Thread) && Same(Coro, O.Coro) &&
         Same(Result, O.Result) && SameMap(Content, O.Content) &&
         SameMap(FieldContent, O.FieldContent);
}

/// The leaks of slot I with its fields folded in (a field's value is one
/// level below the slot's): the view -m and annotations print.
ParamLeaks slotLeaks(const FunctionSummary &S, size_t I);

} // namespace escape

#endif
