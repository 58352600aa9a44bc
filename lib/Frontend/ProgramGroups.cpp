//===- ProgramGroups.cpp - Which files make which program -----------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/ProgramGroups.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace escape {

std::string normalizedPath(llvm::StringRef Path, llvm::StringRef Base) {
  llvm::SmallString<256> Abs(Path);
  if (!Base.empty() && !llvm::sys::path::is_absolute(Abs)) {
    Abs = Base;
    llvm::sys::path::append(Abs, Path);
  }
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

llvm::Expected<ProgramSpec> parseProgramSpec(llvm::StringRef Text,
                                             llvm::StringRef Dir) {
  auto [Name, Globs] = Text.split('=');
  Name = Name.trim();
  auto Malformed = [&](const std::string &Why) {
    return llvm::createStringError(
        std::errc::invalid_argument,
        "a program is NAME=GLOB[,GLOB...], not '%s': %s", Text.str().c_str(),
        Why.c_str());
  };
  if (Name.empty() || !Text.contains('='))
    return Malformed("no name");
  ProgramSpec P;
  P.Name = Name.str();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef G : Parts) {
    G = G.trim();
    if (G.empty())
      continue;
    std::string Pattern = normalizedPath(G, Dir);
    if (auto Checked = llvm::GlobPattern::create(Pattern); !Checked)
      return Malformed(llvm::toString(Checked.takeError()));
    P.Globs.push_back(std::move(Pattern));
  }
  if (P.Globs.empty())
    return Malformed("no file pattern");
  return P;
}

llvm::Expected<std::vector<ProgramSpec>>
readProgramsFile(llvm::StringRef Path) {
  auto Buf = readWholeFile(Path);
  if (!Buf)
    return Buf.takeError();
  llvm::SmallString<256> Dir(normalizedPath(Path));
  llvm::sys::path::remove_filename(Dir);
  std::vector<ProgramSpec> Out;
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].split('#').first.trim();
    if (Line.empty())
      continue;
    auto P = parseProgramSpec(Line, Dir);
    if (!P)
      return llvm::createStringError(std::errc::invalid_argument, "%s:%zu: %s",
                                     Path.str().c_str(), I + 1,
                                     llvm::toString(P.takeError()).c_str());
    addProgram(Out, std::move(*P));
  }
  return Out;
}

void addProgram(std::vector<ProgramSpec> &Programs, ProgramSpec New) {
  for (ProgramSpec &P : Programs)
    if (P.Name == New.Name) {
      P.Globs.insert(P.Globs.end(), New.Globs.begin(), New.Globs.end());
      P.Files.insert(New.Files.begin(), New.Files.end());
      return;
    }
  Programs.push_back(std::move(New));
}

std::vector<LinkGroup> groupByProgram(const std::vector<ProgramSpec> &Programs,
                                      const std::vector<std::string> &Reported,
                                      const std::vector<std::string> &Linked) {
  std::vector<std::string> ReportedAbs, LinkedAbs;
  for (const std::string &F : Reported)
    ReportedAbs.push_back(normalizedPath(F));
  for (const std::string &F : Linked)
    LinkedAbs.push_back(normalizedPath(F));
  std::vector<bool> ReportedPlaced(Reported.size()),
      LinkedPlaced(Linked.size());
  std::vector<LinkGroup> Out;
  for (const ProgramSpec &P : Programs) {
    std::vector<llvm::GlobPattern> Globs;
    for (const std::string &G : P.Globs)
      if (auto Pattern = llvm::GlobPattern::create(G))
        Globs.push_back(std::move(*Pattern));
      else
        llvm::consumeError(Pattern.takeError()); // checked when parsed
    auto Holds = [&](const std::string &File) {
      return P.Files.count(File) ||
             llvm::any_of(Globs, [&](const llvm::GlobPattern &G) {
               return G.match(File);
             });
    };
    LinkGroup G;
    G.Name = P.Name;
    for (size_t I = 0; I < ReportedAbs.size(); ++I)
      if (Holds(ReportedAbs[I])) {
        G.Reported.push_back(I);
        ReportedPlaced[I] = true;
      }
    for (size_t I = 0; I < LinkedAbs.size(); ++I)
      if (Holds(LinkedAbs[I])) {
        G.Linked.push_back(I);
        LinkedPlaced[I] = true;
      }
    // A program none of whose files is reported on adds no finding.
    if (!G.Reported.empty())
      Out.push_back(std::move(G));
  }
  LinkGroup Rest;
  for (size_t I = 0; I < Reported.size(); ++I)
    if (!ReportedPlaced[I])
      Rest.Reported.push_back(I);
  for (size_t I = 0; I < Linked.size(); ++I)
    if (!LinkedPlaced[I])
      Rest.Linked.push_back(I);
  if (!Rest.Reported.empty())
    Out.push_back(std::move(Rest));
  return Out;
}

} // namespace escape
