//===- CheckCatalog.h - The checks every surface offers ---------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The names a Finding or FixIt carries in Check, listed once so that the
// CLI's --checks, the clang-tidy module and the compiler plugin offer the
// same set.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_REPORT_CHECKCATALOG_H
#define CLANG_ESCAPE_REPORT_CHECKCATALOG_H

namespace escape {

/// What a check reports: findings of one class, or proven annotations.
enum class CheckKind { Bug, Perf, Annotation };

struct CheckInfo {
  const char *Name;
  CheckKind Kind;
};

/// Every check, in the order of docs/checks.
inline constexpr CheckInfo CheckCatalog[] = {
    {"escape-return", CheckKind::Bug},
    {"escape-global", CheckKind::Bug},
    {"escape-member", CheckKind::Bug},
    {"escape-heap", CheckKind::Bug},
    {"escape-lambda-capture", CheckKind::Bug},
    {"escape-thread", CheckKind::Bug},
    {"escape-coroutine", CheckKind::Bug},
    {"escape-scope", CheckKind::Bug},
    {"escape-stack-candidate", CheckKind::Perf},
    {"escape-type-erasure", CheckKind::Perf},
    {"escape-oversized-frame", CheckKind::Perf},
    {"escape-annotate-lifetimebound", CheckKind::Annotation},
    {"escape-annotate-noescape", CheckKind::Annotation},
};

} // namespace escape

#endif
