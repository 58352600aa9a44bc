//===- GithubEmitter.cpp - GitHub Actions workflow commands ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// `::warning file=F,line=L,col=C,title=T::message`: the runner turns each
// line into an annotation on the pull request's diff. Files are relative to
// the source root, which is the repository a workflow checks out.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Output/Emitters.h"

#include "llvm/Support/raw_ostream.h"

namespace escape {

namespace {

/// The runner decodes %25, %0D and %0A in messages; properties also %3A, %2C.
std::string encode(llvm::StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out.push_back(C);
  }
  return Out;
}

} // namespace

void emitGithub(const Report &R, const SourcePaths &Paths,
                llvm::raw_ostream &OS) {
  auto Where = [&](const SourcePos &P) {
    std::string Rel = Paths.relative(P.File);
    return (Rel.empty() ? P.File : Rel) + ":" + std::to_string(P.Line) + ":" +
           std::to_string(P.Column);
  };
  for (const Finding &F : R.Findings) {
    std::string File = Paths.relative(F.Pos.File);
    if (File.empty())
      File = F.Pos.File;
    // The flow goes under the message, one step a line.
    std::string Message = F.Message;
    for (const Note &N : F.Flow) {
      Message += "\n" + (N.Pos.valid() ? Where(N.Pos) + ": " : "") + N.Why;
      if (!N.What.empty())
        Message += ": " + N.What;
    }
    OS << "::" << (F.Class == FindingClass::Bug ? "warning" : "notice")
       << " file=" << encode(File, true) << ",line=" << F.Pos.Line
       << ",col=" << F.Pos.Column << ",title=" << encode(F.Check, true)
       << "::" << encode(Message, false) << "\n";
  }
}

} // namespace escape
