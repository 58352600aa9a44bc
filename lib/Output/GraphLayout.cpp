//===- GraphLayout.cpp - Where a drawn escape graph's parts go ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "GraphLayout.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>

namespace escape {
namespace {

constexpr double CharWidth = 7.2; // 12px monospace
constexpr double NodeHeight = 36;
constexpr double LayerGap = 56;
constexpr double NodeGap = 28;
constexpr double Margin = 12;
constexpr double ArrowRoom = 9; // the arrow head drawn after the route

std::string num(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%.1f", V);
  return Buf;
}

std::string point(double X, double Y) { return num(X) + " " + num(Y); }

/// Layers: longest path from the sources over the edges that a depth-first
/// walk does not close into a cycle.
std::vector<int> layers(const DrawnGraph &G, std::vector<bool> &Back) {
  size_t N = G.Nodes.size();
  std::vector<std::vector<int>> Out(N);
  for (size_t I = 0; I < G.Edges.size(); ++I)
    Out[G.Edges[I].Src].push_back(static_cast<int>(I));
  Back.assign(G.Edges.size(), false);
  std::vector<int> State(N, 0); // 0 new, 1 on the stack, 2 done
  std::vector<int> Order;       // reverse post-order below
  for (size_t Root = 0; Root < N; ++Root) {
    if (State[Root])
      continue;
    // Iterative: graphs of generated code can be deep.
    std::vector<std::pair<int, size_t>> Stack{{static_cast<int>(Root), 0}};
    State[Root] = 1;
    while (!Stack.empty()) {
      auto &[V, Next] = Stack.back();
      if (Next < Out[V].size()) {
        int E = Out[V][Next++];
        int W = G.Edges[E].Dst;
        if (State[W] == 1)
          Back[E] = true;
        else if (State[W] == 0) {
          State[W] = 1;
          Stack.push_back({W, 0});
        }
        continue;
      }
      State[V] = 2;
      Order.push_back(V);
      Stack.pop_back();
    }
  }
  std::reverse(Order.begin(), Order.end());
  std::vector<int> Layer(N, 0);
  for (int V : Order)
    for (int E : Out[V])
      if (!Back[E] && G.Edges[E].Dst != V)
        Layer[G.Edges[E].Dst] = std::max(Layer[G.Edges[E].Dst], Layer[V] + 1);
  return Layer;
}

} // namespace

NodeBox nodeSize(const DrawnNode &N) {
  NodeBox B;
  B.W = std::max(N.Name.size(), N.Detail.size()) * CharWidth + 16;
  B.H = NodeHeight;
  return B;
}

GraphLayout layoutLayered(const DrawnGraph &G) {
  GraphLayout L;
  size_t N = G.Nodes.size();
  std::vector<bool> Back;
  std::vector<int> Layer = layers(G, Back);
  int Layers = N ? *std::max_element(Layer.begin(), Layer.end()) + 1 : 0;
  std::vector<std::vector<int>> Rows(Layers);
  for (size_t V = 0; V < N; ++V)
    Rows[Layer[V]].push_back(static_cast<int>(V));
  // Position of each node in its row; barycentre sweeps, down then up.
  std::vector<double> Pos(N, 0);
  auto Number = [&](std::vector<int> &Row) {
    for (size_t I = 0; I < Row.size(); ++I)
      Pos[Row[I]] = static_cast<double>(I);
  };
  for (auto &Row : Rows)
    Number(Row);
  for (int Sweep = 0; Sweep < 4; ++Sweep) {
    bool Down = Sweep % 2 == 0;
    for (int R = 0; R < Layers; ++R) {
      auto &Row = Rows[Down ? R : Layers - 1 - R];
      std::vector<double> Key(N, -1);
      for (int V : Row) {
        double Sum = 0;
        int Count = 0;
        for (const DrawnEdge &E : G.Edges) {
          int Other = E.Dst == V ? E.Src : E.Src == V ? E.Dst : -1;
          if (Other < 0 || Other == V)
            continue;
          if (Down ? Layer[Other] < Layer[V] : Layer[Other] > Layer[V]) {
            Sum += Pos[Other];
            ++Count;
          }
        }
        Key[V] = Count ? Sum / Count : Pos[V];
      }
      std::stable_sort(Row.begin(), Row.end(),
                       [&](int A, int B) { return Key[A] < Key[B]; });
      Number(Row);
    }
  }
  // Coordinates: rows centred on the widest.
  L.Nodes.resize(N);
  std::vector<double> RowWidth(Layers, 0);
  for (int R = 0; R < Layers; ++R)
    for (int V : Rows[R]) {
      L.Nodes[V] = nodeSize(G.Nodes[V]);
      RowWidth[R] += L.Nodes[V].W + (RowWidth[R] > 0 ? NodeGap : 0);
    }
  double Widest =
      Layers ? *std::max_element(RowWidth.begin(), RowWidth.end()) : 0;
  for (int R = 0; R < Layers; ++R) {
    double X = Margin + (Widest - RowWidth[R]) / 2;
    for (int V : Rows[R]) {
      L.Nodes[V].X = X + L.Nodes[V].W / 2;
      L.Nodes[V].Y = Margin + NodeHeight / 2 + R * (NodeHeight + LayerGap);
      X += L.Nodes[V].W + NodeGap;
    }
  }
  L.Width = Widest + 2 * Margin;
  L.Height = Layers ? Margin * 2 + Layers * NodeHeight + (Layers - 1) * LayerGap
                    : 2 * Margin;
  // Forward edges leave the bottom and enter the top; the others curve
  // around the right-hand side.
  for (const DrawnEdge &E : G.Edges) {
    const NodeBox &S = L.Nodes[E.Src], &D = L.Nodes[E.Dst];
    EdgeRoute Route;
    if (Layer[E.Dst] > Layer[E.Src]) {
      double SX = S.X, SY = S.Y + S.H / 2;
      double DX = D.X, DY = D.Y - D.H / 2 - ArrowRoom;
      double Mid = (SY + DY) / 2;
      Route.D = "M " + point(SX, SY) + " C " + point(SX, Mid) + ", " +
                point(DX, Mid) + ", " + point(DX, DY);
      Route.LabelX = (SX + DX) / 2 + 8;
      Route.LabelY = Mid;
    } else {
      double SX = S.X + S.W / 2, SY = S.Y;
      double DX = D.X + D.W / 2 + ArrowRoom, DY = D.Y;
      double Out = std::max(SX, DX) + 40;
      if (E.Src == E.Dst)
        DY += 8, SY -= 8;
      Route.D = "M " + point(SX, SY) + " C " + point(Out, SY) + ", " +
                point(Out, DY) + ", " + point(DX, DY);
      Route.LabelX = Out - 6;
      Route.LabelY = (SY + DY) / 2;
      L.Width = std::max(L.Width, Out + Margin);
    }
    L.Edges.push_back(std::move(Route));
  }
  return L;
}

namespace {

/// The words of one line of dot's plain output; quoted strings are one.
std::vector<std::string> words(llvm::StringRef Line) {
  std::vector<std::string> Out;
  size_t I = 0;
  while (I < Line.size()) {
    if (Line[I] == ' ') {
      ++I;
      continue;
    }
    std::string W;
    if (Line[I] == '"') {
      for (++I; I < Line.size() && Line[I] != '"'; ++I) {
        if (Line[I] == '\\' && I + 1 < Line.size())
          ++I;
        W += Line[I];
      }
      ++I;
    } else {
      while (I < Line.size() && Line[I] != ' ')
        W += Line[I++];
    }
    Out.push_back(std::move(W));
  }
  return Out;
}

llvm::Error badOutput(const std::string &Why) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 "cannot read dot's output: %s", Why.c_str());
}

/// Reads the graphs of dot's plain output, in order.
llvm::Expected<std::vector<GraphLayout>>
readPlain(llvm::StringRef Text, const std::vector<DrawnGraph> &Graphs) {
  std::vector<GraphLayout> Out;
  constexpr double Pt = 72; // plain output is in inches
  double Height = 0;
  // dot lists edges by their tail, not in the order given: each is found by
  // its ends, parallel ones in the order given.
  std::map<std::pair<int, int>, std::deque<size_t>> Pending;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n', -1, false);
  for (llvm::StringRef Line : Lines) {
    std::vector<std::string> W = words(Line);
    if (W.empty())
      continue;
    auto Num = [&](size_t I) {
      return I < W.size() ? std::strtod(W[I].c_str(), nullptr) : 0.0;
    };
    if (W[0] == "graph") {
      if (Out.size() >= Graphs.size())
        return badOutput("more graphs than given");
      Out.emplace_back();
      const DrawnGraph &G = Graphs[Out.size() - 1];
      Out.back().Nodes.resize(G.Nodes.size());
      Out.back().Edges.resize(G.Edges.size());
      Height = Num(3) * Pt;
      Out.back().Width = Num(2) * Pt + 2 * Margin;
      Out.back().Height = Height + 2 * Margin;
      Pending.clear();
      for (size_t I = 0; I < G.Edges.size(); ++I)
        Pending[{G.Edges[I].Src, G.Edges[I].Dst}].push_back(I);
      continue;
    }
    if (Out.empty())
      return badOutput("no graph line");
    GraphLayout &L = Out.back();
    auto X = [&](double V) { return V * Pt + Margin; };
    auto Y = [&](double V) { return Height - V * Pt + Margin; };
    // Our nodes are named n<index>.
    auto Index = [](const std::string &Name) {
      return Name.size() > 1 && Name[0] == 'n' ? std::atoi(Name.c_str() + 1)
                                               : -1;
    };
    if (W[0] == "node" && W.size() >= 6) {
      int I = Index(W[1]);
      if (I < 0 || I >= static_cast<int>(L.Nodes.size()))
        return badOutput("unknown node '" + W[1] + "'");
      L.Nodes[I] = {X(Num(2)), Y(Num(3)), Num(4) * Pt, Num(5) * Pt};
    } else if (W[0] == "edge" && W.size() >= 4) {
      size_t Count = std::strtoul(W[3].c_str(), nullptr, 10);
      auto Ends = std::make_pair(Index(W[1]), Index(W[2]));
      auto It = Pending.find(Ends);
      if (It == Pending.end() || It->second.empty() || W.size() < 4 + 2 * Count)
        return badOutput("unexpected edge line");
      EdgeRoute &R = L.Edges[It->second.front()];
      It->second.pop_front();
      R.D = "M " + point(X(Num(4)), Y(Num(5)));
      for (size_t P = 1; P + 2 < Count; P += 3)
        R.D += " C " + point(X(Num(4 + 2 * P)), Y(Num(5 + 2 * P))) + ", " +
               point(X(Num(6 + 2 * P)), Y(Num(7 + 2 * P))) + ", " +
               point(X(Num(8 + 2 * P)), Y(Num(9 + 2 * P)));
      size_t After = 4 + 2 * Count;
      if (W.size() >= After + 5) { // label x y style color
        R.LabelX = X(Num(After + 1));
        R.LabelY = Y(Num(After + 2));
      } else {
        R.LabelX = (X(Num(4)) + X(Num(2 + 2 * Count))) / 2;
        R.LabelY = (Y(Num(5)) + Y(Num(3 + 2 * Count))) / 2;
      }
    }
  }
  if (Out.size() != Graphs.size())
    return badOutput(std::to_string(Out.size()) + " graphs for " +
                     std::to_string(Graphs.size()));
  return Out;
}

/// The dot input: node sizes fixed to what our text needs.
std::string dotInput(const std::vector<DrawnGraph> &Graphs) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  for (const DrawnGraph &G : Graphs) {
    OS << "digraph g {\n  node [shape=box, fixedsize=true, label=\"\"];\n"
       << "  edge [fontsize=12, fontname=\"monospace\"];\n";
    for (size_t I = 0; I < G.Nodes.size(); ++I) {
      NodeBox B = nodeSize(G.Nodes[I]);
      OS << "  n" << I << " [width=" << num(B.W / 72 + 0.05)
         << ", height=" << num(B.H / 72 + 0.05) << "];\n";
    }
    for (const DrawnEdge &E : G.Edges)
      OS << "  n" << E.Src << " -> n" << E.Dst << " [label=\""
         << (E.Label.empty() ? " " : E.Label) << "\"];\n";
    OS << "}\n";
  }
  return S;
}

} // namespace

llvm::Expected<std::vector<GraphLayout>>
layoutWithDot(llvm::StringRef DotPath, const std::vector<DrawnGraph> &Graphs) {
  if (Graphs.empty())
    return std::vector<GraphLayout>();
  llvm::SmallString<128> In, Out;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("clang-escape-graph", "gv", In))
    return llvm::createStringError(EC, "cannot create a temporary file");
  llvm::FileRemover RemoveIn(In);
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
          "clang-escape-graph", "plain", Out))
    return llvm::createStringError(EC, "cannot create a temporary file");
  llvm::FileRemover RemoveOut(Out);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(In, EC);
    if (EC)
      return llvm::createStringError(EC, "cannot write '%s'", In.c_str());
    OS << dotInput(Graphs);
  }
  std::string Message;
  // Every graph's layout on stdout (-o keeps only the last one's).
  llvm::StringRef Args[] = {DotPath, "-Tplain", In};
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(Out), llvm::StringRef("")};
  int RC = llvm::sys::ExecuteAndWait(DotPath, Args, std::nullopt, Redirects,
                                     /*SecondsToWait=*/300, 0, &Message);
  if (RC != 0)
    return llvm::createStringError(
        std::errc::io_error, "'%s' failed%s%s", DotPath.str().c_str(),
        Message.empty() ? "" : ": ", Message.c_str());
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "cannot read '%s'",
                                   Out.c_str());
  return readPlain((*Buf)->getBuffer(), Graphs);
}

} // namespace escape
