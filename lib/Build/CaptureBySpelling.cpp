//===- CaptureBySpelling.cpp - lifetime_capture_by read from the source ---===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "CaptureBySpelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace escape {

llvm::SmallVector<llvm::StringRef, 2> spelledCaptureBy(const ParmVarDecl *P) {
  llvm::SmallVector<llvm::StringRef, 2> Out;
  const ASTContext &Ctx = P->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = P->getLocation();
  if (Loc.isInvalid() || Loc.isMacroID())
    return Out;
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset >= Buffer.size())
    return Out;
  Lexer Lex(SM.getLocForStartOfFile(FID), Ctx.getLangOpts(), Buffer.begin(),
            Buffer.begin() + Offset, Buffer.end());
  // The parameter's declarator ends at a ',' or ')' outside brackets, or
  // at its default argument.
  Token Tok;
  int Depth = 0;
  bool Seen = false; // the attribute's name was just read
  for (unsigned Steps = 0; Steps < 256 && !Lex.LexFromRawLexer(Tok); ++Steps) {
    if (Tok.is(tok::eof))
      break;
    if (Depth == 0 &&
        Tok.isOneOf(tok::comma, tok::r_paren, tok::equal, tok::semi))
      break;
    if (Tok.isOneOf(tok::l_paren, tok::l_square))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square))
      --Depth;
    if (Tok.is(tok::raw_identifier) &&
        Tok.getRawIdentifier() == "lifetime_capture_by") {
      Seen = true;
      continue;
    }
    // The argument-less spellings of later Clangs:
    // `lifetime_capture_by_this`, `_global`, `_unknown`.
    if (llvm::StringRef Name = Tok.is(tok::raw_identifier)
                                   ? Tok.getRawIdentifier()
                                   : llvm::StringRef();
        Name.consume_front("lifetime_capture_by_") &&
        (Name == "this" || Name == "global" || Name == "unknown")) {
      Out.push_back(Name);
      continue;
    }
    if (!Seen || Tok.is(tok::l_paren) || Tok.is(tok::comma))
      continue;
    if (Tok.is(tok::raw_identifier)) {
      Out.push_back(Tok.getRawIdentifier());
      continue;
    }
    Seen = false; // the closing ')' or anything unexpected ends the list
  }
  return Out;
}

} // namespace escape
