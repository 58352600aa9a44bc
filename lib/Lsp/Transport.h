//===- Transport.h - JSON-RPC messages over a byte stream -------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// LSP's base protocol: each message is a header block ("Content-Length: N",
// an empty line) and N bytes of JSON. Reading happens on one thread; sending
// from any thread (the analysis worker publishes diagnostics).
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_TRANSPORT_H
#define CLANG_ESCAPE_LIB_LSP_TRANSPORT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <mutex>
#include <string>

namespace escape {
namespace lsp {

/// The input ended: the client is gone.
class EndOfInput : public llvm::ErrorInfo<EndOfInput> {
public:
  static char ID;
  void log(llvm::raw_ostream &OS) const override { OS << "end of input"; }
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }
};

class Transport {
public:
  Transport(std::FILE *In, llvm::raw_ostream &Out) : In(In), Out(Out) {}

  /// The body of the next message. EndOfInput at the end of the stream; any
  /// other error is a malformed header, after which reading can go on.
  llvm::Expected<std::string> read();

  /// Frames and writes \p Message; safe from any thread.
  void send(const nlohmann::json &Message);

private:
  std::FILE *In;
  llvm::raw_ostream &Out;
  std::mutex Writing;
};

} // namespace lsp
} // namespace escape

#endif
