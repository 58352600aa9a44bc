//===- ProgramBinding.cpp - Claims bound to the program they describe -----===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "ProgramBinding.h"

using namespace escape::validate;

namespace {

std::string where(const FunctionClaims &F) {
  std::string W = F.File.empty() ? "?" : F.File;
  if (F.Line)
    W += ":" + std::to_string(F.Line);
  return W;
}

} // namespace

std::vector<std::string>
escape::validate::checkSources(const ClaimsFile &Claims,
                               const DebugFacts &Debug,
                               const std::string &Program) {
  std::vector<std::string> Warnings;
  if (Claims.Sources.empty() || Debug.Units.empty())
    return Warnings;
  for (const std::string &S : Claims.Sources)
    for (const std::string &U : Debug.Units)
      if (sameSource(S, U))
        return Warnings;
  std::string List;
  for (const std::string &S : Claims.Sources)
    List += (List.empty() ? "" : ", ") + S;
  Warnings.push_back("none of the claims' sources (" + List +
                     ") is compiled into " + Program +
                     " (with -g): the claims may be about another program");
  return Warnings;
}

std::map<size_t, Exclusion> escape::validate::resolveDuplicates(
    const ClaimsFile &Claims, const DebugFacts &Debug,
    const std::string &Program, std::vector<std::string> &Warnings) {
  std::map<std::string, std::vector<size_t>> BySymbol;
  for (size_t I = 0; I < Claims.Functions.size(); ++I) {
    const FunctionClaims &F = Claims.Functions[I];
    if (!F.Heap.empty() || !F.Stack.empty())
      BySymbol[F.Mangled].push_back(I);
  }
  std::map<size_t, Exclusion> Excluded;
  for (auto &[Symbol, Indices] : BySymbol) {
    if (Indices.size() < 2)
      continue;
    bool SameFunction = true;
    for (size_t I : Indices) {
      const FunctionClaims &A = Claims.Functions[Indices[0]];
      const FunctionClaims &B = Claims.Functions[I];
      SameFunction &= A.File == B.File && A.Line == B.Line;
    }
    if (SameFunction)
      continue; // one function claimed twice: merged as before
    std::string List;
    for (size_t I : Indices)
      List += (List.empty() ? "" : ", ") + where(Claims.Functions[I]);
    auto D = Debug.Functions.find(Symbol);
    std::vector<size_t> Matching;
    if (D != Debug.Functions.end() && !D->second.File.empty())
      for (size_t I : Indices)
        if (sameSource(Claims.Functions[I].File, D->second.File))
          Matching.push_back(I);
    if (Matching.size() == 1) {
      std::string Def = D->second.File + ":" + std::to_string(D->second.Line);
      Warnings.push_back(std::to_string(Indices.size()) +
                         " claimed functions have the symbol '" + Symbol +
                         "' (" + List + "); " + Program + " defines it at " +
                         Def + ": the others are not judged");
      for (size_t I : Indices)
        if (I != Matching[0])
          Excluded[I] =
              Exclusion{Verdict::Unobserved,
                        "not this program's '" + Symbol +
                            "': the program's definition is at " + Def};
      continue;
    }
    Warnings.push_back(std::to_string(Indices.size()) +
                       " claimed functions have the symbol '" + Symbol + "' (" +
                       List + ") and the debug info of " + Program +
                       " does not say which one it contains: none is judged");
    for (size_t I : Indices)
      Excluded[I] = Exclusion{
          Verdict::Unverified,
          "several claimed functions have the symbol '" + Symbol +
              "' and the program's debug info does not tell them apart"};
  }
  return Excluded;
}
