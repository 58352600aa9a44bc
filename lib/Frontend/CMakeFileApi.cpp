//===- CMakeFileApi.cpp - The programs of a CMake build -------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// nlohmann_json stays inside this file; its exceptions become llvm::Error.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/CMakeFileApi.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <map>
#include <nlohmann/json.hpp>

namespace escape {

namespace {

using json = nlohmann::json;

/// Our client's name in the query directory (cmake-file-api(7)).
constexpr const char *Client = "client-clang-escape";

llvm::Error malformed(llvm::StringRef What, llvm::StringRef Why) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 "CMake file API reply '%s': %s",
                                 What.str().c_str(), Why.str().c_str());
}

llvm::Expected<json> parse(llvm::StringRef Text, llvm::StringRef What) {
  try {
    return json::parse(Text.begin(), Text.end());
  } catch (const json::exception &E) {
    return malformed(What, E.what());
  }
}

using Reader = llvm::function_ref<llvm::Expected<std::string>(llvm::StringRef)>;

/// The reply file \p Name, read by \p Read and parsed.
llvm::Expected<json> readJson(Reader Read, llvm::StringRef Name) {
  auto Text = Read(Name);
  if (!Text)
    return Text.takeError();
  return parse(*Text, Name);
}

std::string stringAt(const json &J, const char *Key) {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : "";
}

/// A target of the codemodel: what it compiles and what it depends on.
struct Target {
  std::string Name, Type;
  std::vector<std::string> Sources;
  std::vector<std::string> Deps;
};

/// Whether a target's sources are linked into what depends on it.
bool isLinkedInto(const std::string &Type) {
  return Type == "STATIC_LIBRARY" || Type == "OBJECT_LIBRARY" ||
         Type == "SHARED_LIBRARY" || Type == "INTERFACE_LIBRARY";
}

/// Whether a target is a program of its own: what the linker produces.
bool isProgram(const std::string &Type) {
  return Type == "EXECUTABLE" || Type == "SHARED_LIBRARY" ||
         Type == "MODULE_LIBRARY";
}

llvm::Expected<Target> readTarget(
    const std::string &JsonFile, llvm::StringRef SourceDir,
    llvm::function_ref<llvm::Expected<std::string>(llvm::StringRef)> Read) {
  auto J = readJson(Read, JsonFile);
  if (!J)
    return J.takeError();
  if (!J->is_object())
    return malformed(JsonFile, "expected an object");
  Target T;
  T.Name = stringAt(*J, "name");
  T.Type = stringAt(*J, "type");
  if (auto S = J->find("sources"); S != J->end() && S->is_array())
    for (const json &Src : *S) {
      // Only what is compiled: not headers, not the objects of an object
      // library that CMake lists as the executable's sources.
      if (!Src.is_object() || !Src.contains("compileGroupIndex"))
        continue;
      std::string Path = stringAt(Src, "path");
      if (Path.empty())
        continue;
      T.Sources.push_back(normalizedPath(Path, SourceDir));
    }
  if (auto D = J->find("dependencies"); D != J->end() && D->is_array())
    for (const json &Dep : *D)
      if (Dep.is_object())
        T.Deps.push_back(stringAt(Dep, "id"));
  return T;
}

} // namespace

llvm::Expected<std::vector<ProgramSpec>> programsFromCodemodel(
    llvm::StringRef Codemodel,
    llvm::function_ref<llvm::Expected<std::string>(llvm::StringRef)> Read) {
  auto J = parse(Codemodel, "codemodel");
  if (!J)
    return J.takeError();
  if (!J->is_object() || !J->contains("configurations") ||
      !(*J)["configurations"].is_array())
    return malformed("codemodel", "no \"configurations\"");
  std::string SourceDir;
  if (auto P = J->find("paths"); P != J->end() && P->is_object())
    SourceDir = stringAt(*P, "source");
  std::vector<ProgramSpec> Out;
  const json &Configs = (*J)["configurations"];
  // A multi-configuration generator lists each configuration; they name
  // the same targets and, but for generator expressions, the same sources.
  if (Configs.empty())
    return Out;
  const json &Config = Configs.front();
  std::map<std::string, Target> ById;
  std::vector<std::string> Order;
  if (auto Ts = Config.find("targets"); Ts != Config.end() && Ts->is_array())
    for (const json &T : *Ts) {
      std::string Id = stringAt(T, "id"), File = stringAt(T, "jsonFile");
      if (Id.empty() || File.empty())
        return malformed("codemodel", "a target without \"id\" or "
                                      "\"jsonFile\"");
      auto Read1 = readTarget(File, SourceDir, Read);
      if (!Read1)
        return Read1.takeError();
      ById.emplace(Id, std::move(*Read1));
      Order.push_back(Id);
    }
  for (const std::string &Id : Order) {
    const Target &T = ById[Id];
    if (!isProgram(T.Type))
      continue;
    ProgramSpec P;
    P.Name = T.Name;
    // The target and every library it links, through libraries.
    std::vector<std::string> Work{Id};
    std::set<std::string> Seen{Id};
    while (!Work.empty()) {
      auto It = ById.find(Work.back());
      Work.pop_back();
      if (It == ById.end())
        continue;
      P.Files.insert(It->second.Sources.begin(), It->second.Sources.end());
      for (const std::string &D : It->second.Deps)
        if (auto Dep = ById.find(D); Dep != ById.end() &&
                                     isLinkedInto(Dep->second.Type) &&
                                     Seen.insert(D).second)
          Work.push_back(D);
    }
    if (!P.Files.empty())
      addProgram(Out, std::move(P));
  }
  return Out;
}

static std::string apiDir(llvm::StringRef BuildDir, llvm::StringRef Sub) {
  llvm::SmallString<256> P(BuildDir);
  llvm::sys::path::append(P, ".cmake", "api", "v1", Sub);
  return std::string(P);
}

llvm::Expected<std::optional<std::vector<ProgramSpec>>>
readCMakePrograms(llvm::StringRef BuildDir) {
  std::string Reply = apiDir(BuildDir, "reply");
  // The newest index: their names sort by the time they were written.
  std::string Index;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Reply, EC), End; !EC && It != End;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    // The name alone: Read resolves it in the reply directory, which may
    // be relative (`-p build`).
    if (Name.starts_with("index-") && Name.ends_with(".json") && Name > Index)
      Index = Name.str();
  }
  if (Index.empty())
    return std::nullopt;
  auto Read = [&](llvm::StringRef File) -> llvm::Expected<std::string> {
    llvm::SmallString<256> P(File);
    if (!llvm::sys::path::is_absolute(P)) {
      P = Reply;
      llvm::sys::path::append(P, File);
    }
    auto Buf = readWholeFile(P);
    if (!Buf)
      return Buf.takeError();
    return (*Buf)->getBuffer().str();
  };
  auto J = readJson(Read, Index);
  if (!J)
    return J.takeError();
  // Our own query's answer, or the codemodel another client asked for.
  std::string Codemodel;
  auto IsCodemodel2 = [](const json &O) {
    return O.is_object() && stringAt(O, "kind") == "codemodel" &&
           O.contains("version") && O["version"].is_object() &&
           O["version"].value("major", 0) == 2;
  };
  if (auto R = J->find("reply"); R != J->end() && R->is_object())
    if (auto C = R->find(Client); C != R->end() && C->is_object())
      if (auto M = C->find("codemodel-v2"); M != C->end() && IsCodemodel2(*M))
        Codemodel = stringAt(*M, "jsonFile");
  if (auto Os = J->find("objects");
      Codemodel.empty() && Os != J->end() && Os->is_array())
    for (const json &O : *Os)
      if (IsCodemodel2(O)) {
        Codemodel = stringAt(O, "jsonFile");
        break;
      }
  if (Codemodel.empty())
    return std::nullopt;
  auto Text = Read(Codemodel);
  if (!Text)
    return Text.takeError();
  auto Programs = programsFromCodemodel(*Text, Read);
  if (!Programs)
    return Programs.takeError();
  return std::optional<std::vector<ProgramSpec>>(std::move(*Programs));
}

bool isCMakeBuildDir(llvm::StringRef BuildDir) {
  llvm::SmallString<256> P(BuildDir);
  llvm::sys::path::append(P, "CMakeCache.txt");
  return llvm::sys::fs::is_regular_file(P);
}

llvm::Expected<bool> writeCMakeQuery(llvm::StringRef BuildDir) {
  llvm::SmallString<256> Dir(apiDir(BuildDir, "query"));
  llvm::sys::path::append(Dir, Client);
  llvm::SmallString<256> Query(Dir);
  llvm::sys::path::append(Query, "codemodel-v2");
  if (llvm::sys::fs::exists(Query))
    return false;
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create '%s': %s", Dir.c_str(),
                                   EC.message().c_str());
  if (llvm::Error E = writeFileAtomically(Query, ""))
    return std::move(E);
  return true;
}

llvm::Error runCMake(llvm::StringRef BuildDir) {
  auto CMake = llvm::sys::findProgramByName("cmake");
  if (!CMake)
    return llvm::createStringError(CMake.getError(),
                                   "cannot find cmake on the PATH");
  // CMake's own output would mix with the report on stdout.
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(),
                                                std::nullopt};
  std::string Error;
  int RC = llvm::sys::ExecuteAndWait(*CMake, {*CMake, BuildDir}, std::nullopt,
                                     Redirects, 0, 0, &Error);
  if (RC != 0)
    return llvm::createStringError(std::errc::io_error, "'cmake %s' failed%s",
                                   BuildDir.str().c_str(),
                                   Error.empty() ? "" : (": " + Error).c_str());
  return llvm::Error::success();
}

llvm::Expected<CMakePrograms> cmakePrograms(llvm::StringRef BuildDir,
                                            bool Configure) {
  CMakePrograms Out;
  if (!isCMakeBuildDir(BuildDir))
    return Out;
  auto Written = writeCMakeQuery(BuildDir);
  if (!Written)
    return Written.takeError();
  if (Configure)
    if (llvm::Error E = runCMake(BuildDir))
      return std::move(E);
  auto Programs = readCMakePrograms(BuildDir);
  if (!Programs)
    return Programs.takeError();
  if (*Programs) {
    Out.Programs = std::move(**Programs);
    return Out;
  }
  Out.Note = (*Written ? "wrote a CMake file API query into '"
                       : "CMake has not answered the file API query in '") +
             BuildDir.str() + "'; run 'cmake " + BuildDir.str() +
             "' once (or pass --cmake-configure) so that each executable "
             "is linked on its own; until then every file is linked as one "
             "program";
  return Out;
}

} // namespace escape
