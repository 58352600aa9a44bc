//===- HtmlEmitter.cpp - A browsable report of the findings ---------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The HTML report of docs/Reports.md, as scan-build's and pprof's: pages
// that open from the file system, with no network and no server.
//
//   index.html     counts per check, class and file; a table of every
//                  finding that sorts and filters in the page
//   src/N-F.html   one per source file: the code, each finding and -m
//                  decision in the margin; the selected finding's flow steps
//                  numbered on their lines; the escape graphs of the file's
//                  functions as SVG, the selected finding's path in red
//   program.html   per function, what its parameters leak (-m)
//   report.css, report.js   shared by the pages (HtmlAssets/)
//
// The notes of each step are those of every other surface (findingNotes);
// the graphs are the drawings of DotEmitter (drawGraph), laid out by dot or
// by our own layered layout (GraphLayout.cpp).
//
//===----------------------------------------------------------------------===//

#include "GraphDrawing.h"
#include "GraphLayout.h"
#include "clang-escape/Interproc/Program.h"
#include "clang-escape/Output/Emitters.h"
#include "clang-escape/Support/Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace escape {
namespace {

const std::pair<const char *, const char *> Assets[] = {
#include "clang-escape/Output/HtmlAssets.inc"
};

/// Text as HTML (also inside attribute values).
std::string esc(llvm::StringRef S) {
  std::string Out;
  Out.reserve(S.size());
  for (char C : S) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

std::string num(double V) { return std::to_string(static_cast<long>(V)); }

std::string posText(const SourcePos &P) {
  return std::to_string(P.Line) + ":" + std::to_string(P.Column);
}

const char *nodeClass(LocKind K) {
  switch (K) {
  case LocKind::Heap:
  case LocKind::Thread:
  case LocKind::CoroFrame:
  case LocKind::GlobalStore:
    return "sink";
  case LocKind::Result:
  case LocKind::ParamContent:
  case LocKind::ParamField:
    return "caller";
  case LocKind::Local:
  case LocKind::Param:
  case LocKind::Temporary:
    return "frame";
  case LocKind::Alloc:
    return "alloc";
  default:
    return "flow";
  }
}

/// A callee's step carries its place in its text ("in callee: f: return p
/// (return) at a.cpp:3:10", Program.cpp): the step goes on that line, and
/// the text loses the place, which its link shows.
FindingNote placed(FindingNote N) {
  llvm::StringRef Text = N.Text;
  if (!Text.starts_with("in callee: "))
    return N;
  size_t At = Text.rfind(" at ");
  if (At == llvm::StringRef::npos)
    return N;
  llvm::StringRef Place = Text.drop_front(At + 4);
  auto [Rest, Col] = Place.rsplit(':');
  auto [File, Line] = Rest.rsplit(':');
  SourcePos P;
  P.File = File.str();
  if (File.empty() || Line.getAsInteger(10, P.Line) ||
      Col.getAsInteger(10, P.Column) || P.Line == 0)
    return N;
  N.Pos = P;
  N.Text = Text.take_front(At).str();
  return N;
}

/// One function's graph as inline SVG; \p Id names its arrow heads.
std::string svgOf(const DrawnGraph &D, const GraphLayout &L,
                  const std::string &Id, const char *LaidOutBy) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"escape-graph\" "
     << "width=\"" << num(L.Width) << "\" height=\"" << num(L.Height)
     << "\" viewBox=\"0 0 " << num(L.Width) << " " << num(L.Height)
     << "\" role=\"img\" data-layout=\"" << LaidOutBy << "\"><defs>";
  for (const char *Kind : {"a", "e", "p"})
    OS << "<marker id=\"" << Kind << Id
       << "\" viewBox=\"0 0 10 10\" refX=\"1\" refY=\"5\" markerWidth=\"10\" "
          "markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" "
          "orient=\"auto\"><path class=\"arrow-"
       << Kind << "\" d=\"M0 0 L10 5 L0 10 z\"/></marker>";
  OS << "</defs>";
  for (size_t I = 0; I < D.Edges.size(); ++I) {
    const DrawnEdge &E = D.Edges[I];
    const EdgeRoute &R = L.Edges[I];
    const char *Arrow = E.OnEscapePath ? "e" : "a";
    OS << "<g class=\"edge" << (E.OnEscapePath ? " esc" : "")
       << (E.Maybe ? " maybe" : "") << "\" data-edge=\"" << E.Edge
       << "\" data-arrow=\"" << Arrow << Id << "\"><path d=\"" << R.D
       << "\" marker-end=\"url(#" << Arrow << Id << ")\"/>";
    if (!E.Label.empty())
      OS << "<text x=\"" << num(R.LabelX) << "\" y=\"" << num(R.LabelY + 4)
         << "\">" << esc(E.Label) << "</text>";
    OS << "</g>";
  }
  for (size_t I = 0; I < D.Nodes.size(); ++I) {
    const DrawnNode &N = D.Nodes[I];
    const NodeBox &B = L.Nodes[I];
    OS << "<g class=\"node " << nodeClass(N.Kind) << "\" data-loc=\"" << N.Loc
       << "\"><title>" << esc(N.Name) << " (" << esc(N.Detail)
       << ")</title><rect x=\"" << num(B.X - B.W / 2) << "\" y=\""
       << num(B.Y - B.H / 2) << "\" width=\"" << num(B.W) << "\" height=\""
       << num(B.H) << "\" rx=\"" << (N.Kind == LocKind::Flow ? 16 : 3)
       << "\"/><text x=\"" << num(B.X) << "\" y=\"" << num(B.Y - 2)
       << "\" class=\"name\">" << esc(N.Name) << "</text><text x=\"" << num(B.X)
       << "\" y=\"" << num(B.Y + 12) << "\" class=\"detail\">" << esc(N.Detail)
       << "</text></g>";
  }
  OS << "</svg>";
  return S;
}

/// The common head of every page; \p Up leads from the page to the report's
/// directory.
void head(llvm::raw_ostream &OS, llvm::StringRef Title, llvm::StringRef Up,
          llvm::StringRef BodyClass) {
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<meta name=\"generator\" content=\"clang-escape "
     << CLANG_ESCAPE_VERSION << "\"><title>" << esc(Title)
     << " - clang-escape</title><link rel=\"stylesheet\" href=\"" << Up
     << "report.css\"><script src=\"" << Up
     << "report.js\" defer></script></head>\n<body class=\"" << BodyClass
     << "\">\n<header><a href=\"" << Up << "index.html\">Findings</a>"
     << "<a href=\"" << Up << "program.html\">Functions</a><h1>" << esc(Title)
     << "</h1></header>\n";
}

void tail(llvm::raw_ostream &OS) {
  OS << "<pre id=\"script-errors\" hidden></pre>\n</body></html>\n";
}

/// The report being written: pages, graphs and the findings on each.
class HtmlWriter {
public:
  HtmlWriter(const Program &P, const Report &R, const SourcePaths &Paths,
             const HtmlOptions &Opts)
      : P(P), R(R), Paths(Paths), Opts(Opts) {}

  HtmlReport write();

private:
  void collectFiles();
  void drawGraphs();
  std::string filePage(size_t Page);
  std::string indexPage();
  std::string programPage();
  void findingItem(llvm::raw_ostream &OS, size_t I, const std::string &File);
  std::string findingLink(size_t I, llvm::StringRef Up) const {
    auto It = PageOf.find(R.Findings[I].Pos.File);
    if (It == PageOf.end())
      return "";
    return Up.str() + PageName[It->second] + "#f" + std::to_string(I);
  }
  std::string lineLink(const SourcePos &Pos, llvm::StringRef Up) const {
    auto It = PageOf.find(Pos.File);
    if (It == PageOf.end())
      return "";
    return Up.str() + PageName[It->second] + "#L" + std::to_string(Pos.Line);
  }

  const Program &P;
  const Report &R;
  const SourcePaths &Paths;
  const HtmlOptions &Opts;
  HtmlReport Out;
  /// Pages in the order of their shown names.
  std::vector<std::string> PageFile, PageShown, PageName;
  std::map<std::string, size_t> PageOf;
  std::vector<std::vector<size_t>> PageFindings;
  /// Per page: the graphs (indices into the program's) it shows.
  std::vector<std::set<int>> PageGraphs;
  std::map<int, std::string> Svg;
  std::map<int, size_t> TooLarge;
};

void HtmlWriter::collectFiles() {
  std::set<std::string> Files;
  for (const Finding &F : R.Findings)
    Files.insert(F.Pos.File);
  for (const Remark &M : R.Remarks)
    Files.insert(M.Pos.File);
  for (const FunctionGraph &G : P.graphs())
    if (G.MainFile && G.Pos.valid())
      Files.insert(G.Pos.File);
  std::vector<std::pair<std::string, std::string>> Sorted;
  for (const std::string &F : Files)
    Sorted.push_back({Paths.shown(F), F});
  std::sort(Sorted.begin(), Sorted.end());
  for (auto &[Shown, File] : Sorted) {
    size_t N = PageFile.size();
    PageOf[File] = N;
    PageFile.push_back(File);
    PageShown.push_back(Shown);
    std::string Base = llvm::sys::path::filename(Shown).str();
    for (char &C : Base)
      if (!llvm::isAlnum(C) && C != '.' && C != '-' && C != '_')
        C = '_';
    PageName.push_back("src/" + std::to_string(N) + "-" + Base + ".html");
  }
  PageFindings.resize(PageFile.size());
  PageGraphs.resize(PageFile.size());
  for (size_t I = 0; I < R.Findings.size(); ++I)
    PageFindings[PageOf[R.Findings[I].Pos.File]].push_back(I);
}

void HtmlWriter::drawGraphs() {
  // Drawn: the functions with a finding or a definite escape (what -m=2
  // explains), on their own page and on the pages of their findings.
  const auto &Graphs = P.graphs();
  const auto &Solved = P.solved();
  std::set<int> Wanted;
  for (size_t I = 0; I < Graphs.size() && I < Solved.size(); ++I)
    if (Graphs[I].MainFile &&
        std::any_of(Solved[I].Escapes.begin(), Solved[I].Escapes.end(),
                    [](const EscapeFact &F) { return !F.Maybe; }))
      Wanted.insert(static_cast<int>(I));
  for (size_t Page = 0; Page < PageFile.size(); ++Page)
    for (size_t I : PageFindings[Page])
      if (R.Findings[I].Graph >= 0 &&
          R.Findings[I].Graph < static_cast<int>(Solved.size())) {
        Wanted.insert(R.Findings[I].Graph);
        PageGraphs[Page].insert(R.Findings[I].Graph);
      }
  std::vector<int> Order;
  std::vector<DrawnGraph> Drawn;
  for (int G : Wanted) {
    auto It = PageOf.find(Graphs[G].Pos.File);
    if (It != PageOf.end())
      PageGraphs[It->second].insert(G);
    DrawnGraph D = drawGraph(Graphs[G], Solved[G]);
    if (D.Nodes.size() > Opts.MaxGraphNodes) {
      TooLarge[G] = D.Nodes.size();
      continue;
    }
    Order.push_back(G);
    Drawn.push_back(std::move(D));
  }
  std::vector<GraphLayout> Layouts;
  const char *LaidOutBy = "dot";
  if (!Opts.DotProgram.empty()) {
    auto ByDot = layoutWithDot(Opts.DotProgram, Drawn);
    if (ByDot)
      Layouts = std::move(*ByDot);
    else
      Out.Warnings.push_back(llvm::toString(ByDot.takeError()) +
                             "; the graphs are laid out without dot");
  }
  if (Layouts.size() != Drawn.size()) {
    LaidOutBy = "layered";
    Layouts.clear();
    for (const DrawnGraph &D : Drawn)
      Layouts.push_back(layoutLayered(D));
  }
  for (size_t I = 0; I < Order.size(); ++I)
    Svg[Order[I]] =
        svgOf(Drawn[I], Layouts[I], std::to_string(Order[I]), LaidOutBy);
}

void HtmlWriter::findingItem(llvm::raw_ostream &OS, size_t I,
                             const std::string &File) {
  const Finding &F = R.Findings[I];
  OS << "<li class=\"finding " << F.className() << "\" id=\"f" << I
     << "\" data-line=\"" << F.Pos.Line << "\" data-graph=\"" << F.Graph
     << "\" data-subject=\"" << F.SubjectLoc << "\" data-path=\"";
  for (size_t K = 0; K < F.Path.size(); ++K)
    OS << (K ? " " : "") << F.Path[K];
  OS << "\"><a class=\"select\" href=\"#f" << I << "\"><span class=\"check\">"
     << esc(F.Check) << "</span> <span class=\"at\">line " << F.Pos.Line
     << "</span></a><div class=\"message\">" << esc(F.Message)
     << "</div><dl class=\"meta\"><dt>function</dt><dd>" << esc(F.Function)
     << "</dd><dt>subject</dt><dd>" << esc(F.Subject) << "</dd>";
  if (!F.Sink.empty())
    OS << "<dt>sink</dt><dd>" << esc(F.Sink) << "</dd>";
  OS << "<dt>confidence</dt><dd>" << F.confidence() << "</dd></dl>";
  std::vector<FindingNote> Notes = findingNotes(F);
  if (!Notes.empty()) {
    OS << "<ol class=\"steps\">";
    for (const FindingNote &Raw : Notes) {
      FindingNote N = placed(Raw);
      OS << "<li";
      if (N.Pos.File == File)
        OS << " data-line=\"" << N.Pos.Line << "\"><a href=\"#L" << N.Pos.Line
           << "\">" << posText(N.Pos) << "</a> ";
      else {
        std::string Link = lineLink(N.Pos, "../");
        OS << ">";
        std::string Where = Paths.shown(N.Pos.File) + ":" + posText(N.Pos);
        if (!Link.empty())
          OS << "<a href=\"" << esc(Link) << "\">" << esc(Where) << "</a> ";
        else
          OS << "<span class=\"elsewhere\">" << esc(Where) << "</span> ";
      }
      OS << esc(N.Text) << "</li>";
    }
    OS << "</ol>";
  }
  OS << "</li>\n";
}

std::string HtmlWriter::filePage(size_t Page) {
  const std::string &File = PageFile[Page];
  std::string S;
  llvm::raw_string_ostream OS(S);
  const std::vector<size_t> &Mine = PageFindings[Page];
  // The previous and next pages with findings, for stepping across files.
  std::string Prev, Next;
  for (size_t Q = Page; Q-- > 0;)
    if (!PageFindings[Q].empty()) {
      Prev = findingLink(PageFindings[Q].back(), "../");
      break;
    }
  for (size_t Q = Page + 1; Q < PageFile.size(); ++Q)
    if (!PageFindings[Q].empty()) {
      Next = findingLink(PageFindings[Q].front(), "../");
      break;
    }
  head(OS, PageShown[Page], "../", "file");
  OS << "<main data-prev-page=\"" << esc(Prev) << "\" data-next-page=\""
     << esc(Next) << "\">\n<div id=\"code\"><table class=\"code\">\n";

  // The margin: findings and -m decisions by line.
  std::map<unsigned, std::vector<size_t>> FindingsAt;
  for (size_t I : Mine)
    FindingsAt[R.Findings[I].Pos.Line].push_back(I);
  std::map<unsigned, std::vector<const Remark *>> RemarksAt;
  for (const Remark &M : R.Remarks)
    if (M.Pos.File == File)
      RemarksAt[M.Pos.Line].push_back(&M);
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  if (Buf)
    (*Buf)->getBuffer().split(Lines, '\n');
  else
    Out.Warnings.push_back("cannot read '" + PageShown[Page] +
                           "': the report shows its findings without code");
  for (size_t L = 1; L <= Lines.size(); ++L) {
    llvm::StringRef Text = Lines[L - 1].rtrim("\r");
    if (L == Lines.size() && Text.empty())
      break;
    auto F = FindingsAt.find(L);
    auto M = RemarksAt.find(L);
    OS << "<tr id=\"L" << L << "\""
       << (F != FindingsAt.end() ? " class=\"has-finding\"" : "")
       << "><td class=\"ln\"><a href=\"#L" << L << "\">" << L
       << "</a></td><td class=\"st\"></td><td class=\"src\">" << esc(Text)
       << "</td><td class=\"mg\">";
    if (F != FindingsAt.end())
      for (size_t I : F->second)
        OS << "<a class=\"mf " << R.Findings[I].className() << "\" href=\"#f"
           << I << "\" title=\"" << esc(R.Findings[I].Message) << "\">"
           << esc(R.Findings[I].Check) << "</a>";
    if (M != RemarksAt.end())
      for (const Remark *X : M->second) {
        OS << "<span class=\"mr\"";
        if (!X->Explain.empty())
          OS << " title=\"" << esc(llvm::join(X->Explain, "\n")) << "\"";
        OS << ">" << esc(X->Message) << "</span>";
      }
    OS << "</td></tr>\n";
  }
  OS << "</table></div>\n<aside id=\"panel\">\n<nav id=\"steps-nav\">"
     << "<button id=\"prev-finding\" title=\"previous finding (p)\">&#9664; "
        "finding</button><button id=\"prev-step\" title=\"previous step "
        "(k)\">&#9664; step</button><span id=\"position\"></span>"
     << "<button id=\"next-step\" title=\"next step (j)\">step "
        "&#9654;</button><button id=\"next-finding\" title=\"next finding "
        "(n)\">finding &#9654;</button></nav>\n";
  OS << "<h2>" << Mine.size() << " finding" << (Mine.size() == 1 ? "" : "s")
     << "</h2><ol id=\"findings\">\n";
  for (size_t I : Mine)
    findingItem(OS, I, File);
  OS << "</ol>\n";
  const auto &Graphs = P.graphs();
  if (!PageGraphs[Page].empty()) {
    OS << "<h2>Escape graph</h2><label>function <select id=\"graph-pick\">";
    for (int G : PageGraphs[Page])
      OS << "<option value=\"" << G << "\">" << esc(Graphs[G].Name)
         << "</option>";
    OS << "</select></label> <button id=\"graph-focus\" title=\"the graph "
          "alone, or back to the code\">&#x2922;</button><p "
          "class=\"legend\"><span class=\"frame\">this "
          "frame</span><span class=\"caller\">the caller's</span><span "
          "class=\"sink\">outlives all</span><span class=\"alloc\">heap "
          "allocation</span> &amp; takes an address, * reads through "
          "one</p>\n<div id=\"graph-view\"></div>\n<div id=\"graphs\">\n";
    // Inert until shown: a file of many functions stays quick to open.
    for (int G : PageGraphs[Page]) {
      OS << "<template id=\"g" << G << "\"><section class=\"graph\" "
         << "data-graph=\"" << G << "\" data-function=\"" << esc(Graphs[G].Name)
         << "\"><h3>" << esc(Graphs[G].Name) << "</h3>";
      auto It = Svg.find(G);
      if (It != Svg.end())
        OS << It->second;
      else
        OS << "<p>Not drawn: " << TooLarge[G]
           << " nodes; <code>clang-escape --format=dot --function='"
           << esc(Graphs[G].Name) << "'</code> prints it.</p>";
      OS << "</section></template>\n";
    }
    OS << "</div>\n";
  }
  OS << "</aside>\n</main>\n";
  tail(OS);
  return S;
}

std::string HtmlWriter::indexPage() {
  std::string S;
  llvm::raw_string_ostream OS(S);
  head(OS, "clang-escape report", "", "index");
  std::map<std::string, std::pair<const char *, size_t>> ByCheck;
  size_t Bugs = 0;
  for (const Finding &F : R.Findings) {
    auto &C = ByCheck[F.Check];
    C.first = F.className();
    ++C.second;
    Bugs += F.Class == FindingClass::Bug;
  }
  OS << "<section class=\"counts\"><p class=\"total\"><b>" << R.Findings.size()
     << "</b> findings: <b>" << Bugs << "</b> bug, <b>"
     << R.Findings.size() - Bugs << "</b> perf, in <b>" << PageFile.size()
     << "</b> files</p>\n<table class=\"by-check\"><thead><tr><th>check</th>"
        "<th>class</th><th>findings</th></tr></thead><tbody>\n";
  for (auto &[Check, C] : ByCheck)
    OS << "<tr><td><a href=\"#\" data-filter-check=\"" << esc(Check) << "\">"
       << esc(Check) << "</a></td><td>" << C.first << "</td><td>" << C.second
       << "</td></tr>\n";
  OS << "</tbody></table>\n<table class=\"by-file\"><thead><tr><th>file</th>"
        "<th>bug</th><th>perf</th></tr></thead><tbody>\n";
  for (size_t Page = 0; Page < PageFile.size(); ++Page) {
    size_t B = 0;
    for (size_t I : PageFindings[Page])
      B += R.Findings[I].Class == FindingClass::Bug;
    if (PageFindings[Page].empty())
      continue;
    OS << "<tr><td><a href=\"" << esc(PageName[Page]) << "\">"
       << esc(PageShown[Page]) << "</a></td><td>" << B << "</td><td>"
       << PageFindings[Page].size() - B << "</td></tr>\n";
  }
  OS << "</tbody></table></section>\n";
  OS << "<section class=\"findings\"><div class=\"filters\"><input "
        "id=\"filter\" type=\"search\" placeholder=\"filter: text, or "
        "check:escape-return class:bug file:a.cpp\" size=\"60\"><select "
        "id=\"filter-class\"><option value=\"\">all classes</option><option>"
        "bug</option><option>perf</option></select><span "
        "id=\"shown\"></span></div>\n<table id=\"all-findings\"><thead><tr>"
        "<th data-sort=\"num\">#</th><th data-sort=\"text\">check</th><th "
        "data-sort=\"text\">class</th><th data-sort=\"loc\">location</th>"
        "<th data-sort=\"text\">function</th><th data-sort=\"text\">subject"
        "</th><th data-sort=\"text\">sink</th><th data-sort=\"text\">"
        "confidence</th><th>message</th></tr></thead><tbody>\n";
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const Finding &F = R.Findings[I];
    const std::string &Shown = PageShown[PageOf[F.Pos.File]];
    OS << "<tr data-check=\"" << esc(F.Check) << "\" data-class=\""
       << F.className() << "\" data-file=\"" << esc(Shown) << "\"><td>" << I + 1
       << "</td><td>" << esc(F.Check) << "</td><td>" << F.className()
       << "</td><td><a href=\"" << esc(findingLink(I, "")) << "\">"
       << esc(Shown) << ":" << posText(F.Pos) << "</a></td><td>"
       << esc(F.Function) << "</td><td>" << esc(F.Subject) << "</td><td>"
       << esc(F.Sink) << "</td><td>" << F.confidence() << "</td><td>"
       << esc(F.Message) << "</td></tr>\n";
  }
  OS << "</tbody></table>";
  if (R.Findings.empty())
    OS << "<p>No findings.</p>";
  OS << "</section>\n";
  tail(OS);
  return S;
}

std::string HtmlWriter::programPage() {
  // The -m decisions made at each parameter's declaration.
  std::map<std::tuple<std::string, unsigned, unsigned>,
           std::vector<const Remark *>>
      At;
  for (const Remark &M : R.Remarks)
    At[{M.Pos.File, M.Pos.Line, M.Pos.Column}].push_back(&M);
  struct Row {
    std::string Name;
    const FunctionGraph *G;
    std::vector<std::string> Says;
    bool Keeps = false;
  };
  std::vector<Row> Rows;
  size_t Quiet = 0; // functions whose parameters do not escape
  for (const FunctionGraph &G : P.graphs()) {
    if (!G.MainFile)
      continue;
    Row Rw{G.Name, &G, {}, false};
    for (int L : G.SlotLocs) {
      if (L < 0)
        continue;
      const SourcePos &Pos = G.Locs[L].Pos;
      auto It = At.find({Pos.File, Pos.Line, Pos.Column});
      if (It == At.end())
        continue;
      for (const Remark *M : It->second) {
        Rw.Says.push_back(M->Message);
        Rw.Keeps |= llvm::StringRef(M->Message).starts_with("leaking param");
      }
    }
    if (Rw.Keeps)
      Rows.push_back(std::move(Rw));
    else
      Quiet += !Rw.Says.empty();
  }
  std::stable_sort(Rows.begin(), Rows.end(),
                   [](const Row &A, const Row &B) { return A.Name < B.Name; });
  std::string S;
  llvm::raw_string_ostream OS(S);
  head(OS, "Functions that keep their parameters", "", "program");
  OS << "<p><b>" << Rows.size() << "</b> of " << Rows.size() + Quiet
     << " functions with pointer or reference parameters keep what they are "
        "given (<code>-m</code> summaries); the parameters of the others do "
        "not escape.</p>\n<input id=\"filter\" type=\"search\" "
        "placeholder=\"filter\" size=\"40\">\n<table id=\"functions\"><thead>"
        "<tr><th data-sort=\"text\">function</th><th data-sort=\"loc\">"
        "defined at</th><th>parameters</th></tr></thead><tbody>\n";
  for (const Row &Rw : Rows) {
    std::string Link = lineLink(Rw.G->Pos, "");
    std::string Where =
        Paths.shown(Rw.G->Pos.File) + ":" + std::to_string(Rw.G->Pos.Line);
    OS << "<tr><td>" << esc(Rw.Name) << "</td><td>";
    if (!Link.empty())
      OS << "<a href=\"" << esc(Link) << "\">" << esc(Where) << "</a>";
    else
      OS << esc(Where);
    OS << "</td><td><ul>";
    for (const std::string &Say : Rw.Says)
      OS << "<li"
         << (llvm::StringRef(Say).starts_with("leaking") ? " class=\"leak\""
                                                         : "")
         << ">" << esc(Say) << "</li>";
    OS << "</ul></td></tr>\n";
  }
  OS << "</tbody></table>\n";
  tail(OS);
  return S;
}

HtmlReport HtmlWriter::write() {
  collectFiles();
  drawGraphs();
  Out.Files.push_back({"index.html", indexPage()});
  Out.Files.push_back({"program.html", programPage()});
  for (size_t Page = 0; Page < PageFile.size(); ++Page)
    Out.Files.push_back({PageName[Page], filePage(Page)});
  for (auto &[Name, Text] : Assets)
    Out.Files.push_back({Name, Text});
  Out.Files.push_back({HtmlReportMarker,
                       "clang-escape " CLANG_ESCAPE_VERSION
                       " HTML report; a run of "
                       "clang-escape --format=html replaces this directory\n"});
  return std::move(Out);
}

} // namespace

HtmlReport emitHtml(const Program &P, const Report &R, const SourcePaths &Paths,
                    const HtmlOptions &Opts) {
  return HtmlWriter(P, R, Paths, Opts).write();
}

} // namespace escape
