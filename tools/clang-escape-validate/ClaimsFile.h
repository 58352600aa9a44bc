//===- ClaimsFile.h - Reader for clang-escape's claims JSON -----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Reads the file written by `clang-escape --emit-claims=FILE` (schema in
// docs/Runtime.md, version 1). Errors name the file and, for malformed JSON,
// the byte, line and column; for schema errors, the JSON pointer of the
// offending value.
//
//===----------------------------------------------------------------------===//

#ifndef CLANG_ESCAPE_TOOLS_VALIDATE_CLAIMSFILE_H
#define CLANG_ESCAPE_TOOLS_VALIDATE_CLAIMSFILE_H

#include <optional>
#include <string>
#include <vector>

namespace escape::validate {

/// A heap-allocation claim: the object allocated at a site does (not)
/// escape the function.
struct HeapClaim {
  std::string Site; ///< "file:line:col" as the analyzer printed it.
  unsigned Line = 0;
  std::string Type;
  unsigned long long Bytes = 0;
  bool Escapes = false;
};

/// A stack claim: the address of a local does (not) escape the function.
struct StackClaim {
  std::string Name;
  unsigned Line = 0;
  unsigned long long Bytes = 0;
  bool Escapes = false;
};

/// One analyzed function and its claims.
struct FunctionClaims {
  std::string Name, QualifiedName, Mangled, File;
  unsigned Line = 0;
  std::string Returns; ///< void, value, pointer or reference.
  std::vector<HeapClaim> Heap;
  std::vector<StackClaim> Stack;
};

/// The whole claims file.
struct ClaimsFile {
  std::string Path;
  std::string ToolName, ToolVersion;
  /// The analyzed sources of the program the claims are about (optional).
  std::vector<std::string> Sources;
  std::vector<FunctionClaims> Functions;
};

/// Reads \p Path. On failure returns nothing and sets \p Error to a message
/// that starts with the file name.
std::optional<ClaimsFile> readClaimsFile(const std::string &Path,
                                         std::string &Error);

} // namespace escape::validate

#endif // CLANG_ESCAPE_TOOLS_VALIDATE_CLAIMSFILE_H
