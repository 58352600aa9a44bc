//===- Suppression.cpp - Which findings a project asked not to see --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/Suppression.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace escape {

namespace {

bool globMatch(llvm::StringRef Glob, llvm::StringRef Name) {
  size_t Star = Glob.find('*');
  if (Star == llvm::StringRef::npos)
    return Glob == Name;
  if (!Name.consume_front(Glob.take_front(Star)))
    return false;
  Glob = Glob.drop_front(Star + 1);
  for (size_t I = 0; I <= Name.size(); ++I)
    if (globMatch(Glob, Name.drop_front(I)))
      return true;
  return false;
}

/// One NOLINT-family comment on a line.
struct Directive {
  llvm::StringRef Kind; ///< "NOLINT", "NOLINTNEXTLINE", "NOLINTBEGIN", ...
  std::string Checks;   ///< empty: every check.
};

std::vector<Directive> directivesOn(llvm::StringRef Line) {
  std::vector<Directive> Out;
  for (size_t At = Line.find("NOLINT"); At != llvm::StringRef::npos;
       At = Line.find("NOLINT", At + 1)) {
    llvm::StringRef Rest = Line.drop_front(At);
    llvm::StringRef Kind =
        Rest.take_while([](char C) { return (C >= 'A' && C <= 'Z'); });
    if (Kind != "NOLINT" && Kind != "NOLINTNEXTLINE" && Kind != "NOLINTBEGIN" &&
        Kind != "NOLINTEND")
      continue;
    Directive D{Kind, ""};
    Rest = Rest.drop_front(Kind.size());
    if (Rest.consume_front("(")) {
      size_t Close = Rest.find(')');
      if (Close == llvm::StringRef::npos)
        continue; // Malformed: clang-tidy ignores it too.
      D.Checks = Rest.take_front(Close).str();
    }
    Out.push_back(std::move(D));
  }
  return Out;
}

/// Whether a NOLINT list (globs, no negation) names \p Check.
bool listNames(llvm::StringRef List, llvm::StringRef Check) {
  if (List.trim().empty())
    return true;
  llvm::SmallVector<llvm::StringRef> Parts;
  List.split(Parts, ',', -1, false);
  return std::any_of(Parts.begin(), Parts.end(), [&](llvm::StringRef G) {
    return globMatch(G.trim(), Check);
  });
}

} // namespace

CheckGlobs::CheckGlobs(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef> Parts;
  List.split(Parts, ',', -1, false);
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    bool Positive = !P.consume_front("-");
    if (!P.empty())
      Globs.push_back({Positive, P.str()});
  }
}

bool CheckGlobs::contains(llvm::StringRef Check) const {
  bool In = false;
  for (const auto &[Positive, Glob] : Globs)
    if (globMatch(Glob, Check))
      In = Positive;
  return In;
}

const NoLintComments::FileComments &
NoLintComments::load(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  FileComments FC;
  auto Buf =
      FS ? FS->getBufferForFile(File) : llvm::MemoryBuffer::getFile(File);
  if (Buf) {
    FC.Text = std::move(*Buf);
    llvm::SmallVector<llvm::StringRef, 0> Lines;
    FC.Text->getBuffer().split(Lines, '\n');
    FC.Lines.assign(Lines.begin(), Lines.end());
    std::vector<std::pair<unsigned, std::string>> Open;
    for (unsigned I = 0; I < Lines.size(); ++I) {
      for (const Directive &D : directivesOn(Lines[I])) {
        if (D.Kind == "NOLINTBEGIN")
          Open.push_back({I + 1, D.Checks});
        else if (D.Kind == "NOLINTEND")
          // Closes the last region opened with the same list.
          for (auto R = Open.rbegin(); R != Open.rend(); ++R)
            if (R->second == D.Checks) {
              FC.Regions.push_back({R->first, I + 1, R->second});
              Open.erase(std::next(R).base());
              break;
            }
      }
    }
  }
  return Files.try_emplace(File, std::move(FC)).first->second;
}

bool NoLintComments::suppresses(const SourcePos &P, llvm::StringRef Check) {
  if (!P.valid())
    return false;
  const FileComments &FC = load(P.File);
  auto Line = [&](unsigned N) -> llvm::StringRef {
    return N >= 1 && N <= FC.Lines.size() ? FC.Lines[N - 1] : "";
  };
  for (const Directive &D : directivesOn(Line(P.Line)))
    if (D.Kind == "NOLINT" && listNames(D.Checks, Check))
      return true;
  for (const Directive &D : directivesOn(Line(P.Line - 1)))
    if (D.Kind == "NOLINTNEXTLINE" && listNames(D.Checks, Check))
      return true;
  for (const Region &R : FC.Regions)
    if (R.Begin < P.Line && P.Line < R.End && listNames(R.Checks, Check))
      return true;
  return false;
}

unsigned applySuppressions(Report &R, const CheckGlobs &Enabled,
                           llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  NoLintComments NoLint(std::move(FS));
  unsigned Before = R.Findings.size() + R.FixIts.size();
  llvm::erase_if(R.Findings, [&](const Finding &F) {
    return !Enabled.contains(F.Check) || NoLint.suppresses(F.Pos, F.Check);
  });
  llvm::erase_if(R.FixIts, [&](const FixIt &F) {
    return !Enabled.contains(F.Check) || NoLint.suppresses(F.At, F.Check);
  });
  return Before - (R.Findings.size() + R.FixIts.size());
}

} // namespace escape
