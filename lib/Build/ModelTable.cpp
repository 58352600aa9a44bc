//===- ModelTable.cpp - Escape models of functions without bodies ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Build/ModelTable.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace escape {

namespace {

std::string lineColumn(llvm::StringRef Text, size_t Byte) {
  unsigned Line = 1, Col = 1;
  for (size_t I = 0; I < Byte && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }
  return std::to_string(Line) + ":" + std::to_string(Col);
}

llvm::Error schemaError(llvm::StringRef Name, const std::string &Where,
                        const std::string &What) {
  return llvm::createStringError(std::errc::invalid_argument, "%s: %s: %s",
                                 Name.str().c_str(), Where.c_str(),
                                 What.c_str());
}

/// "this" is -1, "0", "1", ... are parameter indices.
bool parseIndex(const std::string &S, int &Out) {
  if (S == "this") {
    Out = -1;
    return true;
  }
  if (S.empty() || S.size() > 3 ||
      S.find_first_not_of("0123456789") != std::string::npos)
    return false;
  Out = std::stoi(S);
  return true;
}

} // namespace

llvm::Error ModelTable::addFile(llvm::StringRef Text, llvm::StringRef Name) {
  json J;
  try {
    J = json::parse(Text.begin(), Text.end());
  } catch (const json::parse_error &E) {
    return llvm::createStringError(
        std::errc::invalid_argument, "%s:%s: malformed JSON: %s",
        Name.str().c_str(), lineColumn(Text, E.byte ? E.byte - 1 : 0).c_str(),
        E.what());
  } catch (const json::exception &E) {
    // A number too large for a double, and the like.
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: malformed JSON: %s", Name.str().c_str(),
                                   E.what());
  }
  // A misspelled key is an error, not a model silently missing.
  auto Unknown = [&](const json &Obj, std::initializer_list<const char *> Keys,
                     const std::string &Where) -> llvm::Error {
    for (auto &Item : Obj.items())
      if (const std::string &Key = Item.key();
          llvm::none_of(Keys, [&](const char *K) { return Key == K; })) {
        std::string Known;
        for (const char *K : Keys)
          Known += std::string(Known.empty() ? "" : ", ") + K;
        return schemaError(Name, Where + "." + Key,
                           "unknown key (" + Known + ")");
      }
    return llvm::Error::success();
  };
  if (!J.is_object() || !J.contains("version") || !J["version"].is_number())
    return schemaError(Name, "top level",
                       "expected an object with \"version\": 1");
  if (llvm::Error E =
          Unknown(J, {"version", "comment", "functions"}, "top level"))
    return E;
  if (J["version"] != 1)
    return schemaError(Name, "version",
                       "unsupported version " + J["version"].dump());
  if (!J.contains("functions") || !J["functions"].is_array())
    return schemaError(Name, "top level", "expected \"functions\": [ ... ]");
  std::map<std::string, FunctionModel> New;
  size_t Index = 0;
  for (const json &F : J["functions"]) {
    std::string Where = "functions[" + std::to_string(Index++) + "]";
    if (!F.is_object() || !F.contains("name") || !F["name"].is_string())
      return schemaError(Name, Where, "expected an object with a \"name\"");
    if (llvm::Error E =
            Unknown(F, {"name", "comment", "params", "waits"}, Where))
      return E;
    FunctionModel M;
    if (F.contains("waits")) {
      if (!F["waits"].is_boolean())
        return schemaError(Name, Where + ".waits", "expected true/false");
      M.Waits = F["waits"].get<bool>();
    }
    if (F.contains("params")) {
      if (!F["params"].is_object())
        return schemaError(Name, Where + ".params", "expected an object");
      for (auto &[Key, P] : F["params"].items()) {
        std::string PW = Where + ".params." + Key;
        int Slot;
        if (!parseIndex(Key, Slot))
          return schemaError(Name, PW, "a parameter is \"this\" or its index");
        if (!P.is_object())
          return schemaError(Name, PW, "expected an object");
        ParamModel PM;
        for (auto &[Sink, V] : P.items()) {
          auto Level = [&](const json &L, int &Out) -> bool {
            if (!L.is_number_integer() || L.get<int64_t>() < 0 ||
                L.get<int64_t>() > 8)
              return false;
            Out = static_cast<int>(L.get<int64_t>());
            return true;
          };
          int L;
          if (Sink == "noescape") {
            if (!V.is_boolean())
              return schemaError(Name, PW + ".noescape", "expected true/false");
            PM.NoEscape = V.get<bool>();
          } else if (Sink == "heap" || Sink == "thread" ||
                     Sink == "coroutine" || Sink == "result") {
            if (!Level(V, L))
              return schemaError(Name, PW + "." + Sink,
                                 "a level is an integer from 0 to 8");
            Leak &Dst = Sink == "heap"     ? PM.Leaks.Heap
                        : Sink == "thread" ? PM.Leaks.Thread
                        : Sink == "result" ? PM.Leaks.Result
                                           : PM.Leaks.Coro;
            Dst.merge(L, false, "model: " + F["name"].get<std::string>());
          } else if (Sink == "content") {
            if (!V.is_object())
              return schemaError(Name, PW + ".content",
                                 "expected {\"this\" or index: level}");
            for (auto &[Into, CL] : V.items()) {
              int Target;
              if (!parseIndex(Into, Target) || !Level(CL, L))
                return schemaError(Name, PW + ".content." + Into,
                                   "expected \"this\" or an index, and a "
                                   "level from 0 to 8");
              PM.Leaks.Content[Target].merge(
                  L, false, "model: " + F["name"].get<std::string>());
            }
          } else {
            return schemaError(Name, PW + "." + Sink,
                               "unknown sink (heap, thread, coroutine, "
                               "result, content, noescape)");
          }
        }
        M.Params[Slot] = std::move(PM);
      }
    }
    New[F["name"].get<std::string>()] = std::move(M);
  }
  for (auto &[K, V] : New)
    Models[K] = std::move(V);
  Fingerprint =
      llvm::xxh3_64bits((llvm::Twine(Fingerprint) + "\0" + Text).str());
  return llvm::Error::success();
}

llvm::Error ModelTable::loadFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(
        Buf.getError(), "cannot read model file '%s': %s", Path.str().c_str(),
        Buf.getError().message().c_str());
  return addFile((*Buf)->getBuffer(), Path);
}

} // namespace escape
