//===- GraphIO.cpp - Escape graphs to and from the cache ------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A compact binary encoding: the cache is read on every incremental run, so
// loading a translation unit's graphs must cost far less than parsing it.
// One field list per structure (io() below) serves both directions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Graph/GraphIO.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/xxhash.h"

#include <cstdio>
#include <cstring>
#include <type_traits>

namespace escape {

namespace {

// A per-file cache entry, a function graph it refers to, the whole unit a
// --timeout child hands back, the components a run solved, a unit's skeletons
// and the link state: one magic each, so that one is never read as another.
constexpr char EntryMagic[4] = {'C', 'E', 'S', 'C'};
constexpr char GraphMagic[4] = {'C', 'E', 'S', 'G'};
constexpr char UnitMagic[4] = {'C', 'E', 'S', 'U'};
constexpr char SolvedMagic[4] = {'C', 'E', 'S', 'S'};
constexpr char SkeletonMagic[4] = {'C', 'E', 'S', 'K'};
constexpr char LinkMagic[4] = {'C', 'E', 'S', 'L'};

class Writer {
public:
  std::string Out;
  bool Reading = false;
  /// Each distinct string is written once; a repeat (a file's path in every
  /// position, a type's name, a callee's USR) is its index in this table.
  llvm::StringMap<uint64_t> Strings;

  void raw(const void *P, size_t N) {
    Out.append(static_cast<const char *>(P), N);
  }
  void varint(uint64_t V) {
    while (V >= 0x80) {
      Out.push_back(static_cast<char>(V | 0x80));
      V >>= 7;
    }
    Out.push_back(static_cast<char>(V));
  }
  template <typename T> void operator()(T &V) {
    if constexpr (std::is_same_v<T, std::string>) {
      auto [It, New] = Strings.try_emplace(V, Strings.size() + 1);
      if (!New) {
        varint(It->second);
        return;
      }
      varint(0);
      varint(V.size());
      raw(V.data(), V.size());
    } else if constexpr (std::is_same_v<T, bool>) {
      Out.push_back(V ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      varint(static_cast<uint64_t>(V));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      int64_t S = V;
      varint((static_cast<uint64_t>(S) << 1) ^ static_cast<uint64_t>(S >> 63));
    } else if constexpr (std::is_integral_v<T>) {
      varint(V);
    } else {
      io(*this, V);
    }
  }
  template <typename T> void operator()(std::vector<T> &V) {
    varint(V.size());
    for (T &E : V)
      (*this)(E);
  }
  template <typename K, typename T> void operator()(std::map<K, T> &M) {
    varint(M.size());
    for (auto &[Key, Val] : M) {
      K KC = Key;
      (*this)(KC);
      (*this)(Val);
    }
  }
};

class Reader {
public:
  const char *P, *End;
  bool Failed = false;
  bool Reading = true;
  /// The strings read so far, by the index a repeat names (Writer).
  std::vector<llvm::StringRef> Strings;

  Reader(llvm::StringRef Text) : P(Text.begin()), End(Text.end()) {}
  uint64_t varint() {
    uint64_t V = 0;
    for (unsigned Shift = 0; Shift < 64; Shift += 7) {
      if (P >= End) {
        Failed = true;
        return 0;
      }
      uint8_t B = static_cast<uint8_t>(*P++);
      V |= static_cast<uint64_t>(B & 0x7f) << Shift;
      if (!(B & 0x80))
        return V;
    }
    Failed = true;
    return 0;
  }
  size_t count() {
    uint64_t N = varint();
    // Every element takes at least one byte: a larger count is corrupt.
    if (N > static_cast<uint64_t>(End - P)) {
      Failed = true;
      return 0;
    }
    return static_cast<size_t>(N);
  }
  /// A string, as a view of the text read (or of an earlier string).
  llvm::StringRef str() {
    uint64_t Seen = varint();
    if (Seen) {
      Failed |= Seen > Strings.size();
      return Failed ? "" : Strings[Seen - 1];
    }
    size_t N = count();
    if (Failed)
      return "";
    Strings.push_back(llvm::StringRef(P, N));
    P += N;
    return Strings.back();
  }
  template <typename T> void operator()(T &V) {
    if (Failed)
      return;
    if constexpr (std::is_same_v<T, std::string>) {
      V = str().str();
    } else if constexpr (std::is_same_v<T, bool>) {
      V = varint() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      V = static_cast<T>(varint());
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      uint64_t U = varint();
      V = static_cast<T>(static_cast<int64_t>(U >> 1) ^
                         -static_cast<int64_t>(U & 1));
    } else if constexpr (std::is_integral_v<T>) {
      V = static_cast<T>(varint());
    } else {
      io(*this, V);
    }
  }
  template <typename T> void operator()(std::vector<T> &V) {
    size_t N = count();
    V.clear();
    V.resize(N);
    for (T &E : V)
      (*this)(E);
  }
  template <typename K, typename T> void operator()(std::map<K, T> &M) {
    size_t N = count();
    M.clear();
    for (size_t I = 0; I < N && !Failed; ++I) {
      K Key{};
      (*this)(Key);
      (*this)(M[Key]);
    }
  }
};

// The field lists. Adding a field means bumping GraphFormatVersion.
template <typename IO> void io(IO &A, SourcePos &P) {
  A(P.File);
  A(P.Line);
  A(P.Column);
  A(P.Offset);
}
template <typename IO> void io(IO &A, Note &N) {
  A(N.Why);
  A(N.What);
  A(N.Pos);
}
template <typename IO> void io(IO &A, Leak &L) {
  A(L.Level);
  A(L.Maybe);
  A(L.Via);
  A(L.Sink);
  A(L.GuardSlot);
  A(L.GuardValue);
}
template <typename IO> void io(IO &A, FieldRef &F) {
  A(F.Slot);
  A(F.Field);
}
template <typename IO> void io(IO &A, ParamLeaks &P) {
  A(P.Heap);
  A(P.Thread);
  A(P.Coro);
  A(P.Result);
  A(P.Content);
  A(P.FieldContent);
}
template <typename IO> void io(IO &A, FunctionSummary &S) {
  A(S.Name);
  A(S.Slots);
  A(S.Fields);
  A(S.ReturnsAlloc);
  A(S.FreshMaybeKept);
  A(S.FreshUnlessGiven);
  A(S.Unknown);
  A(S.ResultFromOutside);
  A(S.Drains);
  A(S.Blocks);
  A(S.WaitsOn);
  A(S.FreshOut);
  A(S.Writes);
  A(S.GlobalsStored);
  A(S.GlobalsCleared);
}
template <typename IO> void io(IO &A, Location &L) {
  A(L.Kind);
  A(L.Name);
  A(L.Pos);
  A(L.Scope);
  A(L.Slot);
  A(L.Field);
  A(L.Parent);
  A(L.Size.Bytes);
  A(L.Size.Constant);
  A(L.Alloc.TypeName);
  A(L.Alloc.Spelling);
  A(L.Alloc.InLoop);
  A(L.Alloc.Released);
  A(L.Alloc.CustomAlloc);
  A(L.Alloc.OverAligned);
  A(L.Alloc.Owner);
  A(L.LastUse);
  A(L.Uses);
  A(L.Stores);
  A(L.TypeName);
  A(L.Killed);
  A(L.Exposed);
  A(L.SmartOwner);
  A(L.CleansUp);
  A(L.Unregisters);
  A(L.OwnsHeap);
  A(L.SharesHeap);
  A(L.Promise);
  A(L.ReturnSlot);
  A(L.MovedAway);
  A(L.Pointer);
}
template <typename IO> void io(IO &A, Edge &E) {
  A(E.Dst);
  A(E.Src);
  A(E.Derefs);
  A(E.Maybe);
  A(E.GuardSlot);
  A(E.GuardValue);
  A(E.OverwrittenAt);
  A(E.Unlink);
  A(E.Notes);
}
template <typename IO> void io(IO &A, UnreachedSpan &U) {
  A(U.Begin);
  A(U.End);
  A(U.Loop);
}
template <typename IO> void io(IO &A, Scope &S) {
  A(S.Parent);
  A(S.Loop);
  A(S.FullExpr);
  A(S.EndOffset);
  A(S.Unreached);
}
template <typename IO> void io(IO &A, CallSite::FieldArg &F) {
  A(F.Ref);
  A(F.Sink);
  A(F.Source);
}
template <typename IO> void io(IO &A, FunctionGraph::Unlink &U) {
  A(U.Call);
  A(U.Field);
}
template <typename IO> void io(IO &A, FunctionGraph::GlobalRelease &R) {
  A(R.Call);
  A(R.By);
}
template <typename IO> void io(IO &A, CallSite &C) {
  A(C.CalleeKey);
  A(C.CalleeName);
  A(C.Pos);
  A(C.Spelling);
  A(C.Args);
  A(C.ArgContent);
  A(C.Result);
  A(C.Virtual);
  A(C.Model);
  A(C.Method);
  A(C.ScopedBy);
  A(C.ScopedByResult);
  A(C.ArgConst);
  A(C.ArgParam);
  A(C.Undone);
  A(C.WaitedFor);
  A(C.Signalled);
  A(C.ReleasedBy);
  A(C.DrainedBy);
  A(C.HandleWaited);
  A(C.HandleWaitedBy);
  A(C.HandleWaitedSlot);
  A(C.SignalledBy);
  A(C.WaitsOnArgs);
  A(C.ArgParamObject);
  A(C.PoppedLater);
  A(C.LaterCall);
  A(C.ArgFields);
  A(C.ObjectNotes);
  A(C.Fresh);
}
template <typename IO> void io(IO &A, FreeSite &F) {
  A(F.Pointer);
  A(F.Spelling);
  A(F.Pos);
  A(F.End);
  A(F.Guard);
}
template <typename IO> void io(IO &A, FunctionGraph::LocalFinding &F) {
  A(F.Check);
  A(F.Message);
  A(F.Subject);
  A(F.Pos);
  A(F.Flow);
}
template <typename IO> void io(IO &A, FunctionGraph &G) {
  A(G.Key);
  A(G.Name);
  A(G.Mangled);
  A(G.Pos);
  A(G.ReturnKind);
  A(G.IsConstructor);
  A(G.IsCoroutine);
  A(G.MainFile);
  A(G.FrameBytes);
  A(G.VariableFrame);
  A(G.WaitsForThreads);
  A(G.Drains);
  A(G.Blocks);
  A(G.WaitsOn);
  A(G.Writes);
  A(G.GlobalsStored);
  A(G.GlobalsCleared);
  A(G.SlotNames);
  A(G.SlotLocs);
  A(G.SlotContents);
  A(G.Locs);
  A(G.Edges);
  A(G.Scopes);
  A(G.Calls);
  A(G.Frees);
  A(G.Models);
  A(G.Unlinks);
  A(G.GlobalReleases);
  A(G.OdrHash);
  A(G.Overrides);
  A(G.SlotAnnotate);
  A(G.SlotKinds);
  A(G.ResultApart);
  A(G.ContentApart);
  A(G.SlotInert);
  A(G.Local);
  A(G.Conservative);
}
template <typename IO> void io(IO &A, Dependency &D) {
  A(D.Path);
  A(D.Hash);
}
template <typename IO> void io(IO &A, ExtractedTU &TU) {
  A(TU.File);
  A(TU.HadErrors);
  A(TU.FailedCommands);
  A(TU.Commands);
  A(TU.Deps);
  A(TU.Graphs);
}
template <typename IO> void io(IO &A, GraphId &Id) {
  A(Id.High);
  A(Id.Low);
}
// readCacheEntryIf() reads these fields in this order too.
template <typename IO> void io(IO &A, CacheEntry &E) {
  A(E.File);
  A(E.HadErrors);
  A(E.Deps);
  A(E.Graphs);
}
template <typename IO> void io(IO &A, Finding &F) {
  A(F.Check);
  A(F.Class);
  A(F.Maybe);
  A(F.Pos);
  A(F.Function);
  A(F.Subject);
  A(F.SubjectPos);
  A(F.Sink);
  A(F.Message);
  A(F.Fingerprint);
  A(F.Flow);
  A(F.Graph);
  A(F.SubjectLoc);
  A(F.Path);
}
template <typename IO> void io(IO &A, Remark &R) {
  A(R.Pos);
  A(R.Message);
  A(R.Explain);
}
template <typename IO> void io(IO &A, FixIt &F) {
  A(F.Check);
  A(F.At);
  A(F.Text);
  A(F.Message);
}
template <typename IO> void io(IO &A, Report &R) {
  A(R.Findings);
  A(R.Remarks);
  A(R.FixIts);
}
template <typename IO> void io(IO &A, LinkRecord::Unit &U) {
  A(U.File);
  A(U.Reported);
  A(U.Graphs);
  A(U.Functions);
}
template <typename IO> void io(IO &A, LinkRecord::Function &F) {
  A(F.Id);
  A(F.Key);
  A(F.MainFile);
  A(F.Called);
  A(F.Solo);
  A(F.Shape);
  A(F.Summary);
  A(F.Calls);
}
template <typename IO> void io(IO &A, LinkRecord::Conservative &C) {
  A(C.Function);
  A(C.Name);
  A(C.Pos);
  A(C.Why);
}
template <typename IO> void io(IO &A, LinkRecord &R) {
  A(R.Salt);
  A(R.Units);
  A(R.Functions);
  A(R.Starts);
  A(R.Recursive);
  A(R.PartOf);
  A(R.Parts);
  A(R.Conservatives);
  A(R.OdrMismatches);
  A(R.Warnings);
}
template <typename IO> void io(IO &A, SolvedComponent &C) {
  A(C.Key);
  A(C.Summaries);
  A(C.Findings);
  A(C.Remarks);
  A(C.FixIts);
}

llvm::Error corrupt(llvm::StringRef Name) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 "%s: truncated or corrupt cache entry",
                                 Name.str().c_str());
}

/// How a framed body is stored.
enum class Packing : uint8_t { Plain = 0, Zstd = 1 };

/// \p Value framed: a magic, the format version, a checksum of what
/// follows, then the body, compressed with zstd where LLVM has it and
/// \p Pack asks.
template <typename T>
std::string frame(const char (&Magic)[4], const T &Value, bool Pack = true) {
  Writer W;
  W.raw(Magic, sizeof Magic);
  W.varint(GraphFormatVersion);
  T Copy = Value; // io() takes non-const references
  Writer Body;
  Body(Copy);
  Writer Packed;
  if (Pack && llvm::compression::zstd::isAvailable()) {
    llvm::SmallVector<uint8_t, 0> Z;
    llvm::compression::zstd::compress(llvm::arrayRefFromStringRef(Body.Out), Z);
    Packed.Out.push_back(static_cast<char>(Packing::Zstd));
    Packed.varint(Body.Out.size());
    Packed.Out += llvm::toStringRef(Z);
  } else {
    Packed.Out.push_back(static_cast<char>(Packing::Plain));
    Packed.Out += Body.Out;
  }
  // A checksum of what follows: a damaged entry is noticed, never read as
  // other findings.
  uint64_t Sum = llvm::xxh3_64bits(Packed.Out);
  W.raw(&Sum, sizeof Sum);
  W.Out += Packed.Out;
  return std::move(W.Out);
}

/// The body of what frame() wrote, checked, decompressed into \p Unpacked
/// when it was packed.
llvm::Expected<Reader> unframeBody(const char (&Magic)[4], llvm::StringRef Text,
                                   llvm::StringRef Name,
                                   llvm::SmallVectorImpl<uint8_t> &Unpacked) {
  if (Text.size() < sizeof Magic || std::memcmp(Text.data(), Magic, 4) != 0)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: not a clang-escape cache entry",
                                   Name.str().c_str());
  Reader R(Text.drop_front(sizeof Magic));
  uint64_t Version = R.varint();
  if (R.Failed || Version != GraphFormatVersion)
    return llvm::createStringError(
        std::errc::invalid_argument, "%s: cache format %d, expected %d",
        Name.str().c_str(), static_cast<int>(Version), GraphFormatVersion);
  uint64_t Sum = 0;
  if (static_cast<size_t>(R.End - R.P) < sizeof Sum)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: truncated cache entry",
                                   Name.str().c_str());
  std::memcpy(&Sum, R.P, sizeof Sum);
  R.P += sizeof Sum;
  if (Sum != llvm::xxh3_64bits(llvm::StringRef(R.P, R.End - R.P)))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: damaged cache entry (checksum "
                                   "mismatch)",
                                   Name.str().c_str());
  if (R.P == R.End)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "%s: truncated cache entry",
                                   Name.str().c_str());
  auto How = static_cast<Packing>(*R.P++);
  if (How == Packing::Zstd) {
    uint64_t Size = R.varint();
    if (R.Failed)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "%s: truncated cache entry",
                                     Name.str().c_str());
    if (!llvm::compression::zstd::isAvailable())
      return llvm::createStringError(
          std::errc::invalid_argument,
          "%s: compressed with zstd, which this build of LLVM lacks",
          Name.str().c_str());
    if (llvm::Error E = llvm::compression::zstd::decompress(
            llvm::arrayRefFromStringRef(llvm::StringRef(R.P, R.End - R.P)),
            Unpacked, Size))
      return llvm::createStringError(
          std::errc::invalid_argument, "%s: corrupt cache entry: %s",
          Name.str().c_str(), llvm::toString(std::move(E)).c_str());
    R = Reader(llvm::toStringRef(Unpacked));
  } else if (How != Packing::Plain) {
    return corrupt(Name);
  }
  return R;
}

/// What frame() wrote, checked.
template <typename T>
llvm::Expected<T> unframe(const char (&Magic)[4], llvm::StringRef Text,
                          llvm::StringRef Name) {
  llvm::SmallVector<uint8_t, 0> Unpacked;
  auto R = unframeBody(Magic, Text, Name, Unpacked);
  if (!R)
    return R.takeError();
  T Value;
  (*R)(Value);
  if (R->Failed || R->P != R->End)
    return corrupt(Name);
  return std::move(Value);
}

} // namespace

std::string writeExtractedTU(const ExtractedTU &TU) {
  return frame(UnitMagic, TU);
}

llvm::Expected<ExtractedTU> readExtractedTU(llvm::StringRef Text,
                                            llvm::StringRef Name) {
  return unframe<ExtractedTU>(UnitMagic, Text, Name);
}

std::string writeCacheEntry(const CacheEntry &E) {
  // Not compressed: every run checks every entry, and the entries are a
  // small part of the cache (a few percent of its graphs).
  return frame(EntryMagic, E, /*Pack=*/false);
}

llvm::Expected<CacheEntry> readCacheEntry(llvm::StringRef Text,
                                          llvm::StringRef Name) {
  return unframe<CacheEntry>(EntryMagic, Text, Name);
}

llvm::Expected<std::optional<CacheEntry>>
readCacheEntryIf(llvm::StringRef Text, llvm::StringRef Name,
                 llvm::function_ref<bool(const CacheEntry &, size_t)> Usable,
                 llvm::function_ref<bool(llvm::StringRef, uint64_t)> Current) {
  llvm::SmallVector<uint8_t, 0> Unpacked;
  auto R = unframeBody(EntryMagic, Text, Name, Unpacked);
  if (!R)
    return R.takeError();
  // The fields in io()'s order, the dependencies checked as they are read.
  CacheEntry E;
  (*R)(E.File);
  (*R)(E.HadErrors);
  size_t N = R->count();
  if (R->Failed)
    return corrupt(Name);
  if (!Usable(E, N))
    return std::nullopt;
  for (size_t I = 0; I < N; ++I) {
    llvm::StringRef Path = R->str();
    uint64_t Hash = 0;
    (*R)(Hash);
    if (R->Failed)
      return corrupt(Name);
    if (!Current(Path, Hash))
      return std::nullopt;
  }
  (*R)(E.Graphs);
  if (R->Failed || R->P != R->End)
    return corrupt(Name);
  return std::move(E);
}

std::string writeFunctionGraph(const FunctionGraph &G) {
  return frame(GraphMagic, G);
}

llvm::Expected<FunctionGraph> readFunctionGraph(llvm::StringRef Text,
                                                llvm::StringRef Name) {
  return unframe<FunctionGraph>(GraphMagic, Text, Name);
}

std::string writeSkeletons(const std::vector<FunctionGraph> &Skeletons) {
  return frame(SkeletonMagic, Skeletons);
}

llvm::Expected<std::vector<FunctionGraph>> readSkeletons(llvm::StringRef Text,
                                                         llvm::StringRef Name) {
  return unframe<std::vector<FunctionGraph>>(SkeletonMagic, Text, Name);
}

std::string writeSolvedComponents(const std::vector<SolvedComponent> &Cs) {
  return frame(SolvedMagic, Cs);
}

llvm::Expected<std::vector<SolvedComponent>>
readSolvedComponents(llvm::StringRef Text, llvm::StringRef Name) {
  return unframe<std::vector<SolvedComponent>>(SolvedMagic, Text, Name);
}

std::string encodeSummary(const FunctionSummary &S) {
  Writer W;
  FunctionSummary Copy = S; // io() takes non-const references
  W(Copy);
  return std::move(W.Out);
}

llvm::Expected<FunctionSummary> decodeSummary(llvm::StringRef Encoded) {
  Reader R(Encoded);
  FunctionSummary S;
  R(S);
  if (R.Failed || R.P != R.End)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "a corrupt summary in the link state");
  return std::move(S);
}

std::string writeLinkRecord(const LinkRecord &R) { return frame(LinkMagic, R); }

llvm::Expected<LinkRecord> readLinkRecord(llvm::StringRef Text,
                                          llvm::StringRef Name) {
  return unframe<LinkRecord>(LinkMagic, Text, Name);
}

GraphId graphIdOf(llvm::StringRef Encoded) {
  llvm::XXH128_hash_t H =
      llvm::xxh3_128bits(llvm::arrayRefFromStringRef(Encoded));
  return {H.high64, H.low64};
}

std::string GraphId::str() const {
  char B[33];
  snprintf(B, sizeof B, "%016llx%016llx", static_cast<unsigned long long>(High),
           static_cast<unsigned long long>(Low));
  return B;
}

} // namespace escape
