//===- Skeleton.h - What the link keeps of a function graph -----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Summary-bounded linking keeps of each function only what the call graph
// needs: its identity (key, name, position, ODR hash, overrides), its slots
// and the callees of its calls. The body is read again when the function's
// component is solved. The cache stores each unit's skeletons in one small
// file, so that a warm link reads those and not the graphs.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_SKELETON_H
#define CLANG_ESCAPE_GRAPH_SKELETON_H

#include "clang-escape/Graph/EscapeGraph.h"

namespace escape {

/// Version of what keepSkeleton() keeps: part of the name of the cache's
/// skeleton files, so that a build keeping more reads none it did not write.
constexpr int SkeletonVersion = 1;

/// Drops from \p G everything but what the link needs (idempotent).
void keepSkeleton(FunctionGraph &G);

/// A skeleton of \p G, which is left as it is.
FunctionGraph skeletonOf(const FunctionGraph &G);

} // namespace escape

#endif
