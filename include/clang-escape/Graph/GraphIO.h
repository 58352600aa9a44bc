//===- GraphIO.h - Escape graphs to and from JSON ---------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A translation unit's graphs are the unit of caching and of cross-TU
// linking: extraction depends only on the TU and its flags, so its output is
// stored and reused until an input changes.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_GRAPHIO_H
#define CLANG_ESCAPE_GRAPH_GRAPHIO_H

#include "clang-escape/Graph/EscapeGraph.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace escape {

/// A file a translation unit read, with the hash of its content.
struct Dependency {
  std::string Path;
  uint64_t Hash = 0;
};

/// What extracting one translation unit produced.
struct ExtractedTU {
  std::string File;
  std::vector<Dependency> Deps;
  std::vector<FunctionGraph> Graphs;
  bool HadErrors = false;
};

/// Version of the cache format; a different version is a cache miss.
constexpr int GraphFormatVersion = 14;

/// Serializes \p TU as JSON.
std::string writeExtractedTU(const ExtractedTU &TU);

/// Parses what writeExtractedTU wrote. \p Name names the source in errors.
llvm::Expected<ExtractedTU> readExtractedTU(llvm::StringRef Text,
                                            llvm::StringRef Name);

} // namespace escape

#endif
