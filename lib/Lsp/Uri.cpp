//===- Uri.cpp - file: URIs and paths -------------------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Uri.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace escape {
namespace lsp {

llvm::Expected<std::string> pathOfUri(llvm::StringRef Uri) {
  llvm::StringRef Rest = Uri;
  if (!Rest.consume_front("file://"))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "not a file: URI: '%s'", Uri.str().c_str());
  // file://localhost/x and file:///x name the same file.
  Rest.consume_front("localhost");
  if (!Rest.starts_with("/"))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "not a local file: '%s'", Uri.str().c_str());
  std::string Path;
  for (size_t I = 0; I < Rest.size(); ++I) {
    if (Rest[I] == '%' && I + 2 < Rest.size() &&
        llvm::isHexDigit(Rest[I + 1]) && llvm::isHexDigit(Rest[I + 2])) {
      Path.push_back(
          static_cast<char>(llvm::hexFromNibbles(Rest[I + 1], Rest[I + 2])));
      I += 2;
      continue;
    }
    Path.push_back(Rest[I]);
  }
  return Path;
}

std::string absoluteIn(llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> Abs(Dir);
    llvm::sys::path::append(Abs, Path);
    P = Abs;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string uriOfPath(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C)) {
      Uri.push_back(static_cast<char>(C));
      continue;
    }
    Uri.push_back('%');
    Uri += llvm::hexdigit(C >> 4, /*LowerCase=*/false);
    Uri += llvm::hexdigit(C & 15, /*LowerCase=*/false);
  }
  return Uri;
}

} // namespace lsp
} // namespace escape
