//===- Fingerprint.cpp - Line-independent identity of a finding -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A baseline entry must keep matching its finding when lines are inserted
// above it, other lines are edited or reformatted, or the repository is
// checked out elsewhere, and must stop matching when the statement that
// lets the address go, what escapes or where it goes changes.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Support/SourceLines.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA256.h"

#include <map>

namespace escape {

namespace {

/// The analysis cuts a statement's text after 61 characters of collapsed
/// white space, which keep at least 31 others: so many, whatever the
/// formatting, identify the statement.
constexpr size_t StatementChars = 31;

std::string withoutSpace(llvm::StringRef S) {
  S.consume_back("...");
  std::string Out;
  for (char C : S)
    if (!llvm::isSpace(C) && Out.size() < StatementChars)
      Out.push_back(C);
  return Out;
}

/// Clang names an unnamed class by where it is, "(lambda at /src/a.cpp:3:7)":
/// neither the directory nor the line may be part of an identity.
std::string withoutPlaces(llvm::StringRef S) {
  static const llvm::Regex At("\\(([^()]*) at [^()]*:[0-9]+:[0-9]+\\)");
  std::string Out = S.str();
  while (At.match(Out))
    Out = At.sub("(\\1)", Out);
  return Out;
}

/// "f::lambda@12" -> "f::lambda": the line a lambda starts on is no part
/// of its identity.
std::string functionKey(llvm::StringRef Name) {
  std::string Out;
  for (size_t I = 0; I < Name.size(); ++I) {
    Out.push_back(Name[I]);
    if (Name[I] == '@' && Name.substr(0, I).ends_with("lambda")) {
      Out.pop_back();
      while (I + 1 < Name.size() && llvm::isDigit(Name[I + 1]))
        ++I;
    }
  }
  return Out;
}

/// The escaping statement: the text of the flow step at the finding's
/// position (already whitespace-collapsed by the analysis, and the same from
/// the cache); the source line for findings without such a step.
std::string statementOf(const Finding &F, SourceLines &Lines) {
  for (auto It = F.Flow.rbegin(); It != F.Flow.rend(); ++It)
    if (It->Pos.File == F.Pos.File && It->Pos.Line == F.Pos.Line &&
        It->Pos.Column == F.Pos.Column && !It->What.empty())
      return withoutSpace(withoutPlaces(It->What));
  return withoutSpace(withoutPlaces(Lines.line(F.Pos.File, F.Pos.Line)));
}

} // namespace

std::string fingerprint(const Finding &F, llvm::StringRef RelativeFile,
                        llvm::StringRef Statement) {
  std::string Key = "v1";
  std::string Function = functionKey(withoutPlaces(F.Function));
  std::string Subject = withoutPlaces(F.Subject);
  std::string Sink = withoutPlaces(F.Sink);
  for (llvm::StringRef Part :
       {llvm::StringRef(F.Check), RelativeFile, llvm::StringRef(Function),
        llvm::StringRef(Subject), llvm::StringRef(Sink), Statement}) {
    Key += '\x1f';
    Key += Part;
  }
  auto Hash = llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key));
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Hash).take_front(8),
                     /*LowerCase=*/true);
}

void assignFingerprints(Report &R, const SourcePaths &Paths) {
  SourceLines Lines;
  for (Finding &F : R.Findings) {
    std::string Rel = Paths.relative(F.Pos.File);
    // Outside the root only the name is stable across checkouts.
    if (Rel.empty())
      Rel = llvm::sys::path::filename(F.Pos.File).str();
    F.Fingerprint = fingerprint(F, Rel, statementOf(F, Lines));
  }
}

std::vector<unsigned> occurrenceIndexes(const Report &R) {
  std::map<std::string, unsigned> Seen;
  std::vector<unsigned> Out;
  for (const Finding &F : R.Findings)
    Out.push_back(Seen[F.Fingerprint]++);
  return Out;
}

} // namespace escape
