//===- AtomicDirectory.cpp - Replace a directory of files at once ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Support/AtomicDirectory.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#ifdef __linux__
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace escape {
namespace {

llvm::Error fail(std::error_code EC, const llvm::Twine &What) {
  return llvm::createStringError(EC, "%s: %s", What.str().c_str(),
                                 EC.message().c_str());
}

/// Swaps two directories in one step where the system can (Linux's
/// renameat2 with RENAME_EXCHANGE); false when it cannot.
bool exchange(llvm::StringRef A, llvm::StringRef B) {
#if defined(__linux__) && defined(SYS_renameat2)
  constexpr unsigned RenameExchange = 2; // RENAME_EXCHANGE
  return syscall(SYS_renameat2, AT_FDCWD, A.str().c_str(), AT_FDCWD,
                 B.str().c_str(), RenameExchange) == 0;
#else
  (void)A;
  (void)B;
  return false;
#endif
}

bool isEmptyDirectory(llvm::StringRef Dir) {
  std::error_code EC;
  llvm::sys::fs::directory_iterator It(Dir, EC);
  return !EC && It == llvm::sys::fs::directory_iterator();
}

} // namespace

llvm::Error writeDirectoryAtomically(llvm::StringRef Given,
                                     const std::vector<DirectoryFile> &Files,
                                     llvm::StringRef Marker) {
  llvm::SmallString<256> Dir(Given);
  llvm::sys::path::remove_dots(Dir, true);
  while (Dir.size() > 1 && llvm::sys::path::is_separator(Dir.back()))
    Dir.pop_back();
  bool Exists = llvm::sys::fs::exists(Dir);
  if (Exists) {
    if (!llvm::sys::fs::is_directory(Dir))
      return llvm::createStringError(std::errc::not_a_directory,
                                     "'%s' exists and is not a directory",
                                     Dir.c_str());
    llvm::SmallString<256> Mark(Dir);
    llvm::sys::path::append(Mark, Marker);
    if (!llvm::sys::fs::exists(Mark) && !isEmptyDirectory(Dir))
      return llvm::createStringError(
          std::errc::file_exists,
          "'%s' exists and is not a report written earlier; not replacing it",
          Dir.c_str());
  }
  llvm::SmallString<256> Temp;
  llvm::SmallString<256> Model(Dir);
  Model += ".tmp-%%%%%%";
  std::error_code EC;
  for (int Try = 0; Try < 16; ++Try) {
    llvm::sys::fs::createUniquePath(Model, Temp, /*MakeAbsolute=*/false);
    EC = llvm::sys::fs::create_directory(Temp, /*IgnoreExisting=*/false);
    if (EC != std::errc::file_exists)
      break;
  }
  if (EC)
    return fail(EC, "cannot create a directory next to '" + Dir + "'");
  auto Abandon = [&](llvm::Error E) {
    llvm::sys::fs::remove_directories(Temp);
    return E;
  };
  for (const DirectoryFile &F : Files) {
    llvm::SmallString<256> Path(Temp);
    llvm::sys::path::append(Path, F.first);
    if ((EC = llvm::sys::fs::create_directories(
             llvm::sys::path::parent_path(Path))))
      return Abandon(fail(EC, "cannot create the directory of '" + Path + "'"));
    llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
    if (!EC) {
      OS << F.second;
      OS.flush();
      EC = OS.error();
      OS.clear_error();
    }
    if (EC)
      return Abandon(fail(EC, "cannot write '" + Path + "'"));
  }
  // The new directory takes the old one's place in one step; the old one
  // is then where the new one was, and removed.
  if (Exists && exchange(Temp, Dir)) {
    llvm::sys::fs::remove_directories(Temp);
    return llvm::Error::success();
  }
  if (Exists) {
    // Two renames: a run killed between them leaves the previous report
    // in Dir.old-XXXXXX.
    llvm::SmallString<256> Old, OldModel(Dir);
    OldModel += ".old-%%%%%%";
    llvm::sys::fs::createUniquePath(OldModel, Old, false);
    if ((EC = llvm::sys::fs::rename(Dir, Old)))
      return Abandon(fail(EC, "cannot move '" + Dir + "' aside"));
    if ((EC = llvm::sys::fs::rename(Temp, Dir))) {
      llvm::sys::fs::rename(Old, Dir);
      return Abandon(fail(EC, "cannot replace '" + Dir + "'"));
    }
    llvm::sys::fs::remove_directories(Old);
    return llvm::Error::success();
  }
  if ((EC = llvm::sys::fs::rename(Temp, Dir)))
    return Abandon(fail(EC, "cannot create '" + Dir + "'"));
  return llvm::Error::success();
}

} // namespace escape
