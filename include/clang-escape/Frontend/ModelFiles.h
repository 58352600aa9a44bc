//===- ModelFiles.h - The model files a run loads ---------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_FRONTEND_MODELFILES_H
#define CLANG_ESCAPE_FRONTEND_MODELFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace escape {

class ModelTable;

/// The path of the executable or shared object that holds \p Address.
std::string objectPathOf(const void *Address);

/// The shipped model file, share/clang-escape/models.json under the
/// installation (or build) prefix of the object at \p ObjectPath, which
/// sits in <prefix>/bin or <prefix>/lib/clang-escape/llvmN; empty if none.
std::string shippedModelsPath(llvm::StringRef ObjectPath);

/// Loads the shipped models (unless \p ObjectPath is empty) and then each of
/// \p Extra, into \p Models.
llvm::Error loadModelFiles(ModelTable &Models, llvm::StringRef ObjectPath,
                           const std::vector<std::string> &Extra);

} // namespace escape

#endif
