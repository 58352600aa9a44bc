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
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
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

bool empty(const Report &R) {
  return R.Findings.empty() && R.Remarks.empty() && R.FixIts.empty();
}

struct GraphIdHash {
  size_t operator()(const GraphId &Id) const { return Id.High ^ Id.Low; }
};

} // namespace

std::optional<Relinked> relink(llvm::StringRef Dir, llvm::StringRef Salt,
                               llvm::ArrayRef<LinkInput> Units,
                               const ReportOptions &Opts, bool Write,
                               std::string &Why, bool &Damaged) {
  Damaged = false;
  std::string Path = linkStatePath(Dir);
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Why = "no link state";
    return std::nullopt;
  }
  auto Read = readLinkRecord((*Buf)->getBuffer(), Path);
  if (!Read) {
    Why = llvm::toString(Read.takeError());
    Damaged = true;
    return std::nullopt;
  }
  LinkRecord &Rec = *Read;
  size_t NF = Rec.Functions.size();
  if (Rec.Salt != Salt) {
    Why = "another build or other options";
    return std::nullopt;
  }
  if (Rec.Units.size() != Units.size() || Rec.Starts.empty() ||
      static_cast<size_t>(Rec.Starts.back()) != NF) {
    Why = "other units";
    return std::nullopt;
  }
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
        int F = Old.Functions[P];
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
        Rec.Functions[F].Id = New[P];
        NewSkeletons[F] = std::move(Skeletons[S->second]);
      }
      Old.Graphs = New;
    }
  }
  // Bottom-up, as Program::solve: a component is solved again when a member
  // changed or a callee's summary did; the others keep what they had.
  std::set<int> Recursive(Rec.Recursive.begin(), Rec.Recursive.end());
  std::map<int, size_t> PartAt;
  for (size_t J = 0; J < Rec.PartOf.size(); ++J)
    PartAt[Rec.PartOf[J]] = J;
  std::map<int, Report> NewParts;
  std::map<int, FunctionSummary> Decoded;
  ReportBuilder Builder(std::set<std::string>(), Opts);
  Relinked Out;
  size_t NC = Rec.Starts.size() - 1;
  for (size_t K = 0; K < NC; ++K) {
    int Base = Rec.Starts[K], End = Rec.Starts[K + 1];
    bool Again = false;
    for (int F = Base; F < End && !Again; ++F) {
      Again |= Dirty[F];
      const std::vector<int> &C = Rec.Functions[F].Calls;
      for (size_t J = 0; J < C.size() && !Again;) {
        int N = C[J++];
        for (int T = 0; T < N && J < C.size(); ++T, ++J)
          Again |= (C[J] < Base || C[J] >= End) && NewSummary[C[J]];
      }
    }
    if (!Again) {
      auto P = PartAt.find(static_cast<int>(K));
      if (P != PartAt.end()) {
        const Report &R = Rec.Parts[P->second];
        Builder.addReported(Base, R.Findings, R.Remarks, R.FixIts);
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
    bool Corrupt = false;
    SolvedFunction S = Program::solveAlone(
        *Body, [&](size_t Call, std::vector<const FunctionSummary *> &Ts) {
          for (int T : Targets[Call]) {
            if (T < 0 || T >= Base) {
              Corrupt = true;
              continue;
            }
            auto It = Decoded.find(T);
            if (It == Decoded.end()) {
              auto D = decodeSummary(Rec.Functions[T].Summary);
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
    if (Corrupt) {
      Why = "a damaged link state";
      Damaged = true;
      return std::nullopt;
    }
    std::string Encoded = encodeSummary(S.Summary);
    if (Encoded != Fn.Summary) {
      NewSummary[Base] = 1;
      Fn.Summary = std::move(Encoded);
    }
    Decoded[Base] = S.Summary;
    std::set<std::string> Called;
    if (Fn.Called)
      Called.insert(Fn.Key);
    ReportBuilder One(std::move(Called), Opts);
    One.add(Base, *Body, S);
    Report Part = partFrom(One.sofar(), Report(), Base);
    Builder.addReported(Base, Part.Findings, Part.Remarks, Part.FixIts);
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
    if (llvm::Error E = storeLinkState(Dir, Rec))
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

llvm::Error storeLinkState(llvm::StringRef Dir, const LinkRecord &R) {
  return writeFileAtomically(linkStatePath(Dir), writeLinkRecord(R));
}

} // namespace escape
