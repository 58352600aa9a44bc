//===- Server.h - clang-escape as a language server -------------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// An LSP 3.17 server that runs beside clangd and publishes clang-escape's
// findings for the buffers a client has open (docs/Editor.md). It analyzes
// with the same core entry point and settings as the clang-tidy module and
// the CLI.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LSP_SERVER_H
#define CLANG_ESCAPE_LSP_SERVER_H

#include "clang-escape/Frontend/TidyConfig.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <string>

namespace escape {

struct ServerOptions {
  /// What the command line said (--checks, ...); the rest comes from each
  /// file's .clang-tidy, as for the CLI.
  SurfaceSettings Surface;
  bool NoConfig = false;
  /// The only directory to take compile_commands.json from; empty: the
  /// nearest one to each file, as clangd finds it.
  std::string CompileCommandsDir;
  /// The server's executable: the shipped models, the check pages and the
  /// cache salt are found beside it.
  std::string Executable;
  /// How long an edited buffer must stay unchanged before it is analyzed.
  unsigned DebounceMs = 200;
  /// Reuse a precompiled preamble (the unchanged #include prefix) between
  /// the analyses of one buffer.
  bool Preamble = true;
  /// Analyze on the message thread before reading the next message (for
  /// transcript tests: deterministic output).
  bool Sync = false;
  /// Tests only: a buffer containing this text crashes the analysis.
  std::string CrashMarker;
  /// Where the server logs what it does (stderr); null: nowhere.
  llvm::raw_ostream *Log = nullptr;
};

/// Serves one client over \p In and \p Out until it exits; returns the
/// process exit status (0 after shutdown and exit, 1 otherwise).
int runServer(std::FILE *In, llvm::raw_ostream &Out, const ServerOptions &Opts);

} // namespace escape

#endif
