//===- Skeleton.cpp - What the link keeps of a function graph -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/Skeleton.h"

namespace escape {

namespace {

template <typename T> void release(std::vector<T> &V) {
  std::vector<T>().swap(V);
}

} // namespace

void keepSkeleton(FunctionGraph &G) {
  for (CallSite &C : G.Calls) {
    CallSite Callee;
    Callee.CalleeKey = std::move(C.CalleeKey);
    Callee.Virtual = C.Virtual;
    C = std::move(Callee);
  }
  release(G.SlotNames);
  release(G.SlotContents);
  release(G.Locs);
  release(G.Edges);
  release(G.Scopes);
  release(G.Models);
  release(G.SlotAnnotate);
  release(G.Local);
  G.Mangled.clear();
  G.Mangled.shrink_to_fit();
  G.SlotKinds.clear();
  G.SlotKinds.shrink_to_fit();
}

FunctionGraph skeletonOf(const FunctionGraph &G) {
  // A copy stripped, so that a field added to graphs is kept unless
  // keepSkeleton() drops it.
  FunctionGraph S = G;
  keepSkeleton(S);
  return S;
}

} // namespace escape
