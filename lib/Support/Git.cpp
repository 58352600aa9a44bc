//===- Git.cpp - Running git for the source root and merge bases ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/Git.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <optional>

namespace escape {

namespace {

std::string readAndRemove(llvm::StringRef Path) {
  std::string Text;
  if (auto Buf = llvm::MemoryBuffer::getFile(Path))
    Text = (*Buf)->getBuffer().str();
  llvm::sys::fs::remove(Path);
  return Text;
}

} // namespace

llvm::Expected<std::string> runGit(llvm::ArrayRef<std::string> Args,
                                   llvm::StringRef Dir) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError(Git.getError(), "git is not installed");
  llvm::SmallString<128> Out, Err;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("clang-escape-git", "out", Out))
    return llvm::createStringError(EC, "cannot create a temporary file");
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("clang-escape-git", "err", Err)) {
    llvm::sys::fs::remove(Out);
    return llvm::createStringError(EC, "cannot create a temporary file");
  }
  std::vector<llvm::StringRef> Argv{*Git, "-C", Dir};
  for (const std::string &A : Args)
    Argv.push_back(A);
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""), Out.str(),
                                                Err.str()};
  std::string ExecError;
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects, 0, 0,
                                     &ExecError);
  std::string Stdout = readAndRemove(Out);
  std::string Stderr = readAndRemove(Err);
  if (RC != 0) {
    std::string Cmd = "git";
    for (const std::string &A : Args)
      Cmd += " " + A;
    llvm::StringRef Why = llvm::StringRef(Stderr).trim();
    return llvm::createStringError(
        std::errc::invalid_argument, "'%s' failed: %s", Cmd.c_str(),
        Why.empty() ? ExecError.c_str() : Why.str().c_str());
  }
  while (!Stdout.empty() && (Stdout.back() == '\n' || Stdout.back() == '\r'))
    Stdout.pop_back();
  return Stdout;
}

std::string defaultSourceRoot(llvm::StringRef Dir) {
  auto Top = runGit({"rev-parse", "--show-toplevel"}, Dir);
  if (Top && !Top->empty())
    return *Top;
  llvm::consumeError(Top.takeError());
  return Dir.str();
}

} // namespace escape
