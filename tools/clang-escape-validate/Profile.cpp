//===- Profile.cpp - The heap profile of the claimed functions ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Profile.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace escape::validate;
using nlohmann::ordered_json;

namespace {

std::string baseName(const std::string &Path) {
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? Path : Path.substr(Slash + 1);
}

/// Bytes as pprof prints them: 640B, 1.5kB, 12.25MB (powers of 1024).
std::string bytesText(uint64_t V) {
  if (V == 0)
    return "0";
  if (V < 1024)
    return std::to_string(V) + "B";
  const char *Units[] = {"kB", "MB", "GB", "TB"};
  double X = static_cast<double>(V);
  int U = -1;
  while (X >= 1024 && U < 3) {
    X /= 1024;
    ++U;
  }
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%.2f", X);
  std::string S = Buf;
  while (S.back() == '0')
    S.pop_back();
  if (S.back() == '.')
    S.pop_back();
  return S + Units[U];
}

std::string percent(uint64_t Part, uint64_t Total) {
  if (Total == 0)
    return "0%";
  double P = 100.0 * static_cast<double>(Part) / static_cast<double>(Total);
  if (P >= 99.995)
    return "100%";
  char Buf[16];
  std::snprintf(Buf, sizeof(Buf), "%.2f%%", P);
  return Buf;
}

/// One pprof `top` table of (value, site) rows, in the order given.
void top(std::ostream &OS, const std::string &Type, bool Bytes,
         const std::vector<std::pair<uint64_t, std::string>> &Rows) {
  uint64_t Total = 0;
  for (auto &[V, Site] : Rows)
    Total += V;
  auto Text = [&](uint64_t V) {
    return Bytes ? bytesText(V) : std::to_string(V);
  };
  OS << "Type: " << Type << "\n";
  OS << "Showing nodes accounting for " << Text(Total) << ", "
     << percent(Total, Total) << " of " << Text(Total) << " total\n";
  char Line[512];
  std::snprintf(Line, sizeof(Line), "%10s %6s %6s %10s %6s\n", "flat", "flat%",
                "sum%", "cum", "cum%");
  OS << Line;
  uint64_t Sum = 0;
  for (auto &[V, Site] : Rows) {
    Sum += V;
    // A site has no callees here: its cum is its flat.
    std::snprintf(Line, sizeof(Line), "%10s %6s %6s %10s %6s  ",
                  Text(V).c_str(), percent(V, Total).c_str(),
                  percent(Sum, Total).c_str(), Text(V).c_str(),
                  percent(V, Total).c_str());
    OS << Line << Site << "\n";
  }
}

std::string siteName(const std::string &Function, const std::string &File,
                     unsigned Line) {
  return Function + " " + (File.empty() ? "?" : baseName(File)) + ":" +
         std::to_string(Line);
}

void countsJson(ordered_json &J, const AllocCounts &C) {
  J["objects"] = C.Objects;
  J["bytes"] = C.Bytes;
  J["escaped_objects"] = C.EscapedObjects;
  J["escaped_bytes"] = C.EscapedBytes;
}

ordered_json findingJson(const ProfiledFinding &F, bool Stack) {
  ordered_json J;
  J["check"] = F.Check;
  J["file"] = F.File;
  J["line"] = F.Line;
  J["function"] = F.Function;
  J["subject"] = F.Subject;
  J["observed"] = F.Observed;
  countsJson(J, F);
  if (Stack)
    J["bytes_saved"] = F.bytesSaved();
  J["message"] = F.Message;
  return J;
}

} // namespace

bool escape::validate::makeProfile(const ClaimsFile &Claims,
                                   const std::vector<int> &RuntimeId,
                                   const Observations &Obs,
                                   const std::string &FindingsPath,
                                   HeapProfile &Out, std::string &Error) {
  Out.Runs = static_cast<unsigned>(Obs.Runs.size());
  // Sites by function and line: several calls on one line are one site.
  std::map<std::tuple<std::string, std::string, unsigned>, ProfileSite> ByLine;
  std::set<int> Seen;
  for (size_t I = 0; I < Claims.Functions.size(); ++I) {
    int Id = RuntimeId[I];
    if (Id < 0 || !Seen.insert(Id).second ||
        Id >= static_cast<int>(Obs.Functions.size()))
      continue;
    const FunctionClaims &F = Claims.Functions[I];
    const std::string &Name =
        F.QualifiedName.empty() ? F.Name : F.QualifiedName;
    for (auto &[Key, S] : Obs.Functions[Id].Sites) {
      ProfileSite &P = ByLine[{Name, S.File, S.Line}];
      P.Function = Name;
      P.File = S.File;
      P.Line = S.Line;
      P.Objects += S.Escaped + S.Freed + S.Unreachable;
      P.Bytes += S.Bytes;
      P.EscapedObjects += S.Escaped;
      P.EscapedBytes += S.EscapedBytes;
    }
  }
  for (auto &[Key, P] : ByLine)
    Out.Sites.push_back(P);
  std::stable_sort(Out.Sites.begin(), Out.Sites.end(),
                   [](const ProfileSite &A, const ProfileSite &B) {
                     return A.Bytes > B.Bytes;
                   });
  if (FindingsPath.empty())
    return true;
  std::ifstream In(FindingsPath);
  if (!In) {
    Error = FindingsPath + ": cannot open the findings file";
    return false;
  }
  try {
    nlohmann::json Doc = nlohmann::json::parse(In);
    for (const auto &J : Doc.at("findings")) {
      std::string Check = J.at("check").get<std::string>();
      if (Check != "escape-stack-candidate" && Check != "escape-type-erasure")
        continue;
      ProfiledFinding F;
      F.Check = Check;
      F.File = J.at("file").get<std::string>();
      F.Line = J.at("line").get<unsigned>();
      F.Function = J.value("function", "");
      F.Subject = J.value("subject", "");
      F.Message = J.value("message", "");
      // The site of the finding: its function, at its line, in a file of
      // the same name (the findings name files as the user gave them, the
      // debug info as the compiler saw them).
      for (const ProfileSite &S : Out.Sites)
        if (S.Function == F.Function && S.Line == F.Line &&
            (S.File.empty() || baseName(S.File) == baseName(F.File))) {
          F.Observed = true;
          F.add(S);
        }
      (Check == "escape-stack-candidate" ? Out.StackCandidates
                                         : Out.TypeErasure)
          .push_back(std::move(F));
    }
  } catch (const std::exception &E) {
    Error = FindingsPath + ": not clang-escape's JSON output: " + E.what();
    return false;
  }
  std::stable_sort(Out.StackCandidates.begin(), Out.StackCandidates.end(),
                   [](const ProfiledFinding &A, const ProfiledFinding &B) {
                     return A.bytesSaved() > B.bytesSaved();
                   });
  std::stable_sort(Out.TypeErasure.begin(), Out.TypeErasure.end(),
                   [](const ProfiledFinding &A, const ProfiledFinding &B) {
                     return A.Objects > B.Objects;
                   });
  return true;
}

void escape::validate::writeProfileJson(std::ostream &OS,
                                        const HeapProfile &P) {
  ordered_json Doc;
  Doc["version"] = 1;
  Doc["runs"] = P.Runs;
  Doc["sample"] = P.Sample;
  ordered_json Sites = ordered_json::array();
  for (const ProfileSite &S : P.Sites) {
    ordered_json J;
    J["function"] = S.Function;
    J["file"] = S.File;
    J["line"] = S.Line;
    countsJson(J, S);
    Sites.push_back(std::move(J));
  }
  Doc["sites"] = std::move(Sites);
  Doc["escape-stack-candidate"] = ordered_json::array();
  for (const ProfiledFinding &F : P.StackCandidates)
    Doc["escape-stack-candidate"].push_back(findingJson(F, true));
  Doc["escape-type-erasure"] = ordered_json::array();
  for (const ProfiledFinding &F : P.TypeErasure)
    Doc["escape-type-erasure"].push_back(findingJson(F, false));
  OS << Doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
     << "\n";
}

void escape::validate::writeProfileTop(std::ostream &OS, const HeapProfile &P) {
  std::vector<std::pair<uint64_t, std::string>> Rows;
  for (const ProfileSite &S : P.Sites)
    Rows.push_back({S.Bytes, siteName(S.Function, S.File, S.Line)});
  top(OS, "alloc_space (every allocation site of the claimed functions)", true,
      Rows);
  Rows.clear();
  for (const ProfiledFinding &F : P.StackCandidates)
    Rows.push_back({F.bytesSaved(), siteName(F.Function, F.File, F.Line) + " " +
                                        F.Subject +
                                        (F.Observed ? "" : " (not observed)")});
  OS << "\n";
  top(OS, "stack_bytes_saved (escape-stack-candidate)", true, Rows);
  Rows.clear();
  for (const ProfiledFinding &F : P.TypeErasure)
    Rows.push_back({F.Objects, siteName(F.Function, F.File, F.Line) + " " +
                                   F.Subject +
                                   (F.Observed ? "" : " (not observed)")});
  OS << "\n";
  top(OS, "alloc_objects (escape-type-erasure)", false, Rows);
}
