//===- ReachedAfter.cpp - What a scope's end can reach ----------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// escape-scope reports a local that keeps the address of a shorter-lived one
// and is read after that one's scope ends. "After" is a path from the end of
// the scope, not a later place in the source: the other branch of an `if`
// the scope is in never runs after it (unless a loop around the `if` comes
// back to it), and nothing runs after a scope that always returns. This
// records, per scope, the source spans its end cannot reach.
//
//===----------------------------------------------------------------------===//

#include "FunctionBuilder.h"
#include "WaitCalls.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

#include <functional>
#include <optional>

using namespace clang;

namespace escape {

namespace {

/// True if S contains a jump that may leave it other than by returning:
/// a goto, or a break or continue not owned by a loop or switch inside S.
bool jumpsOut(const Stmt *S, bool InLoop = false, bool InSwitch = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return !InLoop && !InSwitch;
  if (isa<ContinueStmt>(S))
    return !InLoop;
  bool Loop = InLoop || isa<ForStmt>(S) || isa<WhileStmt>(S) ||
              isa<DoStmt>(S) || isa<CXXForRangeStmt>(S);
  bool Switch = InSwitch || isa<SwitchStmt>(S);
  for (const Stmt *C : S->children())
    if (jumpsOut(C, Loop, Switch))
      return true;
  return false;
}

/// True if every path through S ends in a `return` (or `co_return`).
bool alwaysReturns(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<CoreturnStmt>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(CS->body(), alwaysReturns);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysReturns(If->getThen()) &&
           alwaysReturns(If->getElse());
  if (const auto *AS = dyn_cast<AttributedStmt>(S))
    return alwaysReturns(AS->getSubStmt());
  return false;
}

/// For a plain assignment `v = e` or `v.f.g = e` to a local object v
/// (not a reference): the assignment; else null.
const BinaryOperator *localStore(const Stmt *S) {
  const auto *BO = dyn_cast<BinaryOperator>(S);
  if (!BO || BO->getOpcode() != BO_Assign)
    return nullptr;
  const Expr *L = BO->getLHS()->IgnoreParens();
  while (const auto *ME = dyn_cast<MemberExpr>(L)) {
    if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
      return nullptr;
    L = ME->getBase()->IgnoreParens();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(L);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType()
             ? BO
             : nullptr;
}

/// The variable and the fields of a localStore's left side.
std::pair<const VarDecl *, llvm::SmallVector<const Decl *, 2>>
storePlace(const BinaryOperator *BO) {
  std::pair<const VarDecl *, llvm::SmallVector<const Decl *, 2>> P;
  const Expr *L = BO->getLHS()->IgnoreParens();
  while (const auto *ME = dyn_cast<MemberExpr>(L)) {
    P.second.push_back(ME->getMemberDecl());
    L = ME->getBase()->IgnoreParens();
  }
  P.first = cast<VarDecl>(cast<DeclRefExpr>(L)->getDecl());
  return P;
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
         isa<CXXForRangeStmt>(S);
}

bool declares(const CompoundStmt *CS, const VarDecl *V) {
  return llvm::any_of(CS->body(), [V](const Stmt *C) {
    const auto *DS = dyn_cast<DeclStmt>(C);
    return DS && llvm::is_contained(DS->decls(), V);
  });
}

using Place = std::pair<const VarDecl *, llvm::SmallVector<const Decl *, 2>>;

/// What happens to a value stored at a place of a local, run through a
/// statement: still there (Live), replaced on every path that goes on
/// (Gone), or possibly read first (Read).
enum class Held { Live, Gone, Read };

Held runThrough(const Stmt *S, const Place &P, Held In) {
  if (In != Held::Live || !S)
    return In;
  const VarDecl *V = P.first;
  // A store into the variable reads only its right side; it replaces the
  // place when it writes it or what contains it (`v = w` replaces `v.f`).
  if (const BinaryOperator *BO = localStore(S);
      BO && storePlace(BO).first == V) {
    if (mentions(BO->getRHS(), V))
      return Held::Read;
    llvm::ArrayRef<const Decl *> Fields = storePlace(BO).second;
    llvm::ArrayRef<const Decl *> Within = P.second;
    return Within.take_back(Fields.size()) == Fields ? Held::Gone : Held::Live;
  }
  // `v = T{...}` with the assignment the compiler writes.
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(S))
    S = EWC->getSubExpr();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
    const auto *DRE = dyn_cast<DeclRefExpr>(OC->getArg(0)->IgnoreParens());
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (DRE && DRE->getDecl() == V && MD && MD->isTrivial())
      return mentions(OC->getArg(1), V) ? Held::Read : Held::Gone;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *C : CS->body())
      if ((In = runThrough(C, P, In)) != Held::Live)
        return In;
    return In;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (mentions(If->getInit(), V) || mentions(If->getCond(), V) ||
        If->getConditionVariable())
      return Held::Read;
    Held Then = runThrough(If->getThen(), P, Held::Live);
    Held Else = runThrough(If->getElse(), P, Held::Live);
    if (Then == Held::Read || Else == Held::Read)
      return Held::Read;
    return Then == Held::Gone && Else == Held::Gone ? Held::Gone : Held::Live;
  }
  if (isa<ReturnStmt>(S)) // nothing follows on this path
    return mentions(S, V) ? Held::Read : Held::Gone;
  return mentions(S, V) || jumpsOut(S) ? Held::Read : Held::Live;
}

/// True if, on every path from the end of block \p B, the place \p P is
/// given another value before its variable is read again (or the variable
/// dies first). Gives up at a loop, a switch or a try around \p B.
bool replacedBeforeReadAfter(const CompoundStmt *B, const Place &P,
                             const ParentMap &PM) {
  const Stmt *Cur = B;
  for (const Stmt *Par = PM.getParent(Cur); Par;
       Cur = Par, Par = PM.getParent(Par)) {
    if (const auto *CS = dyn_cast<CompoundStmt>(Par)) {
      bool After = false;
      for (const Stmt *C : CS->body()) {
        if (After)
          if (Held H = runThrough(C, P, Held::Live); H != Held::Live)
            return H == Held::Gone;
        After |= C == Cur;
      }
      if (declares(CS, P.first))
        return true; // the variable's own block ends: nothing reads it
      continue;
    }
    const auto *If = dyn_cast<IfStmt>(Par);
    if (!If || (Cur != If->getThen() && Cur != If->getElse()))
      return false;
  }
  return true; // the function ends
}

/// True if the value \p BO stores names a local declared in \p B: it dies
/// when \p B ends.
bool storesLocalOf(const BinaryOperator *BO, const CompoundStmt *B,
                   const SourceManager &SM) {
  SourceRange R = B->getSourceRange();
  std::function<bool(const Stmt *)> Names = [&](const Stmt *S) {
    if (!S)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasLocalStorage() &&
             SM.isBeforeInTranslationUnit(R.getBegin(), VD->getLocation()) &&
             SM.isBeforeInTranslationUnit(VD->getLocation(), R.getEnd());
    }
    return llvm::any_of(S->children(), Names);
  };
  return Names(BO->getRHS());
}

} // namespace

void FunctionBuilder::unreachedAfterScopes() {
  if (ScopeStmts.size() < 2 || !FD->getBody())
    return;
  // Only scopes that something dies at the end of.
  llvm::DenseSet<int> Dying;
  for (const Location &L : G.Locs)
    if (L.Scope > 0 &&
        (L.Kind == LocKind::Local || L.Kind == LocKind::Temporary))
      Dying.insert(L.Scope);
  if (Dying.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Offset = [&](SourceLocation L) {
    return SM.getFileOffset(SM.getExpansionLoc(L));
  };
  // The loop scope a loop statement's next iteration re-enters.
  llvm::DenseMap<const Stmt *, int> LoopScope;
  for (auto &[Index, S] : ScopeStmts) {
    if (!G.Scopes[Index].Loop)
      continue;
    LoopScope[S] = Index;
  }
  auto LoopScopeOf = [&](const Stmt *Loop) {
    const Stmt *Body = nullptr;
    if (const auto *F = dyn_cast<ForStmt>(Loop))
      Body = F->getBody();
    else if (const auto *FR = dyn_cast<CXXForRangeStmt>(Loop))
      Body = FR->getBody();
    for (const Stmt *S : {Loop, Body}) {
      auto It = S ? LoopScope.find(S) : LoopScope.end();
      if (It != LoopScope.end())
        return It->second;
    }
    return -1;
  };
  ParentMap PM(const_cast<Stmt *>(FD->getBody()));
  for (int Index : Dying) {
    auto SIt = ScopeStmts.find(Index);
    if (SIt == ScopeStmts.end() || G.Scopes[Index].FullExpr)
      continue;
    const Stmt *S = SIt->second;
    if (jumpsOut(S))
      continue; // a goto, break or continue may leave it anywhere
    std::vector<UnreachedSpan> Spans;
    bool InTry = false;
    // Walk out to the function's body: the other branch of each enclosing
    // `if`, until a loop around it, the innermost such loop being where it
    // is reached again. A lambda's body (lowered with the function that
    // makes it) may run again, like a loop we know no scope of, and its
    // `return` goes back into the function.
    std::vector<size_t> Open; // spans not yet enclosed by a loop
    const Stmt *Cur = S;
    for (const Stmt *P = PM.getParent(S); P; Cur = P, P = PM.getParent(P)) {
      if (const auto *If = dyn_cast<IfStmt>(P)) {
        const Stmt *Other = Cur == If->getThen()   ? If->getElse()
                            : Cur == If->getElse() ? If->getThen()
                                                   : nullptr;
        if (Other) {
          Open.push_back(Spans.size());
          Spans.push_back(
              {Offset(Other->getBeginLoc()), Offset(Other->getEndLoc()), -1});
        }
      } else if (isLoop(P) || isa<LambdaExpr>(P) || isa<BlockExpr>(P)) {
        int Loop = isLoop(P) ? LoopScopeOf(P) : -1;
        if (Loop < 0 && !Open.empty()) // no scope we know: give them up
          Spans.resize(Open.front());
        for (size_t I : Open)
          if (I < Spans.size())
            Spans[I].Loop = Loop;
        Open.clear();
        if (!isLoop(P))
          break;
      } else if (const auto *Try = dyn_cast<CXXTryStmt>(P);
                 Try && Cur == Try->getTryBlock()) {
        InTry = true; // a handler may run after a throw in the scope
      }
    }
    // A scope of the function itself that always returns reaches nothing
    // after its end (a handler of a try around it could, after a throw).
    if (Cur == FD->getBody() && !InTry && alwaysReturns(S))
      Spans.push_back({G.Scopes[Index].EndOffset, ~0u, -1});
    G.Scopes[Index].Unreached = std::move(Spans);
  }
}

void FunctionBuilder::overwrittenLocalStores(const Stmt *Body) {
  // `local.p = &x; ...; local.p = nullptr;` in one block, with no jump in
  // between: after the reset the local no longer holds &x, whatever
  // follows.
  const SourceManager &SM = Ctx.getSourceManager();
  auto Mark = [&](const BinaryOperator *First, SourceLocation Later) {
    auto VL = VarLocs.find(storePlace(First).first);
    if (VL == VarLocs.end())
      return;
    unsigned At = SM.getFileOffset(SM.getExpansionLoc(First->getBeginLoc()));
    unsigned Kill = SM.getFileOffset(SM.getExpansionLoc(Later));
    for (Edge &E : G.Edges)
      if (rootObject(E.Dst) == VL->second &&
          llvm::any_of(E.Notes,
                       [&](const Note &N) { return N.Pos.Offset == At; }))
        E.OverwrittenAt = Kill;
  };
  auto Resets = [&](const BinaryOperator *Later) {
    return Later && Later->getRHS()->isNullPointerConstant(
                        Ctx, Expr::NPC_ValueDependentIsNotNull);
  };
  // `{ char buf[32]; h.value = buf; use(&h); } ... h.value = "x"; use(&h);`:
  // a block's local kept in an outer local that every path gives another
  // value before reading it again. (Not where a goto may jump anywhere.)
  // (Both walks of the body only for a function that has such a store.)
  std::optional<ParentMap> PM;
  std::optional<bool> Gotos;
  auto ReplacedAfterBlock = [&](const BinaryOperator *First,
                                const CompoundStmt *B) {
    if (declares(B, storePlace(First).first) || !storesLocalOf(First, B, SM))
      return false;
    if (!Gotos)
      Gotos = jumpsOut(Body);
    if (*Gotos)
      return false;
    if (!PM)
      PM.emplace(const_cast<Stmt *>(Body));
    return replacedBeforeReadAfter(B, storePlace(First), *PM);
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      llvm::ArrayRef<Stmt *> Stmts(CS->body_begin(), CS->body_end());
      for (size_t I = 0; I < Stmts.size(); ++I) {
        const BinaryOperator *First = localStore(Stmts[I]);
        // (Edges are matched by the store's position: not in a macro.)
        if (!First || First->getBeginLoc().isMacroID() || jumpsOut(Stmts[I]))
          continue;
        size_t J = I + 1;
        for (; J < Stmts.size(); ++J) {
          const BinaryOperator *Later = localStore(Stmts[J]);
          if (Later && storePlace(Later) == storePlace(First)) {
            if (Resets(Later))
              Mark(First, Later->getBeginLoc());
            break;
          }
          if (jumpsOut(Stmts[J]))
            break;
        }
        if (J == Stmts.size() && ReplacedAfterBlock(First, CS))
          Mark(First, CS->getEndLoc());
      }
    }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(Body);
}

} // namespace escape
