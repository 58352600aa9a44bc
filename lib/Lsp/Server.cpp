//===- Server.cpp - clang-escape as a language server ---------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The protocol layer: reads messages, keeps the documents, schedules the
// analyses and publishes their results. Threads: the message loop (this
// file's handlers) and the scheduler's worker (analyze()). Publishing and
// closing hold one lock, so that a result is published only while its
// buffer is open at the version analyzed, and never after the close that
// cleared it.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Lsp/Server.h"

#include "CodeActions.h"
#include "CompileCommands.h"
#include "Diagnostics.h"
#include "DocumentStore.h"
#include "FileAnalyzer.h"
#include "Scheduler.h"
#include "Transport.h"
#include "Uri.h"

#include "clang-escape/Support/Version.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Format.h"

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>

namespace escape {

namespace {

using nlohmann::json;
using namespace lsp;

/// JSON-RPC and LSP error codes.
enum ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
};

/// A handler's failure, answered as a JSON-RPC error.
struct RequestError : std::runtime_error {
  RequestError(int Code, const std::string &Message)
      : std::runtime_error(Message), Code(Code) {}
  int Code;
};

class Server {
public:
  Server(Transport &T, const ServerOptions &Opts)
      : T(T), Opts(Opts), Commands(Opts.CompileCommandsDir),
        Analyzer(Opts, Commands), DocsBase(checkDocsBase(Opts.Executable)) {
    if (!Opts.Sync)
      Worker = std::make_unique<Scheduler>(
          [this](const std::string &Path) { analyze(Path); });
  }

  /// Reads and handles messages until exit or the end of input.
  int run();

private:
  void handle(const std::string &Body);
  /// The result of request \p Method, or a RequestError.
  json request(const std::string &Method, const json &Params);
  void notification(const std::string &Method, const json &Params);

  json initialize(const json &Params);
  void didOpen(const json &Params);
  void didChange(const json &Params);
  void didSave(const json &Params);
  void didClose(const json &Params);
  json codeAction(const json &Params);

  /// Analyzes \p Path soon (after \p Delay), or now in sync mode.
  void schedule(const std::string &Path, std::chrono::milliseconds Delay);
  /// Analyzes the current buffer of \p Path and publishes the result if the
  /// buffer is still at that version.
  void analyze(const std::string &Path);
  void publish(const std::string &Uri, std::optional<int64_t> Version,
               json Diagnostics);
  void log(const std::string &Message, int Type = 3);
  std::string pathOf(const json &TextDocument);

  Transport &T;
  const ServerOptions &Opts;
  CompileCommands Commands;
  FileAnalyzer Analyzer;
  std::string DocsBase;
  DocumentStore Docs;
  Encoding Positions = Encoding::Utf16;
  bool Initialized = false;
  bool ShutDown = false;
  std::optional<int> ExitCode;

  /// Guards Results and the order of publish and close.
  std::mutex Publishing;
  std::map<std::string, std::shared_ptr<const FileAnalysis>> Results;
  std::unique_ptr<Scheduler> Worker;
};

int Server::run() {
  while (!ExitCode) {
    llvm::Expected<std::string> Body = T.read();
    if (!Body) {
      bool End = Body.errorIsA<EndOfInput>();
      std::string Why = llvm::toString(Body.takeError());
      if (End)
        break;
      T.send({{"jsonrpc", "2.0"},
              {"id", nullptr},
              {"error", {{"code", ParseError}, {"message", Why}}}});
      continue;
    }
    handle(*Body);
  }
  if (Worker)
    Worker->stop();
  return ExitCode ? *ExitCode : (ShutDown ? 0 : 1);
}

void Server::handle(const std::string &Body) {
  json Message = json::parse(Body, nullptr, /*allow_exceptions=*/false);
  if (Message.is_discarded()) {
    T.send({{"jsonrpc", "2.0"},
            {"id", nullptr},
            {"error",
             {{"code", ParseError}, {"message", "the message is not JSON"}}}});
    return;
  }
  if (!Message.is_object() || !Message.contains("method") ||
      !Message["method"].is_string()) {
    // A response to a request of ours (we send none), or nonsense.
    if (Message.is_object() && Message.contains("id") &&
        (Message.contains("result") || Message.contains("error")))
      return;
    T.send(
        {{"jsonrpc", "2.0"},
         {"id", Message.is_object() && Message.contains("id") ? Message["id"]
                                                              : json(nullptr)},
         {"error",
          {{"code", InvalidRequest},
           {"message", "not a JSON-RPC request or notification"}}}});
    return;
  }
  std::string Method = Message["method"];
  json Params = Message.contains("params") ? Message["params"] : json::object();
  if (!Message.contains("id")) {
    try {
      notification(Method, Params);
    } catch (const std::exception &E) {
      log(Method + ": malformed parameters: " + E.what(), 1);
    }
    return;
  }
  json Id = Message["id"];
  json Reply = {{"jsonrpc", "2.0"}, {"id", Id}};
  try {
    Reply["result"] = request(Method, Params);
  } catch (const RequestError &E) {
    Reply["error"] = {{"code", E.Code}, {"message", E.what()}};
  } catch (const json::exception &E) {
    Reply["error"] = {{"code", InvalidParams},
                      {"message", Method + ": " + E.what()}};
  } catch (const std::exception &E) {
    Reply["error"] = {{"code", InternalError},
                      {"message", Method + ": " + E.what()}};
  }
  T.send(Reply);
}

json Server::request(const std::string &Method, const json &Params) {
  if (Method == "initialize") {
    if (Initialized)
      throw RequestError(InvalidRequest, "initialize was already called");
    return initialize(Params);
  }
  if (!Initialized)
    throw RequestError(ServerNotInitialized, "initialize comes first");
  if (ShutDown)
    throw RequestError(InvalidRequest, "the server is shut down");
  if (Method == "shutdown") {
    ShutDown = true;
    if (Worker)
      Worker->stop();
    return nullptr;
  }
  if (Method == "textDocument/codeAction")
    return codeAction(Params);
  throw RequestError(MethodNotFound, "unknown method '" + Method + "'");
}

void Server::notification(const std::string &Method, const json &Params) {
  if (Method == "exit") {
    ExitCode = ShutDown ? 0 : 1;
    return;
  }
  // Before initialize, and after shutdown, notifications are dropped.
  if (!Initialized || ShutDown)
    return;
  if (Method == "textDocument/didOpen")
    didOpen(Params);
  else if (Method == "textDocument/didChange")
    didChange(Params);
  else if (Method == "textDocument/didSave")
    didSave(Params);
  else if (Method == "textDocument/didClose")
    didClose(Params);
  // initialized, $/cancelRequest, $/setTrace, ...: nothing to do.
}

json Server::initialize(const json &Params) {
  // UTF-8 when the client offers it (LSP 3.17), else LSP's default UTF-16.
  json Offered =
      Params.contains("capabilities")
          ? Params["capabilities"].value(
                "/general/positionEncodings"_json_pointer, json::array())
          : json::array();
  Positions = Encoding::Utf16;
  if (Offered.is_array())
    for (const json &E : Offered)
      if (E == "utf-8")
        Positions = Encoding::Utf8;
  Initialized = true;
  return {{"capabilities",
           {{"positionEncoding", encodingName(Positions)},
            {"textDocumentSync",
             {{"openClose", true},
              {"change", 2}, // incremental
              {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
          {"serverInfo",
           {{"name", "clang-escape-lsp"}, {"version", CLANG_ESCAPE_VERSION}}}};
}

std::string Server::pathOf(const json &TextDocument) {
  auto Path = pathOfUri(TextDocument.at("uri").get<std::string>());
  if (!Path)
    throw RequestError(InvalidParams, llvm::toString(Path.takeError()));
  return *Path;
}

void Server::didOpen(const json &Params) {
  const json &TD = Params.at("textDocument");
  Document D;
  D.Uri = TD.at("uri").get<std::string>();
  D.Path = pathOf(TD);
  D.Text = TD.at("text").get<std::string>();
  D.Version = TD.value("version", int64_t(0));
  std::string Path = D.Path;
  Docs.open(std::move(D));
  schedule(Path, std::chrono::milliseconds(0));
}

void Server::didChange(const json &Params) {
  const json &TD = Params.at("textDocument");
  std::string Path = pathOf(TD);
  std::vector<ContentChange> Changes;
  for (const json &C : Params.at("contentChanges")) {
    ContentChange Change;
    Change.Text = C.at("text").get<std::string>();
    if (C.contains("range")) {
      const json &R = C["range"];
      Change.Whole = false;
      Change.StartLine = R.at("start").at("line").get<unsigned>();
      Change.StartColumn = R.at("start").at("character").get<unsigned>();
      Change.EndLine = R.at("end").at("line").get<unsigned>();
      Change.EndColumn = R.at("end").at("character").get<unsigned>();
    }
    Changes.push_back(std::move(Change));
  }
  if (llvm::Error E = Docs.change(Path, TD.value("version", int64_t(0)),
                                  Changes, Positions)) {
    log(llvm::toString(std::move(E)), 1);
    return;
  }
  schedule(Path, std::chrono::milliseconds(Opts.DebounceMs));
}

void Server::didSave(const json &Params) {
  schedule(pathOf(Params.at("textDocument")), std::chrono::milliseconds(0));
}

void Server::didClose(const json &Params) {
  const json &TD = Params.at("textDocument");
  std::string Path = pathOf(TD);
  {
    std::lock_guard<std::mutex> G(Publishing);
    Docs.close(Path);
    Results.erase(Path);
    publish(TD.at("uri").get<std::string>(), std::nullopt, json::array());
  }
  // The worker forgets the file's parsed unit when it finds it closed.
  schedule(Path, std::chrono::milliseconds(0));
}

json Server::codeAction(const json &Params) {
  std::string Path = pathOf(Params.at("textDocument"));
  const json &Range = Params.at("range");
  unsigned First = Range.at("start").at("line").get<unsigned>();
  unsigned Last = Range.at("end").at("line").get<unsigned>();
  std::shared_ptr<const FileAnalysis> A;
  {
    std::lock_guard<std::mutex> G(Publishing);
    auto It = Results.find(Path);
    if (It != Results.end())
      A = It->second;
  }
  std::optional<Document> D = Docs.get(Path);
  // Positions of an older version would edit the wrong text.
  if (!A || !D || D->Text != A->Text)
    return json::array();
  return codeActionsFor(*A, D->Uri, First, std::max(First, Last), Positions,
                        DocsBase);
}

void Server::schedule(const std::string &Path,
                      std::chrono::milliseconds Delay) {
  if (Worker)
    Worker->schedule(Path, Delay);
  else
    analyze(Path);
}

void Server::analyze(const std::string &Path) {
  std::optional<Document> D = Docs.get(Path);
  if (!D) {
    Analyzer.forget(Path);
    return;
  }
  auto Start = std::chrono::steady_clock::now();
  llvm::Expected<FileAnalysis> A = Analyzer.analyze(*D, Docs.overlay());
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  std::lock_guard<std::mutex> G(Publishing);
  std::optional<Document> Now = Docs.get(Path);
  if (!Now || Now->Generation != D->Generation) {
    // Edited or closed meanwhile: a newer run is scheduled, or none is due.
    if (!A)
      llvm::consumeError(A.takeError());
    return;
  }
  if (!A) {
    log(llvm::toString(A.takeError()), 1);
    Results.erase(Path);
    publish(D->Uri, D->Version, json::array());
    return;
  }
  if (Opts.Log)
    *Opts.Log << "clang-escape-lsp: " << Path << " (version " << D->Version
              << "): " << A->Rep.Findings.size() << " finding(s) in "
              << llvm::format("%.2f", Seconds) << " s\n";
  auto Shared = std::make_shared<const FileAnalysis>(std::move(*A));
  publish(D->Uri, D->Version, diagnosticsOf(*Shared, Positions, DocsBase));
  Results[Path] = std::move(Shared);
}

void Server::publish(const std::string &Uri, std::optional<int64_t> Version,
                     json Diagnostics) {
  json Params = {{"uri", Uri}, {"diagnostics", std::move(Diagnostics)}};
  if (Version)
    Params["version"] = *Version;
  T.send({{"jsonrpc", "2.0"},
          {"method", "textDocument/publishDiagnostics"},
          {"params", std::move(Params)}});
}

void Server::log(const std::string &Message, int Type) {
  if (Opts.Log)
    *Opts.Log << "clang-escape-lsp: " << Message << "\n";
  T.send({{"jsonrpc", "2.0"},
          {"method", "window/logMessage"},
          {"params", {{"type", Type}, {"message", Message}}}});
}

} // namespace

int runServer(std::FILE *In, llvm::raw_ostream &Out,
              const ServerOptions &Opts) {
  // A crash inside one analysis is caught there (FileAnalyzer).
  llvm::CrashRecoveryContext::Enable();
  Transport T(In, Out);
  Server S(T, Opts);
  return S.run();
}

} // namespace escape
