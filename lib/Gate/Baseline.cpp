//===- Baseline.cpp - Findings accepted so far, and what is new -----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Gate/Baseline.h"
#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Support/Version.h"

#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace escape {

namespace {

using Json = nlohmann::ordered_json;

void sortEntries(std::vector<BaselineEntry> &Entries) {
  std::sort(Entries.begin(), Entries.end(),
            [](const BaselineEntry &A, const BaselineEntry &B) {
              return std::tie(A.File, A.Function, A.Check, A.Fingerprint) <
                     std::tie(B.File, B.Function, B.Check, B.Fingerprint);
            });
}

llvm::Error malformed(llvm::StringRef Path, const std::string &Why) {
  return llvm::createStringError(
      std::errc::invalid_argument,
      "baseline '%s' is not a clang-escape baseline: %s (rewrite it with "
      "--write-baseline)",
      Path.str().c_str(), Why.c_str());
}

std::string stringField(const Json &E, const char *Key) {
  auto It = E.find(Key);
  return It != E.end() && It->is_string() ? It->get<std::string>() : "";
}

} // namespace

const BaselineEntry *Baseline::find(llvm::StringRef Fingerprint) const {
  for (const BaselineEntry &E : Entries)
    if (E.Fingerprint == Fingerprint)
      return &E;
  return nullptr;
}

Baseline makeBaseline(const Report &R, const SourcePaths &Paths,
                      const Baseline *Previous) {
  std::map<std::string, BaselineEntry> ByFingerprint;
  for (const Finding &F : R.Findings) {
    auto [It, New] = ByFingerprint.try_emplace(F.Fingerprint);
    BaselineEntry &E = It->second;
    ++E.Count;
    if (!New)
      continue;
    E.Fingerprint = F.Fingerprint;
    E.Check = F.Check;
    E.File = Paths.relative(F.Pos.File);
    if (E.File.empty())
      E.File = F.Pos.File;
    E.Function = F.Function;
    E.Message = F.Message;
    if (Previous)
      if (const BaselineEntry *Old = Previous->find(F.Fingerprint))
        E.Justification = Old->Justification;
  }
  Baseline B;
  for (auto &[Fp, E] : ByFingerprint)
    B.Entries.push_back(std::move(E));
  sortEntries(B.Entries);
  return B;
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(
        Buf.getError(), "cannot read baseline '%s': %s", Path.str().c_str(),
        Buf.getError().message().c_str());
  llvm::StringRef Text = (*Buf)->getBuffer();
  Json J;
  try {
    J = Json::parse(Text.begin(), Text.end());
  } catch (const Json::parse_error &E) {
    return malformed(Path, std::string("invalid JSON: ") + E.what());
  }
  if (!J.is_object())
    return malformed(Path, "not a JSON object");
  auto Version = J.find("version");
  if (Version == J.end() || !Version->is_number_integer())
    return malformed(Path, "no \"version\"");
  if (*Version != BaselineVersion)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "baseline '%s' has version %s; this clang-escape reads version %d "
        "(rewrite it with --write-baseline)",
        Path.str().c_str(), Version->dump().c_str(), BaselineVersion);
  if (stringField(J, "fingerprint") != FingerprintKey)
    return malformed(Path, std::string("its fingerprints are not \"") +
                               FingerprintKey + "\"");
  auto Entries = J.find("entries");
  if (Entries == J.end() || !Entries->is_array())
    return malformed(Path, "no \"entries\" array");
  Baseline B;
  for (const Json &E : *Entries) {
    if (!E.is_object())
      return malformed(Path, "an entry is not an object");
    BaselineEntry Out;
    Out.Fingerprint = stringField(E, "fingerprint");
    auto Count = E.find("count");
    if (Out.Fingerprint.empty())
      return malformed(Path, "an entry has no \"fingerprint\"");
    if (Count == E.end() || !Count->is_number_unsigned() || *Count == 0)
      return malformed(Path, "entry " + Out.Fingerprint +
                                 " has no positive \"count\"");
    Out.Count = Count->get<unsigned>();
    Out.Check = stringField(E, "check");
    Out.File = stringField(E, "file");
    Out.Function = stringField(E, "function");
    Out.Message = stringField(E, "message");
    Out.Justification = stringField(E, "justification");
    B.Entries.push_back(std::move(Out));
  }
  sortEntries(B.Entries);
  return B;
}

std::string baselineText(const Baseline &B) {
  Json Entries = Json::array();
  for (const BaselineEntry &E : B.Entries) {
    Json J;
    J["fingerprint"] = E.Fingerprint;
    J["check"] = E.Check;
    J["file"] = E.File;
    J["function"] = E.Function;
    J["message"] = E.Message;
    J["count"] = E.Count;
    J["justification"] = E.Justification;
    Entries.push_back(std::move(J));
  }
  Json Doc;
  Doc["version"] = BaselineVersion;
  Doc["tool"] = {{"name", "clang-escape"}, {"version", CLANG_ESCAPE_VERSION}};
  Doc["fingerprint"] = FingerprintKey;
  Doc["entries"] = std::move(Entries);
  return Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

Comparison compare(const Report &R, const Baseline &B) {
  std::map<std::string, unsigned> Seen;
  Comparison C;
  for (const Finding &F : R.Findings) {
    unsigned N = ++Seen[F.Fingerprint];
    const BaselineEntry *E = B.find(F.Fingerprint);
    bool Known = E && N <= E->Count;
    C.States.push_back(Known ? BaselineState::Unchanged : BaselineState::New);
    C.Justifications.push_back(Known ? E->Justification : "");
  }
  for (const BaselineEntry &E : B.Entries) {
    unsigned Now = Seen[E.Fingerprint];
    if (Now >= E.Count)
      continue;
    BaselineEntry Gone = E;
    Gone.Count = E.Count - Now;
    C.Fixed.push_back(std::move(Gone));
  }
  return C;
}

Report onlyNew(const Report &R, const Comparison &C) {
  Report Out;
  Out.Remarks = R.Remarks;
  Out.FixIts = R.FixIts;
  for (size_t I = 0; I < R.Findings.size(); ++I)
    if (C.isNew(I))
      Out.Findings.push_back(R.Findings[I]);
  return Out;
}

bool hasNewBug(const Report &R, const Comparison *C) {
  for (size_t I = 0; I < R.Findings.size(); ++I)
    if (R.Findings[I].Class == FindingClass::Bug && (!C || C->isNew(I)))
      return true;
  return false;
}

} // namespace escape
