//===- GraphFixture.h - Hand-built escape graphs for unit tests -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_TEST_UNIT_CORE_GRAPHFIXTURE_H
#define CLANG_ESCAPE_TEST_UNIT_CORE_GRAPHFIXTURE_H

#include "clang-escape/Graph/EscapeGraph.h"

#include <string>

namespace escape::test {

/// Builds a FunctionGraph the way the lowering does: roots first, one
/// function scope, then locations and edges by name.
class GraphMaker {
public:
  explicit GraphMaker(std::string Name) {
    G.Key = "c:@F@" + Name;
    G.Name = Name;
    G.MainFile = true;
    for (auto [K, N] : {std::pair{LocKind::Heap, "{heap}"},
                        {LocKind::Thread, "{thread}"},
                        {LocKind::CoroFrame, "{coroutine frame}"},
                        {LocKind::Result, "~r0"}})
      add(K, N);
    G.Scopes.push_back(Scope());
  }
  int add(LocKind K, const std::string &Name, int Scope = -1) {
    Location L;
    L.Kind = K;
    L.Name = Name;
    L.Scope = Scope;
    L.Pos.File = "t.cpp";
    L.Pos.Line = static_cast<unsigned>(G.Locs.size()) + 1;
    G.Locs.push_back(L);
    return static_cast<int>(G.Locs.size()) - 1;
  }
  int local(const std::string &Name, int Scope = 0) {
    return add(LocKind::Local, Name, Scope);
  }
  /// A pointer parameter: its slot location and its {*p} content.
  int param(const std::string &Name) {
    int P = add(LocKind::Param, Name, 0);
    int C = add(LocKind::ParamContent, "{*" + Name + "}");
    int Slot = static_cast<int>(G.SlotLocs.size());
    G.Locs[P].Slot = G.Locs[C].Slot = Slot;
    G.SlotNames.push_back(Name);
    G.SlotLocs.push_back(P);
    G.SlotContents.push_back(C);
    G.SlotKinds.push_back('p');
    return P;
  }
  void edge(int Dst, int Src, int Derefs, bool Maybe = false) {
    Edge E;
    E.Dst = Dst;
    E.Src = Src;
    E.Derefs = Derefs;
    E.Maybe = Maybe;
    E.Notes.push_back(Note{"assign",
                           G.Locs[Dst].Name + " = " + G.Locs[Src].Name,
                           G.Locs[Dst].Pos});
    G.Edges.push_back(E);
  }

  FunctionGraph G;
};

} // namespace escape::test

#endif
