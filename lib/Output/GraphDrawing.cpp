//===- GraphDrawing.cpp - What a drawn escape graph shows -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "GraphDrawing.h"

#include <set>

namespace escape {

const char *locKindName(LocKind K) {
  switch (K) {
  case LocKind::Heap:
    return "heap";
  case LocKind::Thread:
    return "thread";
  case LocKind::CoroFrame:
    return "coroutine frame";
  case LocKind::Result:
    return "result";
  case LocKind::ParamContent:
    return "parameter's object";
  case LocKind::Param:
    return "parameter";
  case LocKind::Local:
    return "local";
  case LocKind::Temporary:
    return "temporary";
  case LocKind::Alloc:
    return "allocation";
  case LocKind::Flow:
    return "flow";
  case LocKind::GlobalStore:
    return "global store";
  case LocKind::ParamField:
    return "parameter's field";
  case LocKind::Deref:
    return "pointee";
  }
  return "?";
}

DrawnGraph drawGraph(const FunctionGraph &G, const SolvedFunction &S) {
  std::set<int> OnPath;
  for (const EscapeFact &F : S.Escapes)
    OnPath.insert(F.Path.begin(), F.Path.end());
  std::set<int> Used;
  for (const Edge &E : S.Edges) {
    Used.insert(E.Src);
    Used.insert(E.Dst);
  }
  DrawnGraph D;
  std::vector<int> NodeOf(G.Locs.size(), -1);
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L) {
    const Location &X = G.Locs[L];
    // Flow nodes and the shared sinks carry nothing when no edge uses them.
    if (!Used.count(L) &&
        (X.Kind == LocKind::Flow || X.Kind == LocKind::Heap ||
         X.Kind == LocKind::Thread || X.Kind == LocKind::CoroFrame))
      continue;
    DrawnNode N;
    N.Loc = L;
    N.Kind = X.Kind;
    N.Name = X.Name.empty() ? locKindName(X.Kind) : X.Name;
    if (!X.Field.empty() && X.Name.empty())
      N.Name += "." + X.Field;
    N.Detail = locKindName(X.Kind);
    if (X.Pos.valid())
      N.Detail += ", line " + std::to_string(X.Pos.Line);
    NodeOf[L] = static_cast<int>(D.Nodes.size());
    D.Nodes.push_back(std::move(N));
  }
  for (size_t I = 0; I < S.Edges.size(); ++I) {
    const Edge &E = S.Edges[I];
    DrawnEdge DE;
    DE.Edge = static_cast<int>(I);
    DE.Src = NodeOf[E.Src];
    DE.Dst = NodeOf[E.Dst];
    DE.Label =
        E.Derefs < 0 ? std::string(-E.Derefs, '&') : std::string(E.Derefs, '*');
    DE.Maybe = E.Maybe;
    DE.OnEscapePath = OnPath.count(static_cast<int>(I));
    D.Edges.push_back(std::move(DE));
  }
  return D;
}

} // namespace escape
