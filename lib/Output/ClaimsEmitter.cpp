//===- ClaimsEmitter.cpp - Claims for the validation runtime --------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The claims file of docs/Runtime.md (version 1), read by
// clang-escape-validate: per function of the main files, which allocation
// sites escape it and which locals have their address escape it.
//
// The validator matches heap claims by source line and stack claims by
// name, so claims that it could not tell apart are merged: the allocation
// sites of one line, and the locals of one name, become one claim that
// escapes if any of them does. A merged claim is weaker, never wrong.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/Version.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace escape {

namespace {

using Json = nlohmann::ordered_json;

std::string absolutePath(const std::string &File) {
  if (File.empty())
    return File;
  llvm::SmallString<256> P(File);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

bool isIdentifier(llvm::StringRef S) {
  if (S.empty() || !(isalpha(S[0]) || S[0] == '_'))
    return false;
  return llvm::all_of(S, [](char C) { return isalnum(C) || C == '_'; });
}

/// The symbol of \p G's code in the program. Clang emits the base-object
/// constructor and destructor (C2, D2) of a class without virtual bases, and
/// the complete-object ones (C1, D1) only as aliases of out-of-line ones: an
/// inline constructor has no C1 symbol at all. So a constructor or
/// destructor is named by its C2 or D2 symbol, the one token that turns the
/// name into the other without changing what it demangles to.
std::string symbolName(const std::string &Mangled) {
  llvm::ItaniumPartialDemangler D;
  if (D.partialDemangle(Mangled.c_str()) || !D.isCtorOrDtor())
    return Mangled;
  std::string Want = llvm::demangle(Mangled);
  for (size_t At = Mangled.find_first_of("CD", 2); At != std::string::npos;
       At = Mangled.find_first_of("CD", At + 1)) {
    if (At + 1 >= Mangled.size() || Mangled[At + 1] != '1')
      continue;
    std::string Base = Mangled;
    Base[At + 1] = '2';
    if (llvm::demangle(Base) == Want)
      return Base;
  }
  return Mangled;
}

/// The allocation sites of one line of a function.
struct HeapLine {
  std::string Site;
  uint64_t Bytes = 0;
  std::vector<std::string> Types;
  bool Escapes = false;
};

/// The locals of one name in a function.
struct StackName {
  unsigned Line = 0;
  uint64_t Bytes = 0;
  bool Escapes = false;
};

Json functionClaims(const FunctionGraph &G, const SolvedFunction &S) {
  std::string File = absolutePath(G.Pos.File);

  // Locations whose address is taken: the source of an edge Dst <- &Src.
  std::vector<bool> AddressTaken(G.Locs.size(), false);
  for (const std::vector<Edge> *Edges : {&G.Edges, &S.Edges})
    for (const Edge &E : *Edges)
      if (E.Derefs < 0 && E.Src >= 0 && size_t(E.Src) < G.Locs.size())
        AddressTaken[E.Src] = true;
  auto Escapes = [&](size_t L) {
    return (L < S.AddressEscapes.size() && S.AddressEscapes[L]) ||
           G.Locs[L].Exposed;
  };

  // A call's object (CallSite::Fresh) is allocated in the callee, where
  // its claim is.
  std::vector<bool> CallObject(G.Locs.size(), false);
  for (const CallSite &C : G.Calls)
    if (C.Fresh >= 0 && size_t(C.Fresh) < G.Locs.size())
      CallObject[C.Fresh] = true;

  // Heap claims, one per source line of the function's file.
  std::map<unsigned, HeapLine> Heap;
  for (size_t L = 0; L < G.Locs.size(); ++L) {
    const Location &Loc = G.Locs[L];
    // An allocation written elsewhere (a default member initializer in a
    // header) has no line of its own in this function.
    if (Loc.Kind != LocKind::Alloc || !Loc.Pos.valid() ||
        Loc.Pos.File != G.Pos.File || CallObject[L] ||
        (Loc.Alloc.CustomAlloc && !AddressTaken[L]))
      continue;
    std::string Type = Loc.Alloc.TypeName;
    if (Type.empty() || Type == "NULL TYPE")
      Type = Loc.Alloc.Spelling.empty() ? Loc.Name : Loc.Alloc.Spelling;
    auto [It, New] = Heap.try_emplace(Loc.Pos.Line);
    HeapLine &H = It->second;
    if (New) {
      H.Site = File + ":" + std::to_string(Loc.Pos.Line) + ":" +
               std::to_string(Loc.Pos.Column);
      H.Bytes = Loc.Size.Bytes;
    }
    if (llvm::find(H.Types, Type) == H.Types.end())
      H.Types.push_back(Type);
    H.Escapes |= Escapes(L);
  }

  // Stack claims: locals and by-value parameters whose address is taken.
  // A coroutine's locals live in its frame on the heap, not on the stack.
  std::map<std::string, StackName> Stack;
  std::vector<std::string> StackOrder;
  for (size_t L = 0; L < G.Locs.size() && !G.IsCoroutine; ++L) {
    const Location &Loc = G.Locs[L];
    if (Loc.Kind != LocKind::Local && Loc.Kind != LocKind::Param)
      continue;
    if (Loc.Kind == LocKind::Param && Loc.Slot == 0 && Loc.Name == "this")
      continue;
    if (!isIdentifier(Loc.Name) || !(AddressTaken[L] || Escapes(L)))
      continue;
    auto [It, New] = Stack.try_emplace(Loc.Name);
    StackName &N = It->second;
    if (New) {
      StackOrder.push_back(Loc.Name);
      N.Line = Loc.Pos.Line;
      N.Bytes = Loc.Size.Bytes;
    }
    N.Escapes |= Escapes(L);
  }

  Json HeapJ = Json::array();
  for (const auto &[Line, H] : Heap) {
    Json C;
    C["site"] = H.Site;
    C["line"] = Line;
    C["type"] = llvm::join(H.Types, ", ");
    C["bytes"] = H.Bytes;
    C["escapes"] = H.Escapes;
    HeapJ.push_back(std::move(C));
  }
  Json StackJ = Json::array();
  for (const std::string &Name : StackOrder) {
    const StackName &N = Stack[Name];
    Json C;
    C["name"] = Name;
    if (N.Line)
      C["line"] = N.Line;
    C["bytes"] = N.Bytes;
    C["escapes"] = N.Escapes;
    StackJ.push_back(std::move(C));
  }

  Json F;
  F["name"] = G.Name;
  F["qualified_name"] = G.Name;
  F["mangled"] = symbolName(G.Mangled);
  F["file"] = File;
  F["line"] = G.Pos.Line;
  F["returns"] = G.ReturnKind.empty() ? "value" : G.ReturnKind;
  F["heap"] = std::move(HeapJ);
  F["stack"] = std::move(StackJ);
  return F;
}

} // namespace

void emitClaims(const Program &P, llvm::raw_ostream &OS) {
  const std::vector<FunctionGraph> &Graphs = P.graphs();
  const std::vector<SolvedFunction> &Solved = P.solved();
  Json Functions = Json::array();
  // One entry per symbol and source: the same symbol defined in two files
  // (two programs' main) stays two entries, for the validator to tell
  // apart, instead of the first one standing for both.
  llvm::StringSet<> Seen;
  std::set<std::string> Sources;
  for (size_t I = 0; I < Graphs.size() && I < Solved.size(); ++I) {
    const FunctionGraph &G = Graphs[I];
    if (!G.MainFile || G.Mangled.empty())
      continue;
    Json F = functionClaims(G, Solved[I]);
    std::string File = F["file"].get<std::string>();
    if (!Seen.insert(G.Mangled + '\0' + File).second)
      continue;
    Sources.insert(File);
    Functions.push_back(std::move(F));
  }
  Json Doc;
  Doc["version"] = ClaimsSchemaVersion;
  Doc["tool"] = {{"name", "clang-escape"}, {"version", CLANG_ESCAPE_VERSION}};
  // The program the claims are about: its analyzed sources.
  Doc["sources"] = Sources;
  Doc["functions"] = std::move(Functions);
  OS << Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << "\n";
}

} // namespace escape
