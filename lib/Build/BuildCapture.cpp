//===- BuildCapture.cpp - Captures by reference across calls --------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Inside a lambda's body a capture by reference is a reference whose target
// the body cannot see. Each lambda expression has its own closure class, so
// "the variable captured as capture I of closure C" names one variable of
// the function that made the lambda: stores into it go to a sink, reads of
// it come from a node holding its address, both named by the capture.
// Summaries carry them up the call chain (through functions that receive the
// closure by value, or hold it in another closure) until the function that
// made the lambda maps them to its variable.
//
//===----------------------------------------------------------------------===//
#include "FunctionBuilder.h"
#include "clang-escape/Support/LLVMCompat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/SaveAndRestore.h"

#include <functional>

using namespace clang;

namespace escape {

/// A lambda's capture, named by the closure's place and the capture's
/// index: closures have no names and their capture fields none either.
std::string captureKey(const CXXRecordDecl *Closure, unsigned Index,
                       const SourceManager &SM) {
  SourceLocation L = SM.getExpansionLoc(Closure->getLocation());
  return "lambda@" + fileName(SM.getFilename(L)) + ":" +
         std::to_string(SM.getFileOffset(L)) + "#" + std::to_string(Index);
}

const FieldDecl *captureField(const CXXRecordDecl *Closure,
                              const ValueDecl *Var) {
  if (!Closure)
    return nullptr;
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
  FieldDecl *ThisField = nullptr;
  Closure->getCaptureFields(Fields, ThisField);
  if (!Var)
    return ThisField;
  return Fields.lookup(Var);
}

std::string FunctionBuilder::captureKeyOf(const CXXRecordDecl *Closure,
                                          unsigned Index) const {
  return captureKey(Closure, Index, Ctx.getSourceManager());
}

int FunctionBuilder::captureNode(const CXXRecordDecl *Closure, unsigned Index,
                                 llvm::StringRef Var, bool Source) {
  std::string Key = captureKeyOf(Closure, Index);
  std::map<std::string, int> &Nodes = Source ? CaptureSources : CaptureSinks;
  auto It = Nodes.find(Key);
  if (It != Nodes.end())
    return It->second;
  int N =
      Source
          ? newLoc(LocKind::ParamField, "&" + Var.str(), Closure->getLocation())
          : newLoc(LocKind::ParamContent, "{captured '" + Var.str() + "'}",
                   Closure->getLocation());
  G.Locs[N].Slot = FieldRef::CaptureSlot;
  G.Locs[N].Field = Key;
  G.Locs[N].TypeName = Var.str();
  Nodes[Key] = N;
  // A store through a pointer read from the capture (`*std::get<0>(arr) =
  // v` on an array captured by reference) lands in the captured variable,
  // as a store into it by name does.
  if (Source) {
    int Sink = captureNode(Closure, Index, Var, /*Source=*/false);
    G.Locs[N].Pointer = Sink;
  }
  return N;
}

int FunctionBuilder::capturedThisSink() {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr;
  if (!RD || !RD->isLambda())
    return -1;
  const FieldDecl *F = captureField(RD, nullptr);
  return F && !F->getType()->isReferenceType()
             ? captureSink(RD, F->getFieldIndex(), "this")
             : -1;
}

int FunctionBuilder::closureField(const FieldDecl *F, llvm::StringRef Var,
                                  bool Source) {
  const auto *Fields = IsLambdaBody ? splitFields(Closure) : nullptr;
  if (!Fields || !llvm::is_contained(*Fields, F))
    return -1;
  llvm::SaveAndRestore<bool> Own(OwnClosure, true);
  return paramFieldNode(0, fieldKey(F), Var.str(), Source);
}

bool FunctionBuilder::closureByValue(CallSite &CS, unsigned Slot, QualType PT,
                                     const Expr *Arg, int A, const Note &N) {
  const CXXRecordDecl *RD = PT->getAsCXXRecordDecl();
  const auto *Fields = RD && RD->isLambda() ? splitFields(RD) : nullptr;
  if (!Fields)
    return false;
  const Expr *Src = Arg->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Src);
      CE && CE->getNumArgs() == 1)
    Src = CE->getArg(0)->IgnoreImplicit();
  int Obj = -1;
  if (const auto *LE = dyn_cast<LambdaExpr>(Src)) {
    // Made here: a stand-in split per capture, whose value is the argument.
    Obj = newTemporary(PT, Arg, /*FullExpr=*/true);
    lambda(holeFor(wholeOf(Obj)), LE);
    flow(holeFor(A).note(N), Obj);
  } else {
    expr(holeFor(A).note(N), Arg);
    if (int O = objectNode(Src); O >= 0 && Splits.count(O))
      Obj = O;
  }
  // Or a closure this function was given by value, passed on.
  int Param = -1;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Src))
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl());
        PVD && !PVD->getType()->isReferenceType())
      if (auto It = SlotOfParam.find(PVD); It != SlotOfParam.end())
        Param = It->second;
  for (const FieldDecl *F : *Fields) {
    int Source = Obj >= 0 ? fieldOf(Obj, F) : -1;
    int Sink = Source >= 0 && Splits.count(Source) ? wholeOf(Source) : Source;
    if (Param >= 0) {
      Source = fieldSource(Param, F);
      Sink = contentField(Param, F);
    }
    // Not known apart: every capture is what the whole argument holds.
    if (Source < 0 || Sink < 0)
      Sink = Source = A;
    CS.ArgFields.push_back(
        {FieldRef{static_cast<int>(Slot), fieldKey(F)}, Sink, Source});
  }
  return true;
}

void FunctionBuilder::captureArgs(CallSite &CS, const FunctionDecl *Callee,
                                  llvm::ArrayRef<const Expr *> Args) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Closures;
  // A closure, and the closures it holds, by value or by reference (a
  // lambda calling another it captured): the variables those capture by
  // reference are still the variables of the function that made them.
  std::function<void(QualType)> Add = [&](QualType T) {
    const CXXRecordDecl *RD =
        T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD || !RD->isLambda() || llvm::is_contained(Closures, RD) ||
        Closures.size() >= 8)
      return;
    Closures.push_back(RD);
    for (const FieldDecl *F : RD->fields())
      Add(F->getType());
  };
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
    Add(recordTypeOf(Ctx, MD->getParent()));
  for (const Expr *A : Args)
    Add(A->getType());
  for (const CXXRecordDecl *RD : Closures) {
    unsigned Index = 0;
    auto Capture = RD->captures().begin();
    for (const FieldDecl *F : RD->fields()) {
      bool This = Capture != RD->captures().end() && Capture->capturesThis() &&
                  !F->getType()->isReferenceType();
      if (This)
        CS.ArgFields.push_back(
            {FieldRef{FieldRef::CaptureSlot, captureKeyOf(RD, Index)},
             captureSink(RD, Index, "this"), -1});
      if (F->getType()->isReferenceType() && Capture != RD->captures().end() &&
          Capture->capturesVariable()) {
        llvm::StringRef Var = Capture->getCapturedVar()->getName();
        int Sink = captureSink(RD, Index, Var);
        int Source = captureSource(RD, Index, Var);
        CS.ArgFields.push_back(
            {FieldRef{FieldRef::CaptureSlot, captureKeyOf(RD, Index)}, Sink,
             Source});
      }
      ++Index;
      if (Capture != RD->captures().end())
        ++Capture;
    }
  }
}

} // namespace escape
