//===- LinkState.cpp - The previous run's link, kept in the cache ---------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "clang-escape/Frontend/LinkState.h"
#include "clang-escape/Graph/GraphCache.h"
#include "clang-escape/Support/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_set>

namespace escape {

namespace {

/// What decides how a function links: its key, its file (which keeps it
/// apart from another file's function of that key), its calls' callees, what
/// it overrides.
uint64_t shapeOf(const FunctionGraph &G) {
  std::string In;
  auto Put = [&](llvm::StringRef S) {
    In += std::to_string(S.size());
    In += ':';
    In += S;
  };
  Put(G.Key);
  Put(G.Pos.File);
  for (const CallSite &C : G.Calls) {
    Put(C.CalleeKey);
    In += C.Virtual ? 'v' : 's';
  }
  In += '|';
  for (const std::string &O : G.Overrides)
    Put(O);
  return llvm::xxh3_64bits(In);
}

/// The part of \p R from \p From on, Finding::Graph counted from \p Base.
Report partFrom(const Report &R, const Report &From, size_t Base) {
  Report P;
  for (size_t J = From.Findings.size(); J < R.Findings.size(); ++J) {
    P.Findings.push_back(R.Findings[J]);
    P.Findings.back().Graph -= static_cast<int>(Base);
  }
  P.Remarks.assign(R.Remarks.begin() + From.Remarks.size(), R.Remarks.end());
  P.FixIts.assign(R.FixIts.begin() + From.FixIts.size(), R.FixIts.end());
  return P;
}

bool sameRemarks(const std::vector<Remark> &A, const std::vector<Remark> &B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end(),
                    [](const Remark &X, const Remark &Y) {
                      return X.Pos.File == Y.Pos.File &&
                             X.Pos.Line == Y.Pos.Line &&
                             X.Pos.Column == Y.Pos.Column &&
                             X.Message == Y.Message && X.Explain == Y.Explain;
                    });
}

bool empty(const Report &R) {
  return R.Findings.empty() && R.Remarks.empty() && R.FixIts.empty();
}

struct GraphIdHash {
  size_t operator()(const GraphId &Id) const { return Id.High ^ Id.Low; }
};

/// The link state on disk, so that a run reads and writes what its edit
/// touches, not the whole program: link.state is a small manifest naming a
/// head (the units, components and reports: a LinkRecord without functions)
/// and the functions in chunks of whole components, each a LinkRecord of its
/// own in link/<hash>.lr, named by its content (never rewritten, shared by
/// the states that name it). The manifest also lists, per chunk, the
/// functions outside it that its functions call: a chunk none of whose
/// callees got a new summary is not read at all.
constexpr char ManifestMagic[4] = {'C', 'E', 'S', 'M'};
constexpr int ChunkFunctions = 1024;
constexpr llvm::StringLiteral ChunksDir = "link";

struct Chunk {
  int First = 0, Count = 0;
  GraphId Name;
  /// Sorted, distinct.
  std::vector<int> Outside;
};

struct Manifest {
  std::string Salt;
  GraphId Head;
  int Functions = 0;
  std::vector<Chunk> Chunks;
};

void putVarint(std::string &Out, uint64_t V) {
  llvm::raw_string_ostream OS(Out);
  llvm::encodeULEB128(V, OS);
}

struct VarintReader {
  const char *P, *End;
  bool Failed = false;
  uint64_t next() {
    unsigned N = 0;
    const char *Error = nullptr;
    uint64_t V =
        llvm::decodeULEB128(reinterpret_cast<const uint8_t *>(P), &N,
                            reinterpret_cast<const uint8_t *>(End), &Error);
    Failed |= Error != nullptr;
    P += Error ? 0 : N;
    return V;
  }
};

std::string encodeManifest(const Manifest &M) {
  std::string Body;
  putVarint(Body, M.Salt.size());
  Body += M.Salt;
  putVarint(Body, M.Head.High);
  putVarint(Body, M.Head.Low);
  putVarint(Body, M.Functions);
  putVarint(Body, M.Chunks.size());
  for (const Chunk &C : M.Chunks) {
    putVarint(Body, C.First);
    putVarint(Body, C.Count);
    putVarint(Body, C.Name.High);
    putVarint(Body, C.Name.Low);
    putVarint(Body, C.Outside.size());
    int Last = 0;
    for (int F : C.Outside) {
      putVarint(Body, F - Last);
      Last = F;
    }
  }
  std::string Out(ManifestMagic, sizeof ManifestMagic);
  putVarint(Out, GraphFormatVersion);
  uint64_t Sum = llvm::xxh3_64bits(Body);
  Out.append(reinterpret_cast<const char *>(&Sum), sizeof Sum);
  return Out + Body;
}

llvm::Error manifestError(llvm::StringRef Path, llvm::StringRef What) {
  return llvm::createStringError(std::errc::invalid_argument, "%s: %s",
                                 Path.str().c_str(), What.str().c_str());
}

/// What encodeManifest() wrote, checked: the chunks cover the functions in
/// order.
llvm::Expected<Manifest> decodeManifest(llvm::StringRef Text,
                                        llvm::StringRef Path) {
  if (!Text.starts_with(llvm::StringRef(ManifestMagic, 4)))
    return manifestError(Path, "not a clang-escape cache entry");
  VarintReader R{Text.data() + 4, Text.data() + Text.size()};
  uint64_t Sum = 0;
  if (R.next() != static_cast<uint64_t>(GraphFormatVersion) || R.Failed ||
      static_cast<size_t>(R.End - R.P) < sizeof Sum)
    return manifestError(Path, "another cache format");
  std::memcpy(&Sum, R.P, sizeof Sum);
  R.P += sizeof Sum;
  if (Sum != llvm::xxh3_64bits(llvm::StringRef(R.P, R.End - R.P)))
    return manifestError(Path, "damaged cache entry (checksum mismatch)");
  Manifest M;
  uint64_t SaltSize = R.next();
  if (R.Failed || SaltSize > static_cast<uint64_t>(R.End - R.P))
    return manifestError(Path, "truncated or corrupt cache entry");
  M.Salt.assign(R.P, SaltSize);
  R.P += SaltSize;
  M.Head.High = R.next();
  M.Head.Low = R.next();
  M.Functions = static_cast<int>(R.next());
  uint64_t N = R.next();
  int Next = 0;
  for (uint64_t I = 0; I < N && !R.Failed; ++I) {
    Chunk C;
    C.First = static_cast<int>(R.next());
    C.Count = static_cast<int>(R.next());
    C.Name.High = R.next();
    C.Name.Low = R.next();
    uint64_t NO = R.next();
    int Last = 0;
    for (uint64_t J = 0; J < NO && !R.Failed; ++J)
      C.Outside.push_back(Last += static_cast<int>(R.next()));
    if (C.First != Next || C.Count <= 0)
      R.Failed = true;
    Next = C.First + C.Count;
    M.Chunks.push_back(std::move(C));
  }
  if (R.Failed || R.P != R.End || Next != M.Functions)
    return manifestError(Path, "truncated or corrupt cache entry");
  return std::move(M);
}

std::string chunkPath(llvm::StringRef Dir, const GraphId &Name) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, ChunksDir, Name.str() + ".lr");
  return std::string(P);
}

/// Stores \p R (a chunk or the head) under its content's name.
llvm::Expected<GraphId> storePiece(llvm::StringRef Dir, LinkRecord &R) {
  std::string Text = writeLinkRecord(R);
  GraphId Name = graphIdOf(Text);
  std::string P = chunkPath(Dir, Name);
  if (!llvm::sys::fs::exists(P)) {
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    if (llvm::Error E = writeFileAtomically(P, Text))
      return std::move(E);
  }
  return Name;
}

/// The piece \p Name of the state of \p Dir; \p Missing when it is gone
/// (another run replaced the state meanwhile).
llvm::Expected<LinkRecord> loadPiece(llvm::StringRef Dir, const GraphId &Name,
                                     bool &Missing) {
  std::string P = chunkPath(Dir, Name);
  auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  Missing = !Buf;
  if (!Buf)
    return manifestError(P, "missing");
  return readLinkRecord((*Buf)->getBuffer(), P);
}

/// The callees of \p Fs[From, To) outside that range.
std::vector<int> outside(const std::vector<LinkRecord::Function> &Fs, int From,
                         int To) {
  std::vector<int> Out;
  for (int F = From; F < To; ++F) {
    const std::vector<int> &C = Fs[F].Calls;
    for (size_t J = 0; J < C.size();) {
      int N = C[J++];
      for (int T = 0; T < N && J < C.size(); ++T, ++J)
        if (C[J] < From || C[J] >= To)
          Out.push_back(C[J]);
    }
  }
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return Out;
}

/// Writes \p R as the state \p M describes: the chunks \p Modified (all
/// when \p M has none yet, cut at component starts) and the head again,
/// then the manifest, atomically; then removes the pieces no longer named.
llvm::Error storeState(llvm::StringRef Dir, LinkRecord &R, Manifest &M,
                       const std::vector<char> &Modified) {
  int NF = static_cast<int>(R.Functions.size());
  if (M.Chunks.empty()) {
    for (size_t K = 0; K + 1 < R.Starts.size(); ++K) {
      int Base = R.Starts[K];
      if (M.Chunks.empty() || M.Chunks.back().Count >= ChunkFunctions) {
        M.Chunks.emplace_back();
        M.Chunks.back().First = Base;
      }
      M.Chunks.back().Count = R.Starts[K + 1] - M.Chunks.back().First;
    }
  }
  M.Functions = NF;
  M.Salt = R.Salt;
  // The remarks go with their component's chunk, read only by a run that
  // shows them (-m, HTML): not with the head, which every run reads. The
  // parts with remarks of each chunk, found in one pass.
  std::vector<std::vector<size_t>> RemarksOf(M.Chunks.size());
  for (size_t J = 0; J < R.PartOf.size() && J < R.Parts.size(); ++J) {
    int K = R.PartOf[J];
    if (R.Parts[J].Remarks.empty() || K < 0 ||
        static_cast<size_t>(K) >= R.Starts.size())
      continue;
    auto It =
        llvm::upper_bound(M.Chunks, R.Starts[K],
                          [](int F, const Chunk &Ch) { return F < Ch.First; });
    if (It != M.Chunks.begin())
      RemarksOf[static_cast<size_t>(It - M.Chunks.begin()) - 1].push_back(J);
  }
  for (size_t C = 0; C < M.Chunks.size(); ++C) {
    Chunk &Ch = M.Chunks[C];
    if (C < Modified.size() && !Modified[C])
      continue;
    LinkRecord Piece;
    Piece.Functions.assign(
        std::make_move_iterator(R.Functions.begin() + Ch.First),
        std::make_move_iterator(R.Functions.begin() + Ch.First + Ch.Count));
    for (size_t J : RemarksOf[C]) {
      Piece.PartOf.push_back(R.PartOf[J]);
      Piece.Parts.emplace_back();
      Piece.Parts.back().Remarks = R.Parts[J].Remarks;
    }
    auto Name = storePiece(Dir, Piece);
    std::move(Piece.Functions.begin(), Piece.Functions.end(),
              R.Functions.begin() + Ch.First);
    if (!Name)
      return Name.takeError();
    Ch.Name = *Name;
    Ch.Outside = outside(R.Functions, Ch.First, Ch.First + Ch.Count);
  }
  std::vector<LinkRecord::Function> Functions;
  std::swap(Functions, R.Functions);
  std::vector<int> PartOf;
  std::vector<Report> Parts;
  std::swap(PartOf, R.PartOf);
  std::swap(Parts, R.Parts);
  for (size_t J = 0; J < PartOf.size() && J < Parts.size(); ++J)
    if (!Parts[J].Findings.empty() || !Parts[J].FixIts.empty()) {
      R.PartOf.push_back(PartOf[J]);
      R.Parts.push_back({Parts[J].Findings, {}, Parts[J].FixIts});
    }
  auto Head = storePiece(Dir, R);
  std::swap(Functions, R.Functions);
  std::swap(PartOf, R.PartOf);
  std::swap(Parts, R.Parts);
  if (!Head)
    return Head.takeError();
  M.Head = *Head;
  if (llvm::Error E =
          writeFileAtomically(linkStatePath(Dir), encodeManifest(M)))
    return E;
  // What no longer belongs to the state (a run reading the previous one at
  // this moment finds a piece gone and links in full).
  std::set<std::string> Named{chunkPath(Dir, M.Head)};
  for (const Chunk &Ch : M.Chunks)
    Named.insert(chunkPath(Dir, Ch.Name));
  llvm::SmallString<256> Root(Dir);
  llvm::sys::path::append(Root, ChunksDir);
  std::error_code EC;
  std::vector<std::string> Stale;
  for (llvm::sys::fs::directory_iterator It(Root, EC), End; It != End && !EC;
       It.increment(EC))
    if (!Named.count(It->path()))
      Stale.push_back(It->path());
  for (const std::string &P : Stale)
    llvm::sys::fs::remove(P);
  return llvm::Error::success();
}

/// The previous run's state as read so far: the head, and the chunks of
/// functions asked for.
class StoredState {
public:
  Manifest M;
  LinkRecord Rec;
  std::vector<char> Loaded, Modified;
  /// Where each component's part is in Rec.Parts: from the head (findings,
  /// fix-its), with the remarks of each chunk read so far.
  std::map<int, size_t> PartAt;

  /// Reads the manifest and the head; std::nullopt with \p Why (and
  /// \p Damaged) when there is none or it cannot be read.
  static std::optional<StoredState> open(llvm::StringRef Dir, std::string &Why,
                                         bool &Damaged) {
    std::string Path = linkStatePath(Dir);
    auto Buf = llvm::MemoryBuffer::getFile(Path);
    if (!Buf) {
      Why = "no link state";
      return std::nullopt;
    }
    auto Read = decodeManifest((*Buf)->getBuffer(), Path);
    if (!Read) {
      Why = llvm::toString(Read.takeError());
      Damaged = true;
      return std::nullopt;
    }
    StoredState S;
    S.M = std::move(*Read);
    bool Missing = false;
    auto Head = loadPiece(Dir, S.M.Head, Missing);
    if (!Head) {
      Why = llvm::toString(Head.takeError());
      Damaged = !Missing;
      return std::nullopt;
    }
    S.Rec = std::move(*Head);
    S.Rec.Salt = S.M.Salt;
    if (S.Rec.PartOf.size() != S.Rec.Parts.size()) {
      Why = Path + ": truncated or corrupt cache entry";
      Damaged = true;
      return std::nullopt;
    }
    for (size_t J = 0; J < S.Rec.PartOf.size(); ++J)
      S.PartAt[S.Rec.PartOf[J]] = J;
    S.Loaded.assign(S.M.Chunks.size(), 0);
    S.Modified.assign(S.M.Chunks.size(), 0);
    // Each chunk starts a component (load() reads whole components).
    const std::vector<int> &Starts = S.Rec.Starts;
    if (!llvm::is_sorted(Starts)) {
      Why = Path + ": truncated or corrupt cache entry";
      Damaged = true;
      return std::nullopt;
    }
    for (const Chunk &C : S.M.Chunks)
      if (!std::binary_search(Starts.begin(), Starts.end(), C.First)) {
        Why = Path + ": truncated or corrupt cache entry";
        Damaged = true;
        return std::nullopt;
      }
    S.Dir = Dir.str();
    return S;
  }

  size_t chunkOf(int F) const {
    auto It = llvm::upper_bound(
        M.Chunks, F, [](int F, const Chunk &C) { return F < C.First; });
    return static_cast<size_t>(It - M.Chunks.begin()) - 1;
  }

  /// Function \p F, its chunk read if it was not; nullptr (with \p Why and
  /// \p Damaged) when it cannot be.
  LinkRecord::Function *fn(int F, std::string &Why, bool &Damaged) {
    if (F < 0 || F >= M.Functions) {
      Why = "a damaged link state";
      Damaged = true;
      return nullptr;
    }
    if (!load(chunkOf(F), Why, Damaged))
      return nullptr;
    return &Rec.Functions[F];
  }

  bool load(size_t C, std::string &Why, bool &Damaged) {
    if (Loaded[C])
      return true;
    // Made when a run first needs one: a warm run reads no chunk.
    if (Rec.Functions.empty())
      Rec.Functions.resize(M.Functions);
    const Chunk &Ch = M.Chunks[C];
    bool Missing = false;
    auto Piece = loadPiece(Dir, Ch.Name, Missing);
    if (!Piece) {
      Why = llvm::toString(Piece.takeError());
      Damaged = !Missing;
      if (Missing)
        Why = "a link state another run replaced";
      return false;
    }
    if (static_cast<int>(Piece->Functions.size()) != Ch.Count) {
      Why = chunkPath(Dir, Ch.Name) + ": truncated or corrupt cache entry";
      Damaged = true;
      return false;
    }
    std::move(Piece->Functions.begin(), Piece->Functions.end(),
              Rec.Functions.begin() + Ch.First);
    for (size_t J = 0; J < Piece->PartOf.size() && J < Piece->Parts.size();
         ++J) {
      auto [At, New] = PartAt.try_emplace(Piece->PartOf[J], Rec.Parts.size());
      if (New) {
        Rec.PartOf.push_back(Piece->PartOf[J]);
        Rec.Parts.emplace_back();
      }
      Rec.Parts[At->second].Remarks = std::move(Piece->Parts[J].Remarks);
    }
    Loaded[C] = 1;
    return true;
  }

private:
  std::string Dir;
};
} // namespace

std::optional<Relinked> relink(llvm::StringRef Dir, llvm::StringRef Salt,
                               llvm::ArrayRef<LinkInput> Units,
                               const ReportOptions &Opts, bool Remarks,
                               bool Write, std::string &Why, bool &Damaged) {
  Damaged = false;
  auto State = StoredState::open(Dir, Why, Damaged);
  if (!State)
    return std::nullopt;
  LinkRecord &Rec = State->Rec;
  size_t NF = static_cast<size_t>(State->M.Functions);
  if (Rec.Salt != Salt) {
    Why = "another build or other options";
    return std::nullopt;
  }
  if (Rec.Units.size() != Units.size() || Rec.Starts.empty() ||
      static_cast<size_t>(Rec.Starts.back()) != NF) {
    Why = "other units";
    return std::nullopt;
  }
  // The function \p F, read from its chunk; nullptr when it cannot be.
  auto FunctionAt = [&](int F) { return State->fn(F, Why, Damaged); };
  // The units whose entries changed, and what changed in them.
  std::vector<size_t> Changed;
  for (size_t U = 0; U < Units.size(); ++U) {
    const LinkRecord::Unit &Old = Rec.Units[U];
    if (Old.File != Units[U].File || Old.Reported != Units[U].Reported) {
      Why = "other units";
      return std::nullopt;
    }
    if (Old.Graphs != Units[U].Entry->Graphs)
      Changed.push_back(U);
  }
  std::vector<char> Dirty(NF), NewSummary(NF);
  std::map<int, FunctionGraph> NewSkeletons;
  if (!Changed.empty()) {
    // A changed graph must be found nowhere else: then no other unit's copy
    // was kept in its place, and it keeps no other's out.
    std::unordered_set<GraphId, GraphIdHash> Everywhere;
    for (const LinkRecord::Unit &U : Rec.Units)
      Everywhere.insert(U.Graphs.begin(), U.Graphs.end());
    for (size_t U : Changed) {
      LinkRecord::Unit &Old = Rec.Units[U];
      const std::vector<GraphId> &New = Units[U].Entry->Graphs;
      if (Old.Graphs.size() != New.size()) {
        Why = "the functions of '" + Old.File + "' changed";
        return std::nullopt;
      }
      std::set<GraphId> NoneLoaded;
      std::vector<FunctionGraph> Skeletons;
      std::vector<GraphId> SkeletonIds;
      auto Done = loadSkeletons(Dir, New, NoneLoaded, Skeletons, SkeletonIds,
                                /*StoreMissing=*/Write);
      if (!Done || !*Done) {
        if (!Done)
          llvm::consumeError(Done.takeError());
        Why = "the skeletons of '" + Old.File + "' cannot be read";
        return std::nullopt;
      }
      std::set<GraphId> Seen;
      std::map<GraphId, size_t> SkeletonOf;
      for (size_t I = 0; I < SkeletonIds.size(); ++I)
        SkeletonOf.emplace(SkeletonIds[I], I);
      for (size_t P = 0; P < New.size(); ++P) {
        if (New[P] == Old.Graphs[P])
          continue;
        int F = P < Old.Functions.size() ? Old.Functions[P] : -1;
        if (F >= 0 && !FunctionAt(F))
          return std::nullopt;
        auto S = SkeletonOf.find(New[P]);
        if (F >= 0 && S != SkeletonOf.end()) {
          // Another file's function of its key came first: the link keys it
          // apart by its file (Program::add()), as it did before.
          FunctionGraph &G = Skeletons[S->second];
          const std::string &Linked = Rec.Functions[F].Key;
          if (Linked == keyApart(G.Key, G.Pos.File))
            G.Key = Linked;
        }
        if (F < 0 || !Rec.Functions[F].Solo || Dirty[F] ||
            Everywhere.count(New[P]) || !Seen.insert(New[P]).second ||
            S == SkeletonOf.end() ||
            shapeOf(Skeletons[S->second]) != Rec.Functions[F].Shape) {
          Why = "the functions of '" + Old.File + "' changed";
          return std::nullopt;
        }
        Dirty[F] = 1;
        State->Modified[State->chunkOf(F)] = 1;
        Rec.Functions[F].Id = New[P];
        NewSkeletons[F] = std::move(Skeletons[S->second]);
      }
      Old.Graphs = New;
    }
  }
  // Bottom-up, as Program::solve: a component is solved again when a member
  // changed or a callee's summary did; the others keep what they had.
  std::set<int> Recursive(Rec.Recursive.begin(), Rec.Recursive.end());
  std::map<int, size_t> &PartAt = State->PartAt;
  std::map<int, Report> NewParts;
  std::map<int, FunctionSummary> Decoded;
  ReportBuilder Builder(std::set<std::string>(), Opts);
  const std::vector<Remark> NoRemarks;
  Relinked Out;
  size_t NC = Rec.Starts.size() - 1;
  // A chunk is read when one of its functions changed or one of its
  // callees outside it got a new summary (decided at its first component:
  // the functions before it are done by then).
  const std::vector<Chunk> &Chunks = State->M.Chunks;
  std::vector<char> DirtyChunk(Chunks.size());
  for (size_t F = 0; F < NF; ++F)
    if (Dirty[F])
      DirtyChunk[State->chunkOf(static_cast<int>(F))] = 1;
  size_t C = 0;
  bool Look = false;
  for (size_t K = 0; K < NC; ++K) {
    int Base = Rec.Starts[K], End = Rec.Starts[K + 1];
    if (K == 0 || (C + 1 < Chunks.size() && Chunks[C + 1].First <= Base)) {
      if (K != 0)
        ++C;
      Look = DirtyChunk[C] || llvm::any_of(Chunks[C].Outside, [&](int F) {
               return F >= 0 && F < static_cast<int>(NF) && NewSummary[F];
             });
      if (Look && !State->load(C, Why, Damaged))
        return std::nullopt;
    }
    bool Again = false;
    for (int F = Base; F < End && !Again && Look; ++F) {
      Again |= Dirty[F];
      const std::vector<int> &C = Rec.Functions[F].Calls;
      for (size_t J = 0; J < C.size() && !Again;) {
        int N = C[J++];
        for (int T = 0; T < N && J < C.size(); ++T, ++J)
          Again |= (C[J] < Base || C[J] >= End) && NewSummary[C[J]];
      }
    }
    if (!Again) {
      // Its remarks are in its chunk.
      if (Remarks && !State->load(C, Why, Damaged))
        return std::nullopt;
      auto P = PartAt.find(static_cast<int>(K));
      if (P != PartAt.end()) {
        const Report &R = Rec.Parts[P->second];
        Builder.addReported(Base, R.Findings, Remarks ? R.Remarks : NoRemarks,
                            R.FixIts);
      }
      continue;
    }
    if (Recursive.count(static_cast<int>(K)) || End != Base + 1) {
      Why = "a recursive component to solve again";
      return std::nullopt;
    }
    LinkRecord::Function &Fn = Rec.Functions[Base];
    auto Body = loadGraph(Dir, Fn.Id);
    if (!Body) {
      Why = llvm::toString(Body.takeError());
      return std::nullopt;
    }
    // What the link decided about it (Program::body()).
    Body->Key = Fn.Key;
    Body->MainFile = Fn.MainFile;
    std::vector<std::vector<int>> Targets;
    for (size_t J = 0; J < Fn.Calls.size();) {
      int N = Fn.Calls[J++];
      Targets.emplace_back(Fn.Calls.begin() + J,
                           Fn.Calls.begin() + std::min(J + N, Fn.Calls.size()));
      J += N;
    }
    if (Targets.size() != Body->Calls.size()) {
      Why = "a graph that does not match its skeleton";
      return std::nullopt;
    }
    bool Corrupt = false, Unreadable = false;
    SolvedFunction S = Program::solveAlone(
        *Body, [&](size_t Call, std::vector<const FunctionSummary *> &Ts) {
          for (int T : Targets[Call]) {
            if (T < 0 || T >= Base) {
              Corrupt = true;
              continue;
            }
            auto It = Decoded.find(T);
            if (It == Decoded.end()) {
              const LinkRecord::Function *Callee = FunctionAt(T);
              if (!Callee) {
                Unreadable = true;
                continue;
              }
              auto D = decodeSummary(Callee->Summary);
              if (!D) {
                llvm::consumeError(D.takeError());
                Corrupt = true;
                continue;
              }
              It = Decoded.emplace(T, std::move(*D)).first;
            }
            Ts.push_back(&It->second);
          }
          return !Targets[Call].empty();
        });
    if (Unreadable)
      return std::nullopt;
    if (Corrupt) {
      Why = "a damaged link state";
      Damaged = true;
      return std::nullopt;
    }
    std::string Encoded = encodeSummary(S.Summary);
    if (Encoded != Fn.Summary) {
      NewSummary[Base] = 1;
      State->Modified[C] = 1;
      Fn.Summary = std::move(Encoded);
    }
    Decoded[Base] = S.Summary;
    std::set<std::string> Called;
    if (Fn.Called)
      Called.insert(Fn.Key);
    ReportBuilder One(std::move(Called), Opts);
    One.add(Base, *Body, S);
    Report Part = partFrom(One.sofar(), Report(), Base);
    Builder.addReported(Base, Part.Findings, Remarks ? Part.Remarks : NoRemarks,
                        Part.FixIts);
    // New remarks change the chunk (which was read: Look).
    auto Old = PartAt.find(static_cast<int>(K));
    if (Old == PartAt.end()
            ? !Part.Remarks.empty()
            : !sameRemarks(Rec.Parts[Old->second].Remarks, Part.Remarks))
      State->Modified[C] = 1;
    NewParts[static_cast<int>(K)] = std::move(Part);
    ++Out.Solved;
  }
  Out.Reused = static_cast<unsigned>(NC) - Out.Solved;
  Out.Rep = Builder.take();
  // What the tool warns about the changed functions comes from their new
  // skeletons.
  std::vector<LinkRecord::Conservative> Conservatives;
  for (LinkRecord::Conservative &C : Rec.Conservatives)
    if (!NewSkeletons.count(C.Function))
      Conservatives.push_back(std::move(C));
  for (auto &[F, G] : NewSkeletons)
    if (Rec.Functions[F].MainFile && !G.Conservative.empty())
      Conservatives.push_back({F, G.Name, G.Pos, G.Conservative});
  std::stable_sort(
      Conservatives.begin(), Conservatives.end(),
      [](const LinkRecord::Conservative &A, const LinkRecord::Conservative &B) {
        return A.Function < B.Function;
      });
  Rec.Conservatives = std::move(Conservatives);
  Out.Conservatives = Rec.Conservatives;
  Out.OdrMismatches = Rec.OdrMismatches;
  Out.Warnings = Rec.Warnings;
  if (Write && !Changed.empty()) {
    for (auto &[K, P] : NewParts) {
      auto At = PartAt.find(K);
      if (At != PartAt.end()) {
        Rec.Parts[At->second] = std::move(P);
      } else if (!empty(P)) {
        PartAt[K] = Rec.Parts.size();
        Rec.Parts.push_back(std::move(P));
      }
    }
    // In the order of the components, the empty ones left out.
    std::vector<int> PartOf;
    std::vector<Report> Parts;
    for (auto &[K, J] : PartAt)
      if (!empty(Rec.Parts[J])) {
        PartOf.push_back(K);
        Parts.push_back(std::move(Rec.Parts[J]));
      }
    Rec.PartOf = std::move(PartOf);
    Rec.Parts = std::move(Parts);
    if (Rec.Functions.empty()) // no chunk read: none is written
      Rec.Functions.resize(State->M.Functions);
    if (llvm::Error E = storeState(Dir, Rec, State->M, State->Modified))
      Out.Warnings.push_back(llvm::toString(std::move(E)));
  }
  return Out;
}

void LinkRecorder::unit(const std::string &File, bool Reported,
                        const std::vector<GraphId> &Graphs, size_t From,
                        const std::vector<FunctionGraph> &Skeletons,
                        llvm::ArrayRef<GraphId> Ids) {
  LinkRecord::Unit U;
  U.File = File;
  U.Reported = Reported;
  U.Graphs = Graphs;
  // The graphs the unit gave are those of its entry not given before, in
  // the entry's order (graphsOf()).
  std::vector<int> Hs;
  size_t H = From;
  for (const GraphId &Id : Graphs) {
    ++Named[Id];
    if (H < Ids.size() && Ids[H] == Id)
      Hs.push_back(static_cast<int>(H++));
    else
      Hs.push_back(-1);
  }
  if (H != Ids.size() || Skeletons.size() != Ids.size() - From)
    Failed = true;
  for (const FunctionGraph &G : Skeletons)
    Files[G.Key].push_back(llvm::sys::path::filename(G.Pos.File).str());
  Units.push_back(std::move(U));
  Handles.push_back(std::move(Hs));
}

std::optional<LinkRecord>
LinkRecorder::finish(std::string Salt, const Program &P,
                     const std::vector<SolvedComponent> &Components,
                     const ReportBuilder &Builder,
                     std::vector<std::string> Warnings,
                     llvm::ArrayRef<GraphId> Ids) {
  const std::vector<FunctionGraph> &Graphs = P.graphs();
  const std::vector<SolvedFunction> &Solved = P.solved();
  size_t Total = 0;
  for (const SolvedComponent &C : Components)
    Total += C.Summaries.size();
  if (Failed || !P.bodyErrors().empty() || Total != Graphs.size() ||
      Solved.size() != Graphs.size())
    return std::nullopt;
  // The keys given to functions of files of one name (or to two functions of
  // one file): which of them the link keeps, and under which key, can depend
  // on their positions.
  llvm::StringSet<> Crowded;
  for (auto &E : Files) {
    std::vector<std::string> &Names = E.second;
    if (Names.size() < 2)
      continue;
    std::sort(Names.begin(), Names.end());
    if (std::adjacent_find(Names.begin(), Names.end()) != Names.end())
      Crowded.insert(E.getKey());
  }
  LinkRecord R;
  R.Salt = std::move(Salt);
  std::vector<int> FunctionOf(Ids.size(), -1);
  R.Functions.resize(Graphs.size());
  for (size_t I = 0; I < Graphs.size(); ++I) {
    int H = P.handle(I);
    if (H < 0 || static_cast<size_t>(H) >= Ids.size())
      return std::nullopt; // resident: not in the cache
    FunctionOf[H] = static_cast<int>(I);
    const FunctionGraph &G = Graphs[I];
    LinkRecord::Function &F = R.Functions[I];
    F.Id = Ids[H];
    F.Key = G.Key;
    F.MainFile = G.MainFile;
    F.Called = Builder.called(G.Key);
    // The key it was given, before the link kept it apart from another
    // file's function of that key.
    llvm::StringRef Given = G.Key;
    if (!Files.count(Given) && !Given.consume_back(keyApart("", G.Pos.File)))
      Given = "";
    F.Solo = Named[F.Id] == 1 && Files.count(Given) && !Crowded.count(Given);
    F.Shape = shapeOf(G);
    F.Summary = encodeSummary(Solved[I].Summary);
    for (const CallSite &C : G.Calls) {
      std::vector<int> Ts = P.targets(C);
      F.Calls.push_back(static_cast<int>(Ts.size()));
      F.Calls.insert(F.Calls.end(), Ts.begin(), Ts.end());
    }
    if (G.MainFile && !G.Conservative.empty())
      R.Conservatives.push_back(
          {static_cast<int>(I), G.Name, G.Pos, G.Conservative});
  }
  for (size_t U = 0; U < Units.size(); ++U) {
    for (int H : Handles[U])
      Units[U].Functions.push_back(H < 0 ? -1 : FunctionOf[H]);
  }
  R.Units = std::move(Units);
  int Base = 0;
  for (size_t K = 0; K < Components.size(); ++K) {
    const SolvedComponent &C = Components[K];
    int N = static_cast<int>(C.Summaries.size());
    R.Starts.push_back(Base);
    bool Self = false;
    for (int F = Base; F < Base + N && !Self; ++F) {
      const std::vector<int> &Cs = R.Functions[F].Calls;
      for (size_t J = 0; J < Cs.size();) {
        int M = Cs[J++];
        for (int T = 0; T < M && J < Cs.size(); ++T, ++J)
          Self |= Cs[J] == F;
      }
    }
    if (N > 1 || Self)
      R.Recursive.push_back(static_cast<int>(K));
    if (!C.Findings.empty() || !C.Remarks.empty() || !C.FixIts.empty()) {
      R.PartOf.push_back(static_cast<int>(K));
      R.Parts.push_back({C.Findings, C.Remarks, C.FixIts});
    }
    Base += N;
  }
  R.Starts.push_back(Base);
  R.OdrMismatches = P.odrMismatches();
  R.Warnings = std::move(Warnings);
  return R;
}

llvm::Error storeLinkState(llvm::StringRef Dir, LinkRecord &R) {
  Manifest M;
  return storeState(Dir, R, M, /*Modified=*/{});
}

} // namespace escape
