//===- ModelTableTest.cpp - Model files -----------------------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Build/ModelTable.h"

#include "gtest/gtest.h"

using namespace escape;

namespace {

TEST(ModelTableTest, ParsesSinksAndLevels) {
  ModelTable T;
  llvm::Error E = T.addFile(R"({"version": 1, "functions": [
    {"name": "memcpy", "params": {"0": {"result": 0}, "1": {"content": {"0": 1}}}},
    {"name": "std::thread::detach", "params": {"this": {"thread": 1}}},
    {"name": "f", "params": {"0": {"noescape": true}}}]})",
                            "m.json");
  ASSERT_FALSE(static_cast<bool>(E)) << llvm::toString(std::move(E));
  const FunctionModel *M = T.find("memcpy");
  ASSERT_NE(M, nullptr);
  EXPECT_EQ(M->Params.at(0).Leaks.Result.Level, 0);
  EXPECT_EQ(M->Params.at(1).Leaks.Content.at(0).Level, 1);
  EXPECT_EQ(T.find("std::thread::detach")->Params.at(-1).Leaks.Thread.Level, 1);
  EXPECT_TRUE(T.find("f")->Params.at(0).NoEscape);
  EXPECT_EQ(T.find("nothing"), nullptr);
}

TEST(ModelTableTest, LaterFilesOverride) {
  ModelTable T;
  ASSERT_FALSE(static_cast<bool>(T.addFile(
      R"({"version": 1, "functions": [{"name": "f", "params": {"0": {"heap": 0}}}]})",
      "a.json")));
  ASSERT_FALSE(static_cast<bool>(
      T.addFile(R"({"version": 1, "functions": [{"name": "f", "params": {}}]})",
                "b.json")));
  EXPECT_TRUE(T.find("f")->Params.empty());
}

std::string errorOf(llvm::StringRef Text) {
  ModelTable T;
  llvm::Error E = T.addFile(Text, "m.json");
  return E ? llvm::toString(std::move(E)) : std::string();
}

TEST(ModelTableTest, ErrorsNameTheFileAndThePlace) {
  EXPECT_NE(errorOf("{\"version\": 1,\n \"functions\": [}").find("m.json:2:"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"functions": []})").find("version"), std::string::npos);
  EXPECT_NE(
      errorOf(R"({"version": 2, "functions": []})").find("unsupported version"),
      std::string::npos);
  EXPECT_NE(errorOf(R"({"version": 1, "functions": [{"name": "f", "params":
               {"x": {"heap": 0}}}]})")
                .find("functions[0].params.x"),
            std::string::npos);
  EXPECT_NE(errorOf(R"({"version": 1, "functions": [{"name": "f", "params":
               {"0": {"heap": -3}}}]})")
                .find("level"),
            std::string::npos);
}

} // namespace
