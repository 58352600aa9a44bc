//===- Driver.cpp - Run the analysis over translation units ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// ThinLTO-shaped: each translation unit is extracted on its own (in
// parallel, and from the cache when none of its inputs changed), then the
// whole program is linked by USR and solved once, then reported per file.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/Driver.h"
#include "clang-escape/Build/ModelTable.h"
#include "clang-escape/Frontend/AbsentFiles.h"
#include "clang-escape/Frontend/LinkState.h"
#include "clang-escape/Frontend/MergedReport.h"
#include "clang-escape/Frontend/SolutionCache.h"
#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Graph/GraphIO.h"
#include "clang-escape/Support/AtomicFile.h"
#include "clang-escape/Support/Version.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

using namespace clang;

namespace escape {

namespace {

uint64_t hashFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return 0;
  return llvm::xxh3_64bits((*Buf)->getBuffer());
}

/// The hashes of the files a run checks its cache entries against, each
/// file read once: every unit of a project names the same headers. With a
/// cache directory, also those a previous run recorded there (file.hashes):
/// a file is not read again while its identity (device and inode), size and
/// modification time are those recorded, and it was last modified more than
/// two seconds before it was hashed (a file written again within its
/// file system's timestamp granularity of the hashing keeps its time: such a
/// file is hashed again until it is older).
class FileHashes {
public:
  FileHashes() = default;
  explicit FileHashes(llvm::StringRef CacheDir) {
    if (CacheDir.empty())
      return;
    Path = fileHashesPath(CacheDir);
    if (auto Buf = llvm::MemoryBuffer::getFile(Path))
      parse((*Buf)->getBuffer());
  }
  FileHashes(const FileHashes &) = delete;
  ~FileHashes() {
    if (Path.empty())
      return;
    // Files gone since they were recorded are dropped, so that the record
    // does not grow with every file a project ever had.
    for (auto It = Recorded.begin(); It != Recorded.end();) {
      if (!Known.count(It->first) && !llvm::sys::fs::exists(It->first)) {
        It = Recorded.erase(It);
        Changed = true;
      } else {
        ++It;
      }
    }
    // Only a hint, checked against the file each time: not written is
    // only slower.
    if (Changed)
      llvm::consumeError(writeFileAtomically(Path, print()));
  }

  uint64_t of(llvm::StringRef Path) {
    {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Known.find(Path);
      if (It != Known.end())
        return It->second;
    }
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Path, St) ||
        !llvm::sys::fs::is_regular_file(St)) {
      std::lock_guard<std::mutex> G(Lock);
      Changed |= Recorded.erase(Path.str()) > 0;
      return rememberLocked(Path, hashFile(Path));
    }
    Stamp Now = stampOf(St);
    {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Recorded.find(Path.str());
      if (It != Recorded.end() && It->second.same(Now) &&
          Now.MTime + TrustAfterNs < It->second.HashedAt) {
        Known.try_emplace(Path, It->second.Hash);
        return It->second.Hash;
      }
    }
    int64_t HashedAt = nowNs();
    uint64_t H = hashFile(Path);
    std::lock_guard<std::mutex> G(Lock);
    Now.Hash = H;
    Now.HashedAt = HashedAt;
    Recorded[Path.str()] = Now;
    Changed = true;
    Known.try_emplace(Path, H);
    return H;
  }

private:
  static constexpr int64_t TrustAfterNs = 2'000'000'000;
  struct Stamp {
    uint64_t Hash = 0, Size = 0, Device = 0, Inode = 0;
    int64_t MTime = 0, HashedAt = 0;
    bool same(const Stamp &O) const {
      return Size == O.Size && Device == O.Device && Inode == O.Inode &&
             MTime == O.MTime;
    }
  };
  static int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  static Stamp stampOf(const llvm::sys::fs::file_status &St) {
    Stamp S;
    S.Size = St.getSize();
    S.Device = St.getUniqueID().getDevice();
    S.Inode = St.getUniqueID().getFile();
    S.MTime = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  St.getLastModificationTime().time_since_epoch())
                  .count();
    return S;
  }
  uint64_t rememberLocked(llvm::StringRef Path, uint64_t H) {
    Known.try_emplace(Path, H);
    return H;
  }
  /// One line a file: its hash, size, device, inode, modification time and
  /// when it was hashed, then its path; under a first line with a checksum
  /// of the rest.
  std::string print() const {
    std::string Body;
    for (const auto &[P, S] : Recorded)
      Body += std::to_string(S.Hash) + " " + std::to_string(S.Size) + " " +
              std::to_string(S.Device) + " " + std::to_string(S.Inode) + " " +
              std::to_string(S.MTime) + " " + std::to_string(S.HashedAt) + " " +
              P + "\n";
    return "clang-escape file hashes " +
           std::to_string(llvm::xxh3_64bits(Body)) + "\n" + Body;
  }
  void parse(llvm::StringRef Text) {
    auto [First, Body] = Text.split('\n');
    uint64_t Sum = 0;
    if (!First.consume_front("clang-escape file hashes ") ||
        First.getAsInteger(10, Sum) || Sum != llvm::xxh3_64bits(Body))
      return;
    while (!Body.empty()) {
      llvm::StringRef Line;
      std::tie(Line, Body) = Body.split('\n');
      Stamp S;
      bool Bad = false;
      auto Next = [&](auto &V) {
        llvm::StringRef Word;
        std::tie(Word, Line) = Line.split(' ');
        Bad |= Word.getAsInteger(10, V);
      };
      Next(S.Hash), Next(S.Size), Next(S.Device), Next(S.Inode), Next(S.MTime),
          Next(S.HashedAt);
      if (!Bad && !Line.empty())
        Recorded[Line.str()] = S;
    }
  }

  std::mutex Lock;
  llvm::StringMap<uint64_t> Known;
  std::map<std::string, Stamp> Recorded;
  std::string Path;
  bool Changed = false;
};

/// \p S with the directory \p From replaced by \p To where it names it (a
/// path, or a flag such as -I<path>).
std::string rebase(llvm::StringRef S, llvm::StringRef From,
                   llvm::StringRef To) {
  size_t At = From.empty() ? llvm::StringRef::npos : S.find(From);
  if (At == llvm::StringRef::npos ||
      (At + From.size() < S.size() && S[At + From.size()] != '/'))
    return S.str();
  return (S.take_front(At) + To + S.substr(At + From.size())).str();
}

std::string hex(uint64_t V) {
  char B[17];
  snprintf(B, sizeof B, "%016llx", static_cast<unsigned long long>(V));
  return B;
}

/// The stack of the thread a translation unit is parsed on: Clang and the
/// lowering recurse over nested expressions (the lowering stops at a
/// quarter of it from the end, see BuildBudget.cpp).
constexpr unsigned ParseStackBytes = 256u << 20;

/// Lowers one parsed translation unit; \p WantDeps also lists the files it
/// read, for the cache.
void extract(ASTContext &Ctx, const AnalysisOptions &Opts, bool HadErrors,
             bool WantDeps, ExtractedTU &Out) {
  // Like clang-tidy: a file that does not fully parse is still analyzed
  // as far as the AST goes.
  Out.Graphs = buildGraphs(Ctx, Opts.Build);
  Out.HadErrors = HadErrors;
  if (!WantDeps)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::StringRef Name = It->getFirst().getName();
    if (Name.empty() || Name.starts_with("<"))
      continue;
    // Relative to the compile command's directory, not to ours.
    llvm::SmallString<256> Abs(Name);
    SM.getFileManager().makeAbsolutePath(Abs);
    Out.Deps.push_back({std::string(Abs), 0});
  }
}

class EscapeConsumer : public ASTConsumer {
public:
  EscapeConsumer(ExtractedTU &Out, const AnalysisOptions &Opts,
                 CompilerInstance &CI, bool WantDeps)
      : Out(Out), Opts(Opts), CI(CI), WantDeps(WantDeps) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    extract(Ctx, Opts, CI.getDiagnostics().hasErrorOccurred(), WantDeps, Out);
  }

private:
  ExtractedTU &Out;
  const AnalysisOptions &Opts;
  CompilerInstance &CI;
  bool WantDeps;
};

class EscapeAction : public ASTFrontendAction {
public:
  EscapeAction(ExtractedTU &Out, const AnalysisOptions &Opts, bool WantDeps)
      : Out(Out), Opts(Opts), WantDeps(WantDeps) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<EscapeConsumer>(Out, Opts, CI, WantDeps);
  }

private:
  ExtractedTU &Out;
  const AnalysisOptions &Opts;
  bool WantDeps;
};

class EscapeActionFactory : public tooling::FrontendActionFactory {
public:
  EscapeActionFactory(ExtractedTU &Out, const AnalysisOptions &Opts,
                      bool WantDeps)
      : Out(Out), Opts(Opts), WantDeps(WantDeps) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<EscapeAction>(Out, Opts, WantDeps);
  }

private:
  ExtractedTU &Out;
  const AnalysisOptions &Opts;
  bool WantDeps;
};

/// The cache entry of a TU: keyed by its path, its compile command and the
/// tool's version; valid while every file it read hashes the same.
std::string cacheKey(const tooling::CompilationDatabase &DB,
                     const std::string &File, const AnalysisOptions &Opts,
                     bool Reported = true) {
  auto Alias = [&](llvm::StringRef S) {
    return rebase(S, Opts.AliasFrom, Opts.AliasTo);
  };
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  std::string Key = Alias(Abs);
  Key += '\0';
  // The same command reaches us in different shapes (with or without "--"
  // before the file, "-c" moved): key on the flags as a multiset.
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    Key += Alias(C.Directory);
    std::vector<std::string> Args;
    for (const std::string &A : C.CommandLine)
      if (A != "--" && A != "-c" && A != C.Filename && A != File &&
          llvm::sys::path::filename(A) != llvm::sys::path::filename(File))
        Args.push_back(Alias(A));
    std::sort(Args.begin(), Args.end());
    for (const std::string &A : Args) {
      Key += '\0';
      Key += A;
    }
  }
  Key += CLANG_ESCAPE_VERSION;
  Key += Opts.CacheSalt;
  // What the extraction depends on besides the sources: its limits and the
  // model files' contents.
  const BuildOptions &B = Opts.Build;
  for (uint64_t V :
       {B.MaxLocalBytes, B.MaxFrameBytes, B.MaxStackCandidateBytes, B.MaxSteps,
        B.MaxGraphSize, B.Models ? B.Models->fingerprint() : uint64_t(0)}) {
    Key += '\0';
    Key += std::to_string(V);
  }
  Key += '\0';
  // With SystemHeaders, the filter also says which bodies are analyzed.
  if (Reported || B.SystemHeaders)
    Key += B.HeaderFilter;
  Key += B.SystemHeaders ? "\0S" : "\0";
  Key += std::to_string(GraphFormatVersion);
  return hex(llvm::xxh3_64bits(Key));
}

std::string cachePath(const std::string &Dir,
                      const tooling::CompilationDatabase &DB,
                      const std::string &File, const AnalysisOptions &Opts,
                      bool Reported = true) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, cacheKey(DB, File, Opts, Reported) + ".esc");
  return std::string(P);
}

/// The cache entry of a unit only linked, not reported on: its graphs are
/// read with no function reported, so the header filter it was written
/// with does not matter; the one of a run without a filter is looked up
/// (`clang-escape -p build` fills the cache so; clang-tidy 22's module has
/// a filter by default).
AnalysisOptions withoutHeaderFilter(const AnalysisOptions &Opts) {
  AnalysisOptions Plain = Opts;
  Plain.Build.HeaderFilter.clear();
  return Plain;
}
std::string linkedCachePath(const std::string &Dir,
                            const tooling::CompilationDatabase &DB,
                            const std::string &File,
                            const AnalysisOptions &Opts) {
  return cachePath(Dir, DB, File, Opts, /*Reported=*/false);
}

/// The cache entry at \p Path if every file it read is unchanged (its
/// graphs are read when the program is linked).
std::optional<CacheEntry> readCache(const std::string &Path,
                                    const AnalysisOptions &Opts,
                                    FileHashes &Hashes, std::string &Warning) {
  auto Usable = [&](const CacheEntry &E, size_t Deps) {
    // A unit that did not compile cleanly is stored by --extract-only only,
    // for --link-only: other runs parse it again.
    return Deps != 0 && (!E.HadErrors || Opts.LinkOnly);
  };
  // Through an alias, an entry is valid when the other checkout's files
  // hash the same (a generated header outside it is shared). Without one,
  // no path to look for: each distinct file is read once (Hashes).
  auto Current = [&](llvm::StringRef Dep, uint64_t Hash) {
    if (Opts.AliasTo.empty())
      return Hashes.of(Dep) == Hash;
    std::string There = rebase(Dep, Opts.AliasTo, Opts.AliasFrom);
    bool Aliased = There != Dep && llvm::sys::fs::exists(There);
    return Hashes.of(Aliased ? llvm::StringRef(There) : Dep) == Hash;
  };
  auto Old = readCurrentEntry(Path, Usable, Current);
  if (!Old) {
    Warning =
        llvm::toString(Old.takeError()) +
        (Opts.LinkOnly ? " (ignored)" : " (ignored; the file is re-analyzed)");
    return std::nullopt;
  }
  return std::move(*Old);
}

/// The graphs of the cache entry \p E that no unit linked before loaded
/// (\p Loaded): the same graph is the same function, kept once by
/// Program::add anyway. Only their skeletons when \p Skeletons (a
/// summary-bounded link reads the bodies when it solves them). std::nullopt
/// when one is gone or damaged.
std::optional<std::vector<FunctionGraph>>
graphsOf(llvm::StringRef Dir, const CacheEntry &E, const AnalysisOptions &Opts,
         bool Skeletons, std::set<GraphId> &Loaded, std::string &Warning,
         std::vector<GraphId> &Ids) {
  std::vector<FunctionGraph> Graphs;
  // A --diff-base run writes nothing into the cache.
  auto Done = Skeletons ? loadSkeletons(Dir, E.Graphs, Loaded, Graphs, Ids,
                                        /*StoreMissing=*/Opts.AliasFrom.empty())
                        : loadGraphs(Dir, E.Graphs, Loaded, Graphs, &Ids);
  if (!Done) {
    Warning =
        llvm::toString(Done.takeError()) +
        (Opts.LinkOnly ? " (ignored)" : " (ignored; the file is re-analyzed)");
    return std::nullopt;
  }
  if (!*Done)
    return std::nullopt;
  return std::move(Graphs);
}

/// One compile command of a file, as a database of its own.
class OneCommand : public tooling::CompilationDatabase {
public:
  explicit OneCommand(tooling::CompileCommand C) : C(std::move(C)) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {C};
  }

private:
  tooling::CompileCommand C;
};

/// Parses \p File with the one command \p DB has for it and lowers its
/// functions into \p TU, with the files it read when \p WantDeps.
void parseWith(const tooling::CompilationDatabase &DB, const std::string &File,
               const AnalysisOptions &Opts, bool WantDeps, ExtractedTU &TU) {
  // A file system of its own: the real one's working directory is
  // process-wide, which parallel tools must not change under each other.
  auto FS = llvm::makeIntrusiveRefCnt<AbsentFileRecorder>(
      llvm::vfs::createPhysicalFileSystem());
  tooling::ClangTool Tool(DB, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.appendArgumentsAdjuster(analysisArgumentsAdjuster());
  EscapeActionFactory Factory(TU, Opts, WantDeps);
  if (Tool.run(&Factory) != 0)
    TU.HadErrors = true;
  // Hash 0 is a file that does not exist (hashFile): the entry is stale
  // once it does.
  if (WantDeps)
    for (const std::string &P : FS->absent())
      TU.Deps.push_back({P, 0});
}

/// Parses \p File into \p TU. A file the database lists several times (one
/// source in two targets with different flags) is analyzed with the first
/// command that compiles cleanly: the others are other builds of the same
/// code, and one that fails (a flag or header of another compiler) must
/// not make the file's analysis partial. The files every tried command
/// read are its dependencies: a fix to a failing one changes the choice.
void parse(const tooling::CompilationDatabase &DB, const std::string &File,
           const AnalysisOptions &Opts, bool WantDeps, ExtractedTU &TU) {
  std::vector<tooling::CompileCommand> Commands = DB.getCompileCommands(File);
  if (Commands.size() <= 1) {
    parseWith(DB, File, Opts, WantDeps, TU);
    return;
  }
  std::vector<Dependency> Deps;
  std::optional<ExtractedTU> First;
  unsigned Failed = 0;
  for (tooling::CompileCommand &C : Commands) {
    ExtractedTU Try;
    Try.File = TU.File;
    parseWith(OneCommand(std::move(C)), File, Opts, WantDeps, Try);
    Deps.insert(Deps.end(), Try.Deps.begin(), Try.Deps.end());
    if (!Try.HadErrors) {
      TU = std::move(Try);
      break;
    }
    ++Failed;
    if (!First)
      First = std::move(Try);
  }
  // None compiled cleanly: the first, as far as it went.
  if (Failed == Commands.size())
    TU = std::move(*First);
  TU.Deps = std::move(Deps);
  TU.FailedCommands = Failed;
  TU.Commands = static_cast<unsigned>(Commands.size());
}

/// parse() on a thread of its own with a large stack (deep expressions
/// recurse in Clang and in the lowering), recovering from a crash as clangd
/// does: false, with the function being lowered in \p Function, when it
/// crashed. Recovery needs llvm::CrashRecoveryContext::Enable() by the tool.
bool parseSafely(const tooling::CompilationDatabase &DB,
                 const std::string &File, const AnalysisOptions &Opts,
                 bool WantDeps, ExtractedTU &TU, std::string &Function) {
  AnalysisOptions Own = Opts;
  Own.Build.Current = &Function;
  llvm::CrashRecoveryContext CRC;
  if (CRC.RunSafelyOnThread([&] { parse(DB, File, Own, WantDeps, TU); },
                            ParseStackBytes))
    return true;
  std::string Path = TU.File;
  TU = ExtractedTU();
  TU.File = Path;
  TU.HadErrors = true;
  return false;
}

/// Parses \p File in a child process (Opts.Worker), which is killed after
/// Opts.TimeoutSeconds: Clang cannot be stopped inside a thread. False when
/// it ran out of time.
bool parseInWorker(const std::string &File, const AnalysisOptions &Opts,
                   ExtractedTU &TU, std::string &Warning) {
  llvm::SmallString<128> Out;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("clang-escape-tu", "esc", Out)) {
    Warning = "cannot create a temporary file: " + EC.message();
    TU.HadErrors = true;
    return true;
  }
  std::vector<std::string> Args = Opts.Worker(File, std::string(Out));
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::string Error;
  bool Failed = false;
  auto Remove = llvm::make_scope_exit([&] { llvm::sys::fs::remove(Out); });
  llvm::sys::ProcessInfo Child = llvm::sys::ExecuteNoWait(
      Args.front(), Argv, std::nullopt, {}, 0, &Error, &Failed);
  int RC = -1;
  // ExecuteAndWait's timeout is an alarm, one per process: parallel jobs
  // would cancel each other's. Poll instead.
  auto Deadline = std::chrono::steady_clock::now() +
                  std::chrono::seconds(Opts.TimeoutSeconds);
  while (!Failed) {
    llvm::sys::ProcessInfo Now = llvm::sys::Wait(Child, /*SecondsToWait=*/0);
    if (Now.Pid == Child.Pid) {
      RC = Now.ReturnCode;
      break;
    }
    if (std::chrono::steady_clock::now() > Deadline) {
      ::kill(Child.Pid, SIGKILL);
      llvm::sys::Wait(Child, std::nullopt);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto Buf = llvm::MemoryBuffer::getFile(Out);
  auto Done =
      Buf ? readExtractedTU((*Buf)->getBuffer(), File)
          : llvm::Expected<ExtractedTU>(llvm::errorCodeToError(Buf.getError()));
  if (RC != 0 || !Done) {
    Warning = "the analysis of '" + File + "' failed" +
              (Error.empty() ? "" : ": " + Error);
    if (!Done)
      llvm::consumeError(Done.takeError());
    TU.HadErrors = true;
    return true;
  }
  TU = std::move(*Done);
  return true;
}

/// Stores \p TU at \p Path of the cache \p Dir with the hashes of the
/// files it read; the entry written in \p Stored.
llvm::Error writeCache(llvm::StringRef Dir, ExtractedTU &TU,
                       const std::string &Path, CacheEntry *Stored = nullptr) {
  for (Dependency &D : TU.Deps)
    D.Hash = hashFile(D.Path);
  return storeCacheEntry(Dir, TU, Path, Stored);
}

/// The side outputs (*.escape) in \p Paths: files as given, directories
/// searched, the cache directories in them skipped.
std::vector<std::string>
sideOutputFiles(const std::vector<std::string> &Paths) {
  std::vector<std::string> Out;
  for (const std::string &P : Paths) {
    if (!llvm::sys::fs::is_directory(P)) {
      Out.push_back(P);
      continue;
    }
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(P, EC), End;
         It != End && !EC; It.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      if (Name == ".clang-escape-cache") {
        It.no_push();
        continue;
      }
      if (Name.ends_with(".escape"))
        Out.push_back(It->path());
    }
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

/// Stores each side output of the build (Opts.SideOutputs) in the cache
/// \p Dir under its file's command in \p DB, so that the run takes it
/// from there as if it had extracted it. Returns how many.
llvm::Expected<unsigned>
collectSideOutputs(const tooling::CompilationDatabase &DB,
                   const std::string &Dir, const AnalysisOptions &Opts) {
  unsigned N = 0;
  for (const std::string &Path : sideOutputFiles(Opts.SideOutputs)) {
    auto Buf = readWholeFile(Path);
    if (!Buf)
      return Buf.takeError();
    auto TU = readExtractedTU((*Buf)->getBuffer(), Path);
    if (!TU)
      return TU.takeError();
    // A unit the database does not name (a test of CMake's) is no file of
    // this program.
    if (DB.getCompileCommands(TU->File).empty())
      continue;
    if (llvm::Error E =
            storeCacheEntry(Dir, *TU, cachePath(Dir, DB, TU->File, Opts)))
      return std::move(E);
    ++N;
  }
  return N;
}

/// The error of a --link-only run whose cache lacks \p Missing.
llvm::Error missingEntries(std::vector<std::string> Missing,
                           llvm::StringRef Dir) {
  std::sort(Missing.begin(), Missing.end());
  std::string Names;
  for (size_t I = 0; I < Missing.size(); ++I)
    Names += (I ? ", '" : "'") + Missing[I] + "'";
  return llvm::createStringError(
      std::errc::no_such_file_or_directory,
      "--link-only: the cache '%s' has no current entry for %zu file(s): %s "
      "(extract them with --extract-only, or run without --link-only)",
      Dir.str().c_str(), Missing.size(), Names.c_str());
}

/// \p File extracted again, because its cache entry at \p Path turned out
/// damaged or incomplete, and stored again.
ExtractedTU extractAgain(const tooling::CompilationDatabase &DB,
                         const std::string &File, const std::string &CacheDir,
                         const std::string &Path, const AnalysisOptions &Opts,
                         AnalysisResult &R) {
  ExtractedTU TU;
  TU.File = File;
  std::string Function;
  if (!parseSafely(DB, File, Opts, /*WantDeps=*/true, TU, Function))
    R.Crashed.push_back({File, Function});
  else if (!TU.HadErrors)
    if (llvm::Error E = writeCache(CacheDir, TU, Path))
      R.Warnings.push_back(llvm::toString(std::move(E)));
  return TU;
}

/// The warnings of a program in which one function is defined in several
/// files: calls reach the first (Program::add).
void warnCollisions(const Program &P, const std::string &Name,
                    AnalysisResult &R) {
  const std::vector<Program::Collision> &C = P.collisions();
  constexpr size_t Shown = 5;
  for (size_t I = 0; I < C.size() && I < Shown; ++I)
    R.Warnings.push_back(
        "'" + C[I].Name + "' is defined in '" + C[I].First + "' and in '" +
        C[I].Other + "', linked as one program" +
        (Name.empty() ? "" : " ('" + Name + "')") +
        ": calls reach the first (an ODR violation, or files of several "
        "programs: see --program)");
  if (C.size() > Shown)
    R.Warnings.push_back("and " + std::to_string(C.size() - Shown) +
                         " more functions defined in several files of one "
                         "program");
}

/// Links each program of the run on its own (so that a function defined in
/// two executables is not merged), each in the order of its units (so that
/// the result does not depend on -j): the extracted ones, those whose entry
/// \p Hits holds (their graphs read now, each graph once per program),
/// then the rest of the program the cache holds; solves each, and reports
/// once what several programs found.
llvm::Error linkAndReport(std::vector<ExtractedTU> &TUs,
                          std::vector<std::optional<CacheEntry>> &Hits,
                          const tooling::CompilationDatabase *DB,
                          const std::string &CacheDir,
                          const AnalysisOptions &Opts, FileHashes &Hashes,
                          AnalysisResult &R, bool Scratch = false) {
  // Through --diff-base's worktree, a file belongs to the programs of its
  // counterpart.
  auto Main = [&](const std::string &F) {
    return rebase(F, Opts.AliasFrom, Opts.AliasTo);
  };
  std::vector<std::string> Reported, Linked;
  for (const ExtractedTU &TU : TUs)
    Reported.push_back(Main(TU.File));
  if (DB)
    for (const std::string &F : Opts.LinkFromCache)
      Linked.push_back(Main(F));
  std::vector<LinkGroup> Groups =
      groupByProgram(Opts.Programs, Reported, Linked);
  // The last program a unit is linked into takes its graphs.
  std::vector<unsigned> ReportedUses(Reported.size()),
      LinkedUses(Linked.size());
  for (const LinkGroup &G : Groups) {
    for (size_t I : G.Reported)
      ++ReportedUses[I];
    for (size_t I : G.Linked)
      ++LinkedUses[I];
  }
  std::vector<std::optional<CacheEntry>> LinkedEntries(Linked.size());
  std::vector<bool> LinkedRead(Linked.size()), LinkedCounted(Linked.size());
  std::set<std::string> Missing;
  auto Warn = [&](const std::string &W) {
    if (!W.empty() && llvm::find(R.Warnings, W) == R.Warnings.end())
      R.Warnings.push_back(W);
  };
  // Summary-bounded: a graph read from the cache is kept as a skeleton and
  // read again when its component is solved (Program::setBodyLoader).
  auto Ids = std::make_shared<std::vector<GraphId>>();
  bool Bounded = DB && !CacheDir.empty() && !Opts.KeepBodies;
  // The handles of the graphs graphsOf() appended to Ids from \p From on.
  auto Handles = [&](size_t From) {
    std::vector<int> Hs;
    for (size_t H = From; H < Ids->size(); ++H)
      Hs.push_back(static_cast<int>(H));
    return Hs;
  };
  // Components reused from the previous run: one run's solutions are kept
  // for the program of the files in none (the run of a database before
  // programs existed); several programs solve every component.
  bool OneProgram = Groups.size() == 1 && Groups.front().Name.empty();
  // What the solutions and the link state depend on besides the units.
  std::string Salt = Opts.CacheSalt + " " + CLANG_ESCAPE_VERSION + " " +
                     std::to_string(Opts.Report.IncludeMaybe) + " " +
                     std::to_string(Opts.Report.MaxStackCandidateBytes);
  // A --diff-base run only reads the cache, and its units are another
  // checkout's.
  bool Stateful = Bounded && OneProgram && Opts.AliasFrom.empty() && !Scratch;
  if (Stateful) {
    // The previous run's link, when only bodies changed since.
    std::vector<LinkInput> Inputs;
    std::vector<std::optional<CacheEntry>> Own(Linked.size());
    bool Complete = true;
    for (size_t I : Groups.front().Reported) {
      if (I < Hits.size() && Hits[I])
        Inputs.push_back({TUs[I].File, true, &*Hits[I]});
      else
        Complete = false;
    }
    for (size_t L : Groups.front().Linked) {
      std::string Warning;
      Own[L] =
          readCache(linkedCachePath(CacheDir, *DB, Opts.LinkFromCache[L], Opts),
                    Opts, Hashes, Warning);
      if (Own[L])
        Inputs.push_back({Opts.LinkFromCache[L], false, &*Own[L]});
      else
        Complete = false;
    }
    std::string Why = "a unit not from the cache";
    bool Damaged = false;
    std::optional<Relinked> Done;
    if (Complete)
      Done = relink(CacheDir, Salt, Inputs, Opts.Report, Opts.Remarks,
                    /*Write=*/true, Why, Damaged);
    if (Damaged)
      Warn(Why + " (ignored; the program is linked again)");
    if (Done) {
      R.Link = "incremental";
      R.Rep = std::move(Done->Rep);
      R.SolvedComponents = Done->Solved;
      R.ReusedComponents = Done->Reused;
      R.Linked = static_cast<unsigned>(Groups.front().Linked.size());
      for (const std::string &W : Done->Warnings)
        Warn(W);
      for (LinkRecord::Conservative &C : Done->Conservatives)
        R.Conservatives.push_back(
            {std::move(C.Name), std::move(C.Pos), std::move(C.Why)});
      R.OdrMismatches = std::move(Done->OdrMismatches);
      for (const ExtractedTU &TU : TUs)
        if (TU.HadErrors)
          R.FilesWithErrors.push_back(TU.File);
      if (Opts.ReportFilter)
        Opts.ReportFilter(R.Rep);
      return llvm::Error::success();
    }
    R.Link = "full (" + Why + ")";
  }
  MergedReport Merged;
  for (const LinkGroup &G : Groups) {
    LinkRecorder Recorder;
    Program P;
    if (Bounded)
      P.setBodyLoader(
          [Ids, CacheDir](int H) { return loadGraph(CacheDir, (*Ids)[H]); });
    std::set<GraphId> Loaded;
    for (size_t I : G.Reported) {
      ExtractedTU &TU = TUs[I];
      bool Last = --ReportedUses[I] == 0;
      if (DB && I < Hits.size() && Hits[I]) {
        std::string Warning;
        size_t From = Ids->size();
        auto Graphs =
            graphsOf(CacheDir, *Hits[I], Opts, Bounded, Loaded, Warning, *Ids);
        if (Graphs && Stateful)
          Recorder.unit(TU.File, true, Hits[I]->Graphs, From, *Graphs, *Ids);
        if (Last)
          Hits[I].reset();
        Warn(Warning);
        if (!Graphs && Opts.LinkOnly) {
          Missing.insert(TU.File);
          continue;
        }
        if (Graphs) {
          P.add(std::move(*Graphs), Handles(From));
          continue;
        }
        TU = extractAgain(*DB, TU.File, CacheDir,
                          cachePath(CacheDir, *DB, TU.File, Opts), Opts, R);
        Hits[I].reset(); // the next programs take the graphs extracted
      }
      Recorder.fail();
      if (Last)
        P.add(std::move(TU.Graphs));
      else
        P.add(TU.Graphs);
    }
    // The rest of the program, as far as the cache knows it: followed, not
    // reported on.
    for (size_t L : G.Linked) {
      const std::string &File = Opts.LinkFromCache[L];
      bool Last = --LinkedUses[L] == 0;
      std::string Warning;
      std::string Path = linkedCachePath(CacheDir, *DB, File, Opts);
      if (!LinkedRead[L]) {
        LinkedRead[L] = true;
        LinkedEntries[L] = readCache(Path, Opts, Hashes, Warning);
      }
      std::optional<std::vector<FunctionGraph>> Graphs;
      size_t From = Ids->size();
      if (LinkedEntries[L])
        Graphs = graphsOf(CacheDir, *LinkedEntries[L], Opts, Bounded, Loaded,
                          Warning, *Ids);
      std::vector<int> Hs = Graphs ? Handles(From) : std::vector<int>();
      if (Graphs && Stateful)
        Recorder.unit(File, false, LinkedEntries[L]->Graphs, From, *Graphs,
                      *Ids);
      else
        Recorder.fail();
      if (Last)
        LinkedEntries[L].reset();
      if (!Graphs && Opts.LinkOnly) {
        Warn(Warning);
        Missing.insert(File);
        continue;
      }
      if (!Graphs && !Warning.empty()) {
        // Damaged: extracted again rather than silently left out.
        Warn(Warning);
        Graphs = std::move(extractAgain(*DB, File, CacheDir, Path,
                                        withoutHeaderFilter(Opts), R)
                               .Graphs);
      }
      if (!Graphs)
        continue;
      for (FunctionGraph &FG : *Graphs)
        FG.MainFile = false;
      P.add(std::move(*Graphs), std::move(Hs));
      if (!LinkedCounted[L]) {
        LinkedCounted[L] = true;
        ++R.Linked;
      }
    }
    if (!Missing.empty())
      continue; // an error below, once every program has named its own
    // Reported as each component is done, while its bodies are at hand.
    ReportBuilder Builder(P, Opts.Report);
    if (Bounded && OneProgram) {
      // Components whose inputs did not change since the previous run are
      // taken from it.
      SolutionCache Solutions(CacheDir, Salt, *Ids, Builder);
      if (llvm::Error E = Solutions.load())
        R.Warnings.push_back(llvm::toString(std::move(E)) +
                             " (ignored; every component is solved)");
      P.solve([&](size_t I, const FunctionGraph &FG,
                  const SolvedFunction &S) { Solutions.visit(I, FG, S); },
              &Solutions);
      // A --diff-base run only reads the cache.
      if (Opts.AliasFrom.empty())
        if (llvm::Error E = Solutions.store())
          R.Warnings.push_back(llvm::toString(std::move(E)));
      if (Stateful) {
        // For the next run: the link as it is now, and its warnings.
        AnalysisResult Own;
        warnCollisions(P, G.Name, Own);
        auto State = Recorder.finish(Salt, P, Solutions.components(), Builder,
                                     std::move(Own.Warnings), *Ids);
        // Else the previous state stays: it describes the inputs it was
        // made from, and applies only to those.
        if (State)
          if (llvm::Error E = storeLinkState(CacheDir, *State))
            R.Warnings.push_back(llvm::toString(std::move(E)));
      }
    } else {
      P.solve([&](size_t I, const FunctionGraph &FG, const SolvedFunction &S) {
        Builder.add(I, FG, S);
      });
    }
    R.SolvedComponents += P.solvedComponents();
    R.ReusedComponents += P.reusedComponents();
    for (const std::string &E : P.bodyErrors())
      Warn(E);
    warnCollisions(P, G.Name, R);
    Report Rep = Builder.take();
    if (OneProgram) {
      R.Prog = std::move(P);
      R.Rep = std::move(Rep);
    } else {
      Merged.add(G.Name, std::move(P), std::move(Rep), R.Prog);
    }
  }
  for (const ExtractedTU &TU : TUs)
    if (TU.HadErrors)
      R.FilesWithErrors.push_back(TU.File);
  if (!Missing.empty())
    return missingEntries({Missing.begin(), Missing.end()}, CacheDir);
  if (!OneProgram)
    R.Rep = Merged.take();
  for (const FunctionGraph &G : R.Prog.graphs())
    if (G.MainFile && !G.Conservative.empty())
      R.Conservatives.push_back({G.Name, G.Pos, G.Conservative});
  R.OdrMismatches = R.Prog.odrMismatches();
  if (Opts.ReportFilter)
    Opts.ReportFilter(R.Rep);
  return llvm::Error::success();
}

} // namespace

tooling::ArgumentsAdjuster analysisArgumentsAdjuster() {
  // Our binary does not sit next to Clang's headers: point the frontend
  // at the resource directory of the Clang we link. -w: the compiler's
  // own warnings are not ours to print.
  return tooling::combineAdjusters(
      tooling::combineAdjusters(
          tooling::getInsertArgumentAdjuster(
              {"-resource-dir=" CLANG_ESCAPE_RESOURCE_DIR, "-w"},
              tooling::ArgumentInsertPosition::END),
          tooling::getClangSyntaxOnlyAdjuster()),
      tooling::getClangStripOutputAdjuster());
}

llvm::Error extractOne(const tooling::CompilationDatabase &DB,
                       const std::string &File, const AnalysisOptions &Opts,
                       const std::string &Out) {
  ExtractedTU TU;
  TU.File = File;
  std::string Function;
  if (!parseSafely(DB, File, Opts, /*WantDeps=*/true, TU, Function))
    return llvm::createStringError(
        std::errc::state_not_recoverable, "crashed while analyzing '%s'%s",
        File.c_str(),
        Function.empty() ? "" : (", lowering '" + Function + "'").c_str());
  return writeFileAtomically(Out, writeExtractedTU(TU));
}

/// A project may include its own headers as system headers (`-isystem`,
/// CMake's SYSTEM or imported targets): a --header-filter matching such a
/// directory would otherwise show nothing of them, silently. Empty when no
/// compile command of \p Files has one.
std::string systemHeadersFiltered(const tooling::CompilationDatabase &DB,
                                  const std::vector<std::string> &Files,
                                  const BuildOptions &B) {
  if (B.HeaderFilter.empty() || B.SystemHeaders)
    return "";
  llvm::Regex Filter(B.HeaderFilter);
  for (const std::string &F : Files)
    for (const tooling::CompileCommand &C : DB.getCompileCommands(F))
      for (size_t I = 0; I < C.CommandLine.size(); ++I) {
        llvm::StringRef A = C.CommandLine[I];
        if (!A.consume_front("-isystem"))
          continue;
        if (A.empty() && I + 1 < C.CommandLine.size())
          A = C.CommandLine[++I];
        llvm::SmallString<256> Dir(A);
        if (llvm::sys::path::is_relative(Dir)) {
          Dir = C.Directory;
          llvm::sys::path::append(Dir, A);
        }
        llvm::sys::path::remove_dots(Dir, true);
        Dir += "/";
        if (Filter.match(Dir))
          return "--header-filter matches '" + std::string(Dir) +
                 "', a system include directory (-isystem) of '" + F +
                 "': its headers are neither analyzed nor reported; pass "
                 "--system-headers to treat them as the program's own";
      }
  return "";
}

llvm::Expected<AnalysisResult>
analyzeFiles(const tooling::CompilationDatabase &DB,
             const std::vector<std::string> &Files,
             const AnalysisOptions &Opts) {
  for (const std::string &F : Files)
    if (!llvm::sys::fs::exists(F))
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "no such file: '%s'", F.c_str());
    else if (llvm::sys::fs::is_directory(F))
      return llvm::createStringError(std::errc::is_a_directory,
                                     "'%s' is a directory, not a source file",
                                     F.c_str());
  bool UseCache = !Opts.CacheDir.empty();
  llvm::SmallString<256> CacheDir(Opts.CacheDir);
  if (UseCache)
    llvm::sys::fs::make_absolute(CacheDir);
  // Without a cache, several units are still linked from a scratch one,
  // removed at the end: what the link holds is then each unit's summaries,
  // not every unit's bodies (a suite of a few hundred files needed
  // gigabytes).
  bool Scratch =
      !UseCache && Files.size() > 1 && !Opts.KeepBodies && !Opts.ExtractOnly &&
      !Opts.LinkOnly && Opts.SideOutputs.empty() && Opts.AliasFrom.empty() &&
      !llvm::sys::fs::createUniqueDirectory("clang-escape-link", CacheDir);
  auto RemoveScratch = llvm::make_scope_exit([&] {
    if (Scratch)
      llvm::sys::fs::remove_directories(CacheDir);
  });
  UseCache = UseCache || Scratch;
  // A --diff-base run writes nothing into the cache.
  FileHashes Hashes(UseCache && Opts.AliasFrom.empty() ? CacheDir.str()
                                                       : llvm::StringRef());
  if ((Opts.ExtractOnly || Opts.LinkOnly) && !UseCache)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "--extract-only and --link-only need a cache (-p, or --cache-dir)");
  if (UseCache)
    if (std::error_code EC = llvm::sys::fs::create_directories(CacheDir))
      return llvm::createStringError(
          EC, "cannot create cache directory '%s': %s", Opts.CacheDir.c_str(),
          EC.message().c_str());
  auto Started = std::chrono::system_clock::now();

  AnalysisResult R;
  if (std::string W = systemHeadersFiltered(DB, Files, Opts.Build); !W.empty())
    R.Warnings.push_back(W);
  if (!Opts.SideOutputs.empty()) {
    if (!UseCache)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "--side-outputs needs a cache (-p, or "
                                     "--cache-dir)");
    auto N = collectSideOutputs(DB, std::string(CacheDir), Opts);
    if (!N)
      return N.takeError();
    R.Collected = *N;
  }
  std::mutex Lock;
  std::vector<ExtractedTU> TUs(Files.size());
  std::vector<std::optional<CacheEntry>> Hits(Files.size());
  std::vector<std::string> Missing;
  unsigned Done = 0;
  auto RunOne = [&](size_t I) {
    const std::string &File = Files[I];
    ExtractedTU &TU = TUs[I];
    TU.File = File;
    std::string CachePath =
        UseCache ? cachePath(std::string(CacheDir), DB, File, Opts) : "";
    auto Start = std::chrono::steady_clock::now();
    bool Hit = false;
    if (UseCache) {
      std::string Warning;
      if (auto Old = readCache(CachePath, Opts, Hashes, Warning)) {
        Hit = true;
        TU.HadErrors = Old->HadErrors;
        Hits[I] = std::move(*Old);
      } else if (!Warning.empty()) {
        std::lock_guard<std::mutex> G(Lock);
        R.Warnings.push_back(Warning);
      }
    }
    if (!Hit && Opts.LinkOnly) {
      std::lock_guard<std::mutex> G(Lock);
      Missing.push_back(File);
    } else if (!Hit) {
      bool Crashed = false;
      bool InTime = true;
      if (Opts.TimeoutSeconds && Opts.Worker) {
        std::string Warning;
        InTime = parseInWorker(File, Opts, TU, Warning);
        // The child failed: nothing of the file is known.
        Crashed = !Warning.empty();
        std::lock_guard<std::mutex> G(Lock);
        if (!InTime)
          R.Skipped.push_back(File);
        if (!Warning.empty())
          R.Warnings.push_back(Warning);
      } else {
        std::string Function;
        if (!parseSafely(DB, File, Opts, UseCache && !Scratch, TU, Function)) {
          Crashed = true;
          std::lock_guard<std::mutex> G(Lock);
          R.Crashed.push_back({File, Function});
        }
      }
      if (!Crashed && TU.FailedCommands > 0 && !TU.HadErrors) {
        std::lock_guard<std::mutex> G(Lock);
        R.Warnings.push_back(
            "'" + File + "': " + std::to_string(TU.FailedCommands) +
            " of its " + std::to_string(TU.Commands) +
            " compile commands did not compile; it is analyzed with command " +
            std::to_string(TU.FailedCommands + 1));
      }
      CacheEntry Stored;
      if (UseCache && InTime && !Crashed &&
          (!TU.HadErrors || Opts.ExtractOnly) && Opts.AliasFrom.empty()) {
        if (llvm::Error E = writeCache(CacheDir, TU, CachePath, &Stored)) {
          std::lock_guard<std::mutex> G(Lock);
          R.Warnings.push_back(llvm::toString(std::move(E)));
        } else if (!Opts.KeepBodies && !Opts.ExtractOnly) {
          // Linked from the cache like a hit, so that its bodies are not
          // held until the link (summary-bounded linking).
          Hits[I] = std::move(Stored);
          std::vector<FunctionGraph>().swap(TU.Graphs);
        }
      }
      // --extract-only links nothing: a unit's graphs are not kept after it
      // is stored, so that memory stays that of the units being parsed.
      if (Opts.ExtractOnly)
        std::vector<FunctionGraph>().swap(TU.Graphs);
    }
    std::lock_guard<std::mutex> G(Lock);
    ++(Hit ? R.Cached : R.Extracted);
    ++Done;
    if (Opts.Progress)
      Opts.Progress(Done, static_cast<unsigned>(Files.size()), File,
                    std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - Start)
                        .count());
  };
  if (Opts.Jobs <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      RunOne(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Opts.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }
  if (!Missing.empty())
    return missingEntries(std::move(Missing), CacheDir);
  if (Opts.ExtractOnly) {
    for (const ExtractedTU &TU : TUs)
      if (TU.HadErrors)
        R.FilesWithErrors.push_back(TU.File);
  } else if (llvm::Error E = linkAndReport(TUs, Hits, UseCache ? &DB : nullptr,
                                           std::string(CacheDir), Opts, Hashes,
                                           R, Scratch)) {
    return std::move(E);
  }
  if (UseCache && !Scratch && Opts.CacheMaxBytes) {
    auto Pruned = pruneCache(CacheDir, Opts.CacheMaxBytes, Started);
    if (!Pruned)
      R.Warnings.push_back(llvm::toString(Pruned.takeError()));
  }
  return R;
}

llvm::Expected<AnalysisResult>
analyzeParsedTU(ASTContext &Ctx, bool HadErrors,
                const tooling::CompilationDatabase *DB,
                const AnalysisOptions &Opts) {
  AnalysisResult R;
  std::vector<ExtractedTU> TUs(1);
  llvm::SmallString<256> CacheDir(Opts.CacheDir);
  if (!CacheDir.empty())
    llvm::sys::fs::make_absolute(CacheDir);
  bool Store = Opts.StoreParsedTU && DB && !CacheDir.empty() && !HadErrors;
  bool Side = !Opts.SideOutput.empty();
  extract(Ctx, Opts, HadErrors, Store || Side, TUs.front());
  const SourceManager &SM = Ctx.getSourceManager();
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    TUs.front().File = std::string(Main->getName());
  if (Side) {
    // Complete in itself: the graphs, and what they depend on hashed now,
    // with the file named as the database does (absolute).
    ExtractedTU Out = TUs.front();
    llvm::SmallString<256> Abs(Out.File);
    SM.getFileManager().makeAbsolutePath(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    Out.File = std::string(Abs);
    for (Dependency &D : Out.Deps)
      D.Hash = hashFile(D.Path);
    if (llvm::Error E =
            writeFileAtomically(Opts.SideOutput, writeExtractedTU(Out)))
      return std::move(E);
  }
  if (Store) {
    if (std::error_code EC = llvm::sys::fs::create_directories(CacheDir))
      return llvm::createStringError(EC,
                                     "cannot create cache directory '%s': %s",
                                     CacheDir.c_str(), EC.message().c_str());
    ExtractedTU &TU = TUs.front();
    if (llvm::Error E = writeCache(
            CacheDir, TU, cachePath(std::string(CacheDir), *DB, TU.File, Opts)))
      return std::move(E);
  }
  std::vector<std::optional<CacheEntry>> NoHits;
  FileHashes Hashes;
  if (llvm::Error E =
          linkAndReport(TUs, NoHits, CacheDir.empty() ? nullptr : DB,
                        std::string(CacheDir), Opts, Hashes, R))
    return std::move(E);
  return R;
}

} // namespace escape
