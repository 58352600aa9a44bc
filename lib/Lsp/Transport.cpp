//===- Transport.cpp - JSON-RPC messages over a byte stream ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Transport.h"

#include "llvm/ADT/StringRef.h"

namespace escape {
namespace lsp {

char EndOfInput::ID;

namespace {

/// One header line without its line break; false at the end of input.
bool readLine(std::FILE *In, std::string &Line) {
  Line.clear();
  for (int C; (C = std::fgetc(In)) != EOF;) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return true;
    }
    Line.push_back(static_cast<char>(C));
    // A header line is short; a longer one is not a header.
    if (Line.size() > 4096)
      return true;
  }
  return !Line.empty();
}

} // namespace

llvm::Expected<std::string> Transport::read() {
  std::string Line;
  long long Length = -1;
  bool SawHeader = false;
  while (true) {
    if (!readLine(In, Line))
      return llvm::make_error<EndOfInput>();
    if (Line.empty()) {
      // Blank lines between messages are tolerated.
      if (SawHeader)
        break;
      continue;
    }
    SawHeader = true;
    llvm::StringRef L(Line);
    if (L.consume_front_insensitive("content-length:")) {
      unsigned long long N;
      if (L.trim().getAsInteger(10, N) || N > (1ull << 30))
        return llvm::createStringError(std::errc::invalid_argument,
                                       "bad Content-Length header '%s'",
                                       Line.c_str());
      Length = static_cast<long long>(N);
    }
  }
  if (Length < 0)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "a message without Content-Length");
  std::string Body(static_cast<size_t>(Length), '\0');
  size_t Got = Length ? std::fread(&Body[0], 1, Body.size(), In) : 0;
  if (Got != Body.size())
    return llvm::make_error<EndOfInput>();
  return Body;
}

void Transport::send(const nlohmann::json &Message) {
  // Invalid UTF-8 in a file name or message must not throw.
  std::string Body =
      Message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> Lock(Writing);
  Out << "Content-Length: " << Body.size() << "\r\n\r\n" << Body;
  Out.flush();
}

} // namespace lsp
} // namespace escape
