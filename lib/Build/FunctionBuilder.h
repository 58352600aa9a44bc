//===- FunctionBuilder.h - Lowering of one function body --------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// Go's holes over the Clang AST. A Hole is "the value of this expression
// flows into Dst after Derefs dereferences"; expr(K, E) lowers E into K.
// The lowering is split by syntax kind: BuildExpr.cpp, BuildCall.cpp,
// BuildStmt.cpp; objects by field in BuildField.cpp, captures by reference
// in BuildCapture.cpp; library callees are modelled in LibraryModels.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_BUILD_FUNCTIONBUILDER_H
#define CLANG_ESCAPE_BUILD_FUNCTIONBUILDER_H

#include "ObjectUses.h"
#include "TypeClass.h"
#include "clang-escape/Build/GraphBuilder.h"
#include "clang-escape/Graph/EscapeGraph.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Regex.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

namespace escape {

/// Where a value goes: Go's hole.
struct Hole {
  int Dst = -1; ///< -1: discarded.
  int Derefs = 0;
  bool Maybe = false;
  std::vector<Note> Notes;

  bool discard() const { return Dst < 0; }
  Hole shift(int By, Note N = {}) const {
    Hole H = *this;
    H.Derefs += By;
    // Bounded: a chain of N steps (`p->next->next...`) would otherwise
    // copy N notes N times. The innermost step replaces the last kept one.
    if (!N.Why.empty()) {
      if (H.Notes.size() >= MaxNotes)
        H.Notes.back() = std::move(N);
      else
        H.Notes.push_back(std::move(N));
    }
    return H;
  }
  static constexpr size_t MaxNotes = 32;
  Hole note(Note N) const { return shift(0, std::move(N)); }
};

/// State shared by the builders of one translation unit.
struct TUContext {
  clang::ASTContext &Ctx;
  const BuildOptions &Opts;
  TypeClassifier Types;
  /// Callees with bodies outside the main file that must be lowered too.
  std::function<void(const clang::FunctionDecl *)> Enqueue;
  /// A method lowered again for a known dynamic class of `this` (see
  /// FunctionBuilder::DynamicThis).
  std::function<void(const clang::FunctionDecl *, const clang::CXXRecordDecl *)>
      EnqueueAs;

  /// The fields a class is split into (see BuildField.cpp), per class.
  struct SplitFields {
    bool Valid = false;
    llvm::SmallVector<const clang::FieldDecl *, 8> Fields;
  };
  /// Node-based: callers keep a pointer to an entry while adding others.
  std::unordered_map<const clang::CXXRecordDecl *, SplitFields> SplitFieldCache;
  /// What each function writes, its callees' included (a few calls deep);
  /// see writesOf (ObjectUses.h).
  std::unordered_map<const clang::FunctionDecl *, FunctionWrites> FieldsWritten;
  /// How many calls deep each entry of FieldsWritten looked: a deeper
  /// question looks again (the answer must not depend on which came first).
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> FieldsWrittenDepth;
  /// The program's constructors each library function runs, a few calls
  /// deep (InPlaceConstruction.cpp).
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallVector<const clang::CXXConstructorDecl *, 2>>
      ConstructorsRun;
  /// What each variadic method of the program hands its arguments on to
  /// (InPlaceConstruction.cpp): the builder reached, or null, and the
  /// parameters handed on.
  llvm::DenseMap<
      const clang::FunctionDecl *,
      std::pair<const clang::FunctionDecl *, llvm::SmallVector<unsigned, 4>>>
      ForwardedTo;
  /// Linkage names, to tell apart instantiations USRs confuse.
  std::unique_ptr<clang::MangleContext> Mangler;
  /// The lowest stack address the lowering may recurse down to (0: no
  /// limit known); see FunctionBuilder::overBudget.
  uintptr_t StackLimit = 0;
  /// Set while a function is lowered, for crash reports (BuildOptions).
  std::string *Current = nullptr;
  /// The global containers a destructor erases from, and those a method
  /// puts into (FunctionBuilder::registryRelease).
  llvm::DenseMap<const clang::FunctionDecl *,
                 std::vector<const clang::VarDecl *>>
      DestructorErases, PutsIntoGlobals;

  TUContext(clang::ASTContext &Ctx, const BuildOptions &Opts);

  /// Whether what is defined at \p L is reported: in the main file, or in
  /// a non-system header BuildOptions::HeaderFilter matches.
  bool reported(clang::SourceLocation L);
  /// Whether what is defined at \p L is a library's: in a system header,
  /// unless BuildOptions::SystemHeaders makes it the program's own.
  bool library(clang::SourceLocation L);

private:
  /// Whether HeaderFilter matches the file of \p L (an expansion location).
  bool filtered(clang::SourceLocation L);

  std::optional<llvm::Regex> HeaderFilter;
  llvm::DenseMap<clang::FileID, bool> ReportedFiles;
};

/// The lowest stack address this thread's lowering may use, keeping room
/// for Clang's own recursion below it; 0 when unknown.
uintptr_t lowestStackAddress();

/// Summary of a library callee, or nullopt when its body is analyzed.
std::optional<FunctionSummary> libraryModel(TUContext &TU,
                                            const clang::FunctionDecl *FD,
                                            unsigned NumSlots,
                                            bool HasThisSlot);

/// The first template argument of a class template specialization, when
/// it is a type (a container's element type, what a smart pointer owns).
clang::QualType firstTypeArg(const clang::CXXRecordDecl *RD);

/// The one constructor of library class \p Of that library function \p Lib
/// runs, itself or through the library functions it calls (`make_shared`
/// builds its object deep in the library); null if none or several.
const clang::CXXConstructorDecl *
libraryConstructorRun(const clang::FunctionDecl *Lib,
                      const clang::CXXRecordDecl *Of);

/// A standard container's emplace-like method \p Callee called with \p NArgs
/// arguments builds its element, or a map's key or mapped value, from them:
/// those building a part whose type holds no address (a `std::string` key
/// built from a `string_view`) keep nothing of what they point to. Their
/// leaks are dropped from the model \p M.
void dropArgumentsOfInertParts(FunctionSummary &M,
                               const clang::FunctionDecl *Callee,
                               unsigned NArgs, TypeClassifier &Types);

/// Characters carry no addresses: bytes copied from a char pointer are a
/// copy of bytes, whatever else the pointer's object holds.
bool pointsToChars(clang::QualType T);

/// True if the callee's own body should be lowered rather than modelled.
bool shouldAnalyzeBody(TUContext &TU, const clang::FunctionDecl *FD);

/// The name a model file gives \p FD: qualified, without template
/// arguments and inline namespaces (docs/Models.md).
std::string modelName(const clang::FunctionDecl *FD);

/// Whether the initializer of \p VD is lowered on its own: a global or
/// static data member holding an address, defined here, dynamically
/// initialized or not (BuildGlobalInit.cpp).
bool hasLoweredInitializer(const clang::VarDecl *VD);

/// The USR of D (its key across translation units); with MC, functions
/// whose USRs may collide (instantiations over closures) get their linkage
/// name too, and declarations without a USR (instantiations over a closure
/// object) are keyed by their linkage name instead of their qualified name.
std::string declKey(const clang::Decl *D, clang::MangleContext *MC = nullptr);

/// FD's linkage name.
std::string mangledName(clang::MangleContext &MC,
                        const clang::FunctionDecl *FD);

/// The key of FD lowered for `this` of exact class Dyn.
std::string dynamicKey(const clang::FunctionDecl *FD,
                       const clang::CXXRecordDecl *Dyn,
                       clang::MangleContext *MC);

/// How summaries name a field (FieldRef::Field).
std::string fieldKey(const clang::FieldDecl *F);
/// The name of the file \p Name, without `.` and `..` steps: a header
/// reached as `include/a/../b/h.hpp` and as `include/b/h.hpp` is one file.
std::string fileName(llvm::StringRef Name);
/// The field of \p Closure holding the capture of \p Var (of `this` when
/// null), or null when it captures no such thing.
const clang::FieldDecl *captureField(const clang::CXXRecordDecl *Closure,
                                     const clang::ValueDecl *Var);
/// A lambda's capture, named by the closure's place and the capture's index.
std::string captureKey(const clang::CXXRecordDecl *Closure, unsigned Index,
                       const clang::SourceManager &SM);

class FunctionBuilder {
public:
  FunctionBuilder(TUContext &TU, const clang::FunctionDecl *FD,
                  const clang::CXXRecordDecl *DynamicThis = nullptr);
  FunctionGraph build();
  /// The initializer of a global, as a function of its own
  /// (BuildGlobalInit.cpp); FD is null.
  FunctionGraph buildInitializer(const clang::VarDecl *VD);

  /// True once the function is past its budget (BuildOptions::MaxSteps,
  /// MaxGraphSize, the stack): the lowering stops descending and build()
  /// returns a conservative graph (BuildBudget.cpp). Counts a step.
  bool overBudget();
  /// The graph of a function past its budget: every parameter may leak,
  /// nothing is claimed about its locals.
  void makeConservative();
  /// Why the function is past its budget; empty while within it.
  std::string BudgetReason;
  uint64_t Steps = 0;
  /// The locations of the roots and the parameters, made before the body.
  size_t PrologueLocs = 0;

  // Locations and edges.
  int newLoc(LocKind K, std::string Name, clang::SourceLocation L,
             int Scope = -1);
  void flow(const Hole &K, int Src, bool Maybe = false);
  Hole holeFor(int Loc) const {
    Hole H;
    H.Dst = Loc;
    return H;
  }
  Hole heapHole() const { return holeFor(FunctionGraph::HeapLoc); }
  Note note(llvm::StringRef Why, const clang::Stmt *S) const;
  Note note(llvm::StringRef Why, clang::SourceLocation L,
            llvm::StringRef What) const;
  SourcePos pos(clang::SourceLocation L) const;
  std::string text(const clang::Stmt *S) const;
  int varLoc(const clang::VarDecl *VD);

  // Expressions (BuildExpr.cpp).
  void expr(const Hole &K, const clang::Expr *E);
  void exprChildren(const clang::Stmt *S);
  void declRef(const Hole &K, const clang::DeclRefExpr *DRE);
  int aggregateObject(const Hole &K) const;
  void aggregateInits(const Hole &K, clang::QualType T,
                      llvm::ArrayRef<clang::Expr *> Inits);
  /// Where a store into the lvalue LV lands.
  Hole lvalueHole(const clang::Expr *LV);
  /// The never-reassigned pointer variable of this frame (a local or a
  /// parameter) that E reads, or null: two reads of it are one value.
  const clang::VarDecl *stablePointer(const clang::Expr *E) const;
  /// Where a store through the pointer value P lands. Value, when given,
  /// is a node already holding P's value.
  Hole pointeeHole(const clang::Expr *P, int Value = -1);
  /// A Deref node for the object P points to, resolved by the solver; P is
  /// lowered into a node of its own unless Value holds it already.
  Hole unknownPointee(const clang::Expr *P, int Value);
  /// The Deref node of the object the pointer in node Value points to.
  Hole derefOf(int Value, const clang::Expr *E);
  int derefNode(int Value, std::string Name,
                clang::SourceLocation L = clang::SourceLocation());
  /// lvalueHole without lowering anything: an object the lowering cannot
  /// name is the heap.
  Hole probeLvalue(const clang::Expr *LV) {
    bool Saved = Probing;
    Probing = true;
    Hole H = lvalueHole(LV);
    Probing = Saved;
    return H;
  }
  void assign(const clang::Expr *LHS, const clang::Expr *RHS,
              const clang::Expr *Whole);
  void lambda(const Hole &K, const clang::LambdaExpr *LE);
  void materialize(const Hole &K, const clang::MaterializeTemporaryExpr *MTE);
  /// A temporary of type T made at E, living to the end of E's
  /// full-expression when FullExpr, of the current scope otherwise.
  int newTemporary(clang::QualType T, const clang::Expr *E, bool FullExpr);
  /// A reference Clang refused to bind to a temporary (`int &f() { return
  /// g(); }`, an error): the temporary it would have bound. False when the
  /// expression Clang rejected is anything else.
  bool refusedBinding(const Hole &K, const clang::RecoveryExpr *RE);
  void newExpr(const Hole &K, const clang::CXXNewExpr *NE);
  int allocSite(const clang::Expr *E, clang::QualType T, llvm::StringRef What,
                const clang::Expr *Size = nullptr);

  /// True if \p Call, a map's insert of a key, is followed on every path
  /// on which it inserts by an overwrite of the new element's key
  /// (RekeyedInsert.cpp): the call keeps nothing of its key argument.
  bool insertedKeyReplaced(const clang::Expr *Call,
                           const clang::FunctionDecl *Callee);
  // Calls (BuildCall.cpp).
  void call(const Hole &K, const clang::CallExpr *CE);
  void construct(const Hole &K, const clang::CXXConstructExpr *CE);
  void deleteExpr(const clang::CXXDeleteExpr *DE);
  /// A `delete Ptr` or `free(Ptr)` made by At.
  void releaseOf(const clang::Expr *Ptr, const clang::Expr *At);
  /// Records the free of Ptr's value at At (FreeSite; FreeSites.cpp).
  void freeSite(const clang::Expr *Ptr, const clang::Expr *At);
  int callSite(const clang::FunctionDecl *FD, const clang::Expr *Call,
               const clang::Expr *ThisArg, bool ThisIsPointer,
               llvm::ArrayRef<const clang::Expr *> Args, int ThisDest,
               bool Virtual);
  /// CallSite::Fresh of a call of a function of the program returning a
  /// pointer or with an out-parameter (`T **`, `T *&`) the caller's object
  /// is given for.
  void freshObject(CallSite &CS, const clang::FunctionDecl *Callee,
                   const clang::Expr *Call);
  /// `std::invoke(f, args...)`, `std::apply(f, t)`: the call of the
  /// callable's operator() the library makes, into \p In, with its result
  /// still to be set (InvokedCallable.cpp). False when it is not one, or the
  /// operator() is not found.
  /// A call that the library callee of \p CS makes of \p Callee (a
  /// lambda it calls, a constructor it runs): at CS's place, named \p Why
  /// followed by CS's callee, its slots not yet given.
  CallSite innerCall(const CallSite &CS, const clang::FunctionDecl *Callee,
                     llvm::StringRef Why);
  bool invokedCallable(const CallSite &CS, const clang::FunctionDecl *Callee,
                       llvm::ArrayRef<const clang::Expr *> Args, CallSite &In);
  /// `std::visit(vis, variants...)`: the visitor's call operators of the
  /// program, each called with the visitor, into \p Out (their results are
  /// the call's). False when \p Callee is not std::visit or the visitor's
  /// class has none.
  bool visitorCalls(const CallSite &CS, const clang::FunctionDecl *Callee,
                    llvm::ArrayRef<const clang::Expr *> Args,
                    std::vector<CallSite> &Out);
  /// A library call building an object in place from its arguments
  /// (`v.emplace_back(args...)`): the constructors of the program's classes
  /// that build it, called with its arguments, into \p Out; the model's
  /// copy of those arguments is dropped. The same for a method of the
  /// program handing its arguments on to such a call, whose own effects on
  /// them are dropped from \p CS (InPlaceConstruction.cpp).
  void inPlaceConstructions(CallSite &CS, const clang::FunctionDecl *Callee,
                            llvm::ArrayRef<const clang::Expr *> Args,
                            std::vector<CallSite> &Out);
  /// The call site of the `std::forward_as_tuple(...)` that \p E is, or
  /// null.
  const CallSite *forwardedTuple(const clang::Expr *E) const;
  int uniqueTemporaryOwner(const clang::Expr *Obj,
                           const clang::FunctionDecl *FD);
  bool joinsThreads();
  bool waitsForThreads();
  const clang::FunctionDecl *staticTarget(const clang::Expr *Callee);
  /// Marks call \p CE of method \p FD released when FD stores into a
  /// global container its class's destructor erases from.
  void registryRelease(const clang::CallExpr *CE,
                       const clang::FunctionDecl *FD);
  void typeErasureOf(const clang::CXXRecordDecl *Erased, const clang::Expr *Arg,
                     const clang::Expr *At);

  // Field-sensitive objects (BuildField.cpp).
  /// The fields class RD is split into, or null when it is kept whole.
  const llvm::SmallVector<const clang::FieldDecl *, 8> *
  splitFields(const clang::CXXRecordDecl *RD);
  /// Keeps local or temporary L of type T as one node per field.
  void splitObject(int L, clang::QualType T);
  /// Where a store into the whole of L lands.
  int wholeOf(int L);
  /// The node of field F of split object L, or -1.
  int fieldOf(int L, const clang::FieldDecl *F);
  /// The local or temporary a field or whole-store node belongs to.
  int rootObject(int L) const;
  /// The split object an lvalue names (`o`, `o.inner_`), or -1.
  int objectNode(const clang::Expr *E);
  /// The sink for stores into, and the source for the entry value of,
  /// field F of the object parameter Slot refers to; -1 if none.
  int contentField(int Slot, const clang::FieldDecl *F) {
    return paramFieldNode(Slot, F, /*Source=*/false);
  }
  int fieldSource(int Slot, const clang::FieldDecl *F) {
    return paramFieldNode(Slot, F, /*Source=*/true);
  }
  int paramFieldNode(int Slot, const clang::FieldDecl *F, bool Source);
  /// The same for a field path ("Outer::inner_/Inner::out_").
  int paramFieldNode(int Slot, const std::string &Key,
                     const std::string &Display, bool Source);
  /// The sink for stores into field F of the returned object, or -1.
  int resultField(const clang::FieldDecl *F);
  /// The call's result initializes split object Obj (its whole-store
  /// node): the callee's stores into the result's fields land on Obj's.
  void resultFields(int Call, int Obj);
  /// Narrows a store into an object to a store into its field F.
  Hole fieldHole(const Hole &H, const clang::FieldDecl *F);
  /// A compiler-written copy of class RD from what a reference parameter
  /// refers to, field by field; false if it cannot be (BuildCall.cpp).
  bool copyFieldwise(const Hole &K, const clang::CXXRecordDecl *RD,
                     const clang::Expr *Src, const clang::Expr *CE);
  /// The node holding the value ME reads, when its object is split; -1.
  int fieldRead(const clang::MemberExpr *ME, const clang::FieldDecl *F);
  /// Where a store through the reference member F of ME's object lands:
  /// what the member was bound to when known (a local aggregate), a sink
  /// the summary reports for a parameter's object, else the heap.
  Hole throughReference(const clang::MemberExpr *ME, const clang::FieldDecl *F);
  /// The sink for what reference member F of slot Slot's object refers to.
  int throughSink(int Slot, const clang::FieldDecl *F);
  /// The caller's field nodes of each argument's object.
  void fieldArgs(CallSite &CS, const clang::FunctionDecl *Callee);
  /// The parameter slot whose object `Base.f` (`Base->f` when Arrow)
  /// reads a field of, or -1.
  int paramSlotOf(const clang::Expr *Base, bool Arrow);
  /// The slot of a bool parameter \p E names, never assigned in the body;
  /// -1 for anything else.
  int boolParamSlot(const clang::Expr *E);
  /// True if \p T is a pointer or reference to a type that holds no
  /// address (not void, complete): what it refers to carries nothing.
  bool refersToNoAddress(clang::QualType T);
  /// The parameter slot whose object argument \p E is, or holds by
  /// reference (CallSite::ArgParamObject), or -1.
  int heldParamSlot(const clang::Expr *E);
  // Captures by reference (BuildCapture.cpp).
  /// Where a store into the variable captured by reference as capture
  /// Index of Closure lands: the variable itself in the function that made
  /// the lambda, else a sink the summary reports to callers.
  int captureSink(const clang::CXXRecordDecl *Closure, unsigned Index,
                  llvm::StringRef Var) {
    return captureNode(Closure, Index, Var, /*Source=*/false);
  }
  /// What holds the address of that captured variable.
  int captureSource(const clang::CXXRecordDecl *Closure, unsigned Index,
                    llvm::StringRef Var) {
    return captureNode(Closure, Index, Var, /*Source=*/true);
  }
  int captureNode(const clang::CXXRecordDecl *Closure, unsigned Index,
                  llvm::StringRef Var, bool Source);
  /// In a lambda's body, the sink standing for the object its captured
  /// `this` points to (mapped by the function that made the lambda), or -1.
  int capturedThisSink();
  /// In a lambda's body, the source for the value capture field F holds
  /// (Source), or the sink for stores into it; -1 when the closure is kept
  /// whole.
  int closureField(const clang::FieldDecl *F, llvm::StringRef Var, bool Source);
  std::string captureKeyOf(const clang::CXXRecordDecl *Closure,
                           unsigned Index) const;
  /// Lowers Arg, a closure given by value to parameter Slot, into A, and
  /// lists the caller's node for each of its captures (the lambda's own,
  /// a split local's, else A): false if the parameter is no closure.
  bool closureByValue(CallSite &CS, unsigned Slot, clang::QualType PT,
                      const clang::Expr *Arg, int A, const Note &N);
  /// Capture sinks for the lambdas a call can run (its callee is a
  /// lambda's operator(), or an argument is a closure).
  void captureArgs(CallSite &CS, const clang::FunctionDecl *Callee,
                   llvm::ArrayRef<const clang::Expr *> Args);

  // Statements (BuildStmt.cpp).
  void stmt(const clang::Stmt *S);
  void varDecl(const clang::VarDecl *VD);
  /// The object a local std::unique_ptr owns without the function making
  /// it, as an allocation node of its own (AdoptedObject.cpp).
  void adoptedObject(const clang::VarDecl *VD, int L);
  void returnStmt(const clang::ReturnStmt *RS);
  void coreturnStmt(const clang::CoreturnStmt *CS);
  int pushScope(bool Loop, const clang::Stmt *S);
  void popScope(int Saved) { CurScope = Saved; }
  /// A read of location L at source offset Off (escape-scope's "used
  /// later").
  void noteUse(int L, unsigned Off) {
    Location &Loc = G.Locs[L];
    Loc.LastUse = std::max(Loc.LastUse, Off);
    if (Loc.Uses.empty() || Loc.Uses.back() != Off)
      Loc.Uses.push_back(Off);
  }
  /// An assignment to a local or a member of one (Location::Stores).
  void noteStore(const clang::Expr *LHS, const clang::Expr *Whole);
  /// The spans after each scope's end that its end cannot reach
  /// (ReachedAfter.cpp).
  void unreachedAfterScopes();
  /// Marks the stores into a local replaced later in the same block
  /// (Edge::OverwrittenAt; ReachedAfter.cpp).
  void overwrittenLocalStores(const clang::Stmt *Body);
  void frames();
  void finish();
  void annotations();
  /// FunctionGraph::Writes.
  /// A constructor's class's virtual methods are lowered with it.
  void enqueueVirtualMethods();
  void unlinkableMembers();
  /// FunctionGraph::GlobalsStored and GlobalsCleared.
  void globalWrites();
  void coroutine(const clang::CoroutineBodyStmt *CB);
  void collectReassigned(const clang::Stmt *Body);
  /// A statement of the body re-pointing a Repointable parameter.
  void repointParam(const clang::Stmt *S);
  /// The plain last definition of a returned pointer variable, for the
  /// returns that can be lowered from it (ReturnedValue.cpp).
  void collectReturnedValues(const clang::Stmt *Body);
  /// Local shared_ptrs that are copied share their object: they are not
  /// its only owner (GraphBuilder.cpp).
  void sharedOwners(const clang::Stmt *Body);
  void killOverwrittenGlobalStores(const clang::Stmt *Body);
  /// The counter a store into an array slot (`a[n] = &w;`) was indexed by,
  /// when the function decrements it later (`count.store(n - 1)`, `--n`):
  /// the slot is given up, not cleared (BuildStmt.cpp). Null otherwise.
  const clang::Expr *countDroppedLater(const clang::Expr *LHS,
                                       const clang::Expr *Store);
  /// Strong updates of fresh heap objects (BuildStmt.cpp).
  void killReplacedFieldStores(const clang::Stmt *Body);
  /// Marks the calls that hand \p Give's work off as Signalled.
  void markSignalled(const clang::CallExpr *Give);
  /// A call site that only names the destructor of \p RD, run at \p At
  /// (written \p Spelling), for CallSite::DrainedBy; -1 when RD's
  /// destructor is not the program's.
  int destructorCall(const clang::CXXRecordDecl *RD, clang::SourceLocation At,
                     std::string Spelling);

  TUContext &TU;
  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  FunctionGraph G;
  llvm::DenseMap<const clang::VarDecl *, int> VarLocs;
  /// Variables whose storage a move hands away (MovedStorage.h).
  llvm::SmallPtrSet<const clang::VarDecl *, 4> MovedAway;
  /// Never-reassigned pointer and reference locals, with their initializer.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> StableInit;
  llvm::DenseSet<const clang::VarDecl *> Reassigned;
  /// Pointer parameters only read and assigned (never address-taken,
  /// bound to a reference or captured by one): an assignment that is a
  /// statement of the body gives them a location of their own from there on.
  llvm::DenseSet<const clang::VarDecl *> Repointable;
  /// The location a reference reads when it is not its variable's current
  /// one (the parameter's own, on the right of `p = strdup(p);`).
  llvm::DenseMap<const clang::DeclRefExpr *, int> RefLocs;
  /// `return p;` whose p holds the value of one definition at the return:
  /// that value and the definition's note.
  llvm::DenseMap<const clang::ReturnStmt *,
                 std::pair<const clang::Expr *, Note>>
      ReturnedValue;
  /// The variables whose StableInit is being followed (against cycles).
  llvm::DenseSet<const clang::VarDecl *> Following;
  /// Local pointer variables deleted in this function.
  struct Release {
    const clang::VarDecl *Var;
    bool InLoop;
    int Scope;
    unsigned Offset;
  };
  llvm::SmallVector<Release, 4> Deleted;
  /// The body's parent map, built at the first free (FreeSites.cpp).
  std::unique_ptr<clang::ParentMap> BodyParents;
  /// Offsets of the return statements, for "released on every path".
  llvm::SmallVector<unsigned, 8> Returns;
  /// Call sites by call expression, for the push-then-pop rule.
  llvm::DenseMap<const clang::Expr *, int> CallIndex;
  /// How many calls of the lambdas a library call is given follow its own
  /// call site in G.Calls.
  llvm::DenseMap<const clang::Expr *, unsigned> CallablesOf;
  /// Global stores by assignment expression, for the store-then-clear rule.
  llvm::DenseMap<const clang::Expr *, std::pair<int, const clang::ValueDecl *>>
      GlobalStores;
  /// The edges [first, second) an assignment statement into a member adds,
  /// for the link-then-unlink rule (killOverwrittenGlobalStores).
  llvm::DenseMap<const clang::Stmt *, std::pair<unsigned, unsigned>>
      MemberStoreEdges;
  llvm::DenseMap<const clang::ParmVarDecl *, int> SlotOfParam;
  llvm::DenseMap<const clang::CXXNewExpr *, int> AllocOfNew;
  /// A store into one field of an allocation, made by statement At (the
  /// assignment, or the new-expression's aggregate initializer), lowered
  /// into a node of its own that flows into the allocation, so that a later
  /// store into the same field of the same fresh object can undo it.
  struct FieldStage {
    int Alloc;
    const clang::FieldDecl *Field;
    const clang::Stmt *At;
    int Node;
  };
  std::vector<FieldStage> FieldStages;
  /// While set, a store into a field of an allocation is staged for At.
  const clang::Stmt *StageAt = nullptr;
  /// Store nodes a later statement perhaps clears (`if (!x) p->f =
  /// nullptr;` after `p->f = &x;`): their edges are maybes.
  llvm::DenseSet<int> MaybeCleared;
  /// Stage nodes whose store a later one replaced (their edge is dropped).
  llvm::DenseSet<int> ReplacedStages;
  llvm::DenseMap<const clang::Expr *, int> AllocOfCall;
  llvm::DenseMap<const clang::MaterializeTemporaryExpr *, int> TempOfMTE;
  /// Local smart pointers whose ownership is given up (release()).
  llvm::DenseSet<const clang::VarDecl *> Released;
  struct SplitObject {
    const clang::CXXRecordDecl *Record = nullptr;
    int Whole = -1;
    /// 0 for a local or temporary, 1 for one of its fields.
    int Depth = 0;
    std::map<std::string, int> Fields;
  };
  /// Field-split locals and temporaries, by location.
  llvm::DenseMap<int, SplitObject> Splits;
  std::map<FieldRef, int> ContentFields, FieldSources;
  /// Per slot: the class of the object it refers to, or null.
  std::vector<const clang::CXXRecordDecl *> SlotRecords;
  /// Capture sinks by capture key; the targets of the lambdas this
  /// function makes are entered when their expressions are lowered.
  std::map<std::string, int> CaptureSinks, CaptureSources;
  /// Field nodes of reference members of split locals: what each was bound
  /// to.
  llvm::DenseMap<int, int> RefTargets;
  /// The class returned by value, when it is split into fields.
  const clang::CXXRecordDecl *ResultRecord = nullptr;
  int LastGlobalStore = -1;
  /// The source of every value read from a global (see declRef).
  int GlobalValue = -1;
  const clang::ValueDecl *LastGlobalDecl = nullptr;
  bool MemberStore = false;
  int JoinsThreadsCache = -1;
  /// The bool parameter the current statement is conditional on.
  int GuardSlot = -1;
  bool GuardValue = false;
  int CurScope = 0;
  /// The statement each scope opened by pushScope stands for.
  llvm::DenseMap<int, const clang::Stmt *> ScopeStmts;
  int LoopDepth = 0;
  int ThisSlot = -1;
  /// In a default member initializer of an aggregate being initialized
  /// (`List l{};` with `Node *tail = &head;`): the object `this` names
  /// there, not the function's own; -1 outside one.
  int DefaultInitObject = -1;
  bool IsLambdaBody = false;
  /// Set while making a node for a field of the lambda's own closure.
  bool OwnClosure = false;
  /// Looking up where an lvalue lives without lowering it (a binding's
  /// target): an unknown pointee stays the heap.
  bool Probing = false;
  /// The exact class of the object `this` points to, when the method is
  /// lowered for a call on a local object of a derived class: its virtual
  /// calls on `this` go to that class's overriders (a template method on a
  /// local of known type).
  const clang::CXXRecordDecl *DynamicThis = nullptr;
  const clang::CXXRecordDecl *Closure = nullptr;
};

} // namespace escape

#endif
