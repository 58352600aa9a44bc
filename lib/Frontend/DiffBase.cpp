//===- DiffBase.cpp - Analyze the merge base in a git worktree ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// --diff-base compares with what the merge base itself reports, never with
// a line filter: an edit of a callee can make a finding in an unchanged
// caller, which is new although no line of it changed.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/DiffBase.h"
#include "clang-escape/Gate/Fingerprint.h"
#include "clang-escape/Support/Git.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace escape {

namespace {

/// The commands of the main checkout, pointed at the worktree: every path
/// below the repository that exists in the worktree is rewritten; others
/// (a build directory, generated headers) stay shared.
class WorktreeDatabase : public clang::tooling::CompilationDatabase {
public:
  WorktreeDatabase(const CompilationDatabase &Inner, std::string Top,
                   std::string Tree)
      : Inner(Inner), Top(std::move(Top)), Tree(std::move(Tree)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    std::vector<clang::tooling::CompileCommand> Out =
        Inner.getCompileCommands(swap(File, Tree, Top));
    for (clang::tooling::CompileCommand &C : Out) {
      for (std::string &A : C.CommandLine)
        A = A == C.Filename ? File.str() : toTree(A);
      C.Filename = File.str();
      C.Directory = toTree(C.Directory);
    }
    return Out;
  }

  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Out;
    for (const std::string &F : Inner.getAllFiles())
      Out.push_back(toTree(F));
    return Out;
  }

  /// \p S with the repository replaced by the worktree, when what it names
  /// exists there.
  std::string toTree(llvm::StringRef S) const {
    size_t At = S.find(Top);
    if (At == llvm::StringRef::npos)
      return S.str();
    std::string Path = swap(S.substr(At), Top, Tree);
    if (!llvm::sys::fs::exists(Path))
      return S.str();
    return (S.take_front(At) + Path).str();
  }

  static std::string swap(llvm::StringRef S, llvm::StringRef From,
                          llvm::StringRef To) {
    if (!S.starts_with(From) ||
        (S.size() > From.size() && S[From.size()] != '/'))
      return S.str();
    return (To + S.substr(From.size())).str();
  }

private:
  const CompilationDatabase &Inner;
  std::string Top, Tree;
};

} // namespace

llvm::Expected<BaseAnalysis>
analyzeMergeBase(llvm::StringRef Rev, const SourcePaths &Paths,
                 const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const AnalysisOptions &Opts) {
  auto Top = runGit({"rev-parse", "--show-toplevel"}, Paths.root());
  if (!Top)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "--diff-base needs the source root '%s' to be in a git repository: "
        "%s",
        Paths.root().c_str(), llvm::toString(Top.takeError()).c_str());
  std::string Repo = canonicalPath(*Top);
  auto Base = runGit({"merge-base", Rev.str(), "HEAD"}, Repo);
  if (!Base)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "cannot find the merge base of '%s' and HEAD: %s", Rev.str().c_str(),
        llvm::toString(Base.takeError()).c_str());

  llvm::SmallString<256> Temp;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("clang-escape-base", Temp))
    return llvm::createStringError(EC, "cannot create a temporary directory");
  std::string Tree = canonicalPath(Temp) + "/checkout";
  auto Added =
      runGit({"worktree", "add", "--detach", "--quiet", Tree, *Base}, Repo);
  auto Cleanup = llvm::make_scope_exit([&] {
    if (Added)
      llvm::consumeError(
          runGit({"worktree", "remove", "--force", Tree}, Repo).takeError());
    llvm::sys::fs::remove_directories(Temp);
  });
  if (!Added)
    return Added.takeError();

  WorktreeDatabase TreeDB(DB, Repo, Tree);
  // A file that the base does not have holds only new findings.
  std::vector<std::string> TreeFiles;
  for (const std::string &F : Files) {
    std::string There = TreeDB.toTree(canonicalPath(F));
    if (There != canonicalPath(F))
      TreeFiles.push_back(There);
  }
  AnalysisOptions BaseOpts = Opts;
  BaseOpts.AliasFrom = Tree;
  BaseOpts.AliasTo = Repo;
  // Progress names the files as in the main checkout.
  if (Opts.Progress)
    BaseOpts.Progress = [&](unsigned Done, unsigned Total, const std::string &F,
                            double Seconds) {
      Opts.Progress(Done, Total, WorktreeDatabase::swap(F, Tree, Repo),
                    Seconds);
    };
  BaseOpts.LinkFromCache.clear();
  for (const std::string &F : Opts.LinkFromCache)
    BaseOpts.LinkFromCache.push_back(TreeDB.toTree(F));

  BaseAnalysis Out;
  Out.Commit = *Base;
  if (!TreeFiles.empty()) {
    auto R = analyzeFiles(TreeDB, TreeFiles, BaseOpts);
    if (!R)
      return R.takeError();
    for (const std::string &F : R->FilesWithErrors)
      Out.Warnings.push_back("'" + F +
                             "' did not compile cleanly at the merge base; "
                             "findings compared with it may be new");
    Out.Rep = std::move(R->Rep);
    Out.Extracted = R->Extracted;
    Out.Cached = R->Cached;
  }
  // The same relative names as the main checkout: positions in graphs from
  // the shared cache name the main checkout's files.
  llvm::StringRef Sub(Paths.root());
  if (!Sub.consume_front(Repo))
    Sub = "";
  Out.Paths = SourcePaths(Tree + Sub.str(), {});
  Out.Paths.addAlias(Paths.root());
  assignFingerprints(Out.Rep, Out.Paths);
  return Out;
}

} // namespace escape
