//===- Solver.cpp - Go's walkAll over one escape graph --------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// For each root (heap, thread, coroutine frame, the result, what each
// parameter refers to, and each local that may hold an address) a
// Bellman-Ford walk over incoming edges computes the least derefs from
// every location to the root. A location reached with derefs < 0 has its
// address flow there; once its address is taken the walk continues with
// derefs clamped to 0 (in `root = &l; l = x`, the address of x does not
// flow). Edges standing for conservative assumptions are walked in a second
// pass, so that what they add is a maybe.
//
// The result is flow- and path-insensitive, as Go's is; fields are nodes of
// their own (BuildField.cpp); lifetimes come from C++'s scope tree rather
// than Go's loop depth.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Solve/Solver.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <climits>
#include <deque>
#include <map>
#include <set>

namespace escape {

namespace {

constexpr int MaxLevel = 6;

bool isRoot(LocKind K) {
  return K == LocKind::Heap || K == LocKind::Thread ||
         K == LocKind::CoroFrame || K == LocKind::Result ||
         K == LocKind::ParamContent;
}

bool isStorage(LocKind K) {
  return K == LocKind::Local || K == LocKind::Param ||
         K == LocKind::Temporary || K == LocKind::Alloc;
}

class Walker {
public:
  /// Edges [CallBegin, CallEnd) are those of the function's calls.
  Walker(const FunctionGraph &G, const std::vector<Edge> &Edges,
         size_t CallBegin = 0, size_t CallEnd = 0)
      : G(G), Edges(Edges), In(G.Locs.size()), Derefs(2 * G.Locs.size()),
        Pred(2 * G.Locs.size()), PredState(2 * G.Locs.size()),
        Kinds(Edges.size(), Plain) {
    for (size_t I = 0; I < Edges.size(); ++I)
      In[Edges[I].Dst].push_back(static_cast<int>(I));
    classifyOwnAddresses(std::min(CallEnd, Edges.size()), CallBegin);
  }

  /// Walks from Root; calls Visit(loc, derefs) for every location reached.
  /// SkipGuarded leaves out edges that hold only under a parameter's value.
  /// Start, with its derefs, is where the walk begins instead of Root (one
  /// edge into the root).
  template <typename Fn>
  void walk(int Root, bool WithMaybe, Fn &&Visit, bool SkipGuarded = false,
            int Start = -1, int StartDerefs = 0) {
    const int N = static_cast<int>(G.Locs.size());
    WalkedMaybe = WithMaybe;
    std::fill(Derefs.begin(), Derefs.end(), INT_MAX);
    std::fill(Pred.begin(), Pred.end(), -1);
    std::deque<int> Work;
    if (Start >= 0) {
      Derefs[Start] = StartDerefs;
      State = 0;
      Visit(Start, StartDerefs);
      Root = Start;
    } else {
      Derefs[Root] = 0;
    }
    Work.push_back(Root);
    // A state is a location, plus N when it was reached as the value of an
    // object a call hands on to another (OwnAddress).
    while (!Work.empty()) {
      int SL = Work.front();
      Work.pop_front();
      int L = SL % N, InPeer = SL / N;
      int D = Derefs[SL];
      if (L != Root) {
        State = InPeer;
        Visit(L, D);
      }
      if (D < 0)
        D = 0;
      for (int EI : In[L]) {
        const Edge &E = Edges[EI];
        if ((E.Maybe && !WithMaybe) || (SkipGuarded && E.GuardSlot >= 0))
          continue;
        // An object's own address stored into itself (a pointer to its
        // inline buffer) is what the object holds, not what its buffer
        // holds, nor what a call hands on to another object.
        if (Kinds[EI] == OwnAddress && (InPeer || D > 0))
          continue;
        int ND = D + E.Derefs;
        if (ND > MaxLevel || E.Src == Root)
          continue;
        int Next = Kinds[EI] == Handover || (InPeer && Kinds[EI] == SameObject)
                       ? 1
                       : 0;
        int SS = E.Src + Next * N;
        if (ND < Derefs[SS]) {
          Derefs[SS] = ND;
          Pred[SS] = EI;
          PredState[SS] = InPeer;
          Work.push_back(SS);
        }
      }
    }
  }

  /// The path from L, as the last visit reached it, to Root.
  std::vector<int> pathFrom(int L, int Root) const {
    const int N = static_cast<int>(G.Locs.size());
    std::vector<int> Path;
    std::vector<bool> Seen(2 * G.Locs.size(), false);
    int Cur = L + State * N;
    while (Cur % N != Root) {
      int EI = Pred[Cur];
      if (EI < 0 || Seen[Cur])
        return shortestPath(L, Root); // a stale cycle of predecessors
      Seen[Cur] = true;
      Path.push_back(EI);
      Cur = Edges[EI].Dst + PredState[Cur] * N;
    }
    return Path;
  }

  /// The fewest edges from L to Root, for the explanation; after a walk
  /// without maybe edges, without them if it can (a definite finding is
  /// explained by a definite path).
  std::vector<int> shortestPath(int L, int Root) const {
    if (!WalkedMaybe)
      if (std::vector<int> P = shortestPath(L, Root, false); !P.empty())
        return P;
    return shortestPath(L, Root, true);
  }
  std::vector<int> shortestPath(int L, int Root, bool WithMaybe) const {
    std::vector<std::vector<int>> Out(G.Locs.size());
    for (size_t I = 0; I < Edges.size(); ++I)
      if (WithMaybe || !Edges[I].Maybe)
        Out[Edges[I].Src].push_back(static_cast<int>(I));
    std::vector<int> Via(G.Locs.size(), -1);
    std::vector<bool> Seen(G.Locs.size(), false);
    std::deque<int> Work{L};
    Seen[L] = true;
    while (!Work.empty() && !Seen[Root]) {
      int Cur = Work.front();
      Work.pop_front();
      for (int EI : Out[Cur])
        if (!Seen[Edges[EI].Dst]) {
          Seen[Edges[EI].Dst] = true;
          Via[Edges[EI].Dst] = EI;
          Work.push_back(Edges[EI].Dst);
        }
    }
    std::vector<int> Path;
    for (int Cur = Root; Cur != L && Via[Cur] >= 0; Cur = Edges[Via[Cur]].Src)
      Path.push_back(Via[Cur]);
    std::reverse(Path.begin(), Path.end());
    return Path;
  }

  const FunctionGraph &G;
  const std::vector<Edge> &Edges;
  std::vector<std::vector<int>> In;
  std::vector<int> Derefs;
  std::vector<int> Pred;
  std::vector<int> PredState;
  /// The state of the location Visit was last called with.
  int State = 0;
  /// Whether the last walk took maybe edges.
  bool WalkedMaybe = true;

private:
  enum EdgeKind : uint8_t {
    Plain,
    /// An object's own address stored into it, or into one of its fields,
    /// by a call given its address (a constructor pointing a member at an
    /// inline buffer, a moved-from object reset to its own buffer), or
    /// directly (`o.p = &o`).
    OwnAddress,
    /// A call handing on what another object holds, or one of its fields
    /// holds, to this object or the result (a move constructor's
    /// `data = o.data`, a swap): what it carries is the other's value, in
    /// which the other's own address stays with the other.
    Handover,
    /// From the address of an object to its value, or from the whole-store
    /// node of an object to one of its fields: still the same object.
    SameObject,
  };

  /// The object L is, or is a part of.
  int objectOf(int L) const {
    while (G.Locs[L].Parent >= 0)
      L = G.Locs[L].Parent;
    return L;
  }

  /// The object whose address alone flow node A holds, or -1.
  int addressOnlyOf(int A) const {
    const Location &X = G.Locs[A];
    if (X.Kind != LocKind::Flow || X.Parent >= 0 || In[A].empty())
      return -1;
    int Obj = -1;
    for (int EI : In[A]) {
      const Edge &E = Edges[EI];
      if (E.Derefs != -1 || !isStorage(G.Locs[E.Src].Kind) ||
          (Obj >= 0 && Obj != E.Src))
        return -1;
      Obj = E.Src;
    }
    return Obj;
  }

  /// True if fields A and B name the same member, or one of them a member
  /// the other is part of: two objects split to different depths (a
  /// result's `m_shape` receiving a local's `m_shape/m_begin`).
  static bool sameMember(llvm::StringRef A, llvm::StringRef B) {
    if (A.empty() || B.empty())
      return false;
    if (A.size() < B.size())
      std::swap(A, B);
    return A.starts_with(B) && (A.size() == B.size() || A[B.size()] == '/');
  }

  /// The member L is, from its whole object: a split local's field nodes
  /// name one member each, under their parent's.
  std::string memberPath(int L) const {
    const Location &X = G.Locs[L];
    if (X.Parent < 0)
      return X.Field;
    std::string Up = memberPath(X.Parent);
    return Up.empty() ? X.Field : Up + "/" + X.Field;
  }

  void classifyOwnAddresses(size_t CallEnd, size_t CallBegin) {
    // Flow nodes holding an object's address that a call also stores into
    // that object: a call resetting or re-pointing the object itself.
    std::vector<bool> Reset(G.Locs.size(), false);
    for (size_t I = 0; I < Edges.size(); ++I) {
      const Edge &E = Edges[I];
      const Location &Dst = G.Locs[E.Dst], &Src = G.Locs[E.Src];
      bool Part = Dst.Parent >= 0 || isStorage(Dst.Kind);
      if (Dst.Kind == LocKind::Flow && Dst.Parent < 0 && E.Derefs == -1 &&
          isStorage(Src.Kind))
        Kinds[I] = SameObject;
      else if (E.Derefs == 0 && Src.Parent >= 0 &&
               objectOf(E.Src) == objectOf(E.Dst))
        Kinds[I] = SameObject;
      else if (Part && E.Derefs == -1 && E.Src == objectOf(E.Dst))
        Kinds[I] = OwnAddress;
      else if (Part && E.Derefs == 0 && I >= CallBegin && I < CallEnd &&
               addressOnlyOf(E.Src) == objectOf(E.Dst)) {
        Kinds[I] = OwnAddress;
        Reset[E.Src] = true;
      }
    }
    // Objects receiving what another holds from a call given both (an
    // exchange: `std::swap(a, b)` on objects the analysis does not split).
    auto Into = [&](const Edge &E) {
      const Location &Dst = G.Locs[E.Dst];
      bool Object = Dst.Kind == LocKind::Result ||
                    Dst.Kind == LocKind::ParamContent || Dst.Parent >= 0 ||
                    isStorage(Dst.Kind);
      return Object ? objectOf(E.Dst) : -1;
    };
    std::set<std::pair<int, int>> Received;
    for (size_t I = CallBegin; I < CallEnd; ++I)
      if (Edges[I].Derefs == 1 && Into(Edges[I]) >= 0)
        if (int From = addressOnlyOf(Edges[I].Src); From >= 0)
          Received.insert({Into(Edges[I]), From});
    for (size_t I = CallBegin; I < CallEnd; ++I) {
      const Edge &E = Edges[I];
      const Location &Dst = G.Locs[E.Dst], &Src = G.Locs[E.Src];
      int To = Into(E);
      if (Kinds[I] != Plain || To < 0)
        continue;
      // What one object holds, handed by a call that re-points that object
      // to itself (a move from it) or gives it the other's in exchange, or
      // one of its members handed to the same member of another object.
      int From = -1;
      if (E.Derefs == 1) {
        From = addressOnlyOf(E.Src);
        if (From >= 0 && !Reset[E.Src] && !Received.count({From, To}))
          From = -1;
      } else if (E.Derefs == 0 && Src.Parent >= 0 &&
                 sameMember(memberPath(E.Src), memberPath(E.Dst))) {
        From = objectOf(E.Src);
      }
      if (From >= 0 && From != To && isStorage(G.Locs[From].Kind))
        Kinds[I] = Handover;
    }
  }

  std::vector<EdgeKind> Kinds;
};

/// The sink of parameter leaks that a root stands for.
Leak &sinkOf(ParamLeaks &P, const FunctionGraph &G, int Root) {
  switch (G.Locs[Root].Kind) {
  case LocKind::Thread:
    return P.Thread;
  case LocKind::CoroFrame:
    return P.Coro;
  case LocKind::Result:
    if (!G.Locs[Root].Field.empty())
      return P.FieldContent[FieldRef{FieldRef::ResultSlot, G.Locs[Root].Field}];
    return P.Result;
  case LocKind::ParamContent:
    if (!G.Locs[Root].Field.empty())
      return P.FieldContent[FieldRef{G.Locs[Root].Slot, G.Locs[Root].Field}];
    return P.Content[G.Locs[Root].Slot];
  default:
    return P.Heap;
  }
}

/// The summary entry that flows from L feed: a parameter slot, or a field
/// of the object a slot refers to; null for other locations.
/// The address of a field's entry value is a pointer into the slot's
/// object: the slot, one level up (D is adjusted); returned (a getter of
/// one member, `return &cur_;`), the field's own entry
/// (FieldRef::addressOf), so that a caller that splits the object gets just
/// that member. Stored, it stays the object's address, which the solver
/// tells apart when it is stored into the object itself.
ParamLeaks *sourceOf(FunctionSummary &S, const FunctionGraph &G,
                     const std::vector<int> &SlotOf, int L, int Root, int &D) {
  if (SlotOf[L] >= 0)
    return &S.Slots[SlotOf[L]];
  const Location &Loc = G.Locs[L];
  if (Loc.Kind != LocKind::ParamField)
    return nullptr;
  if (D < 0 && Loc.Slot >= 0) {
    D += 1;
    if (D == 0 && G.Locs[Root].Kind == LocKind::Result &&
        G.Locs[Root].Field.empty() && !Loc.Field.empty() &&
        Loc.Field.find('*') == std::string::npos)
      return &S.Fields[FieldRef::addressOf(Loc.Slot, Loc.Field)];
    return &S.Slots[Loc.Slot];
  }
  D = std::max(D, 0);
  return &S.Fields[FieldRef{Loc.Slot, Loc.Field}];
}

/// True if Root is the object that pointer member L (its value on entry)
/// points to, given that very pointer (D == 0): the object gets its own
/// address (`sink_->pos_ = sink_->buf_` through a member), which stays
/// with it wherever it is.
bool ownPointee(const FunctionGraph &G, int L, int Root, int D) {
  const Location &From = G.Locs[L], &To = G.Locs[Root];
  if (D != 0 || From.Kind != LocKind::ParamField ||
      To.Kind != LocKind::ParamContent || From.Slot != To.Slot ||
      From.Field.empty() || From.Field.find('*') != std::string::npos)
    return false;
  // To.Field is From.Field with '*' before its last component (`a/b` gives
  // `a/*b`), compared without building it: this runs on every visit.
  llvm::StringRef F = From.Field, T = To.Field;
  size_t Cut = F.rfind('/') + 1; // 0 without a '/'
  return T.size() == F.size() + 1 && T.starts_with(F.take_front(Cut)) &&
         T[Cut] == '*' && T.drop_front(Cut + 1) == F.drop_front(Cut);
}

/// The storage whose address L's address is: a field node of a split
/// object stands for the object.
int storageOf(const FunctionGraph &G, int L) {
  if (G.Locs[L].Parent >= 0) {
    while (G.Locs[L].Parent >= 0)
      L = G.Locs[L].Parent;
    return L;
  }
  return isStorage(G.Locs[L].Kind) ? L : -1;
}

/// True if St is the local built in the caller's result object and Root
/// is (a part of) that result: an object pointing into itself.
bool returnSlotIn(const FunctionGraph &G, int St, int Root) {
  return G.Locs[St].ReturnSlot && G.Locs[Root].Kind == LocKind::Result;
}

/// True if scope Inner is Outer or nested in it.
bool within(const FunctionGraph &G, int Inner, int Outer) {
  for (int S = Inner; S >= 0; S = G.Scopes[S].Parent)
    if (S == Outer)
      return true;
  return false;
}

/// True if Holder is read on a path from the end of scope Sc: a read after
/// that end in the source that the end can reach (not the other branch of
/// an `if` around the scope, nothing after a scope that always returns).
bool usedAfter(const FunctionGraph &G, const Location &Holder, int Sc) {
  const Scope &X = G.Scopes[Sc];
  if (Holder.LastUse <= X.EndOffset)
    return false;
  if (X.Unreached.empty() || Holder.Uses.empty())
    return true;
  auto Reached = [&](unsigned U) {
    return std::none_of(
        X.Unreached.begin(), X.Unreached.end(), [&](const UnreachedSpan &S) {
          return S.Begin <= U && U <= S.End &&
                 (S.Loop < 0 || within(G, Holder.Scope, S.Loop));
        });
  };
  return std::any_of(Holder.Uses.begin(), Holder.Uses.end(),
                     [&](unsigned U) { return U > X.EndOffset && Reached(U); });
}

/// The object a freed pointer points to, when freeing it ends its life:
/// an allocation or a local (`delete &obj`), not what a parameter or a
/// call hands in.
int freedObject(const FunctionGraph &G, int L) {
  L = storageOf(G, L);
  if (L < 0)
    return -1;
  LocKind K = G.Locs[L].Kind;
  return K == LocKind::Alloc || K == LocKind::Local ? L : -1;
}

/// True if local Holder is read after the free FS before anything is
/// assigned to it (`delete p; use(p);`, not `delete p; p = next; use(p);`).
/// A store that shares the free's position (both in one macro,
/// `SAFE_DELETE(p)` doing `delete p; p = nullptr;`) counts as after it.
bool readBeforeStore(const Location &Holder, const FreeSite &FS) {
  unsigned FirstUse = UINT_MAX, FirstStore = UINT_MAX;
  for (unsigned U : Holder.Uses)
    if (U > FS.End)
      FirstUse = std::min(FirstUse, U);
  for (unsigned S : Holder.Stores)
    if (S >= FS.Pos.Offset)
      FirstStore = std::min(FirstStore, S);
  return FirstUse != UINT_MAX && FirstUse < FirstStore;
}

/// The locals that keep the address of an object a `delete` or `free()`
/// of the function frees and read it after (FunctionGraph::Frees).
template <typename WalkerT>
void freedUses(const FunctionGraph &G, SolvedFunction &R, WalkerT &W,
               const std::vector<bool> &HasIn) {
  if (G.Frees.empty())
    return;
  // Per object: the free sites that free it. A free of a pointer that may
  // point to several objects frees one of them only.
  std::map<int, std::vector<int>> FreedBy;
  std::vector<bool> FreesOneOf(G.Frees.size(), false);
  for (size_t I = 0; I < G.Frees.size(); ++I) {
    const FreeSite &FS = G.Frees[I];
    if (FS.Pointer < 0 || FS.Pointer >= static_cast<int>(G.Locs.size()))
      continue;
    std::set<int> Objects;
    W.walk(FS.Pointer, false, [&](int Reached, int D) {
      if (int L = D == -1 ? freedObject(G, Reached) : -1; L >= 0)
        Objects.insert(L);
    });
    FreesOneOf[I] = Objects.size() > 1;
    for (int L : Objects)
      FreedBy[L].push_back(static_cast<int>(I));
  }
  if (FreedBy.empty())
    return;
  for (int H = 0; H < static_cast<int>(G.Locs.size()); ++H) {
    const Location &Holder = G.Locs[H];
    if ((Holder.Kind != LocKind::Local && Holder.Kind != LocKind::Param) ||
        !HasIn[H] || Holder.Scope < 0 || Holder.Promise)
      continue;
    // The objects H may point to that a free could end, each with the path
    // its address takes to H.
    std::map<int, std::vector<int>> Held;
    W.walk(H, false, [&](int Reached, int D) {
      int L = D == -1 ? freedObject(G, Reached) : -1;
      if (L >= 0 && L != H && !Held.count(L) &&
          (G.Locs[L].Kind == LocKind::Alloc || FreedBy.count(L)))
        Held.emplace(L, W.pathFrom(Reached, H));
    });
    // Several: which one H holds when the free runs is not known (`old =
    // buf; buf = new T[n]; delete[] old;`).
    bool OneOf = Held.size() > 1;
    for (auto &[L, Path] : Held) {
      auto It = FreedBy.find(L);
      if (It == FreedBy.end())
        continue;
      for (int I : It->second) {
        const FreeSite &FS = G.Frees[I];
        // Declared before a statement that may skip the free: not every
        // path to its reads frees the object.
        if (FS.Guard && Holder.Pos.Offset < FS.Guard)
          continue;
        if (!readBeforeStore(Holder, FS))
          continue;
        FreedUse F;
        F.Loc = L;
        F.Root = H;
        F.Free = I;
        F.Maybe = OneOf || FreesOneOf[I];
        F.Path = Path;
        R.FreedUses.push_back(std::move(F));
        break;
      }
    }
  }
}

/// True if the store that put the value into local H on Path (the edges
/// into H or its parts at the path's end) is replaced by a later store into
/// the same place before offset End.
bool overwrittenBefore(const FunctionGraph &G, const std::vector<Edge> &Edges,
                       const std::vector<int> &Path, int H, unsigned End) {
  auto PartOfH = [&](int L) {
    for (; L >= 0; L = G.Locs[L].Parent)
      if (L == H)
        return true;
    return false;
  };
  for (auto It = Path.rbegin(); It != Path.rend() && PartOfH(Edges[*It].Dst);
       ++It)
    if (Edges[*It].OverwrittenAt != 0 && Edges[*It].OverwrittenAt <= End)
      return true;
  return false;
}

std::vector<bool> explainedSet(const FunctionGraph &G,
                               const std::vector<int> &Explained) {
  std::vector<bool> Set(G.Locs.size(), false);
  for (int L : Explained)
    if (L >= 0 && L < static_cast<int>(Set.size()))
      Set[L] = true;
  return Set;
}

/// Resolves the Deref nodes: what the pointer each one reads can point to,
/// from the edges that reach the pointer. A stack object or allocation
/// whose address reaches it is a target; so is the object a parameter
/// refers to, and a local owner (OwnsHeap) the pointer was read from: what
/// it points to dies with it. An object reachable from a parameter's object
/// counts as that object, as a maybe. A value from anywhere else (a global,
/// a callee's fresh object) is the heap.
/// Adds an edge target <- deref for each; repeats while targets grow, since
/// the new edges can reach other pointers.
void resolveDerefs(const FunctionGraph &G, std::vector<Edge> &Edges,
                   const std::vector<bool> &CallResult) {
  std::vector<int> Derefs;
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L)
    if (G.Locs[L].Kind == LocKind::Deref && G.Locs[L].Pointer >= 0)
      Derefs.push_back(L);
  if (Derefs.empty())
    return;
  // A split object's node for stores into the whole of it.
  std::map<int, int> WholeOf;
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L)
    if (G.Locs[L].Parent >= 0 && G.Locs[L].Field.empty())
      WholeOf.emplace(G.Locs[L].Parent, L);
  auto Whole = [&](int L) {
    auto It = WholeOf.find(L);
    return It == WholeOf.end() ? L : It->second;
  };
  // The node for stores into a field of a parameter's object, by slot and
  // field: a pointer to the field (`s = &stack_.top()`) stores there, not
  // into the whole object.
  std::map<std::pair<int, std::string>, int> ContentField;
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L)
    if (G.Locs[L].Kind == LocKind::ParamContent && !G.Locs[L].Field.empty())
      ContentField.emplace(std::make_pair(G.Locs[L].Slot, G.Locs[L].Field), L);
  std::set<std::pair<int, int>> Added; // (target, deref)
  std::vector<int> Dist(G.Locs.size());
  for (int Round = 0; Round < 4; ++Round) {
    std::vector<std::vector<int>> In(G.Locs.size());
    for (size_t I = 0; I < Edges.size(); ++I)
      In[Edges[I].Dst].push_back(static_cast<int>(I));
    std::vector<Edge> New;
    for (int D : Derefs) {
      // Targets, with whether only maybe edges lead there.
      std::map<int, bool> Targets;
      for (int Pass = 0; Pass < 2; ++Pass) {
        bool WithMaybe = Pass == 1;
        std::fill(Dist.begin(), Dist.end(), INT_MAX);
        std::deque<int> Work{G.Locs[D].Pointer};
        Dist[G.Locs[D].Pointer] = 0;
        auto TargetIf = [&](int T, bool Maybe) {
          auto [It, New] = Targets.emplace(T, Maybe);
          if (!New)
            It->second = It->second && Maybe;
        };
        auto Target = [&](int T) { TargetIf(T, WithMaybe); };
        while (!Work.empty()) {
          int L = Work.front();
          Work.pop_front();
          int Dd = Dist[L];
          const Location &X = G.Locs[L];
          if (Dd < 0) { // the pointer holds L's address
            if (X.Parent >= 0 || isStorage(X.Kind))
              Target(X.Field.empty() ? Whole(L) : L);
            else if (X.Kind == LocKind::ParamContent)
              Target(L);
            else if (auto It = X.Kind == LocKind::ParamField
                                   ? ContentField.find({X.Slot, X.Field})
                                   : ContentField.end();
                     It != ContentField.end())
              Target(It->second); // into that field of the object
            else if (X.Kind == LocKind::ParamField && X.Slot >= 0 &&
                     X.Slot < static_cast<int>(G.SlotContents.size()) &&
                     G.SlotContents[X.Slot] >= 0)
              Target(G.SlotContents[X.Slot]); // into the parameter's object
            else
              Target(FunctionGraph::HeapLoc);
            continue;
          }
          if (X.Kind == LocKind::Param || X.Kind == LocKind::ParamField) {
            // The object the parameter refers to; an object reachable from
            // it (a field's pointee, a node of its list) is taken for it,
            // as a maybe: whether it outlives the value is the caller's.
            int C =
                X.Slot >= 0 && X.Slot < static_cast<int>(G.SlotContents.size())
                    ? G.SlotContents[X.Slot]
                    : -1;
            // What the object owns (its nodes) lives as long as it does.
            bool Exact = (X.Kind == LocKind::Param && Dd == 0) ||
                         (C >= 0 && G.Locs[C].OwnsHeap);
            // A pointer member's value: its own sink, which the caller
            // maps to what its field points to.
            if (X.Kind == LocKind::ParamField && Dd == 0 && X.Pointer >= 0) {
              TargetIf(X.Pointer, WithMaybe);
              continue;
            }
            if (C < 0)
              Target(FunctionGraph::HeapLoc);
            else
              TargetIf(C, WithMaybe || !Exact);
            continue;
          }
          if (X.OwnsHeap && (X.Parent >= 0 || X.Kind == LocKind::Local ||
                             X.Kind == LocKind::Temporary)) {
            Target(X.Parent >= 0 ? L : Whole(L));
            continue;
          }
          if (X.Kind == LocKind::Heap || X.Kind == LocKind::ParamContent) {
            Target(FunctionGraph::HeapLoc);
            continue;
          }
          bool Any = false;
          for (int EI : In[L]) {
            const Edge &E = Edges[EI];
            if (E.Maybe && !WithMaybe)
              continue;
            Any = true;
            int ND = Dd + E.Derefs;
            if (ND > MaxLevel || ND >= Dist[E.Src])
              continue;
            Dist[E.Src] = ND;
            Work.push_back(E.Src);
          }
          // Nothing explains what it holds: from outside this function. A
          // part of a split object holds only what is stored into it, and
          // so does the object behind another pointer.
          if (!Any && X.Parent < 0 && X.Kind != LocKind::Deref &&
              !CallResult[L])
            Target(FunctionGraph::HeapLoc);
        }
      }
      if (Targets.empty())
        Targets.emplace(FunctionGraph::HeapLoc, false);
      for (auto [T, Maybe] : Targets) {
        if (T == D || !Added.insert({T, D}).second)
          continue;
        Edge E;
        E.Dst = T;
        E.Src = D;
        E.Maybe = Maybe;
        New.push_back(std::move(E));
      }
    }
    if (New.empty())
      return;
    for (Edge &E : New)
      Edges.push_back(std::move(E));
  }
}

/// Whether the result may hold an address that no parameter explains:
/// walking back from the result and its fields over every edge reaches the
/// heap, an allocation, a stack object's address, or a value that nothing
/// explains. Callers then take a store through the result as a store into
/// anything; otherwise only into what the arguments lead to.
bool resultFromOutside(const FunctionGraph &G, const std::vector<Edge> &Edges,
                       const std::vector<bool> &CallResult) {
  if (G.ReturnKind == "void")
    return false;
  std::vector<std::vector<int>> In(G.Locs.size());
  for (size_t I = 0; I < Edges.size(); ++I)
    In[Edges[I].Dst].push_back(static_cast<int>(I));
  std::vector<bool> Seen(G.Locs.size(), false);
  std::deque<int> Work;
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L)
    if (G.Locs[L].Kind == LocKind::Result) {
      Seen[L] = true;
      Work.push_back(L);
    }
  while (!Work.empty()) {
    int L = Work.front();
    Work.pop_front();
    const Location &X = G.Locs[L];
    switch (X.Kind) {
    case LocKind::Heap:
    case LocKind::Thread:
    case LocKind::CoroFrame:
    case LocKind::Alloc:
    case LocKind::GlobalStore:
      return true;
    case LocKind::Param:
    case LocKind::ParamContent:
    case LocKind::ParamField:
      continue; // the caller's argument
    default:
      break;
    }
    if (In[L].empty() && X.Parent < 0 && X.Kind == LocKind::Flow &&
        !CallResult[L])
      return true;
    for (int EI : In[L]) {
      const Edge &E = Edges[EI];
      const Location &S = G.Locs[E.Src];
      if (E.Derefs < 0 && (isStorage(S.Kind) || S.Parent >= 0))
        return true; // a stack object's own address
      if (!Seen[E.Src]) {
        Seen[E.Src] = true;
        Work.push_back(E.Src);
      }
    }
  }
  return false;
}

/// True if the edges of Path (from a location to a root) carry the
/// location's address itself to the root, not an address stored in
/// another object on the way.
bool directAddress(const std::vector<Edge> &Edges,
                   const std::vector<int> &Path) {
  int D = 0;
  for (size_t I = Path.size(); I-- > 0;) {
    D += Edges[Path[I]].Derefs;
    if (D < 0 && I != 0)
      return false;
  }
  return D == -1;
}

/// FunctionSummary::FreshOut: the slots whose object, or a member of it,
/// receives the address of an allocation of the function that reaches
/// nothing else but the result (`*out = new T;`, an allocation kept in
/// `this->data_` and returned). Not one kept in a std::shared_ptr its class
/// may hand out: it may outlive the object.
std::vector<int> freshOut(const FunctionGraph &G,
                          const std::vector<Edge> &Edges,
                          const std::vector<EscapeFact> &Escapes) {
  std::map<int, int> RootOf; // allocation -> its only root, or -1
  for (const EscapeFact &F : Escapes) {
    if (G.Locs[F.Loc].Kind != LocKind::Alloc ||
        (G.Locs[F.Root].Kind == LocKind::Result && !F.Maybe))
      continue;
    const Location &Rt = G.Locs[F.Root];
    int Root =
        !F.Maybe && Rt.Kind == LocKind::ParamContent && !Rt.SharesHeap &&
                (Rt.Field.empty() || Rt.Field.find('*') == std::string::npos) &&
                Rt.Slot >= 0 && directAddress(Edges, F.Path)
            ? F.Root
            : -1;
    auto [It, New] = RootOf.emplace(F.Loc, Root);
    if (!New && It->second != Root)
      It->second = -1;
  }
  std::vector<int> Slots;
  for (auto [A, Root] : RootOf)
    if (Root >= 0)
      Slots.push_back(G.Locs[Root].Slot);
  std::sort(Slots.begin(), Slots.end());
  Slots.erase(std::unique(Slots.begin(), Slots.end()), Slots.end());
  return Slots;
}

} // namespace

/// Whether the types of parameter slot \p Slot and of root \p Root rule out
/// that Root keeps the slot's pointer (FunctionGraph::ResultApart,
/// ContentApart).
static bool apartByType(const FunctionGraph &G, int Slot, int Root) {
  const Location &R = G.Locs[Root];
  if (!R.Field.empty())
    return false;
  if (R.Kind == LocKind::Result)
    return Slot < static_cast<int>(G.ResultApart.size()) &&
           G.ResultApart[Slot] == 'y';
  size_t N = G.SlotKinds.size();
  return R.Kind == LocKind::ParamContent && R.Slot >= 0 &&
         static_cast<size_t>(R.Slot) < N && G.SlotKinds[R.Slot] != 't' &&
         static_cast<size_t>(Slot) < N && G.ContentApart.size() == N * N &&
         G.ContentApart[R.Slot * N + Slot] == 'y';
}

/// Whether a path hands its start's value on unchanged: from the root back,
/// no step takes an address (a pointer to an object, a factory's fresh
/// one among them, that holds the value is another thing).
static bool passedUnchanged(const std::vector<Edge> &Edges,
                            const std::vector<int> &Path) {
  int D = 0;
  for (auto It = Path.rbegin(); It != Path.rend(); ++It)
    if ((D += Edges[*It].Derefs) < 0)
      return false;
  return true;
}

GlobalSink globalSink(const FunctionGraph &G, const std::vector<Edge> &Edges,
                      const std::vector<int> &Path) {
  GlobalSink Out;
  std::string KeptIn;
  for (int EI : Path) {
    const Location &Src = G.Locs[Edges[EI].Src];
    if (Src.Kind == LocKind::GlobalStore && Src.TypeName != "member") {
      Out.Name = Src.Name;
      Out.Kind = Src.TypeName;
    }
    for (const Note &N : Edges[EI].Notes)
      if (N.Why == "kept in" && KeptIn.empty())
        KeptIn = N.What;
  }
  if (size_t Q = KeptIn.find(" '");
      Out.Name.empty() && Q != std::string::npos && KeptIn.back() == '\'') {
    Out.Kind = KeptIn.substr(0, Q);
    Out.Name = KeptIn.substr(Q + 2, KeptIn.size() - Q - 3);
    Out.ByCallee = true;
  }
  return Out;
}

std::string describeNote(const Note &N) {
  std::string S = N.What.empty() ? N.Why : N.What + " (" + N.Why + ")";
  if (N.Pos.valid())
    S += " at " + N.Pos.File + ":" + std::to_string(N.Pos.Line) + ":" +
         std::to_string(N.Pos.Column);
  return S;
}

SolvedFunction solveFunction(const FunctionGraph &G, std::vector<Edge> Edges,
                             const std::vector<int> &Explained) {
  SolvedFunction R;
  // A call's result that the callee's summary explains holds only what
  // reaches it.
  std::vector<bool> CallResult = explainedSet(G, Explained);
  size_t CallEnd = Edges.size();
  resolveDerefs(G, Edges, CallResult);
  R.Edges = std::move(Edges);
  R.AddressEscapes.assign(G.Locs.size(), false);
  R.Summary.Name = G.Name;
  R.Summary.Slots.resize(G.SlotLocs.size());
  R.Summary.ResultFromOutside = resultFromOutside(G, R.Edges, CallResult);
  R.Summary.Drains = G.Drains;
  R.Summary.Blocks = G.Blocks;
  R.Summary.WaitsOn = G.WaitsOn;
  R.Summary.Writes = G.Writes;
  R.Summary.GlobalsStored = G.GlobalsStored;
  R.Summary.GlobalsCleared = G.GlobalsCleared;
  Walker W(G, R.Edges, G.Edges.size(), CallEnd);

  std::vector<int> SlotOf(G.Locs.size(), -1);
  for (size_t S = 0; S < G.SlotLocs.size(); ++S)
    if (G.SlotLocs[S] >= 0)
      SlotOf[G.SlotLocs[S]] = static_cast<int>(S);

  // A root nothing flows into has nothing to report (most field sinks).
  std::vector<bool> HasIn(G.Locs.size(), false);
  for (const Edge &E : R.Edges)
    HasIn[E.Dst] = true;

  // Findings already recorded, per (loc, root).
  std::set<std::pair<int, int>> Seen;
  // The guard of the path behind each leak of the summary.
  std::map<const Leak *, std::pair<int, bool>> Guards;
  for (int Root = 0; Root < static_cast<int>(G.Locs.size()); ++Root) {
    if (!isRoot(G.Locs[Root].Kind) || !HasIn[Root])
      continue;
    for (int Pass = 0; Pass < 2; ++Pass) {
      bool Maybe = Pass == 1;
      W.walk(Root, Maybe, [&](int L, int D) {
        if (int St = D < 0 ? storageOf(G, L) : -1;
            St >= 0 && !returnSlotIn(G, St, Root)) {
          R.AddressEscapes[St] = true;
          auto Key = std::make_pair(St, Root);
          if (Seen.insert(Key).second) {
            EscapeFact F;
            F.Loc = St;
            F.Root = Root;
            F.Maybe = Maybe;
            F.Path = W.pathFrom(L, Root);
            R.Escapes.push_back(std::move(F));
          }
        }
        int Slot = SlotOf[L];
        // A by-value parameter whose address flows is an escape of its
        // storage (a finding), not a leak of what the caller passed.
        if (D < 0 && Slot >= 0 && Slot < static_cast<int>(G.SlotKinds.size()) &&
            G.SlotKinds[Slot] == 'v')
          return;
        if (ownPointee(G, L, Root, D))
          return;
        // What a `const int &` or `const std::string &` refers to holds no
        // address, whatever merged node the argument was read from.
        if (D >= 1 && Slot >= 0 &&
            Slot < static_cast<int>(G.SlotInert.size()) &&
            G.SlotInert[Slot] == 'y')
          return;
        // A parameter's pointer handed on unchanged (not kept in an object
        // the result points to, as a factory's) to a result whose type cannot
        // point into the parameter's object (GraphBuilder, ResultApart), or
        // into another parameter's object none of whose pointers can
        // (ContentApart; not *this, where a registration its destructor
        // undoes is kept): merged members, not a flow of the program.
        if (D == 0 && Slot >= 0 && apartByType(G, Slot, Root) &&
            passedUnchanged(R.Edges, W.pathFrom(L, Root)))
          return;
        ParamLeaks *Src = sourceOf(R.Summary, G, SlotOf, L, Root, D);
        if (!Src)
          return;
        int Level = std::max(D, 0);
        Leak &Lk = sinkOf(*Src, G, Root);
        // Explaining costs a path walk: only for a leak that changes.
        if (!Lk.improvedBy(Level, Maybe))
          return;
        std::vector<int> Path = W.pathFrom(L, Root);
        std::string Via;
        // The statement that keeps it: a store into a global is explained
        // by the assignment before it.
        int Step = Path.empty() ? -1 : Path.back();
        if (Path.size() >= 2 &&
            G.Locs[R.Edges[Step].Src].Kind == LocKind::GlobalStore)
          Step = Path[Path.size() - 2];
        if (Step >= 0 && !R.Edges[Step].Notes.empty())
          Via = G.Name + ": " + describeNote(R.Edges[Step].Notes.front());
        std::string Sink;
        if (G.Locs[Root].Kind == LocKind::Heap)
          if (GlobalSink GS = globalSink(G, R.Edges, Path); !GS.Name.empty())
            Sink = GS.text();
        if (Lk.merge(Level, Maybe, Via, Sink)) {
          // Remember the first parameter guard on the way, if any.
          auto It = std::find_if(Path.begin(), Path.end(), [&](int EI) {
            return R.Edges[EI].GuardSlot >= 0;
          });
          Guards[&Lk] = It == Path.end()
                            ? std::make_pair(-1, false)
                            : std::make_pair(R.Edges[*It].GuardSlot,
                                             R.Edges[*It].GuardValue);
        }
      });
    }
  }

  R.Summary.FreshOut = freshOut(G, R.Edges, R.Escapes);

  // Each return of a stack object's address is its own finding: a user who
  // fixes one must still see the others. One walk per returned value.
  std::vector<int> Returns;
  for (size_t I = 0; I < R.Edges.size(); ++I)
    if (R.Edges[I].Dst == FunctionGraph::ResultLoc && !R.Edges[I].Maybe &&
        !R.Edges[I].Notes.empty())
      Returns.push_back(static_cast<int>(I));
  // Only when something escapes through the result: most functions with
  // several returns return nothing of their frame.
  bool Returned =
      std::any_of(R.Escapes.begin(), R.Escapes.end(), [](const EscapeFact &F) {
        return F.Root == FunctionGraph::ResultLoc && !F.Maybe;
      });
  if (Returned && Returns.size() > 1 && Returns.size() <= 16) {
    std::set<std::pair<int, int>> PerReturn; // (loc, edge)
    for (int EI : Returns) {
      const Edge &Ret = R.Edges[EI];
      W.walk(
          FunctionGraph::ResultLoc, false,
          [&](int L, int D) {
            int St = D < 0 ? storageOf(G, L) : -1;
            if (St < 0 || returnSlotIn(G, St, FunctionGraph::ResultLoc) ||
                !PerReturn.insert({St, EI}).second)
              return;
            EscapeFact F;
            F.Loc = St;
            F.Root = FunctionGraph::ResultLoc;
            F.Path = W.pathFrom(L, Ret.Src);
            F.Path.push_back(EI);
            F.AnotherReturn = true;
            R.Escapes.push_back(std::move(F));
          },
          false, Ret.Src, Ret.Derefs);
    }
  }

  // A leak that needs a guarded edge holds only under that parameter's
  // value: what is left without guarded edges is unconditional.
  bool Guarded = std::any_of(R.Edges.begin(), R.Edges.end(),
                             [](const Edge &E) { return E.GuardSlot >= 0; });
  if (Guarded) {
    FunctionSummary Always;
    Always.Slots.resize(G.SlotLocs.size());
    for (int Root = 0; Root < static_cast<int>(G.Locs.size()); ++Root) {
      if (!isRoot(G.Locs[Root].Kind) || !HasIn[Root])
        continue;
      W.walk(
          Root, /*WithMaybe=*/true,
          [&](int L, int D) {
            if (ownPointee(G, L, Root, D))
              return;
            if (ParamLeaks *Src = sourceOf(Always, G, SlotOf, L, Root, D))
              sinkOf(*Src, G, Root).merge(std::max(D, 0), false, "");
          },
          /*SkipGuarded=*/true);
    }
    auto Apply = [&](Leak &Lk, const Leak &A) {
      if (!Lk.present() || (A.present() && A.Level <= Lk.Level))
        return;
      auto It = Guards.find(&Lk);
      if (It != Guards.end() && It->second.first >= 0) {
        Lk.GuardSlot = It->second.first;
        Lk.GuardValue = It->second.second;
      }
    };
    auto ApplyAll = [&](ParamLeaks &P, const ParamLeaks &A) {
      Apply(P.Heap, A.Heap);
      Apply(P.Thread, A.Thread);
      Apply(P.Coro, A.Coro);
      Apply(P.Result, A.Result);
      for (auto &[J, Lk] : P.Content) {
        auto AI = A.Content.find(J);
        Apply(Lk, AI == A.Content.end() ? Leak() : AI->second);
      }
      for (auto &[F, Lk] : P.FieldContent) {
        auto AI = A.FieldContent.find(F);
        Apply(Lk, AI == A.FieldContent.end() ? Leak() : AI->second);
      }
    };
    for (size_t S = 0; S < R.Summary.Slots.size(); ++S)
      ApplyAll(R.Summary.Slots[S], Always.Slots[S]);
    for (auto &[F, P] : R.Summary.Fields) {
      auto AI = Always.Fields.find(F);
      ApplyAll(P, AI == Always.Fields.end() ? ParamLeaks() : AI->second);
    }
  }

  // Locals that hold the address of a shorter-lived local or temporary and
  // are used after it dies.
  if (G.Locs.size() <= 4000) {
    for (int H = 0; H < static_cast<int>(G.Locs.size()); ++H) {
      const Location &Holder = G.Locs[H];
      // The promise keeps what co_yield gives it while suspended there
      // (a generator's value): its later uses are the machinery's.
      // A by-value parameter is a local of the function as well.
      if ((Holder.Kind != LocKind::Local && Holder.Kind != LocKind::Param) ||
          !HasIn[H] || Holder.Scope < 0 || Holder.Promise)
        continue;
      W.walk(H, false, [&](int Reached, int D) {
        int L = D < 0 ? storageOf(G, Reached) : -1;
        if (L < 0)
          return;
        const Location &X = G.Locs[L];
        if (X.Scope < 0 || X.Scope == Holder.Scope ||
            (X.Kind != LocKind::Local && X.Kind != LocKind::Temporary))
          return;
        if (!within(G, X.Scope, Holder.Scope))
          return;
        // A temporary of a full-expression leaves its holder dangling from
        // that expression on, used later or not (as clang's -Wdangling
        // reports a view initialized from a temporary string).
        // (Not for the implementation's own variables, `__begin1` of a
        // range-for: reserved names, used by every iteration.)
        if (!usedAfter(G, Holder, X.Scope) &&
            !(X.Kind == LocKind::Temporary && G.Scopes[X.Scope].FullExpr &&
              Holder.Name.compare(0, 2, "__") != 0))
          return;
        auto Key = std::make_pair(L, H);
        if (Seen.count(Key))
          return;
        std::vector<int> Path = W.pathFrom(Reached, H);
        if (overwrittenBefore(G, R.Edges, Path, H, G.Scopes[X.Scope].EndOffset))
          return;
        Seen.insert(Key);
        EscapeFact F;
        F.Loc = L;
        F.Root = H;
        F.Path = std::move(Path);
        R.Escapes.push_back(std::move(F));
      });
    }
    freedUses(G, R, W, HasIn);
  }
  return R;
}

} // namespace escape
