//===- ClaimsFile.cpp - Reader for clang-escape's claims JSON -------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ClaimsFile.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace escape::validate;
using nlohmann::json;

namespace {

/// A schema violation at a JSON pointer.
struct SchemaError {
  std::string Pointer, Message;
};

const json &field(const json &Obj, const std::string &Ptr, const char *Key) {
  auto It = Obj.find(Key);
  if (It == Obj.end())
    throw SchemaError{Ptr,
                      std::string("missing required member '") + Key + "'"};
  return *It;
}

std::string getString(const json &Obj, const std::string &Ptr, const char *Key,
                      bool Required = true) {
  if (!Required && !Obj.contains(Key))
    return "";
  const json &V = field(Obj, Ptr, Key);
  if (!V.is_string())
    throw SchemaError{Ptr + "/" + Key, "expected a string"};
  return V.get<std::string>();
}

unsigned long long getUnsigned(const json &Obj, const std::string &Ptr,
                               const char *Key, bool Required = true) {
  if (!Required && !Obj.contains(Key))
    return 0;
  const json &V = field(Obj, Ptr, Key);
  if (!V.is_number_unsigned() &&
      !(V.is_number_integer() && V.get<long long>() >= 0))
    throw SchemaError{Ptr + "/" + Key, "expected a non-negative integer"};
  return V.get<unsigned long long>();
}

bool getBool(const json &Obj, const std::string &Ptr, const char *Key) {
  const json &V = field(Obj, Ptr, Key);
  if (!V.is_boolean())
    throw SchemaError{Ptr + "/" + Key, "expected true or false"};
  return V.get<bool>();
}

const json &getArray(const json &Obj, const std::string &Ptr, const char *Key) {
  static const json Empty = json::array();
  if (!Obj.contains(Key))
    return Empty;
  const json &V = Obj.at(Key);
  if (!V.is_array())
    throw SchemaError{Ptr + "/" + Key, "expected an array"};
  return V;
}

void requireObject(const json &V, const std::string &Ptr) {
  if (!V.is_object())
    throw SchemaError{Ptr.empty() ? "/" : Ptr, "expected an object"};
}

ClaimsFile parse(const json &Doc, const std::string &Path) {
  ClaimsFile File;
  File.Path = Path;
  requireObject(Doc, "");
  unsigned long long Version = getUnsigned(Doc, "", "version");
  if (Version != 1)
    throw SchemaError{"/version", "unsupported version " +
                                      std::to_string(Version) +
                                      " (this validator reads version 1)"};
  if (Doc.contains("tool")) {
    requireObject(Doc.at("tool"), "/tool");
    File.ToolName = getString(Doc.at("tool"), "/tool", "name", false);
    File.ToolVersion = getString(Doc.at("tool"), "/tool", "version", false);
  }
  if (Doc.contains("sources")) {
    const json &Src = Doc.at("sources");
    if (!Src.is_array())
      throw SchemaError{"/sources", "expected an array of strings"};
    for (size_t I = 0; I < Src.size(); ++I) {
      if (!Src[I].is_string())
        throw SchemaError{"/sources/" + std::to_string(I), "expected a string"};
      File.Sources.push_back(Src[I].get<std::string>());
    }
  }
  const json &Fns = field(Doc, "", "functions");
  if (!Fns.is_array())
    throw SchemaError{"/functions", "expected an array"};
  for (size_t I = 0; I < Fns.size(); ++I) {
    std::string P = "/functions/" + std::to_string(I);
    const json &F = Fns[I];
    requireObject(F, P);
    FunctionClaims FC;
    FC.Name = getString(F, P, "name");
    FC.QualifiedName = getString(F, P, "qualified_name", false);
    FC.Mangled = getString(F, P, "mangled");
    FC.File = getString(F, P, "file", false);
    FC.Line = getUnsigned(F, P, "line", false);
    FC.Returns = getString(F, P, "returns");
    if (FC.Returns != "void" && FC.Returns != "value" &&
        FC.Returns != "pointer" && FC.Returns != "reference")
      throw SchemaError{P + "/returns",
                        "expected void, value, pointer or reference, got '" +
                            FC.Returns + "'"};
    if (FC.Mangled.empty())
      FC.Mangled = FC.Name;
    const json &Heap = getArray(F, P, "heap");
    for (size_t J = 0; J < Heap.size(); ++J) {
      std::string HP = P + "/heap/" + std::to_string(J);
      requireObject(Heap[J], HP);
      HeapClaim H;
      H.Site = getString(Heap[J], HP, "site", false);
      H.Line = getUnsigned(Heap[J], HP, "line");
      H.Type = getString(Heap[J], HP, "type", false);
      H.Bytes = getUnsigned(Heap[J], HP, "bytes", false);
      H.Escapes = getBool(Heap[J], HP, "escapes");
      FC.Heap.push_back(H);
    }
    const json &Stack = getArray(F, P, "stack");
    for (size_t J = 0; J < Stack.size(); ++J) {
      std::string SP = P + "/stack/" + std::to_string(J);
      requireObject(Stack[J], SP);
      StackClaim S;
      S.Name = getString(Stack[J], SP, "name");
      S.Line = getUnsigned(Stack[J], SP, "line", false);
      S.Bytes = getUnsigned(Stack[J], SP, "bytes", false);
      S.Escapes = getBool(Stack[J], SP, "escapes");
      FC.Stack.push_back(S);
    }
    File.Functions.push_back(std::move(FC));
  }
  return File;
}

// Line and column (1-based) of byte offset \p Byte in \p Text.
std::string position(const std::string &Text, size_t Byte) {
  unsigned Line = 1, Col = 1;
  for (size_t I = 0; I < Byte && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++Line;
      Col = 1;
    } else {
      ++Col;
    }
  }
  return "line " + std::to_string(Line) + ", column " + std::to_string(Col);
}

} // namespace

std::optional<ClaimsFile>
escape::validate::readClaimsFile(const std::string &Path, std::string &Error) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Error = Path + ": cannot open the claims file";
    return std::nullopt;
  }
  std::stringstream Buf;
  Buf << In.rdbuf();
  std::string Text = Buf.str();
  try {
    json Doc = json::parse(Text);
    return parse(Doc, Path);
  } catch (const json::parse_error &E) {
    size_t Byte = E.byte ? E.byte - 1 : 0;
    Error = Path + ": invalid JSON at byte " + std::to_string(Byte) + " (" +
            position(Text, Byte) + "): " + E.what();
  } catch (const SchemaError &E) {
    Error =
        Path + ": " + (E.Pointer.empty() ? "/" : E.Pointer) + ": " + E.Message;
  } catch (const std::exception &E) {
    Error = Path + ": " + E.what();
  }
  return std::nullopt;
}
