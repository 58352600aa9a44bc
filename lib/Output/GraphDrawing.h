//===- GraphDrawing.h - What a drawn escape graph shows ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The nodes and edges that the drawings of a function's escape graph show
// (Graphviz dot, the HTML report's SVG), decided once: one node per location
// that carries something, one edge per flow labelled with its derefs. Private
// to lib/Output.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_OUTPUT_GRAPHDRAWING_H
#define CLANG_ESCAPE_OUTPUT_GRAPHDRAWING_H

#include "clang-escape/Graph/EscapeGraph.h"
#include "clang-escape/Solve/Solver.h"

#include <string>
#include <vector>

namespace escape {

/// A location as drawn.
struct DrawnNode {
  int Loc = -1;
  LocKind Kind = LocKind::Flow;
  std::string Name; ///< "x", "{heap}", "p.next"
  /// "local", "heap", ...; with ", line N" when known.
  std::string Detail;
};

/// A flow as drawn, from Src to Dst (indices into DrawnGraph::Nodes).
struct DrawnEdge {
  int Edge = -1; ///< index into SolvedFunction::Edges
  int Src = 0;
  int Dst = 0;
  std::string Label; ///< "&", "*", "**", or "".
  bool Maybe = false;
  bool OnEscapePath = false; ///< on the path of some escape of the function.
};

struct DrawnGraph {
  std::vector<DrawnNode> Nodes;
  std::vector<DrawnEdge> Edges;
};

/// What the drawings of \p G, solved as \p S, show.
DrawnGraph drawGraph(const FunctionGraph &G, const SolvedFunction &S);

/// "local", "heap", "parameter's object", ...
const char *locKindName(LocKind K);

} // namespace escape

#endif
