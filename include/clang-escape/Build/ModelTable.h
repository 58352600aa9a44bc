//===- ModelTable.h - Escape models of functions without bodies -*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A model file (docs/Models.md) says what a function does with its
// parameters when its body is not analyzed: the C and C++ standard
// libraries, system headers, prebuilt libraries. Models are keyed by the
// qualified name without template arguments or inline namespaces
// ("std::vector::push_back", "memcpy").
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_BUILD_MODELTABLE_H
#define CLANG_ESCAPE_BUILD_MODELTABLE_H

#include "clang-escape/Graph/Summary.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace escape {

/// What one model says about one parameter ("this" is index -1).
struct ParamModel {
  ParamLeaks Leaks;
  bool NoEscape = false;
};

/// One function's model.
struct FunctionModel {
  std::map<int, ParamModel> Params;
  /// Returns once the work handed to its object is done and dropped
  /// (unset: as the built-in names say).
  std::optional<bool> Waits;
};

/// The models of every loaded file; later files override earlier ones.
class ModelTable {
public:
  /// Adds the models of the JSON text \p Text; \p Name names it in errors,
  /// which give the line and column of the problem.
  llvm::Error addFile(llvm::StringRef Text, llvm::StringRef Name);
  /// Reads and adds the model file at \p Path.
  llvm::Error loadFile(llvm::StringRef Path);

  const FunctionModel *find(const std::string &QualifiedName) const {
    auto It = Models.find(QualifiedName);
    return It == Models.end() ? nullptr : &It->second;
  }
  size_t size() const { return Models.size(); }
  /// Identifies the files added, in order: part of the cache key.
  uint64_t fingerprint() const { return Fingerprint; }

private:
  std::map<std::string, FunctionModel> Models;
  uint64_t Fingerprint = 0;
};

} // namespace escape

#endif
