//===- ClangEscapeValidate.cpp - Checks escape claims on real runs --------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// clang-escape-validate --claims=FILE [options] -- PROGRAM [ARGS...]
//
// Runs a program built with the validation runtime (see --print-cflags and
// --print-ldflags), lets the runtime check each claimed function at its
// return, and prints a verdict per claim. Exit status: 0 if no claim is
// UNSOUND, 1 if some claim is UNSOUND, 2 on errors.
//
//===----------------------------------------------------------------------===//

#include "ClaimsFile.h"
#include "FrameLayout.h"
#include "Observations.h"
#include "Profile.h"
#include "ProgramBinding.h"
#include "ProgramRunner.h"
#include "Report.h"
#include "Verdicts.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <unistd.h>

using namespace escape::validate;
namespace fs = std::filesystem;

namespace {

const char *const Usage =
    "usage: clang-escape-validate --claims=FILE [options] -- PROGRAM "
    "[ARGS...]\n"
    "\n"
    "Runs PROGRAM (built with the clang-escape validation runtime) and checks\n"
    "each claim of FILE (written by clang-escape --emit-claims) when the\n"
    "claimed function returns.\n"
    "\n"
    "options:\n"
    "  --claims=FILE      the claims file (required)\n"
    "  --runs=N           run the program N times (default 1)\n"
    "  --sample=N         check one activation in N of each function\n"
    "  --report=FILE      write the JSON report to FILE ('-' = stdout)\n"
    "  --symbolizer=PATH  llvm-symbolizer to map allocation sites to lines\n"
    "  --dwarfdump=PATH   accepted and ignored (the DWARF is read in process)\n"
    "  --keep-temps       keep the runtime's claim and observation files\n"
    "  --profile=FILE     write the heap profile of the claimed functions as\n"
    "                     JSON ('-' = stdout): per allocation site, objects\n"
    "                     and bytes allocated and escaped over the runs\n"
    "  --profile-top=FILE the same in pprof's text `top` format ('-' = "
    "stdout)\n"
    "  --findings=FILE    clang-escape's JSON output: the profile ranks its\n"
    "                     escape-stack-candidate findings by bytes saved and\n"
    "                     its escape-type-erasure ones by allocations\n"
    "  --print-cflags     print the compiler flags of a validation build\n"
    "  --print-ldflags    print the linker flags of a validation build\n"
    "  --help             show this text\n"
    "\n"
    "exit status: 0 no claim UNSOUND, 1 some claim UNSOUND, 2 error\n";

struct Options {
  std::string Claims, Report, Symbolizer, Dwarfdump;
  std::string Profile, ProfileTop, Findings;
  unsigned Runs = 1, Sample = 1;
  bool KeepTemps = false;
  std::vector<std::string> Program;
};

[[noreturn]] void fail(const std::string &Message) {
  std::cerr << "clang-escape-validate: error: " << Message << "\n";
  std::exit(2);
}

unsigned parseCount(const std::string &Opt, const std::string &V) {
  char *End = nullptr;
  unsigned long N = std::strtoul(V.c_str(), &End, 10);
  if (V.empty() || *End || N == 0 || N > 1000000)
    fail("invalid value '" + V + "' for " + Opt + " (expected 1..1000000)");
  return static_cast<unsigned>(N);
}

std::string findTool(const std::string &Given, const char *Name) {
  if (!Given.empty())
    return Given;
  std::string Versioned = std::string(CLANG_ESCAPE_LLVM_TOOLS_DIR) + "/" + Name;
  if (access(Versioned.c_str(), X_OK) == 0)
    return Versioned;
  return Name;
}

Options parseOptions(int Argc, char **Argv) {
  Options O;
  int I = 1;
  for (; I < Argc; ++I) {
    std::string A = Argv[I];
    if (A == "--") {
      ++I;
      break;
    }
    auto Value = [&](const char *Name) -> std::optional<std::string> {
      std::string Prefix = std::string(Name) + "=";
      if (A.rfind(Prefix, 0) == 0)
        return A.substr(Prefix.size());
      if (A == Name) {
        if (I + 1 >= Argc)
          fail(std::string("missing value for ") + Name);
        return std::string(Argv[++I]);
      }
      return std::nullopt;
    };
    if (A == "--help" || A == "-h") {
      std::cout << Usage;
      std::exit(0);
    } else if (A == "--print-cflags") {
      std::cout << "-O0 -g -fno-omit-frame-pointer -finstrument-functions "
                   "-ftrivial-auto-var-init=zero\n";
      std::exit(0);
    } else if (A == "--print-ldflags") {
      // The --undefined options pull the hooks, operator new and the
      // std::string members out of the archives wherever the flags stand
      // on the link line: before the objects (CMAKE_EXE_LINKER_FLAGS) an
      // archive alone would contribute nothing, and glibc's no-op
      // __cyg_profile_func_enter would be linked silently.
      std::cout << "-Wl,--undefined=__cyg_profile_func_enter "
                   "-Wl,--undefined=_Znwm "
                   "-Wl,--undefined=_ZNSt7__cxx1112basic_stringIcSt11char_"
                   "traitsIcESaIcEE17_M_use_local_"
                   "dataEv " CLANG_ESCAPE_RUNTIME_LIB_DIR
                   "/libclangEscapeRuntimeNew.a " CLANG_ESCAPE_RUNTIME_LIB_DIR
                   "/libclangEscapeRuntime.a -ldl -pthread\n";
      std::exit(0);
    } else if (A == "--keep-temps") {
      O.KeepTemps = true;
    } else if (auto V = Value("--claims")) {
      O.Claims = *V;
    } else if (auto V = Value("--report")) {
      O.Report = *V;
    } else if (auto V = Value("--profile")) {
      O.Profile = *V;
    } else if (auto V = Value("--profile-top")) {
      O.ProfileTop = *V;
    } else if (auto V = Value("--findings")) {
      O.Findings = *V;
    } else if (auto V = Value("--symbolizer")) {
      O.Symbolizer = *V;
    } else if (auto V = Value("--dwarfdump")) {
      O.Dwarfdump = *V;
    } else if (auto V = Value("--runs")) {
      O.Runs = parseCount("--runs", *V);
    } else if (auto V = Value("--sample")) {
      O.Sample = parseCount("--sample", *V);
    } else if (!A.empty() && A[0] == '-') {
      fail("unknown option '" + A + "' (see --help)");
    } else {
      break; // the program, without "--"
    }
  }
  for (; I < Argc; ++I)
    O.Program.push_back(Argv[I]);
  if (O.Claims.empty())
    fail("no claims file given (--claims=FILE)");
  if (O.Program.empty())
    fail("no program given (-- PROGRAM [ARGS...])");
  if (!O.Findings.empty() && O.Profile.empty() && O.ProfileTop.empty())
    fail("--findings joins a heap profile: give --profile or --profile-top");
  return O;
}

int run(int Argc, char **Argv) {
  Options Opt = parseOptions(Argc, Argv);
  std::string Error;
  std::optional<ClaimsFile> Claims = readClaimsFile(Opt.Claims, Error);
  if (!Claims)
    fail(Error);

  // For a heap profile, every function's allocations are checked.
  bool Profiling = !Opt.Profile.empty() || !Opt.ProfileTop.empty();

  // The program's DWARF, read once for every claimed function.
  std::set<std::string> Wanted;
  for (const FunctionClaims &F : Claims->Functions)
    if (!F.Heap.empty() || !F.Stack.empty() || Profiling)
      Wanted.insert(F.Mangled);
  DebugFacts Debug = readDebugFacts(Opt.Program[0], Wanted);
  std::vector<std::string> Warnings =
      checkSources(*Claims, Debug, Opt.Program[0]);
  std::map<size_t, Exclusion> Excluded =
      resolveDuplicates(*Claims, Debug, Opt.Program[0], Warnings);
  for (const std::string &W : Warnings)
    std::cerr << "clang-escape-validate: warning: " << W << "\n";

  // One runtime id per distinct mangled name with something to check.
  std::vector<int> RuntimeId(Claims->Functions.size(), -1);
  std::map<std::string, int> IdOf;
  std::string RuntimeClaims = "escrt-claims 1\n";
  std::vector<std::pair<bool, bool>> Kinds;
  for (size_t I = 0; I < Claims->Functions.size(); ++I) {
    const FunctionClaims &F = Claims->Functions[I];
    if ((F.Heap.empty() && F.Stack.empty() && !Profiling) || Excluded.count(I))
      continue;
    if (F.Mangled.find_first_of(" \t\n") != std::string::npos)
      fail(Opt.Claims + ": function '" + F.Name +
           "': mangled name contains white space");
    auto [It, New] = IdOf.try_emplace(F.Mangled, int(Kinds.size()));
    if (New)
      Kinds.push_back({false, false});
    Kinds[It->second].first |= !F.Heap.empty() || Profiling;
    Kinds[It->second].second |= !F.Stack.empty();
    RuntimeId[I] = It->second;
  }
  for (auto &[Name, Id] : IdOf) {
    const FunctionClaims *F = nullptr;
    for (size_t I = 0; I < RuntimeId.size(); ++I)
      if (RuntimeId[I] == Id)
        F = &Claims->Functions[I];
    // A `value` that cannot be an address (a double, an int) is returned
    // with no return register as a root: rax may hold a stale pointer.
    std::string Returns = F->Returns;
    auto D = Debug.Functions.find(Name);
    if (Returns == "value" && D != Debug.Functions.end() &&
        D->second.ReturnsNoAddress)
      Returns = "void";
    RuntimeClaims += "fn " + std::to_string(Id) + " " + Name + " " + Returns +
                     " " + (Kinds[Id].first ? "1" : "0") + " " +
                     (Kinds[Id].second ? "1" : "0") + "\n";
  }

  const char *TmpEnv = getenv("TMPDIR");
  std::string Tmpl = std::string(TmpEnv && *TmpEnv ? TmpEnv : "/tmp") +
                     "/clang-escape-validate.XXXXXX";
  std::vector<char> TmplBuf(Tmpl.begin(), Tmpl.end());
  TmplBuf.push_back(0);
  if (!mkdtemp(TmplBuf.data()))
    fail("cannot create a temporary directory from " + Tmpl);
  fs::path Tmp(TmplBuf.data());
  fs::path ClaimsPath = Tmp / "claims.escrt";
  {
    std::ofstream Out(ClaimsPath);
    Out << RuntimeClaims;
    if (!Out)
      fail("cannot write " + ClaimsPath.string());
  }

  Observations Obs;
  Obs.Functions.resize(Kinds.size());
  for (unsigned R = 0; R < Opt.Runs; ++R) {
    fs::path Out = Tmp / ("observations." + std::to_string(R) + ".jsonl");
    std::map<std::string, std::string> Env = {
        {"ESCRT_CLAIMS", ClaimsPath.string()},
        {"ESCRT_OUT", Out.string()},
        {"ESCRT_SAMPLE", std::to_string(Opt.Sample)}};
    Obs.Runs.emplace_back();
    int Status = runProgram(Opt.Program, Env, Error);
    if (Status < 0)
      fail(Error);
    Obs.Runs.back().ExitCode = Status;
    if (!fs::exists(Out)) {
      Obs.Runs.back().Problem =
          "no observations (exit status " + std::to_string(Status) +
          "): the program is not linked with the runtime, or it did not "
          "reach exit() (crash, _exit, or abort)";
      continue;
    }
    if (!mergeObservationFile(Out.string(), Obs, Error))
      fail(Error);
  }
  if (!symbolizeSites(Obs, findTool(Opt.Symbolizer, "llvm-symbolizer"), Error))
    fail(Error);
  std::map<size_t, std::map<std::string, FrameSlot>> Slots =
      findFrameSlots(*Claims, Debug);

  std::vector<FunctionVerdicts> Verdicts =
      judge(*Claims, RuntimeId, Obs, Slots, Excluded);
  ReportContext Ctx;
  Ctx.Claims = &*Claims;
  Ctx.Obs = &Obs;
  Ctx.Program = Opt.Program;
  Ctx.Sample = Opt.Sample;
  writeSummary(std::cout, Ctx, Verdicts);
  if (Opt.Report == "-") {
    writeJsonReport(std::cout, Ctx, Verdicts);
  } else if (!Opt.Report.empty()) {
    std::ofstream Out(Opt.Report);
    writeJsonReport(Out, Ctx, Verdicts);
    if (!Out)
      fail(Opt.Report + ": cannot write the report");
  }
  if (Profiling) {
    HeapProfile Profile;
    Profile.Sample = Opt.Sample;
    if (!makeProfile(*Claims, RuntimeId, Obs, Opt.Findings, Profile, Error))
      fail(Error);
    auto Write = [&](const std::string &Path, auto Writer) {
      if (Path == "-") {
        Writer(std::cout, Profile);
        return;
      }
      std::ofstream Out(Path);
      Writer(Out, Profile);
      if (!Out)
        fail(Path + ": cannot write the profile");
    };
    if (!Opt.Profile.empty())
      Write(Opt.Profile, writeProfileJson);
    if (!Opt.ProfileTop.empty())
      Write(Opt.ProfileTop, writeProfileTop);
  }
  if (!Opt.KeepTemps) {
    std::error_code EC;
    fs::remove_all(Tmp, EC);
  } else {
    std::cerr << "clang-escape-validate: kept " << Tmp.string() << "\n";
  }
  for (const FunctionVerdicts &FV : Verdicts)
    for (const ClaimVerdict &CV : FV.Claims)
      if (CV.V == Verdict::Unsound)
        return 1;
  return 0;
}

} // namespace

int main(int Argc, char **Argv) {
  try {
    return run(Argc, Argv);
  } catch (const std::exception &E) {
    std::cerr << "clang-escape-validate: error: " << E.what() << "\n";
  } catch (...) {
    std::cerr << "clang-escape-validate: error: unknown exception\n";
  }
  return 2;
}
