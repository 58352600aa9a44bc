//===- FrameLayout.cpp - Frame slots of claimed locals from DWARF ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "FrameLayout.h"

#include <cstdio>
#include <regex>
#include <sstream>

using namespace escape::validate;

namespace {

std::string shellQuote(const std::string &S) {
  std::string Out = "'";
  for (char C : S)
    Out += C == '\'' ? std::string("'\\''") : std::string(1, C);
  return Out + "'";
}

std::string capture(const std::string &Cmd) {
  std::string Out;
  FILE *P = popen(Cmd.c_str(), "r");
  if (!P)
    return Out;
  char Buf[4096];
  size_t N;
  while ((N = fread(Buf, 1, sizeof(Buf), P)) > 0)
    Out.append(Buf, N);
  pclose(P);
  return Out;
}

/// Parses the DIE dump of one subprogram and its children.
std::map<std::string, FrameSlot> parseSubprogram(const std::string &Dump) {
  static const std::regex Tag(R"(^0x[0-9a-f]+:(\s+)(DW_TAG_\w+|NULL))");
  static const std::regex FrameBase(R"(DW_AT_frame_base\s+\(DW_OP_reg6 RBP\))");
  static const std::regex Location(
      R"(DW_AT_location\s+\(DW_OP_fbreg (-?\d+)\))");
  static const std::regex Name(R"re(DW_AT_name\s+\("([^"]*)"\))re");
  std::map<std::string, FrameSlot> Slots;
  std::istringstream In(Dump);
  std::string Line, CurTag, CurName;
  bool InSubprogram = false, RbpBase = false, HaveLoc = false;
  size_t SubIndent = 0;
  long long Loc = 0;
  auto Flush = [&] {
    if ((CurTag == "DW_TAG_variable" || CurTag == "DW_TAG_formal_parameter") &&
        HaveLoc && !CurName.empty() && RbpBase && !Slots.count(CurName))
      Slots[CurName] = FrameSlot{Loc - 16, 0};
    CurName.clear();
    HaveLoc = false;
  };
  std::smatch M;
  while (std::getline(In, Line)) {
    if (std::regex_search(Line, M, Tag)) {
      Flush();
      size_t Indent = M[1].length();
      CurTag = M[2];
      if (CurTag == "DW_TAG_subprogram") {
        if (InSubprogram && Indent <= SubIndent)
          break; // the next function
        if (!InSubprogram) {
          InSubprogram = true;
          SubIndent = Indent;
        }
      }
      continue;
    }
    if (std::regex_search(Line, M, FrameBase))
      RbpBase = true;
    else if (std::regex_search(Line, M, Location)) {
      Loc = std::stoll(M[1]);
      HaveLoc = true;
    } else if (std::regex_search(Line, M, Name))
      CurName = M[1];
  }
  Flush();
  return Slots;
}

} // namespace

bool escape::validate::returnsNoAddress(const std::string &Mangled,
                                        const std::string &Program,
                                        const std::string &Dwarfdump) {
  // The first DIE named Mangled is the subprogram (or, for a method, its
  // declaration in the class, which carries the type).
  std::string Dump = capture(shellQuote(Dwarfdump) +
                             " --debug-info --name=" + shellQuote(Mangled) +
                             " " + shellQuote(Program) + " 2>/dev/null");
  static const std::regex Type(R"re(DW_AT_type\s+\(0x[0-9a-f]+ "([^"]*)"\))re");
  static const std::regex Tag(R"(^0x[0-9a-f]+:\s+DW_TAG_(\w+))");
  std::istringstream In(Dump);
  std::string Line;
  std::smatch M;
  bool InSubprogram = false;
  while (std::getline(In, Line)) {
    if (std::regex_search(Line, M, Tag)) {
      if (InSubprogram)
        return false; // no DW_AT_type: void, or only on a declaration
      InSubprogram = M[1] == "subprogram";
      continue;
    }
    if (InSubprogram && std::regex_search(Line, M, Type)) {
      static const char *const Narrow[] = {
          "bool",    "char",           "signed char", "unsigned char",
          "short",   "unsigned short", "int",         "unsigned int",
          "float",   "double",         "long double", "wchar_t",
          "char8_t", "char16_t",       "char32_t"};
      for (const char *N : Narrow)
        if (M[1] == N)
          return true;
      return false;
    }
  }
  return false;
}

std::map<size_t, std::map<std::string, FrameSlot>>
escape::validate::findFrameSlots(const ClaimsFile &Claims,
                                 const std::string &Program,
                                 const std::string &Dwarfdump) {
  std::map<size_t, std::map<std::string, FrameSlot>> Result;
  for (size_t I = 0; I < Claims.Functions.size(); ++I) {
    const FunctionClaims &F = Claims.Functions[I];
    if (F.Stack.empty())
      continue;
    std::string Dump = capture(
        shellQuote(Dwarfdump) + " --debug-info --show-children --name=" +
        shellQuote(F.Mangled) + " " + shellQuote(Program) + " 2>/dev/null");
    std::map<std::string, FrameSlot> Slots = parseSubprogram(Dump);
    // Sizes come from the claims (the analyzer knows the types).
    for (const StackClaim &C : F.Stack) {
      auto It = Slots.find(C.Name);
      if (It != Slots.end())
        It->second.Size = C.Bytes ? C.Bytes : 1;
    }
    if (!Slots.empty())
      Result[I] = std::move(Slots);
  }
  return Result;
}
