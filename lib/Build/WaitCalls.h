//===- WaitCalls.h - Calls that wait for work handed off ---------*- C++
//-*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Work handed to an object (an executor, a pool, a task group) and waited for
// before the captured locals die is a borrow that ends at the wait. These
// helpers find the waits: member calls named like the standard library's
// waits or marked `"waits": true` in a model file (docs/Models.md), and
// guards, locals whose destructor waits on the object they were made from.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_BUILD_WAITCALLS_H
#define CLANG_ESCAPE_LIB_BUILD_WAITCALLS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace escape {

class ModelTable;

/// A call that returns once the work its object was given is done and
/// dropped: a future's get() or wait(), a thread's join(), a pool's
/// shutdown or wait, or a function a model marks as waiting.
bool isWaitCall(const clang::CXXMemberCallExpr *MC, const ModelTable *Models);

/// True if class \p RD, or a base of it, has an `operator->`: a smart
/// pointer, whose `get()` reads it rather than waits.
bool actsAsPointer(const clang::CXXRecordDecl *RD);

/// A free function that returns once the handle it is given is done
/// (`await(std::move(fut))`, `sync_wait(sndr)`, `blocking_get(f)`), or one a
/// model marks as waiting.
bool isFreeWaitCall(const clang::CallExpr *E, const ModelTable *Models);

/// \p E without what passes a handle on unchanged: `std::move`,
/// `std::forward`, copies and temporaries.
const clang::Expr *handleOf(const clang::Expr *E);

/// The objects the waits in statement S wait on (`o.wait();`,
/// `check(fut.get());`), not counting waits inside lambdas.
void waitedObjects(const clang::Stmt *S, const ModelTable *Models,
                   llvm::SmallVectorImpl<const clang::Expr *> &Out);

/// The variables that loop S spins on (`while (running) {}`,
/// `do ... while (!done.load());`): those its condition reads.
void spunOn(const clang::Stmt *S,
            llvm::SmallVectorImpl<const clang::VarDecl *> &Out);

/// True if statement \p S hands out the address of local \p V: a lambda
/// capturing it by reference, `&v`, or `v` passed on (`std::ref(latch)`).
/// Waiting on such a local (`latch.wait()`, spinning on a counter the work
/// decrements) waits for the work it was given to.
bool givesAddressOf(const clang::Stmt *S, const clang::VarDecl *V);

/// True if statement \p S names a local other than \p V whose initializer
/// gives the address of V (`Op op{loop}; start(op);`): work built from V.
bool holdsAddressOf(const clang::Stmt *S, const clang::VarDecl *V);

/// The member calls of \p S on a local or a member of one (`loop.run()`),
/// not counting calls inside lambdas.
void callsOnLocals(
    const clang::Stmt *S,
    llvm::SmallVectorImpl<const clang::CXXMemberCallExpr *> &Out);

/// True if statement \p S gives a copy of local \p V whose class only
/// shares state with V (a wait group or event holding a `shared_ptr` to
/// its counter: every copy is the same wait), by a capture by value, an
/// init-capture or an argument by value.
bool givesSharedCopyOf(const clang::Stmt *S, const clang::VarDecl *V);

/// True if call \p E is given a callable (a lambda, an object with an
/// `operator()`: a bound handler).
bool givesCallable(const clang::CallExpr *E);

/// The calls of S given a callable, not counting those inside lambdas.
void callableGivers(const clang::Stmt *S,
                    llvm::SmallVectorImpl<const clang::CallExpr *> &Out);

/// The calls of S that may hand work off: member calls (to their object),
/// free functions given a callable (`schedule(f)`, to an executor the
/// callee finds itself) and functions or function objects given a local
/// object by non-const reference or pointer (`start(op)`).
void handOffs(const clang::Stmt *S, const ModelTable *Models,
              llvm::SmallVectorImpl<const clang::CallExpr *> &Out);

/// The parameter slots of \p FD (slot 0 is `this` for a method) whose
/// object it spins on: a loop of its body that ends on a test of the
/// object's atomic state (`while (w.pending())`, `for (;;) { if
/// (!waiter.continue_execution()) break; ... }`), read through the methods
/// of the program a few calls deep; or a wait on the object (`f.wait()`,
/// `await(std::forward<F>(f))`). Callees given the object are a summary's
/// business (FunctionSummary::WaitsOn).
void waitedSlots(const clang::FunctionDecl *FD, const ModelTable *Models,
                 llvm::SmallVectorImpl<int> &Out);

/// The slots of hand-off \p Give (in the last of \p Block's statements
/// \p Upto, 0 is `this` for a member call) whose argument is a local (or
/// a member of one) given by reference or pointer that the work holds:
/// another argument gives its address, or an earlier statement of the
/// block stored its address into an object another argument names
/// (`t->parent = &w; execute_and_wait(*t, w);`).
/// The calls of \p S, not counting those inside lambdas, given a local
/// object or a member of one by reference or pointer (`run(task, wn.ctx)`):
/// those whose callee may wait on it (heldLocalSlots).
void localObjectGivers(const clang::Stmt *S,
                       llvm::SmallVectorImpl<const clang::CallExpr *> &Out);

void heldLocalSlots(const clang::CallExpr *Give,
                    llvm::ArrayRef<const clang::Stmt *> Block, size_t Upto,
                    llvm::SmallVectorImpl<int> &Out);

/// The local (or reference parameter) whose object the argument of \p Give
/// at slot \p Slot is, as heldLocalSlots counts slots; or null.
const clang::VarDecl *heldLocal(const clang::CallExpr *Give, int Slot);

/// The variable an object expression starts from: `pool` for `pool`,
/// `pool->`, `*pool`, `pool.get()->`; null when it is not a variable.
const clang::VarDecl *objectVariable(const clang::Expr *E);

/// The variable whose member an object expression is (`f` for `f.cv`,
/// `f.cv.m`), or objectVariable(E).
const clang::VarDecl *rootVariable(const clang::Expr *E);

/// True if local \p Guard is a guard of the work handed off by \p Give:
/// built from the object Give hands work to, its destructor waits on a
/// member (`~Shutdowner() { ex->shutdown(); }`), and it dies before every
/// local that Give's statement \p GiveStmt names (declared after them).
bool guardsHandOff(const clang::VarDecl *Guard,
                   const clang::CXXMemberCallExpr *Give,
                   const clang::Stmt *GiveStmt, const ModelTable *Models,
                   const clang::SourceManager &SM);

/// Calls \p Init on the initializers of LE's init-captures, \p ByRef on
/// the variables it captures by reference and \p ByCopy on those it copies;
/// its body is not visited.
void visitCaptures(
    clang::LambdaExpr *LE, llvm::function_ref<void(clang::Expr *)> Init,
    llvm::function_ref<void(const clang::VarDecl *)> ByRef,
    llvm::function_ref<void(const clang::VarDecl *)> ByCopy = nullptr);

/// True if \p E names variable \p V anywhere.
bool mentions(const clang::Stmt *E, const clang::VarDecl *V);

/// True if \p E is, or is read from, the function's own object: `this`, a
/// member, an element of one, what an element is taken out by (`q.front()`,
/// `q.PopFront()`), a local made from one (`auto &f : queue_`, `auto task =
/// std::move(queue_.front())`).
bool ownState(const clang::Expr *E);

/// True if a call of method \p FD runs, destroys or joins the work its
/// object holds (FunctionSummary::Drains): its body, or a method of the
/// program it calls on its own object a few calls deep, joins or waits on a
/// member without arguments (`threads_.join()`, not a condition's
/// `wait(lock)`), or calls what the object holds, through a callable or a
/// function pointer (`func_(owner, this)`), or destroys it. A destructor
/// does so with anything it holds (`for (auto &f : queue) f();`, or any
/// wait on a member); another method with work it takes out of the object
/// first (`op *o = queue_.front(); ... o->complete(); o->~op();`): calling
/// a list of listeners leaves them in place.
bool runsHeldWork(const clang::FunctionDecl *FD, const ModelTable *Models);

/// True if method \p FD waits on its own state (FunctionSummary::Blocks):
/// its body, or a method of the program it calls on its own object a few
/// calls deep, waits on a member, a condition's `wait(lock)` included.
bool waitsOnOwnState(const clang::FunctionDecl *FD, const ModelTable *Models);

/// True if local \p W is made from variable \p V (its initializer names V:
/// `test_stream s(ioc);`, `auto s = make_strand(ioc);`): work handed to W
/// reaches V.
bool madeFrom(const clang::VarDecl *W, const clang::VarDecl *V);

/// The local whose member call initializes local \p V (`auto fut =
/// prom.get_future();`): a handle sharing its state, so a wait on V waits
/// for a signal given through it. Null if none.
const clang::VarDecl *handleSource(const clang::VarDecl *V);

/// The same for a handle made in the wait's own expression: the local
/// whose member call \p W is (`done.get_future()` of
/// `done.get_future().get()`); null otherwise.
const clang::VarDecl *handleSource(const clang::Expr *W);

/// True if every local that statement \p S names by address (its
/// arguments, a lambda's by-reference captures, what its init-captures are
/// made from) was declared before local \p Last, so that it outlives Last;
/// with \p LastNamed, S may name Last itself (the object it calls).
bool namedLocalsOutlive(const clang::Stmt *S, const clang::VarDecl *Last,
                        const clang::SourceManager &SM, bool LastNamed);

/// True if statement \p S names a local declared inside \p Block (a
/// statement enclosing S): that local is dead once Block is left.
bool namesLocalWithin(const clang::Stmt *S, const clang::Stmt *Block,
                      const clang::SourceManager &SM);

/// Where the executor a free function hands work to comes from: the
/// globals and argument-less functions (`Scheduler::get()`) that the
/// objects of its member calls are read from.
void executorSources(const clang::FunctionDecl *FD,
                     llvm::SmallVectorImpl<const clang::Decl *> &Out);

/// The global or argument-less function the pointer \p E was read from
/// (`s` in `Scheduler *s = bound;`), or null.
const clang::Decl *pointerSource(const clang::Expr *E);

} // namespace escape

#endif
