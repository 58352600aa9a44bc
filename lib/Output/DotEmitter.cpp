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

#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/raw_ostream.h"

#include <set>

namespace escape {
namespace {

const char *kindName(LocKind K) {
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

std::string derefLabel(int D) {
  if (D < 0)
    return std::string(-D, '&');
  return std::string(D, '*');
}

void emitFunction(const FunctionGraph &G, const SolvedFunction &S, size_t Index,
                  llvm::raw_ostream &OS) {
  std::set<int> OnPath;
  for (const EscapeFact &F : S.Escapes)
    OnPath.insert(F.Path.begin(), F.Path.end());
  std::set<int> Used;
  for (const Edge &E : S.Edges) {
    Used.insert(E.Src);
    Used.insert(E.Dst);
  }
  std::string P = "f" + std::to_string(Index) + "_";
  OS << "  subgraph \"cluster_" << Index << "\" {\n";
  OS << "    label=\"" << escaped(G.Name) << "\";\n";
  for (int L = 0; L < static_cast<int>(G.Locs.size()); ++L) {
    const Location &X = G.Locs[L];
    // Flow nodes and the shared sinks carry nothing when no edge uses them.
    if (!Used.count(L) &&
        (X.Kind == LocKind::Flow || X.Kind == LocKind::Heap ||
         X.Kind == LocKind::Thread || X.Kind == LocKind::CoroFrame))
      continue;
    std::string Label = escaped(X.Name.empty() ? kindName(X.Kind) : X.Name);
    if (!X.Field.empty() && X.Name.empty())
      Label += "." + escaped(X.Field);
    Label += "\\n(" + std::string(kindName(X.Kind));
    if (X.Pos.valid())
      Label += ", line " + std::to_string(X.Pos.Line);
    Label += ")";
    OS << "    " << P << L << " [shape=" << shapeOf(X.Kind) << ", label=\""
       << Label << "\"];\n";
  }
  for (size_t I = 0; I < S.Edges.size(); ++I) {
    const Edge &E = S.Edges[I];
    OS << "    " << P << E.Src << " -> " << P << E.Dst << " [label=\""
       << derefLabel(E.Derefs) << "\"";
    if (E.Maybe)
      OS << ", style=dashed";
    if (OnPath.count(static_cast<int>(I)))
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
