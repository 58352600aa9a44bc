//===- Observations.cpp - What the runtime saw, across runs ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Observations.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace escape::validate;
using nlohmann::json;

namespace {

uint64_t num(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number() ? It->get<uint64_t>() : 0;
}

std::string str(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

} // namespace

bool escape::validate::mergeObservationFile(const std::string &Path,
                                            Observations &Obs,
                                            std::string &Error) {
  std::ifstream In(Path);
  if (!In) {
    Error = Path + ": cannot open the observation file";
    return false;
  }
  std::string Line;
  unsigned LineNo = 0;
  RunRecord &Run = Obs.Runs.back();
  try {
    while (std::getline(In, Line)) {
      ++LineNo;
      if (Line.empty())
        continue;
      json J = json::parse(Line);
      std::string Kind = str(J, "kind");
      if (Kind == "run") {
        Run.Observed = true;
        Run.ThreadRefusals = num(J, "thread_refusals");
        continue;
      }
      uint64_t Id = num(J, "id");
      if (Id >= Obs.Functions.size())
        throw std::runtime_error("function id " + std::to_string(Id) +
                                 " out of range");
      FunctionObservation &F = Obs.Functions[Id];
      if (Kind == "function") {
        F.Found |= J.value("found", false);
        F.Activations += num(J, "activations");
        F.SampledOut += num(J, "sampled_out");
        F.Unhookable += num(J, "unhookable");
        F.Inlined += num(J, "inlined");
        F.OtherThread += num(J, "other_thread");
        F.Threads += num(J, "threads");
        F.Exception += num(J, "exception");
        F.Abandoned += num(J, "abandoned");
        F.Checked += num(J, "checked");
        F.Traced += num(J, "traced");
        F.SkippedNoCandidate += num(J, "skipped_no_candidate");
        F.StackChecked += num(J, "stack_checked");
        F.LogOverflow += num(J, "log_overflow");
        F.SiteOverflow += num(J, "site_overflow");
        F.CandidateOverflow += num(J, "candidate_overflow");
      } else if (Kind == "site") {
        auto Key = std::make_pair(str(J, "module"), num(J, "pc"));
        SiteObservation &S = F.Sites[Key];
        S.Module = Key.first;
        S.PC = Key.second;
        S.Escaped += num(J, "escaped");
        S.Freed += num(J, "freed");
        S.Unreachable += num(J, "unreachable");
        S.Bytes += num(J, "bytes");
        S.EscapedBytes += num(J, "escaped_bytes");
        if (S.Witness.empty())
          S.Witness = str(J, "witness");
      } else if (Kind == "frame") {
        long long Off = J.value("offset", 0LL);
        FrameObservation &Fr = F.Frames[Off];
        Fr.Offset = Off;
        Fr.Count += num(J, "count");
        Fr.Stale += num(J, "stale");
        if (Fr.Witness.empty())
          Fr.Witness = str(J, "witness");
      } else {
        throw std::runtime_error("unknown record kind '" + Kind + "'");
      }
    }
  } catch (const std::exception &E) {
    Error = Path + ":" + std::to_string(LineNo) + ": " + E.what();
    return false;
  }
  return true;
}

bool escape::validate::symbolizeSites(Observations &Obs,
                                      const std::string &Symbolizer,
                                      std::string &Error) {
  std::map<std::string, std::set<uint64_t>> Wanted;
  for (FunctionObservation &F : Obs.Functions)
    for (auto &[Key, S] : F.Sites)
      if (S.PC && !S.Module.empty())
        Wanted[S.Module].insert(S.PC);
  std::map<std::pair<std::string, uint64_t>, std::pair<std::string, unsigned>>
      Lines;
  for (auto &[Module, PCs] : Wanted) {
    // A site's PC is a return address: the call is the instruction before
    // it, and the return address can already belong to the next line.
    std::string Cmd = shellQuote(Symbolizer) +
                      " --output-style=JSON --obj=" + shellQuote(Module);
    for (uint64_t PC : PCs) {
      char Hex[32];
      snprintf(Hex, sizeof(Hex), " 0x%llx", (unsigned long long)(PC - 1));
      Cmd += Hex;
    }
    Cmd += " 2>/dev/null";
    FILE *P = popen(Cmd.c_str(), "r");
    if (!P) {
      Error = "cannot run the symbolizer '" + Symbolizer + "'";
      return false;
    }
    std::string Out;
    char Buf[4096];
    size_t N;
    while ((N = fread(Buf, 1, sizeof(Buf), P)) > 0)
      Out.append(Buf, N);
    int Status = pclose(P);
    if (Status != 0 && Out.empty()) {
      Error = "the symbolizer '" + Symbolizer + "' failed on " + Module;
      return false;
    }
    // llvm-symbolizer prints one JSON array with an entry per address when
    // given several (older versions: one document per line). Entries are
    // matched by their "Address", not by their order.
    std::vector<json> Entries;
    std::istringstream Stream(Out);
    std::string Line;
    while (std::getline(Stream, Line)) {
      if (Line.empty())
        continue;
      try {
        json J = json::parse(Line);
        if (J.is_array())
          for (json &E : J)
            Entries.push_back(std::move(E));
        else
          Entries.push_back(std::move(J));
      } catch (const std::exception &) {
        // An unparsable answer leaves its sites unknown.
      }
    }
    for (const json &Entry : Entries) {
      try {
        uint64_t Addr =
            std::stoull(Entry.at("Address").get<std::string>(), nullptr, 16);
        const json &Frames = Entry.at("Symbol");
        if (!PCs.count(Addr + 1) || !Frames.is_array() || Frames.empty())
          continue;
        // The last frame is the outermost: the claimed function itself
        // when the allocating call was inlined into it.
        const json &Outer = Frames.back();
        Lines[{Module, Addr + 1}] = {Outer.value("FileName", ""),
                                     Outer.value("Line", 0u)};
      } catch (const std::exception &) {
        // An entry without an address or frames leaves its site unknown.
      }
    }
  }
  for (FunctionObservation &F : Obs.Functions)
    for (auto &[Key, S] : F.Sites) {
      auto L = Lines.find({S.Module, S.PC});
      if (L != Lines.end()) {
        S.File = L->second.first;
        S.Line = L->second.second;
      }
    }
  return true;
}
