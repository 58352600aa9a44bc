//===- GraphLayout.h - Where a drawn escape graph's parts go ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Positions for the nodes and edges of DrawnGraphs, in SVG pixels (y grows
// downwards): by Graphviz dot when it is installed (one process for all the
// graphs of a report, read back in its "plain" format), by a layered layout
// of our own otherwise. Private to lib/Output.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_OUTPUT_GRAPHLAYOUT_H
#define CLANG_ESCAPE_OUTPUT_GRAPHLAYOUT_H

#include "GraphDrawing.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace escape {

/// A node's box: its centre and size.
struct NodeBox {
  double X = 0, Y = 0, W = 0, H = 0;
};

/// An edge's route as an SVG path ("M x y C ..."), ending where its arrow
/// starts, and where its label goes.
struct EdgeRoute {
  std::string D;
  double LabelX = 0, LabelY = 0;
};

struct GraphLayout {
  double Width = 0, Height = 0;
  std::vector<NodeBox> Nodes;   ///< parallel to DrawnGraph::Nodes
  std::vector<EdgeRoute> Edges; ///< parallel to DrawnGraph::Edges
};

/// The size a node's two text lines need.
NodeBox nodeSize(const DrawnNode &N);

/// Layers by longest path from the sources (cycles broken where a
/// depth-first walk closes them), orders each layer by the barycentre of
/// its neighbours, routes edges as curves.
GraphLayout layoutLayered(const DrawnGraph &G);

/// Lays out every graph of \p Graphs with the dot program at \p DotPath, in
/// one process; an error when it cannot be run or its output not read.
llvm::Expected<std::vector<GraphLayout>>
layoutWithDot(llvm::StringRef DotPath, const std::vector<DrawnGraph> &Graphs);

} // namespace escape

#endif
