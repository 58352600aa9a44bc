//===- ReportBuilder.cpp - Findings and remarks from a solved program -----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Every finding is placed at the escaping statement: the outermost step of
// the last edge of its flow (the return, the assignment, the call that
// keeps the address), never at the closing brace.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Report/Finding.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace escape {

namespace {

std::string subjectName(const Location &L) {
  switch (L.Kind) {
  case LocKind::Temporary:
    return L.Name;
  case LocKind::Param:
    return "parameter '" + L.Name + "'";
  case LocKind::Alloc:
    return L.Name;
  default:
    return "local '" + L.Name + "'";
  }
}

/// The explanation of a path, innermost step first.
std::vector<Note> flowOf(const SolvedFunction &S,
                         const std::vector<int> &Path) {
  std::vector<Note> Out;
  for (int EI : Path) {
    const Edge &E = S.Edges[EI];
    for (auto It = E.Notes.rbegin(); It != E.Notes.rend(); ++It)
      Out.push_back(*It);
  }
  return Out;
}

/// Go's -m=2 explanation lines for a path.
std::vector<std::string> explain(const FunctionGraph &G,
                                 const SolvedFunction &S,
                                 const std::vector<int> &Path) {
  std::vector<std::string> Lines;
  for (int EI : Path) {
    const Edge &E = S.Edges[EI];
    std::string Op = E.Derefs < 0 ? "&" : std::string(E.Derefs, '*');
    Lines.push_back("  flow: " + G.Locs[E.Dst].Name + " = " + Op +
                    G.Locs[E.Src].Name + ":");
    for (auto It = E.Notes.rbegin(); It != E.Notes.rend(); ++It)
      Lines.push_back("    from " + describeNote(*It));
  }
  return Lines;
}

bool pathHas(const SolvedFunction &S, const std::vector<int> &Path,
             const char *Why) {
  for (int EI : Path)
    for (const Note &N : S.Edges[EI].Notes)
      if (N.Why.find(Why) != std::string::npos)
        return true;
  return false;
}

/// A local of main's outermost block lives until the program exits: kept
/// in a global, on the heap or in what main's parameters point to (argv's
/// array), it outlives every use but those of static destructors.
bool livesUntilExit(const FunctionGraph &G, const Location &Local,
                    const Location &Root) {
  return G.Name == "main" &&
         (Root.Kind == LocKind::Heap || Root.Kind == LocKind::ParamContent) &&
         Local.Kind == LocKind::Local && Local.Scope >= 0 &&
         G.Scopes[Local.Scope].Parent <= 0 && !G.Scopes[Local.Scope].Loop;
}

/// The last step of a path that says something: edges that only join a
/// field's node to its object carry no note.
const Edge *lastStep(const SolvedFunction &S, const std::vector<int> &Path) {
  for (auto It = Path.rbegin(); It != Path.rend(); ++It)
    if (!S.Edges[*It].Notes.empty())
      return &S.Edges[*It];
  return Path.empty() ? nullptr : &S.Edges[Path.back()];
}
/// Where a finding is: the statement of the path's last step, which
/// stores the address into its sink, else the subject's declaration.
SourcePos storePos(const SolvedFunction &S, const std::vector<int> &Path,
                   const Location &X) {
  const Edge *Last = lastStep(S, Path);
  return Last && !Last->Notes.empty() && Last->Notes.front().Pos.valid()
             ? Last->Notes.front().Pos
             : X.Pos;
}

void escapeFinding(const FunctionGraph &G, const SolvedFunction &S,
                   const EscapeFact &F, const ReportOptions &Opts,
                   Report &Out) {
  const Location &X = G.Locs[F.Loc];
  if (X.Kind == LocKind::Alloc)
    return;
  // A pointer into the storage of an owner whose storage a move hands away
  // (`p_ = v.data(); vec_ = std::move(v);`) points into what the move's
  // target owns then. Only the object's own address (`&v`) surely dies
  // with it.
  bool IntoMovedStorage = false;
  if (X.MovedAway)
    for (int EI : F.Path)
      if (!S.Edges[EI].Notes.empty()) {
        IntoMovedStorage = llvm::none_of(S.Edges[EI].Notes, [](const Note &N) {
          return N.Why == "address-of";
        });
        break;
      }
  bool Maybe = F.Maybe || IntoMovedStorage;
  if (Maybe && !Opts.IncludeMaybe)
    return;
  const Location &R = G.Locs[F.Root];
  if (livesUntilExit(G, X, R))
    return;
  Finding Fi;
  Fi.Function = G.Name;
  Fi.Subject = X.Name;
  Fi.SubjectPos = X.Pos;
  Fi.Maybe = Maybe;
  Fi.Flow = flowOf(S, F.Path);
  Fi.SubjectLoc = F.Loc;
  Fi.Path = F.Path;
  Fi.Sink = G.Locs[F.Root].Name;
  const Edge *Last = lastStep(S, F.Path);
  Fi.Pos = storePos(S, F.Path, X);
  std::string Who = subjectName(X);
  bool FullExpr = X.Kind == LocKind::Temporary && X.Scope >= 0 &&
                  X.Scope < static_cast<int>(G.Scopes.size()) &&
                  G.Scopes[X.Scope].FullExpr;
  std::string Dangles =
      FullExpr ? "it is destroyed at the end of the full-expression"
      : X.Kind == LocKind::Temporary
          ? "it is destroyed when its scope in '" + G.Name + "' ends"
      // A coroutine's locals live in its frame, past each suspension.
      : G.IsCoroutine
          ? "'" + X.Name + "' dangles when coroutine '" + G.Name +
                "' completes and its frame is destroyed"
          : "'" + X.Name + "' dangles when '" + G.Name + "' returns";
  bool Lambda = pathHas(S, F.Path, "captured by");
  GlobalSink GS = globalSink(G, S.Edges, F.Path);
  std::string AddrOf = X.Kind == LocKind::Temporary ? Who : "address of " + Who;
  switch (R.Kind) {
  case LocKind::Result:
    Fi.Check = "escape-return";
    Fi.Message = AddrOf + " escapes to the caller; " + Dangles;
    break;
  case LocKind::ParamContent:
    if (R.Slot == FieldRef::CaptureSlot) {
      // A variable of the function that made the lambda, captured by
      // reference: it outlives the lambda's (or its caller's) frame.
      Fi.Check = "escape-return";
      Fi.Message = AddrOf + " is stored into '" + R.TypeName +
                   "', which a lambda captured by reference and which "
                   "outlives it; " +
                   Dangles;
    } else if (!R.Field.empty() && R.Field[0] == '*') {
      // Through a reference member of what a parameter refers to.
      Fi.Check = "escape-member";
      std::string Member = R.Name.size() > 3 && R.Name.rfind("{*", 0) == 0
                               ? R.Name.substr(2, R.Name.size() - 3)
                               : R.Name;
      Fi.Message = AddrOf + " is stored into what '" + Member +
                   "' refers to, which outlives it; " + Dangles;
    } else if (R.Slot == 0 && G.SlotNames.size() > 0 &&
               G.SlotNames[0] == "this") {
      Fi.Check = "escape-member";
      Fi.Message =
          AddrOf + " is stored into *this, which outlives it; " + Dangles;
    } else {
      std::string P = R.Slot >= 0 && R.Slot < (int)G.SlotNames.size()
                          ? G.SlotNames[R.Slot]
                          : "?";
      bool Member =
          Last && !Last->Notes.empty() &&
          (Last->Notes.front().Why == "assign to member" ||
           Last->Notes.front().Why == "store to member" ||
           Last->Notes.front().Why.rfind("stored into the object", 0) == 0);
      Fi.Check = Member ? "escape-member" : "escape-return";
      Fi.Message = AddrOf +
                   (Member ? " is stored into the object parameter '" + P +
                                 "' refers to; "
                           : " escapes to the caller through "
                             "parameter '" +
                                 P + "'; ") +
                   Dangles;
    }
    break;
  case LocKind::Heap: {
    std::string Via;
    for (int EI : F.Path)
      for (const Note &N : S.Edges[EI].Notes)
        if (N.Why.rfind("kept via", 0) == 0)
          Via = N.Why.substr(5);
    if (!GS.Name.empty()) {
      Fi.Check = "escape-global";
      Fi.Sink = GS.sink();
      Fi.Message = AddrOf + " is stored in " + GS.text() +
                   (GS.ByCallee && !Via.empty() ? " (" + Via + ")" : "") +
                   "; " + Dangles;
    } else {
      Fi.Check = "escape-heap";
      Fi.Message = AddrOf + " escapes to the heap" +
                   (Via.empty() ? "" : " (" + Via + " keeps it)") + "; " +
                   Dangles;
    }
    break;
  }
  case LocKind::Thread:
    Fi.Check = "escape-thread";
    Fi.Message =
        AddrOf + " is handed to a thread that may outlive it; " + Dangles;
    break;
  case LocKind::CoroFrame:
    Fi.Check = "escape-coroutine";
    Fi.Message =
        AddrOf + " is kept in a coroutine frame that outlives it; " + Dangles;
    break;
  case LocKind::Local:
  case LocKind::Param: // a by-value parameter: a local of the function
    Fi.Check = "escape-scope";
    Fi.Sink = R.Name;
    Fi.Message =
        X.Kind == LocKind::Temporary
            ? Who + " is destroyed at the end of the full-expression, but '" +
                  R.Name +
                  (X.Scope >= 0 && R.LastUse <= G.Scopes[X.Scope].EndOffset
                       ? "' keeps its address: it dangles from here on"
                       : "' keeps its address and is used later")
            : AddrOf + " is kept in '" + R.Name +
                  "', which is used after the scope of '" + X.Name + "' ends";
    break;
  default:
    return;
  }
  if (Lambda && R.Kind != LocKind::Thread && R.Kind != LocKind::Local &&
      R.Kind != LocKind::Param) {
    Fi.Check = "escape-lambda-capture";
    bool ByRef = pathHas(S, F.Path, "captured by reference");
    Fi.Message = "lambda expression captures " +
                 (ByRef ? Who + " by reference" : "a pointer to " + Who) +
                 " and outlives it (sink " + Fi.Sink + "); " + Dangles;
  }
  // RAII registration: an object whose destructor does work may remove
  // itself from where it was stored, a longer-lived local included (an
  // observer whose base disconnects it from the signal).
  if (X.Unregisters &&
      (R.Kind == LocKind::Heap ||
       (R.Kind == LocKind::Local && X.Kind == LocKind::Local)) &&
      !Fi.Maybe) {
    if (!Opts.IncludeMaybe)
      return;
    Fi.Maybe = true;
    Fi.Message += " (maybe: its destructor may unregister it)";
  }
  if (F.Maybe)
    Fi.Message += " (maybe: rests on a conservative assumption)";
  else if (IntoMovedStorage)
    Fi.Message += " (maybe: the storage it points into is moved to another "
                  "owner)";
  Out.Findings.push_back(std::move(Fi));
}

/// escape-scope for an object a `delete` or `free()` ends while a local
/// keeps its address and reads it afterwards.
void freedFinding(const FunctionGraph &G, const SolvedFunction &S,
                  const FreedUse &F, const ReportOptions &Opts, Report &Out) {
  if (F.Maybe && !Opts.IncludeMaybe)
    return;
  const Location &X = G.Locs[F.Loc];
  const Location &R = G.Locs[F.Root];
  const FreeSite &FS = G.Frees[F.Free];
  Finding Fi;
  Fi.Check = "escape-scope";
  Fi.Function = G.Name;
  Fi.Subject = X.Name;
  Fi.SubjectPos = X.Pos;
  Fi.SubjectLoc = F.Loc;
  Fi.Sink = R.Name;
  Fi.Path = F.Path;
  Fi.Flow = flowOf(S, F.Path);
  Fi.Flow.push_back(Note{"freed", FS.Spelling, FS.Pos});
  Fi.Pos = storePos(S, F.Path, X);
  std::string Who = subjectName(X);
  Fi.Message = Who + " is freed by '" + FS.Spelling + "' at line " +
               std::to_string(FS.Pos.Line) + ", but '" + R.Name +
               "' keeps its address and is used after that";
  Fi.Maybe = F.Maybe;
  if (F.Maybe)
    Fi.Message += " (maybe: it may point to another object then)";
  Out.Findings.push_back(std::move(Fi));
}

/// Allocations owned by local smart pointers, with the owner: what
/// reaches the owner's value directly (make_unique) or through its
/// constructor (unique_ptr<T> p(new T)).
std::map<int, int> ownedAllocs(const FunctionGraph &G,
                               const SolvedFunction &S) {
  std::map<int, int> Owned;
  std::vector<std::vector<int>> In;
  for (size_t L = 0; L < G.Locs.size(); ++L) {
    if (!G.Locs[L].SmartOwner)
      continue;
    if (In.empty()) {
      In.resize(G.Locs.size());
      for (size_t I = 0; I < S.Edges.size(); ++I)
        In[S.Edges[I].Dst].push_back(static_cast<int>(I));
    }
    std::vector<int> Work{static_cast<int>(L)};
    std::set<int> Seen;
    while (!Work.empty()) {
      int Cur = Work.back();
      Work.pop_back();
      if (!Seen.insert(Cur).second)
        continue;
      for (int EI : In[Cur]) {
        const Edge &E = S.Edges[EI];
        LocKind K = G.Locs[E.Src].Kind;
        if (K == LocKind::Alloc && E.Derefs == -1)
          Owned.emplace(E.Src, static_cast<int>(L));
        else if (E.Derefs == 0 &&
                 (K == LocKind::Flow || K == LocKind::Temporary))
          Work.push_back(E.Src);
      }
    }
  }
  return Owned;
}

/// A path that borrows from a smart pointer: get(), operator->, operator*.
bool borrowsFromOwner(const SolvedFunction &S, const std::vector<int> &Path) {
  for (int EI : Path)
    for (const Note &N : S.Edges[EI].Notes)
      if (N.Why.rfind("returned via '", 0) == 0 &&
          (N.Why.find("_ptr<") != std::string::npos ||
           N.Why.find("_ptr_access<") != std::string::npos) &&
          (N.Why.find("::get'") != std::string::npos ||
           N.Why.find("::operator->'") != std::string::npos ||
           N.Why.find("::operator*'") != std::string::npos))
        return true;
  return false;
}

/// The object a local smart pointer owns dies with it: a raw pointer or
/// reference to it that outlives the owner dangles.
void ownedObjectFindings(const FunctionGraph &G, const SolvedFunction &S,
                         const std::map<int, int> &Owned,
                         const ReportOptions &Opts, Report &Out) {
  for (const EscapeFact &F : S.Escapes) {
    auto It = Owned.find(F.Loc);
    if (It == Owned.end() || F.Maybe || !borrowsFromOwner(S, F.Path))
      continue;
    const Location &R = G.Locs[F.Root];
    if (R.Kind != LocKind::Result && R.Kind != LocKind::ParamContent &&
        R.Kind != LocKind::Heap)
      continue;
    // Owned by a local that lives until the program exits, it does too.
    const Location &Owner = G.Locs[It->second];
    if (livesUntilExit(G, Owner, R))
      continue;
    // As for a local: its destructor may remove it from where it was put.
    bool Unregisters = G.Locs[F.Loc].Unregisters && R.Kind == LocKind::Heap;
    if (Unregisters && !Opts.IncludeMaybe)
      continue;
    const Edge &Last = *lastStep(S, F.Path);
    Finding Fi;
    Fi.Maybe = Unregisters;
    // Into a global the path names: escape-global, naming it.
    GlobalSink GS =
        R.Kind == LocKind::Heap ? globalSink(G, S.Edges, F.Path) : GlobalSink();
    Fi.Check = R.Kind == LocKind::Result         ? "escape-return"
               : R.Kind == LocKind::ParamContent ? "escape-member"
               : !GS.Name.empty()                ? "escape-global"
                                                 : "escape-heap";
    Fi.Function = G.Name;
    Fi.Subject = G.Locs[F.Loc].Name;
    Fi.SubjectPos = G.Locs[F.Loc].Pos;
    Fi.Sink = GS.Name.empty() ? R.Name : GS.sink();
    Fi.Pos = !Last.Notes.empty() && Last.Notes.front().Pos.valid()
                 ? Last.Notes.front().Pos
                 : G.Locs[F.Loc].Pos;
    Fi.Flow = flowOf(S, F.Path);
    Fi.SubjectLoc = F.Loc;
    Fi.Path = F.Path;
    Fi.Message = "the object owned by local smart pointer '" + Owner.Name +
                 "' (" + G.Locs[F.Loc].Name + ") escapes through a raw " +
                 "pointer or reference (sink " + Fi.Sink +
                 "); it is destroyed with '" + Owner.Name + "'";
    if (Unregisters)
      Fi.Message += " (maybe: its destructor may unregister it)";
    Out.Findings.push_back(std::move(Fi));
  }
}

/// Frames, type erasure and allocations; and the findings decided while
/// lowering (coroutine parameters, unless CallersSeen: the function is
/// called in the program, where each call is judged).
void perfFindings(const FunctionGraph &G, const SolvedFunction &S,
                  const ReportOptions &Opts, bool CallersSeen, Report &Out) {
  std::map<int, int> Owned = ownedAllocs(G, S);
  ownedObjectFindings(G, S, Owned, Opts, Out);
  // A call's object that its callee did not create (CallSite::Fresh
  // without FunctionSummary::FreshOut): nothing comes from it.
  std::vector<bool> Used(G.Locs.size(), false);
  for (const Edge &E : S.Edges)
    Used[E.Src] = true;
  for (size_t L = 0; L < G.Locs.size(); ++L) {
    Location A = G.Locs[L];
    if (A.Kind != LocKind::Alloc || (A.Alloc.CustomAlloc && !Used[L]))
      continue;
    if (Owned.count(static_cast<int>(L)))
      A.Alloc.Released = true;
    bool Escapes = S.AddressEscapes[L] || A.Exposed;
    std::string Decision =
        A.Name + (Escapes ? " escapes to heap" : " does not escape");
    Out.Remarks.push_back(Remark{A.Pos, Decision, {}});
    if (Escapes || !A.Alloc.Released || !A.Size.Constant ||
        A.Size.Bytes > Opts.MaxStackCandidateBytes || A.Alloc.CustomAlloc ||
        A.Alloc.OverAligned)
      continue;
    Finding Fi;
    Fi.Check = "escape-stack-candidate";
    Fi.Class = FindingClass::Perf;
    Fi.Pos = A.Pos;
    Fi.Function = G.Name;
    Fi.Subject = A.Name;
    Fi.SubjectPos = A.Pos;
    Fi.SubjectLoc = static_cast<int>(L);
    Fi.Sink = "";
    Fi.Message = "stack candidate: " + A.Name + " (" +
                 std::to_string(A.Size.Bytes) + " bytes) never escapes '" +
                 G.Name + "' and is released in it; it can live on the stack";
    Out.Findings.push_back(std::move(Fi));
  }
  for (const FunctionGraph::LocalFinding &LF : G.Local) {
    // A coroutine whose calls are all in the program is judged at each
    // call: the frame keeps the argument's address in the returned object,
    // which dangles only where that object outlives the argument.
    if (CallersSeen && LF.Check == "escape-coroutine")
      continue;
    Finding Fi;
    Fi.Check = LF.Check;
    Fi.Class =
        LF.Check == "escape-coroutine" ? FindingClass::Bug : FindingClass::Perf;
    Fi.Pos = LF.Pos;
    Fi.Function = G.Name;
    Fi.Subject = LF.Subject;
    Fi.SubjectPos = LF.Pos;
    Fi.Sink = LF.Check == "escape-coroutine" ? "{coroutine frame}" : "";
    Fi.Message = LF.Message;
    Fi.Flow = LF.Flow;
    Out.Findings.push_back(std::move(Fi));
  }
}

/// Go's "x does not escape" for the locals whose address is taken.
void localRemarks(const FunctionGraph &G, const SolvedFunction &S,
                  Report &Out) {
  std::vector<bool> Taken(G.Locs.size(), false);
  for (const Edge &E : S.Edges)
    if (E.Derefs < 0)
      Taken[E.Src] = true;
  for (const EscapeFact &F : S.Escapes) // escape-scope findings included
    Taken[F.Loc] = false;
  for (size_t L = 0; L < G.Locs.size(); ++L) {
    const Location &X = G.Locs[L];
    if (Taken[L] && !S.AddressEscapes[L] &&
        (X.Kind == LocKind::Local ||
         (X.Kind == LocKind::Param && X.Slot >= 0 &&
          G.SlotKinds.size() > (size_t)X.Slot && G.SlotKinds[X.Slot] == 'v')))
      Out.Remarks.push_back(Remark{X.Pos, X.Name + " does not escape", {}});
  }
}

void paramRemarks(const FunctionGraph &G, const SolvedFunction &S,
                  Report &Out) {
  // A lambda's `this` is its closure: its captures, not a parameter anyone
  // passes.
  bool Lambda = G.Name.find("lambda@") != std::string::npos;
  for (size_t I = 0; I < G.SlotLocs.size(); ++I) {
    int L = G.SlotLocs[I];
    if (L < 0 || (Lambda && I == 0))
      continue;
    const ParamLeaks P = slotLeaks(S.Summary, I);
    bool Pointer = G.SlotContents[I] >= 0 &&
                   (I >= G.SlotKinds.size() || G.SlotKinds[I] != 'v');
    if (P.empty() && !Pointer)
      continue;
    const std::string &N = G.SlotNames[I];
    SourcePos Pos = G.Locs[L].Pos;
    auto Add = [&](std::string M) {
      Out.Remarks.push_back(Remark{Pos, std::move(M), {}});
    };
    if (P.empty()) {
      Add(N + " does not escape");
      continue;
    }
    std::string Maybe;
    if (P.Heap.present())
      Add(std::string(P.Heap.Level == 0 ? "leaking param: " + N
                                        : "leaking param content: " + N) +
          (P.Heap.Maybe ? " (via unknown callee)" : "") +
          (P.Heap.GuardSlot >= 0 &&
                   P.Heap.GuardSlot < static_cast<int>(G.SlotNames.size())
               ? std::string(" (only if ") + (P.Heap.GuardValue ? "" : "!") +
                     G.SlotNames[P.Heap.GuardSlot] + ")"
               : std::string()));
    if (P.Result.present())
      Add("leaking param: " + N +
          " to result ~r0 level=" + std::to_string(P.Result.Level));
    for (auto &[J, Lk] : P.Content)
      Add("leaking param: " + N + " to " +
          (J >= 0 && J < (int)G.SlotNames.size()
               ? (G.SlotNames[J] == "this" ? std::string("*this")
                                           : "*" + G.SlotNames[J])
           : J == FieldRef::CaptureSlot ? std::string("{captured variable}")
                                        : std::string("*?")) +
          " level=" + std::to_string(Lk.Level));
    if (P.Thread.present())
      Add("leaking param: " + N +
          " to {thread} level=" + std::to_string(P.Thread.Level));
    if (P.Coro.present())
      Add("leaking param: " + N +
          " to {coroutine frame} level=" + std::to_string(P.Coro.Level));
  }
}

/// Annotations the summary proves: a parameter that reaches only the
/// result (level 0) is lifetimebound; a pointer that reaches nothing is
/// noescape. Only definite facts, and never for coroutines.
void annotationFixIts(const FunctionGraph &G, const SolvedFunction &S,
                      Report &Out) {
  if (G.IsCoroutine)
    return;
  for (size_t I = 0; I < G.SlotAnnotate.size() && I < S.Summary.Slots.size();
       ++I) {
    const SourcePos &At = G.SlotAnnotate[I];
    if (!At.valid() || I >= G.SlotKinds.size())
      continue;
    char K = G.SlotKinds[I];
    const ParamLeaks P = slotLeaks(S.Summary, I);
    const std::string &N = G.SlotNames[I];
    bool OnlyResult = P.Result.present() && P.Result.Level == 0 &&
                      !P.Result.Maybe && !P.Heap.present() &&
                      !P.Thread.present() && !P.Coro.present() &&
                      P.Content.empty();
    if ((K == 'r' || K == 'p') && OnlyResult && G.ReturnKind != "void") {
      Out.FixIts.push_back(
          {"escape-annotate-lifetimebound", At, " [[clang::lifetimebound]]",
           "parameter '" + N + "' of '" + G.Name +
               "' only leaks to the result; mark it [[clang::lifetimebound]]"});
    } else if (K == 'p' && P.empty()) {
      Out.FixIts.push_back(
          {"escape-annotate-noescape", At, " [[clang::noescape]]",
           "pointer parameter '" + N + "' of '" + G.Name +
               "' does not escape; mark it [[clang::noescape]]"});
    }
  }
}

} // namespace

ReportBuilder::ReportBuilder(const Program &P, const ReportOptions &Opts)
    : Opts(Opts) {
  for (const FunctionGraph &G : P.graphs())
    for (const CallSite &C : G.Calls)
      Called.insert(C.CalleeKey);
  // An overrider of a method called virtually is called there: a virtual
  // call merges every overrider's summary (a coroutine overriding
  // `Service::request` is judged where the server calls `request`).
  for (const FunctionGraph &G : P.graphs())
    if (llvm::any_of(G.Overrides,
                     [&](const std::string &O) { return Called.count(O); }))
      Called.insert(G.Key);
  // Every unit has its own copy of an internal function defined in a
  // header (`static`, or in an anonymous namespace), and the copy of an
  // inline caller that stays after linking calls one of them: a copy is
  // called when the one defined at the same place is.
  std::set<std::tuple<std::string, unsigned, unsigned>> CalledAt;
  for (const FunctionGraph &G : P.graphs())
    if (Called.count(G.Key) && G.Pos.Line)
      CalledAt.insert({G.Pos.File, G.Pos.Line, G.Pos.Column});
  for (const FunctionGraph &G : P.graphs())
    if (CalledAt.count({G.Pos.File, G.Pos.Line, G.Pos.Column}))
      Called.insert(G.Key);
}

void ReportBuilder::add(size_t I, const FunctionGraph &G,
                        const SolvedFunction &S) {
  if (!G.MainFile)
    return;
  size_t FirstFinding = Out.Findings.size();
  if (!G.Conservative.empty())
    Out.Remarks.push_back(
        Remark{G.Pos,
               "'" + G.Name + "' analyzed conservatively: " + G.Conservative,
               {}});
  for (const EscapeFact &F : S.Escapes) {
    escapeFinding(G, S, F, Opts, Out);
    const Location &X = G.Locs[F.Loc];
    if (X.Kind == LocKind::Alloc || (F.Maybe && !Opts.IncludeMaybe) ||
        F.AnotherReturn)
      continue;
    Out.Remarks.push_back(Remark{X.Pos,
                                 X.Name + " escapes to " + G.Locs[F.Root].Name,
                                 explain(G, S, F.Path)});
  }
  for (const FreedUse &F : S.FreedUses)
    freedFinding(G, S, F, Opts, Out);
  perfFindings(G, S, Opts, Called.count(G.Key) > 0, Out);
  paramRemarks(G, S, Out);
  localRemarks(G, S, Out);
  annotationFixIts(G, S, Out);
  for (size_t J = FirstFinding; J < Out.Findings.size(); ++J)
    Out.Findings[J].Graph = static_cast<int>(I);
}

void ReportBuilder::addReported(size_t Base,
                                const std::vector<Finding> &Findings,
                                const std::vector<Remark> &Remarks,
                                const std::vector<FixIt> &FixIts) {
  for (const Finding &F : Findings) {
    Out.Findings.push_back(F);
    Out.Findings.back().Graph += static_cast<int>(Base);
  }
  Out.Remarks.insert(Out.Remarks.end(), Remarks.begin(), Remarks.end());
  Out.FixIts.insert(Out.FixIts.end(), FixIts.begin(), FixIts.end());
}

Report makeReport(const Program &P, const ReportOptions &Opts) {
  ReportBuilder B(P, Opts);
  const auto &Graphs = P.graphs();
  const auto &Solved = P.solved();
  for (size_t I = 0; I < Graphs.size() && I < Solved.size(); ++I)
    B.add(I, Graphs[I], Solved[I]);
  return B.take();
}

Report ReportBuilder::take() {
  // One finding per statement, subject and check. A temporary made in a
  // template is one finding for all its instantiations: its type's name
  // differs in its template arguments only. Definite in one instantiation
  // and a maybe in another, the definite one is shown, whether maybes are
  // reported or not.
  std::map<
      std::tuple<std::string, unsigned, unsigned, std::string, std::string>,
      size_t>
      Seen;
  std::vector<Finding> Unique;
  for (Finding &F : Out.Findings) {
    auto [It, New] = Seen.try_emplace({F.Pos.File, F.Pos.Line, F.Pos.Column,
                                       mergedSubject(F.Subject), F.Check},
                                      Unique.size());
    if (New)
      Unique.push_back(std::move(F));
    else if (Unique[It->second].Maybe && !F.Maybe)
      Unique[It->second] = std::move(F);
  }
  Out.Findings = std::move(Unique);
  sortByPosition(Out);
  return std::move(Out);
}

std::string mergedSubject(const std::string &Subject) {
  llvm::StringRef S = Subject;
  if (S.starts_with("temporary '"))
    S = S.take_until([](char C) { return C == '<'; });
  return S.str();
}

void sortByPosition(Report &R) {
  auto ByPos = [](const SourcePos &A, const SourcePos &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  };
  std::stable_sort(
      R.Findings.begin(), R.Findings.end(),
      [&](const Finding &A, const Finding &B) { return ByPos(A.Pos, B.Pos); });
  std::stable_sort(
      R.Remarks.begin(), R.Remarks.end(),
      [&](const Remark &A, const Remark &B) { return ByPos(A.Pos, B.Pos); });
}

} // namespace escape
