//===- EscapeGraph.h - Locations, edges and call sites ------*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The per-function escape graph, free of any Clang type so that it can be
// solved, cached and linked across translation units. The model is Go's:
// every assignment becomes an edge Dst <- Src weighted by "derefs", the
// number of dereferences minus the number of address-of operations:
//
//   p = &q    // -1
//   p = q     //  0
//   p = *q    //  1
//
// A location whose address (derefs < 0) reaches a root that outlives it
// escapes.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_GRAPH_ESCAPEGRAPH_H
#define CLANG_ESCAPE_GRAPH_ESCAPEGRAPH_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clang-escape/Graph/Summary.h"

namespace escape {

/// A position in a source file.
struct SourcePos {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// Byte offset in File; used to order uses against scope ends.
  unsigned Offset = 0;

  bool valid() const { return Line != 0; }
};

/// What a location stands for.
enum class LocKind : uint8_t {
  Heap,         ///< {heap}: globals, statics and anything unknown.
  Thread,       ///< {thread}: what a detached thread or async task keeps.
  CoroFrame,    ///< {coroutine frame}: what an outliving coroutine keeps.
  Result,       ///< ~r0, the function's return value.
  ParamContent, ///< {*p} / {*this}: the object a parameter refers to.
  Param,        ///< a parameter (its storage, for by-value parameters).
  Local,        ///< an automatic variable.
  Temporary,    ///< a materialized temporary (full-expression lifetime).
  Alloc,        ///< a heap allocation site (new, make_unique, malloc).
  Flow,         ///< a flow-through node without storage (argument, result).
  GlobalStore,  ///< a store into a global; may be undone by a later store.
  ParamField,   ///< the value a field of a parameter's object holds on entry.
  /// The object a pointer value points to, when the lowering cannot name
  /// it (`n->next = &x` with `n` re-pointed or returned by a call): the
  /// solver resolves it from what reaches the pointer (Solver.cpp).
  Deref,
};

/// One explanation step: what happened, why, and where (Go's hole notes).
struct Note {
  std::string Why;  ///< "address-of", "assign", "return", ...
  std::string What; ///< the source text involved, e.g. "&u".
  SourcePos Pos;
};

/// Size facts of a location (for stack-candidate and frame findings).
struct SizeInfo {
  uint64_t Bytes = 0;
  bool Constant = true;
};

/// An allocation site's release facts.
struct AllocInfo {
  std::string TypeName;
  std::string Spelling;     ///< "new Node", "std::make_unique<Matrix3>(...)".
  bool InLoop = false;      ///< allocated in a loop body.
  bool Released = false;    ///< released in the function (delete, owner).
  bool CustomAlloc = false; ///< class operator new, nothrow, custom deleter.
  bool OverAligned = false;
  /// The local smart pointer that owns it, if any.
  std::string Owner;
};

/// A node of the escape graph.
struct Location {
  LocKind Kind = LocKind::Flow;
  std::string Name;
  SourcePos Pos;
  /// Index in FunctionGraph::Scopes; -1 for roots and flow nodes.
  int Scope = -1;
  /// For Param/ParamContent/ParamField: the slot (0 = this for methods).
  int Slot = -1;
  /// For ParamContent/ParamField: the field (FieldRef::Field), empty for
  /// the whole object. For a part of a local: the field, empty for the node
  /// that receives stores into the whole object.
  std::string Field;
  /// For a part of a field-split local or temporary: that object.
  int Parent = -1;
  SizeInfo Size;
  AllocInfo Alloc;
  /// Offset of the last read of this variable (for escape-scope).
  unsigned LastUse = 0;
  /// Offsets of every read of this variable, LastUse among them: a read
  /// after a scope's end counts only where that end can reach it.
  std::vector<unsigned> Uses;
  /// Offsets of the plain assignments to this variable or to a member of
  /// it (`p = next;`, `h.ptr = nullptr;`): a freed object's address it
  /// held is gone after them.
  std::vector<unsigned> Stores;
  /// For Temporary: the temporary's type, e.g. "std::string".
  std::string TypeName;
  /// For GlobalStore: a later store overwrites it before the frame ends.
  bool Killed = false;
  /// The address was converted to an integer or otherwise hidden.
  bool Exposed = false;
  /// A local smart pointer that owns what it points to (not released).
  bool SmartOwner = false;
  /// A local whose class's destructor does work.
  bool CleansUp = false;
  /// ... and may reach beyond the object's own values: it may unregister
  /// the object from where it was stored (TypeClassifier::mayUnregister).
  bool Unregisters = false;
  /// A local or temporary that owns the heap objects it points to
  /// (TypeClassifier::ownsHeap): they die with it.
  bool OwnsHeap = false;
  /// A field of a parameter's object holding std::shared_ptrs its class
  /// may hand out (not their sole owner): what is kept there may outlive
  /// the object.
  bool SharesHeap = false;
  /// The coroutine's promise: only the coroutine machinery uses it, while
  /// the coroutine is suspended, so "used later" does not apply.
  bool Promise = false;
  /// A local the compiler constructs in the caller's result object (named
  /// return value optimization): returning it returns this very storage,
  /// so its own address in the result is the result's.
  bool ReturnSlot = false;
  /// A local or by-value parameter whose storage a move hands to something
  /// that is not a local of the function (MovedStorage.h): a pointer it
  /// gave out into that storage may stay valid.
  bool MovedAway = false;
  /// For Deref: the node holding the pointer. For the ParamField of a
  /// pointer member: the sink for stores into what it points to.
  int Pointer = -1;
};

/// An edge Dst <- Src with Go's derefs weight.
struct Edge {
  int Dst = 0;
  int Src = 0;
  int Derefs = 0;
  /// Set when the edge stands for a conservative assumption (unknown callee).
  bool Maybe = false;
  /// Lowered under `if (p)` (GuardValue true) or `if (!p)` for a bool
  /// parameter in slot GuardSlot; -1: unconditional.
  int GuardSlot = -1;
  bool GuardValue = false;
  /// A store into a local that a later store into the same place of the
  /// same block replaces, with no jump in between: the offset of that later
  /// store (the value is gone from the local after it). Or one that every
  /// path from the end of its block replaces before the local is read: the
  /// offset of that end. 0: never replaced.
  unsigned OverwrittenAt = 0;
  /// Index into FunctionGraph::Unlinks: a later call that may take back
  /// what the edge stores; -1: none.
  int Unlink = -1;
  std::vector<Note> Notes;
};

/// Source offsets [Begin, End] after a scope's end that no path from that
/// end reaches: the other branch of an `if` the scope is in, or the rest of
/// the function when the scope always returns.
struct UnreachedSpan {
  unsigned Begin = 0;
  unsigned End = 0;
  /// The innermost loop body scope around the `if`: its next iteration
  /// reaches the other branch again, so the span holds only for variables
  /// declared inside that loop (fresh in every iteration); -1: none.
  int Loop = -1;
};

/// A lexical scope; locals die at its end.
struct Scope {
  int Parent = -1;
  bool Loop = false;     ///< a loop body: a new iteration ends it too.
  bool FullExpr = false; ///< the scope of a full-expression's temporaries.
  unsigned EndOffset = 0;
  std::vector<UnreachedSpan> Unreached;
};

/// A `delete` or `free()` of a pointer value: what it points to ends there.
/// escape-scope reports a local that keeps such an object's address and
/// reads it after.
struct FreeSite {
  /// Flow node receiving the freed pointer value.
  int Pointer = -1;
  std::string Spelling; ///< "delete p", "free(buf)".
  SourcePos Pos;
  /// Offset of the expression's last token: reads after it see a freed
  /// object.
  unsigned End = 0;
  /// Offset where the part of the innermost statement around the delete
  /// that may be skipped begins (the branch of an `if` or `switch`, a
  /// loop's body, a `catch`, an arm of `?:`, the right side of `&&` or
  /// `||`); 0: none. Only a local declared after that offset meets the
  /// delete on every path.
  unsigned Guard = 0;
};

/// A call whose effect is decided once the callee's summary is known.
struct CallSite {
  std::string CalleeKey;  ///< USR of the callee, empty when indirect.
  std::string CalleeName; ///< printable name.
  SourcePos Pos;
  std::string Spelling; ///< the call's source text (abbreviated).
  /// One flow node per parameter slot (slot 0 = this for methods); -1 if
  /// the argument carries nothing.
  std::vector<int> Args;
  /// Where a store through slot j lands in the caller (Go's content hole);
  /// -1: unknown (the heap), NoObject: a null pointer (nowhere).
  std::vector<int> ArgContent;
  static constexpr int NoObject = -2;
  /// Per field of an argument's object that the caller keeps apart: where
  /// a store into it lands (Sink) and what it holds (Source).
  struct FieldArg {
    FieldRef Ref;
    int Sink = -1;
    int Source = -1;
  };
  std::vector<FieldArg> ArgFields;
  /// A constructor building the returned object in place: the `return`
  /// step, put first on what the constructor stores into the object.
  std::vector<Note> ObjectNotes;
  /// What the call stores into its object is taken out again later in the
  /// same block (push_back ... pop_back): probably, not provably, gone
  /// before the frame ends (which element is removed is not known), so
  /// what it stores is a maybe.
  bool Undone = false;
  /// Work handed off by the call is waited for before the frame ends
  /// (`pool.submit(f); pool.wait();`, `run(flow).get()`): what it keeps,
  /// in its object, another argument's object or the heap, is released by
  /// then. Implies Undone.
  bool WaitedFor = false;
  /// The call is part of handing work off (the work's conversion to a
  /// std::function, the library calling it), and the function then waits
  /// for a signal the work gives (a flag it sets, a latch it counts down):
  /// what the work keeps, through the work it starts in turn, is released
  /// by the signal, probably, not provably. A maybe.
  bool Signalled = false;
  /// Later in the same block, before any exit, the function gives the
  /// object the call was given to a call that writes fields the first one
  /// wrote (`Enqueue(&w)` ... `Block(s)` on the same `this`, `post(ctx, f)`
  /// ... `ctx.run()`): the object may let go of what the
  /// call keeps by then (a waiter linked into a queue for the duration of a
  /// blocking call). What the call keeps is a maybe; ReleasedBy is the later
  /// call's source text.
  std::string ReleasedBy;
  /// Work handed off by the call is waited for if the callee of one of the
  /// call sites DrainedBy runs, destroys or joins the work its object holds
  /// (FunctionSummary::Drains): a destructor run after the hand-off and
  /// before the captured locals die (`delete executor;`, a local executor
  /// declared after them), or a later call of the block on the object the
  /// work went to (`post(ioc, f); ioc.run();`). A later call of a free
  /// function given that object (`Submit(tp, f); Join(tp);`) counts when
  /// its callee waits on that slot (CallSite::WaitsOnArgs).
  std::vector<int> DrainedBy;
  /// The handle the call returns (a future), or one its statement makes
  /// from it (`async(f).then(g)`), is stored in a variable or member that
  /// a later call of the same block waits on before any exit (`fut.get()`,
  /// `await(std::move(fut))`): the work has run. What the call keeps is
  /// released, as with WaitedFor, and what its result holds of the work (a
  /// callable that ran and is not run again) is a maybe.
  bool HandleWaited = false;
  /// Later calls of the block given that handle (`check(std::move(fut))`),
  /// and the slot each is given it in: as HandleWaited when one's callees
  /// wait on that slot (FunctionSummary::WaitsOn).
  std::vector<int> HandleWaitedBy, HandleWaitedSlot;
  /// Work handed off by the call holds the address of a local of the
  /// function (given it in the call's statement or in the declaration of
  /// an object the call is given), and later in the same block, before
  /// any exit, the function calls call site SignalledBy on that local
  /// (`start(op); loop.run();`, `op` built from `loop`): the work is waited
  /// for if that callee waits on its own state or runs what it holds
  /// (FunctionSummary::Blocks, FunctionSummary::Drains), the work's own
  /// word that it is done. -1: none.
  int SignalledBy = -1;
  /// Slots whose argument is a local of the function (or a member of one)
  /// that the work handed off by this call holds (`t->parent = &w;
  /// execute_and_wait(*t, w)`): the call is waited for if its callee
  /// waits on one of these slots (FunctionSummary::WaitsOn).
  std::vector<int> WaitsOnArgs;
  /// Per slot: the caller's parameter slot whose object the argument is,
  /// or holds by reference (`f(ctx)`, `f(*p)`, a local `Waiter w{ctx}`
  /// passed on), or -1: a callee waiting on that slot waits on the
  /// caller's parameter.
  std::vector<int> ArgParamObject;
  /// A lambda the library keeps and calls later (a `std::function` built
  /// from it): who calls it, with what arguments, is not known. What its
  /// body stores into the objects its parameters refer to is a maybe: the
  /// caller passes them, most often for the duration of the call (a
  /// context, a subflow, an event).
  bool LaterCall = false;
  /// The same container is popped later in the function, not necessarily
  /// on every path or for this element: what the call stores is a maybe.
  bool PoppedLater = false;
  /// Flow node receiving the call's value.
  int Result = -1;
  /// The allocation standing for the object the callee creates and hands
  /// back, as its result (FunctionSummary::ReturnsAlloc) or through an
  /// out-parameter (FreshOut), or -1 when neither can hold one.
  int Fresh = -1;
  bool Virtual = false;
  /// Index into FunctionGraph::Models for library callees, or -1.
  int Model = -1;
  /// Slot 0 is `this`.
  bool Method = false;
  /// Per slot: the argument's constant truth value (0, 1), or -1.
  std::vector<int> ArgConst;
  /// Per slot: the caller's bool parameter slot passed on unchanged
  /// (`callee(p, is_mutable)`), or -1: a callee's flow guarded by that
  /// parameter is guarded by the caller's.
  std::vector<int> ArgParam;
  /// The call is made on a local object whose destructor may undo what
  /// the call registers (RAII): what it keeps is only a maybe.
  std::string ScopedBy;
  /// ScopedBy names the local the call's result initializes (`auto t =
  /// schedule(task);`): only what the result also holds is a maybe.
  bool ScopedByResult = false;
};

/// The escape graph of one function body.
struct FunctionGraph {
  std::string Key;        ///< USR.
  std::string Name;       ///< qualified name for messages.
  std::string Mangled;    ///< Itanium name (for the validation runtime).
  SourcePos Pos;          ///< the declaration's name.
  std::string ReturnKind; ///< void, value, pointer, reference.
  bool IsConstructor = false;
  bool IsCoroutine = false;
  bool MainFile = false;      ///< defined in a file being reported on.
  uint64_t FrameBytes = 0;    ///< estimated frame size.
  bool VariableFrame = false; ///< has a VLA or alloca.
  /// Polls an atomic flag or waits on a condition: what it hands to
  /// threads is a maybe.
  bool WaitsForThreads = false;
  /// A method that runs, destroys or joins the work its object holds (a
  /// destructor calling a callable it holds, a `run()` taking its queued
  /// operations out and completing them, a `wait()` joining its threads;
  /// see FunctionSummary::Drains).
  bool Drains = false;
  /// A method that waits on its own state (`cv_.wait(lock)` until a flag
  /// of its own is set, a join of a member; see FunctionSummary::Blocks).
  bool Blocks = false;
  /// Parameter slots whose object the function spins on (see
  /// FunctionSummary::WaitsOn), found in its own body.
  std::vector<int> WaitsOn;
  /// The pointer members the function writes, in its body or a callee's
  /// body in the same unit, by qualified name (see FunctionSummary::Writes).
  /// Sorted.
  std::vector<std::string> Writes;
  /// The globals the function, or a callee of it in the same unit, stores
  /// an address into, and those it gives a new value or empties, by
  /// qualified name (see FunctionSummary::GlobalsStored). Sorted.
  std::vector<std::string> GlobalsStored, GlobalsCleared;
  std::vector<std::string> SlotNames; ///< parameter slot names.
  std::vector<int> SlotLocs;          ///< Param location per slot, or -1.
  std::vector<int> SlotContents;      ///< ParamContent location per slot.
  std::vector<Location> Locs;
  std::vector<Edge> Edges;
  std::vector<Scope> Scopes;
  std::vector<CallSite> Calls;
  std::vector<FreeSite> Frees;
  std::vector<FunctionSummary> Models;
  /// A node linked into an object by a direct store into pointer member
  /// Field (`r->tail = &n;`, the edges whose Unlink names this entry), and
  /// call site Call later in the block, given that object and nothing it
  /// could link in instead, its callee defined in another unit: if the
  /// callee writes Field (FunctionSummary::Writes), it may unlink the node,
  /// and the edges are a maybe.
  struct Unlink {
    int Call = -1;
    std::string Field;
  };
  std::vector<Unlink> Unlinks;
  /// Call site Call given an address, its callee defined in another unit,
  /// and call site By later in the block, before any exit, given no
  /// address: if By's callee clears a global Call's callee stores into
  /// (`set(&s); ...; set(nullptr);` with `set` in a library), what Call
  /// keeps is a maybe, as CallSite::ReleasedBy.
  struct GlobalRelease {
    int Call = -1;
    int By = -1;
  };
  std::vector<GlobalRelease> GlobalReleases;
  /// ODR hash of the definition: copies of an inline function from several
  /// translation units merge when their hashes agree.
  uint64_t OdrHash = 0;
  /// USRs of the virtual methods this one overrides (for devirtualization).
  std::vector<std::string> Overrides;
  /// Per slot: where an annotation ([[clang::lifetimebound]],
  /// [[clang::noescape]]) would go, after the parameter's name; invalid
  /// when the parameter cannot take one.
  std::vector<SourcePos> SlotAnnotate;
  /// Per slot: 'v' by value, 'p' pointer, 'r' reference, 't' this.
  std::string SlotKinds;
  /// Per slot, for a function returning a pointer or reference: 'y' when
  /// its type rules out pointing into the slot's object (mayPointInto), so
  /// that the slot's pointer passed on unchanged to the result is an
  /// artifact of merged members; 'n' otherwise. Empty for other results.
  std::string ResultApart;
  /// Per slot: 'y' when it is a pointer or reference to a type that holds
  /// no address (`const int &`, `const std::string &`, a class of scalars):
  /// what it points to carries nothing, whatever merged node it was read
  /// from; 'n' otherwise.
  std::string SlotInert;
  /// For N slots (N <= 16), N*N entries: [J * N + I] is 'y' when nothing
  /// the object slot J refers to holds can, by type, point into slot I's
  /// object (mayKeepPointerInto), so that slot I's pointer stored unchanged
  /// into slot J's object is an artifact of merged members; 'n' otherwise.
  std::string ContentApart;
  /// Findings decided while lowering (frames, type erasure, coroutines).
  struct LocalFinding {
    std::string Check;
    std::string Message;
    std::string Subject;
    SourcePos Pos;
    std::vector<Note> Flow;
  };
  std::vector<LocalFinding> Local;
  /// Why the function was analyzed conservatively (past its budget, see
  /// BuildOptions::MaxSteps); empty when it was lowered in full.
  std::string Conservative;

  // Fixed root indices, created by the builder in this order.
  static constexpr int HeapLoc = 0;
  static constexpr int ThreadLoc = 1;
  static constexpr int CoroLoc = 2;
  static constexpr int ResultLoc = 3;
};

} // namespace escape

#endif
