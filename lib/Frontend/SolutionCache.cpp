//===- SolutionCache.cpp - Components solved by the previous run ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/SolutionCache.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace escape {

SolutionCache::SolutionCache(std::string Dir, std::string Salt,
                             const std::vector<GraphId> &Ids,
                             ReportBuilder &Builder)
    : Salt(std::move(Salt)), Ids(Ids), Builder(Builder) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "solutions.sol");
  Path = std::string(P);
}

llvm::Error SolutionCache::load() {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::Error::success(); // a first run
  auto Cs = readSolvedComponents((*Buf)->getBuffer(), Path);
  if (!Cs)
    return Cs.takeError();
  for (SolvedComponent &C : *Cs) {
    GraphId Key = C.Key;
    Previous.emplace(Key, std::move(C));
  }
  return llvm::Error::success();
}

llvm::Error SolutionCache::store() const {
  return writeFileAtomically(Path, writeSolvedComponents(Current));
}

SolutionCache::Sizes SolutionCache::sizes() const {
  const Report &R = Builder.sofar();
  return {R.Findings.size(), R.Remarks.size(), R.FixIts.size()};
}

void SolutionCache::visit(size_t I, const FunctionGraph &G,
                          const SolvedFunction &S) {
  Before.emplace(I, sizes());
  Builder.add(I, G, S);
}

std::string SolutionCache::identity(size_t, const FunctionGraph &Skeleton,
                                    int Handle) {
  // A body that is not in the cache (not stored, a unit with errors) has no
  // name that a later run could match.
  if (Handle < 0 || static_cast<size_t>(Handle) >= Ids.size())
    return "";
  return Ids[Handle].str() + (Skeleton.MainFile ? " main" : " linked") +
         (Builder.called(Skeleton.Key) ? " called " : " uncalled ") + Salt;
}

bool SolutionCache::reuse(const GraphId &Key, size_t Base, size_t N,
                          std::vector<FunctionSummary> &Summaries) {
  auto It = Previous.find(Key);
  if (It == Previous.end() || It->second.Summaries.size() != N)
    return false;
  SolvedComponent &C = It->second;
  Summaries = C.Summaries;
  Builder.addReported(Base, C.Findings, C.Remarks, C.FixIts);
  Current.push_back(std::move(C));
  Previous.erase(It);
  Before.clear();
  return true;
}

void SolutionCache::solved(const GraphId &Key, size_t Base, size_t,
                           const std::vector<FunctionSummary> &Summaries) {
  SolvedComponent C;
  C.Key = Key;
  C.Summaries = Summaries;
  // The component's members were visited last, together.
  auto From = Before.find(Base);
  if (From != Before.end()) {
    const Report &R = Builder.sofar();
    for (size_t J = From->second.Findings; J < R.Findings.size(); ++J) {
      C.Findings.push_back(R.Findings[J]);
      C.Findings.back().Graph -= static_cast<int>(Base);
    }
    C.Remarks.assign(R.Remarks.begin() + From->second.Remarks, R.Remarks.end());
    C.FixIts.assign(R.FixIts.begin() + From->second.FixIts, R.FixIts.end());
  }
  Before.clear();
  Current.push_back(std::move(C));
}

} // namespace escape
