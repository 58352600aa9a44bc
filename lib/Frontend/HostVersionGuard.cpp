//===- HostVersionGuard.cpp - Refuse to run inside another LLVM -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/HostVersionGuard.h"

#include "clang/Basic/Version.h"

#include <cstdio>
#include <cstdlib>

namespace escape {

unsigned majorOfVersionString(const std::string &Version) {
  size_t At = Version.find("version ");
  if (At == std::string::npos)
    return 0;
  return static_cast<unsigned>(
      std::strtoul(Version.c_str() + At + 8, nullptr, 10));
}

void requireHostLLVMMajor(const char *What) {
  // Resolved in the host process: the clang-tidy or clang that loaded us.
  std::string Host = clang::getClangFullVersion();
  if (majorOfVersionString(Host) == CLANG_VERSION_MAJOR)
    return;
  // No LLVM output stream: the host's may not be the one we were built for.
  std::fprintf(stderr,
               "error: %s was built for LLVM %d (clang %s) but was loaded "
               "into '%s'; load the build for LLVM %u instead "
               "(lib/clang-escape/llvm%u/)\n",
               What, CLANG_VERSION_MAJOR, CLANG_VERSION_STRING, Host.c_str(),
               majorOfVersionString(Host), majorOfVersionString(Host));
  std::fflush(stderr);
  std::_Exit(WrongHostExitCode);
}

} // namespace escape
