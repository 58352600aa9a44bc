//===- DotEmitter.cpp - One function's escape graph for Graphviz ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The solved graph of the functions a name selects, as Graphviz dot: one
// node per location, one edge per flow labelled with its derefs ("&" takes
// an address, "*" reads through a pointer), the edges of the escape paths
// in red. Flow nodes without edges are left out: they carry nothing.
//
//===----------------------------------------------------------------------===//

#include "GraphDrawing.h"
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/raw_ostream.h"

namespace escape {
namespace {

const char *shapeOf(LocKind K) {
  switch (K) {
  case LocKind::Heap:
  case LocKind::Thread:
  case LocKind::CoroFrame:
  case LocKind::GlobalStore:
    return "doubleoctagon"; // sinks that outlive the frame
  case LocKind::Result:
  case LocKind::ParamContent:
  case LocKind::ParamField:
    return "house"; // the caller's
  case LocKind::Local:
  case LocKind::Param:
  case LocKind::Temporary:
    return "box"; // storage of this frame
  case LocKind::Alloc:
    return "component";
  default:
    return "ellipse";
  }
}

std::string escaped(llvm::StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

void emitFunction(const FunctionGraph &G, const SolvedFunction &S, size_t Index,
                  llvm::raw_ostream &OS) {
  DrawnGraph D = drawGraph(G, S);
  std::string P = "f" + std::to_string(Index) + "_";
  OS << "  subgraph \"cluster_" << Index << "\" {\n";
  OS << "    label=\"" << escaped(G.Name) << "\";\n";
  for (const DrawnNode &N : D.Nodes)
    OS << "    " << P << N.Loc << " [shape=" << shapeOf(N.Kind) << ", label=\""
       << escaped(N.Name) << "\\n(" << N.Detail << ")\"];\n";
  for (const DrawnEdge &E : D.Edges) {
    const Edge &Flow = S.Edges[E.Edge];
    OS << "    " << P << Flow.Src << " -> " << P << Flow.Dst << " [label=\""
       << E.Label << "\"";
    if (E.Maybe)
      OS << ", style=dashed";
    if (E.OnEscapePath)
      OS << ", color=red, penwidth=2";
    OS << "];\n";
  }
  OS << "  }\n";
}

} // namespace

unsigned emitDot(const Program &P, llvm::StringRef Function,
                 llvm::raw_ostream &OS) {
  OS << "digraph escape {\n  node [fontname=\"monospace\"];\n";
  unsigned N = 0;
  for (size_t I = 0; I < P.graphs().size() && I < P.solved().size(); ++I) {
    const FunctionGraph &G = P.graphs()[I];
    if (!G.MainFile)
      continue;
    llvm::StringRef Name = G.Name;
    // "ns::f" selects ns::f; "f" selects f in any scope.
    if (!Function.empty() && Name != Function &&
        !(Name.ends_with(Function) &&
          Name.drop_back(Function.size()).ends_with("::")))
      continue;
    emitFunction(G, P.solved()[I], I, OS);
    ++N;
  }
  OS << "}\n";
  return N;
}

} // namespace escape
