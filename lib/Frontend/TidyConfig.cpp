//===- TidyConfig.cpp - The escape-* part of a .clang-tidy file -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/TidyConfig.h"
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Frontend/Suppression.h"
#include "clang-escape/Report/CheckCatalog.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace escape {

namespace {

std::string scalar(llvm::yaml::Node *N) {
  llvm::SmallString<64> Storage;
  if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N))
    return S->getValue(Storage).str();
  if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N))
    return B->getValue().str();
  return "";
}

void readOptions(llvm::yaml::Node *N, TidyConfig &C) {
  // Current form: a mapping. Older form: a list of {key: ..., value: ...}.
  if (auto *M = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(N)) {
    for (llvm::yaml::KeyValueNode &KV : *M)
      C.Options[scalar(KV.getKey())] = scalar(KV.getValue());
  } else if (auto *L = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(N)) {
    for (llvm::yaml::Node &E : *L)
      if (auto *M = llvm::dyn_cast<llvm::yaml::MappingNode>(&E)) {
        std::string Key, Value;
        for (llvm::yaml::KeyValueNode &KV : *M)
          (scalar(KV.getKey()) == "key" ? Key : Value) = scalar(KV.getValue());
        C.Options[Key] = Value;
      }
  }
}

} // namespace

std::optional<std::string>
TidyConfig::localOrGlobal(llvm::StringRef Check, llvm::StringRef Name) const {
  auto It = Options.find((Check + "." + Name).str());
  if (It == Options.end())
    It = Options.find(Name.str());
  if (It == Options.end())
    return std::nullopt;
  return It->second;
}

bool TidyConfig::flag(llvm::StringRef Check, llvm::StringRef Name) const {
  std::optional<std::string> V = localOrGlobal(Check, Name);
  if (!V)
    return false;
  llvm::StringRef S(*V);
  return S.equals_insensitive("true") || S == "1";
}

std::optional<uint64_t> TidyConfig::number(llvm::StringRef Check,
                                           llvm::StringRef Name) const {
  uint64_t N;
  std::optional<std::string> V = localOrGlobal(Check, Name);
  if (!V || llvm::StringRef(*V).trim().getAsInteger(10, N))
    return std::nullopt;
  return N;
}

llvm::Expected<TidyConfig> parseTidyConfig(llvm::StringRef Text,
                                           llvm::StringRef Path) {
  TidyConfig C;
  C.Path = Path.str();
  llvm::SourceMgr SM;
  std::string Err;
  llvm::raw_string_ostream ES(Err);
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Out) {
        D.print(nullptr, *static_cast<llvm::raw_string_ostream *>(Out), false);
      },
      &ES);
  llvm::yaml::Stream S(Text, SM);
  for (llvm::yaml::Document &D : S) {
    auto *Root = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(D.getRoot());
    if (!Root)
      continue;
    for (llvm::yaml::KeyValueNode &KV : *Root) {
      std::string Key = scalar(KV.getKey());
      if (Key == "Checks")
        C.Checks = scalar(KV.getValue());
      else if (Key == "HeaderFilterRegex")
        C.HeaderFilter = scalar(KV.getValue());
      else if (Key == "SystemHeaders")
        C.SystemHeaders = llvm::StringRef(scalar(KV.getValue()))
                              .trim()
                              .equals_insensitive("true");
      else if (Key == "CheckOptions")
        readOptions(KV.getValue(), C);
      else
        KV.skip();
    }
  }
  if (S.failed() || !Err.empty())
    return llvm::createStringError(std::errc::invalid_argument,
                                   "cannot parse '%s': %s", C.Path.c_str(),
                                   Err.c_str());
  return C;
}

llvm::Expected<std::optional<TidyConfig>> findTidyConfig(llvm::StringRef File) {
  llvm::SmallString<256> Dir(File);
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, true);
  for (llvm::StringRef D = llvm::sys::path::parent_path(Dir); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    llvm::SmallString<256> P(D);
    llvm::sys::path::append(P, ".clang-tidy");
    if (!llvm::sys::fs::is_regular_file(P))
      continue;
    auto Buf = llvm::MemoryBuffer::getFile(P);
    if (!Buf)
      return llvm::createStringError(Buf.getError(), "cannot read '%s'",
                                     P.c_str());
    auto C = parseTidyConfig((*Buf)->getBuffer(), P);
    if (!C)
      return C.takeError();
    return std::optional<TidyConfig>(std::move(*C));
  }
  return std::optional<TidyConfig>();
}

RunSettings resolveSettings(const SurfaceSettings &S, const TidyConfig *C) {
  RunSettings R;
  if (C && C->Checks)
    R.Checks += "," + *C->Checks;
  if (!S.Checks.empty())
    R.Checks += "," + S.Checks;
  auto Limit = [&](const std::optional<uint64_t> &Given, llvm::StringRef Check,
                   llvm::StringRef Name, uint64_t &Out) {
    if (Given)
      Out = *Given;
    else if (std::optional<uint64_t> N =
                 C ? C->number(Check, Name) : std::nullopt)
      Out = *N;
  };
  Limit(S.MaxLocalBytes, "escape-oversized-frame", "MaxLocalBytes",
        R.MaxLocalBytes);
  Limit(S.MaxFrameBytes, "escape-oversized-frame", "MaxFrameBytes",
        R.MaxFrameBytes);
  Limit(S.MaxStackCandidateBytes, "escape-stack-candidate", "MaxBytes",
        R.MaxStackCandidateBytes);
  if (S.HeaderFilter)
    R.HeaderFilter = *S.HeaderFilter;
  else if (C && C->HeaderFilter)
    R.HeaderFilter = *C->HeaderFilter;
  R.SystemHeaders = S.SystemHeaders || (C && C->SystemHeaders.value_or(false));
  R.AllMaybe = S.ReportMaybe;
  R.SuggestAnnotations = S.SuggestAnnotations;
  R.NoDefaultModels = S.NoDefaultModels;
  R.ModelFiles = S.ModelFiles;
  if (!C)
    return R;
  for (const CheckInfo &I : CheckCatalog)
    if (C->flag(I.Name, "ReportMaybe"))
      R.MaybeChecks.insert(I.Name);
  if (std::optional<std::string> M = C->localOrGlobal("", "ModelFiles")) {
    llvm::SmallVector<llvm::StringRef> Parts;
    llvm::StringRef(*M).split(Parts, ';', -1, false);
    for (llvm::StringRef P : Parts)
      R.ModelFiles.push_back(P.trim().str());
  }
  R.NoDefaultModels |= C->flag("", "NoDefaultModels");
  R.SuggestAnnotations |= C->flag("", "SuggestAnnotations");
  return R;
}

void RunSettings::filter(
    Report &Rep, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) const {
  llvm::erase_if(Rep.Findings, [&](const Finding &F) {
    return F.Maybe && !AllMaybe && !MaybeChecks.count(F.Check);
  });
  applySuppressions(Rep, CheckGlobs(Checks), std::move(FS));
}

bool RunSettings::enablesAny() const {
  CheckGlobs Globs(Checks);
  return llvm::any_of(
      CheckCatalog, [&](const CheckInfo &I) { return Globs.contains(I.Name); });
}

void RunSettings::applyTo(AnalysisOptions &A) const {
  A.Build.MaxLocalBytes = MaxLocalBytes;
  A.Build.MaxFrameBytes = MaxFrameBytes;
  A.Build.HeaderFilter = HeaderFilter;
  A.Build.SystemHeaders = SystemHeaders;
  A.Build.MaxStackCandidateBytes = A.Report.MaxStackCandidateBytes =
      MaxStackCandidateBytes;
  // Per check in .clang-tidy: made if any check wants them, then filtered.
  A.Report.IncludeMaybe = anyMaybe();
}

} // namespace escape
