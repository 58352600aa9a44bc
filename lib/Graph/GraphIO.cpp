//===- GraphIO.cpp - Escape graphs to and from JSON -----------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphIO.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace escape {

// nlohmann finds these by argument-dependent lookup.
static void to_json(json &J, const SourcePos &P) {
  J = json::array({P.File, P.Line, P.Column, P.Offset});
}
static void from_json(const json &J, SourcePos &P) {
  P.File = J.at(0).get<std::string>();
  P.Line = J.at(1).get<unsigned>();
  P.Column = J.at(2).get<unsigned>();
  P.Offset = J.at(3).get<unsigned>();
}
static void to_json(json &J, const Note &N) {
  J = json::array({N.Why, N.What, N.Pos});
}
static void from_json(const json &J, Note &N) {
  N.Why = J.at(0).get<std::string>();
  N.What = J.at(1).get<std::string>();
  N.Pos = J.at(2).get<SourcePos>();
}
static void to_json(json &J, const Leak &L) {
  J = json::array({L.Level, L.Maybe, L.Via, L.GuardSlot, L.GuardValue});
}
static void from_json(const json &J, Leak &L) {
  L.Level = J.at(0).get<int>();
  L.Maybe = J.at(1).get<bool>();
  L.Via = J.at(2).get<std::string>();
  L.GuardSlot = J.at(3).get<int>();
  L.GuardValue = J.at(4).get<bool>();
}
static void to_json(json &J, const ParamLeaks &P) {
  json C = json::array();
  for (auto &[K, V] : P.Content)
    C.push_back(json::array({K, V}));
  J = json{
      {"h", P.Heap}, {"t", P.Thread}, {"c", P.Coro}, {"r", P.Result}, {"o", C}};
}
static void from_json(const json &J, ParamLeaks &P) {
  P.Heap = J.at("h").get<Leak>();
  P.Thread = J.at("t").get<Leak>();
  P.Coro = J.at("c").get<Leak>();
  P.Result = J.at("r").get<Leak>();
  for (const json &C : J.at("o"))
    P.Content[C.at(0).get<int>()] = C.at(1).get<Leak>();
}
static void to_json(json &J, const FunctionSummary &S) {
  J = json{{"name", S.Name},
           {"slots", S.Slots},
           {"alloc", S.ReturnsAlloc},
           {"unknown", S.Unknown}};
}
static void from_json(const json &J, FunctionSummary &S) {
  S.Name = J.at("name").get<std::string>();
  S.Slots = J.at("slots").get<std::vector<ParamLeaks>>();
  S.ReturnsAlloc = J.at("alloc").get<bool>();
  S.Unknown = J.at("unknown").get<bool>();
}
static void to_json(json &J, const Location &L) {
  J = json{
      {"k", static_cast<int>(L.Kind)},
      {"n", L.Name},
      {"p", L.Pos},
      {"s", L.Scope},
      {"slot", L.Slot},
      {"b", L.Size.Bytes},
      {"bc", L.Size.Constant},
      {"use", L.LastUse},
      {"ty", L.TypeName},
      {"kill", L.Killed},
      {"exp", L.Exposed},
      {"own", L.SmartOwner},
      {"clean", L.CleansUp},
      {"a", json::array({L.Alloc.TypeName, L.Alloc.Spelling, L.Alloc.InLoop,
                         L.Alloc.Released, L.Alloc.CustomAlloc,
                         L.Alloc.OverAligned, L.Alloc.Owner})}};
}
static void from_json(const json &J, Location &L) {
  L.Kind = static_cast<LocKind>(J.at("k").get<int>());
  L.Name = J.at("n").get<std::string>();
  L.Pos = J.at("p").get<SourcePos>();
  L.Scope = J.at("s").get<int>();
  L.Slot = J.at("slot").get<int>();
  L.Size.Bytes = J.at("b").get<uint64_t>();
  L.Size.Constant = J.at("bc").get<bool>();
  L.LastUse = J.at("use").get<unsigned>();
  L.TypeName = J.at("ty").get<std::string>();
  L.Killed = J.at("kill").get<bool>();
  L.Exposed = J.at("exp").get<bool>();
  L.SmartOwner = J.at("own").get<bool>();
  L.CleansUp = J.at("clean").get<bool>();
  const json &A = J.at("a");
  L.Alloc.TypeName = A.at(0).get<std::string>();
  L.Alloc.Spelling = A.at(1).get<std::string>();
  L.Alloc.InLoop = A.at(2).get<bool>();
  L.Alloc.Released = A.at(3).get<bool>();
  L.Alloc.CustomAlloc = A.at(4).get<bool>();
  L.Alloc.OverAligned = A.at(5).get<bool>();
  L.Alloc.Owner = A.at(6).get<std::string>();
}
static void to_json(json &J, const Edge &E) {
  J = json::array(
      {E.Dst, E.Src, E.Derefs, E.Maybe, E.Notes, E.GuardSlot, E.GuardValue});
}
static void from_json(const json &J, Edge &E) {
  E.Dst = J.at(0).get<int>();
  E.Src = J.at(1).get<int>();
  E.Derefs = J.at(2).get<int>();
  E.Maybe = J.at(3).get<bool>();
  E.Notes = J.at(4).get<std::vector<Note>>();
  E.GuardSlot = J.at(5).get<int>();
  E.GuardValue = J.at(6).get<bool>();
}
static void to_json(json &J, const Scope &S) {
  J = json::array({S.Parent, S.Loop, S.FullExpr, S.EndOffset});
}
static void from_json(const json &J, Scope &S) {
  S.Parent = J.at(0).get<int>();
  S.Loop = J.at(1).get<bool>();
  S.FullExpr = J.at(2).get<bool>();
  S.EndOffset = J.at(3).get<unsigned>();
}
static void to_json(json &J, const CallSite &C) {
  J = json{
      {"key", C.CalleeKey}, {"name", C.CalleeName}, {"p", C.Pos},
      {"text", C.Spelling}, {"args", C.Args},       {"content", C.ArgContent},
      {"r", C.Result},      {"virt", C.Virtual},    {"model", C.Model},
      {"method", C.Method}, {"scoped", C.ScopedBy}, {"const", C.ArgConst},
      {"undone", C.Undone}};
}
static void from_json(const json &J, CallSite &C) {
  C.CalleeKey = J.at("key").get<std::string>();
  C.CalleeName = J.at("name").get<std::string>();
  C.Pos = J.at("p").get<SourcePos>();
  C.Spelling = J.at("text").get<std::string>();
  C.Args = J.at("args").get<std::vector<int>>();
  C.ArgContent = J.at("content").get<std::vector<int>>();
  C.Result = J.at("r").get<int>();
  C.Virtual = J.at("virt").get<bool>();
  C.Model = J.at("model").get<int>();
  C.Method = J.at("method").get<bool>();
  C.ScopedBy = J.at("scoped").get<std::string>();
  C.ArgConst = J.at("const").get<std::vector<int>>();
  C.Undone = J.at("undone").get<bool>();
}
static void to_json(json &J, const FunctionGraph::LocalFinding &F) {
  J = json{{"check", F.Check},
           {"msg", F.Message},
           {"subject", F.Subject},
           {"p", F.Pos},
           {"flow", F.Flow}};
}
static void from_json(const json &J, FunctionGraph::LocalFinding &F) {
  F.Check = J.at("check").get<std::string>();
  F.Message = J.at("msg").get<std::string>();
  F.Subject = J.at("subject").get<std::string>();
  F.Pos = J.at("p").get<SourcePos>();
  F.Flow = J.at("flow").get<std::vector<Note>>();
}
static void to_json(json &J, const FunctionGraph &G) {
  J = json{{"key", G.Key},
           {"name", G.Name},
           {"mangled", G.Mangled},
           {"p", G.Pos},
           {"ret", G.ReturnKind},
           {"ctor", G.IsConstructor},
           {"coro", G.IsCoroutine},
           {"main", G.MainFile},
           {"frame", G.FrameBytes},
           {"vframe", G.VariableFrame},
           {"slotNames", G.SlotNames},
           {"slotLocs", G.SlotLocs},
           {"slotContents", G.SlotContents},
           {"locs", G.Locs},
           {"edges", G.Edges},
           {"scopes", G.Scopes},
           {"calls", G.Calls},
           {"models", G.Models},
           {"odr", G.OdrHash},
           {"overrides", G.Overrides},
           {"annotate", G.SlotAnnotate},
           {"slotKinds", G.SlotKinds},
           {"local", G.Local}};
}
static void from_json(const json &J, FunctionGraph &G) {
  G.Key = J.at("key").get<std::string>();
  G.Name = J.at("name").get<std::string>();
  G.Mangled = J.at("mangled").get<std::string>();
  G.Pos = J.at("p").get<SourcePos>();
  G.ReturnKind = J.at("ret").get<std::string>();
  G.IsConstructor = J.at("ctor").get<bool>();
  G.IsCoroutine = J.at("coro").get<bool>();
  G.MainFile = J.at("main").get<bool>();
  G.FrameBytes = J.at("frame").get<uint64_t>();
  G.VariableFrame = J.at("vframe").get<bool>();
  G.SlotNames = J.at("slotNames").get<std::vector<std::string>>();
  G.SlotLocs = J.at("slotLocs").get<std::vector<int>>();
  G.SlotContents = J.at("slotContents").get<std::vector<int>>();
  G.Locs = J.at("locs").get<std::vector<Location>>();
  G.Edges = J.at("edges").get<std::vector<Edge>>();
  G.Scopes = J.at("scopes").get<std::vector<Scope>>();
  G.Calls = J.at("calls").get<std::vector<CallSite>>();
  G.Models = J.at("models").get<std::vector<FunctionSummary>>();
  G.OdrHash = J.at("odr").get<uint64_t>();
  G.Overrides = J.at("overrides").get<std::vector<std::string>>();
  G.SlotAnnotate = J.at("annotate").get<std::vector<SourcePos>>();
  G.SlotKinds = J.at("slotKinds").get<std::string>();
  G.Local = J.at("local").get<std::vector<FunctionGraph::LocalFinding>>();
}

std::string writeExtractedTU(const ExtractedTU &TU) {
  json Deps = json::array();
  for (const Dependency &D : TU.Deps)
    Deps.push_back(json::array({D.Path, D.Hash}));
  json J{{"format", GraphFormatVersion},
         {"file", TU.File},
         {"errors", TU.HadErrors},
         {"deps", Deps},
         {"graphs", TU.Graphs}};
  return J.dump(-1, ' ', false, json::error_handler_t::replace);
}

llvm::Expected<ExtractedTU> readExtractedTU(llvm::StringRef Text,
                                            llvm::StringRef Name) {
  try {
    json J = json::parse(Text.begin(), Text.end());
    if (J.at("format").get<int>() != GraphFormatVersion)
      return llvm::createStringError(
          std::errc::invalid_argument, "%s: cache format %d, expected %d",
          Name.str().c_str(), J.at("format").get<int>(), GraphFormatVersion);
    ExtractedTU TU;
    TU.File = J.at("file").get<std::string>();
    TU.HadErrors = J.at("errors").get<bool>();
    for (const json &D : J.at("deps"))
      TU.Deps.push_back({D.at(0).get<std::string>(), D.at(1).get<uint64_t>()});
    TU.Graphs = J.at("graphs").get<std::vector<FunctionGraph>>();
    return TU;
  } catch (const json::exception &E) {
    return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                   Name.str().c_str(), E.what());
  }
}

} // namespace escape
