//===- CMakeFileApiTest.cpp - The programs of a CMake reply ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/CMakeFileApi.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <map>

using namespace escape;

namespace {

/// A reply's files by name, as CMake writes them into .cmake/api/v1/reply.
using Files = std::map<std::string, std::string>;

llvm::Expected<std::vector<ProgramSpec>> programs(const std::string &Codemodel,
                                                  const Files &Targets) {
  return programsFromCodemodel(
      Codemodel, [&](llvm::StringRef Name) -> llvm::Expected<std::string> {
        auto It = Targets.find(Name.str());
        if (It == Targets.end())
          return llvm::createStringError(std::errc::no_such_file_or_directory,
                                         "no %s", Name.str().c_str());
        return It->second;
      });
}

std::string target(const std::string &Name, const std::string &Type,
                   const std::string &Sources, const std::string &Deps) {
  return R"({"name": ")" + Name + R"(", "type": ")" + Type +
         R"(", "sources": [)" + Sources + R"(], "dependencies": [)" + Deps +
         "]}";
}

std::string entry(const std::string &Name) {
  return R"({"name": ")" + Name + R"(", "id": ")" + Name +
         R"(::@1", "jsonFile": "target-)" + Name + R"(.json"})";
}

/// Two tests linking a static library, which links an object library; a
/// tool that links nothing; a utility target.
std::string codemodel() {
  return R"({"paths": {"source": "/proj", "build": "/proj/build"},
             "configurations": [{"name": "Debug", "targets": [)" +
         entry("a_test") + "," + entry("b_test") + "," + entry("cases") + "," +
         entry("objs") + "," + entry("tool") + "," + entry("docs") + "]}]}";
}

Files targets() {
  return {
      {"target-a_test.json",
       target("a_test", "EXECUTABLE",
              // The object library's object file is listed but not compiled.
              R"({"path": "tests/a.cpp", "compileGroupIndex": 0},
                 {"path": "tests/a.h"},
                 {"path": "/proj/build/objs.dir/o.cpp.o", "isGenerated": true})",
              R"({"id": "cases::@1"}, {"id": "docs::@1"})")},
      {"target-b_test.json",
       target("b_test", "EXECUTABLE",
              R"({"path": "tests/./b.cpp", "compileGroupIndex": 0})",
              R"({"id": "cases::@1"})")},
      {"target-cases.json",
       target("cases", "STATIC_LIBRARY",
              R"({"path": "src/cases.cpp", "compileGroupIndex": 0})",
              R"({"id": "objs::@1"})")},
      {"target-objs.json",
       target("objs", "OBJECT_LIBRARY",
              R"({"path": "/gen/o.cpp", "compileGroupIndex": 0})", "")},
      {"target-tool.json",
       target("tool", "EXECUTABLE",
              R"({"path": "tool/main.cpp", "compileGroupIndex": 0})", "")},
      {"target-docs.json",
       target("docs", "UTILITY", R"({"path": "docs/gen.cpp"})", "")},
  };
}

TEST(CMakeFileApiTest, EachExecutableWithTheLibrariesItLinks) {
  auto P = programs(codemodel(), targets());
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->size(), 3u);
  EXPECT_EQ((*P)[0].Name, "a_test");
  EXPECT_EQ((*P)[0].Files,
            (std::set<std::string>{"/proj/tests/a.cpp", "/proj/src/cases.cpp",
                                   "/gen/o.cpp"}));
  EXPECT_EQ((*P)[1].Name, "b_test");
  EXPECT_EQ((*P)[1].Files,
            (std::set<std::string>{"/proj/tests/b.cpp", "/proj/src/cases.cpp",
                                   "/gen/o.cpp"}));
  EXPECT_EQ((*P)[2].Name, "tool");
  EXPECT_EQ((*P)[2].Files, (std::set<std::string>{"/proj/tool/main.cpp"}));
}

TEST(CMakeFileApiTest, ASharedLibraryIsAProgramAndPartOfItsUsers) {
  std::string Model =
      R"({"paths": {"source": "/p"}, "configurations": [{"targets": [)" +
      entry("app") + "," + entry("core") + "]}]}";
  Files T{{"target-app.json",
           target("app", "EXECUTABLE",
                  R"({"path": "app.cpp", "compileGroupIndex": 0})",
                  R"({"id": "core::@1"})")},
          {"target-core.json",
           target("core", "SHARED_LIBRARY",
                  R"({"path": "core.cpp", "compileGroupIndex": 0})", "")}};
  auto P = programs(Model, T);
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->size(), 2u);
  EXPECT_EQ((*P)[0].Files,
            (std::set<std::string>{"/p/app.cpp", "/p/core.cpp"}));
  EXPECT_EQ((*P)[1].Name, "core");
  EXPECT_EQ((*P)[1].Files, (std::set<std::string>{"/p/core.cpp"}));
}

TEST(CMakeFileApiTest, DependencyCyclesEnd) {
  std::string Model =
      R"({"paths": {"source": "/p"}, "configurations": [{"targets": [)" +
      entry("app") + "," + entry("x") + "," + entry("y") + "]}]}";
  Files T{
      {"target-app.json",
       target("app", "EXECUTABLE",
              R"({"path": "app.cpp", "compileGroupIndex": 0})",
              R"({"id": "x::@1"})")},
      {"target-x.json", target("x", "STATIC_LIBRARY",
                               R"({"path": "x.cpp", "compileGroupIndex": 0})",
                               R"({"id": "y::@1"})")},
      {"target-y.json", target("y", "STATIC_LIBRARY",
                               R"({"path": "y.cpp", "compileGroupIndex": 0})",
                               R"({"id": "x::@1"})")}};
  auto P = programs(Model, T);
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->size(), 1u);
  EXPECT_EQ((*P)[0].Files.size(), 3u);
}

TEST(CMakeFileApiTest, MalformedRepliesAreErrors) {
  auto Bad = programs("{not json", {});
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("codemodel"),
            std::string::npos);
  auto NoConfigs = programs(R"({"paths": {}})", {});
  ASSERT_FALSE(static_cast<bool>(NoConfigs));
  EXPECT_NE(llvm::toString(NoConfigs.takeError()).find("configurations"),
            std::string::npos);
  // A target file that is gone, or not JSON.
  auto Gone = programs(codemodel(), {});
  ASSERT_FALSE(static_cast<bool>(Gone));
  llvm::consumeError(Gone.takeError());
  Files Broken = targets();
  Broken["target-cases.json"] = "[";
  auto NotJson = programs(codemodel(), Broken);
  ASSERT_FALSE(static_cast<bool>(NotJson));
  EXPECT_NE(llvm::toString(NotJson.takeError()).find("target-cases.json"),
            std::string::npos);
}

/// A build directory in a temporary place, removed at the end.
class BuildDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("fileapi", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }
  void write(llvm::StringRef Rel, llvm::StringRef Text) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Rel);
    ASSERT_FALSE(
        llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P)));
    ASSERT_FALSE(static_cast<bool>(writeFileAtomically(P, Text)));
  }
  llvm::SmallString<256> Dir;
};

TEST_F(BuildDirTest, TheQueryIsWrittenOnceAndTheNewestReplyRead) {
  EXPECT_FALSE(isCMakeBuildDir(Dir));
  auto None = cmakePrograms(Dir, /*Configure=*/false);
  ASSERT_TRUE(static_cast<bool>(None));
  EXPECT_TRUE(None->Programs.empty());
  EXPECT_TRUE(None->Note.empty()); // not CMake's: nothing written

  write("CMakeCache.txt", "");
  auto First = cmakePrograms(Dir, /*Configure=*/false);
  ASSERT_TRUE(static_cast<bool>(First));
  EXPECT_TRUE(First->Programs.empty());
  EXPECT_NE(First->Note.find("wrote a CMake file API query"),
            std::string::npos);
  llvm::SmallString<256> Query(Dir);
  llvm::sys::path::append(Query, ".cmake/api/v1/query/client-clang-escape/"
                                 "codemodel-v2");
  EXPECT_TRUE(llvm::sys::fs::exists(Query));
  auto Again = writeCMakeQuery(Dir);
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_FALSE(*Again);
  auto Waiting = cmakePrograms(Dir, /*Configure=*/false);
  ASSERT_TRUE(static_cast<bool>(Waiting));
  EXPECT_NE(Waiting->Note.find("has not answered"), std::string::npos);

  // An older reply that names another codemodel, and the newest one, which
  // answers our query.
  write(".cmake/api/v1/reply/index-2026-01-01T00-00-00-0000.json",
        R"({"objects": [{"kind": "codemodel", "version": {"major": 2},
                        "jsonFile": "old.json"}]})");
  write(".cmake/api/v1/reply/old.json", "garbage");
  write(".cmake/api/v1/reply/index-2026-02-01T00-00-00-0000.json",
        R"({"objects": [], "reply": {"client-clang-escape": {"codemodel-v2":
            {"kind": "codemodel", "version": {"major": 2, "minor": 4},
             "jsonFile": "codemodel-v2-1.json"}}}})");
  write(".cmake/api/v1/reply/codemodel-v2-1.json", codemodel());
  for (auto &[Name, Text] : targets())
    write(".cmake/api/v1/reply/" + Name, Text);
  auto Read = cmakePrograms(Dir, /*Configure=*/false);
  ASSERT_TRUE(static_cast<bool>(Read)) << llvm::toString(Read.takeError());
  EXPECT_TRUE(Read->Note.empty());
  ASSERT_EQ(Read->Programs.size(), 3u);
  EXPECT_EQ(Read->Programs[1].Name, "b_test");
}

TEST_F(BuildDirTest, AReplyWithoutACodemodelIsNoReply) {
  write(".cmake/api/v1/reply/index-2026-01-01T00-00-00-0000.json",
        R"({"objects": [{"kind": "cache", "version": {"major": 2},
                        "jsonFile": "cache.json"}]})");
  auto R = readCMakePrograms(Dir);
  ASSERT_TRUE(static_cast<bool>(R));
  EXPECT_FALSE(R->has_value());
}

} // namespace
