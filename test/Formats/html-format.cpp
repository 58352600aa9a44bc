// RUN: rm -rf %t && mkdir -p %t
// RUN: not %clang-escape --format=html --graph-layout=layered -o %t/report %s -- -std=c++17 > %t/stdout.txt
// RUN: count 0 < %t/stdout.txt
// RUN: FileCheck %s --check-prefix=INDEX --input-file=%t/report/index.html
// RUN: FileCheck %s --check-prefix=PAGE --input-file=%t/report/src/0-html-format.cpp.html
// RUN: FileCheck %s --check-prefix=GRAPH --input-file=%t/report/src/0-html-format.cpp.html
// RUN: FileCheck %s --check-prefix=PROGRAM --input-file=%t/report/program.html
// RUN: ls -A %t/report | FileCheck %s --check-prefix=FILES
// RUN: ls -A %t | FileCheck %s --check-prefix=NOTEMP

// The HTML report: index.html counts and lists every finding, a page per
// file shows the code with the findings and -m decisions in the margin, the
// flow steps of each finding and the escape graphs of its functions.

// A callee that returns what it is given: its step is part of the caller's
// flow.
int *forward(int *p) { return p; }

int *leakThrough() {
  int local = 1;
  return forward(&local);
}

// A heap allocation that never escapes: a perf finding.
int stackCandidate() {
  int *q = new int(4);
  int v = *q;
  delete q;
  return v;
}

// No finding: its parameter does not escape.
int quiet(const int *p) { return *p; }

// INDEX: <title>clang-escape report - clang-escape</title>
// INDEX: <script src="report.js" defer></script>
// INDEX: <b>2</b> findings: <b>1</b> bug, <b>1</b> perf, in <b>1</b> files
// INDEX: data-filter-check="escape-return">escape-return</a></td><td>bug</td><td>1</td>
// INDEX: data-filter-check="escape-stack-candidate">escape-stack-candidate</a></td><td>perf</td><td>1</td>
// INDEX: <a href="src/0-html-format.cpp.html">{{.*}}html-format.cpp</a></td><td>1</td><td>1</td>
// INDEX: <table id="all-findings">
// INDEX: <tr data-check="escape-return" data-class="bug" data-file="{{.*}}html-format.cpp"><td>1</td><td>escape-return</td><td>bug</td><td><a href="src/0-html-format.cpp.html#f0">{{.*}}html-format.cpp:21:3</a></td><td>leakThrough</td><td>local</td><td>~r0</td><td>definite</td><td>address of local &#39;local&#39; escapes to the caller
// INDEX: <tr data-check="escape-stack-candidate" data-class="perf" {{.*}}<a href="src/0-html-format.cpp.html#f1">{{.*}}html-format.cpp:26:12</a></td><td>stackCandidate</td><td>new int</td><td></td>
// INDEX-NOT: <tr data-check

// The code, with the findings and the -m decisions in the margin (the
// -m=2 flow as the decision's title).
// PAGE: <link rel="stylesheet" href="../report.css">
// PAGE: <main data-prev-page="" data-next-page="">
// PAGE: <tr id="L17"><td class="ln"><a href="#L17">17</a></td><td class="st"></td><td class="src">int *forward(int *p) { return p; }</td><td class="mg"><span class="mr">leaking param: p to result ~r0 level=0</span></td></tr>
// PAGE: <tr id="L20"><td class="ln">{{.*}}<td class="src">  int local = 1;</td><td class="mg"><span class="mr" title="  flow: {temp} = &amp;local:
// PAGE-NEXT: from &amp;local (address-of) at {{.*}}html-format.cpp:21:18
// PAGE: from return forward(&amp;local) (return) at {{.*}}html-format.cpp:21:3">local escapes to ~r0</span></td></tr>
// PAGE: <tr id="L21" class="has-finding">{{.*}}<td class="src">  return forward(&amp;local);</td><td class="mg"><a class="mf bug" href="#f0" title="address of local &#39;local&#39; escapes {{.*}}">escape-return</a></td></tr>
// PAGE: <tr id="L26" class="has-finding">{{.*}}<a class="mf perf" href="#f1"{{.*}}>escape-stack-candidate</a><span class="mr">new int does not escape</span></td></tr>
// PAGE: <tr id="L33">{{.*}}int quiet(const int *p){{.*}}<span class="mr">p does not escape</span>

// The findings, each with its flow steps in order, on the lines where they
// happen (the callee's step on the callee's line); the script puts their
// numbers on these lines.
// PAGE: <h2>2 findings</h2><ol id="findings">
// PAGE-NEXT: <li class="finding bug" id="f0" data-line="21" data-graph="{{[0-9]+}}" data-subject="{{[0-9]+}}" data-path="{{[0-9]+ [0-9]+ [0-9]+}}"><a class="select" href="#f0"><span class="check">escape-return</span> <span class="at">line 21</span></a>
// PAGE-SAME: <dt>function</dt><dd>leakThrough</dd><dt>subject</dt><dd>local</dd><dt>sink</dt><dd>~r0</dd><dt>confidence</dt><dd>definite</dd></dl>
// PAGE-SAME: <ol class="steps"><li data-line="20"><a href="#L20">20:7</a> &#39;local&#39; declared here</li><li data-line="21"><a href="#L21">21:18</a> address-of: &amp;local</li><li data-line="21"><a href="#L21">21:10</a> call parameter: forward(&amp;local)</li>
// PAGE-SAME: <li data-line="17"><a href="#L17">17:24</a> in callee: forward: return p (return)</li>
// PAGE-SAME: <li data-line="21"><a href="#L21">21:10</a> returned via &#39;forward&#39;: forward(&amp;local)</li><li data-line="21"><a href="#L21">21:3</a> return: return forward(&amp;local)</li></ol></li>
// PAGE-NEXT: <li class="finding perf" id="f1" data-line="26" data-graph="{{[0-9]+}}" data-subject="{{[0-9]+}}" data-path=""><a

// The escape graphs of the functions with a finding, each in a template
// that the script shows: nodes, edges labelled with their derefs, the escape
// paths' edges marked (esc); the selected finding's path is data-path's
// edges.
// GRAPH: <h2>Escape graph</h2><label>function <select id="graph-pick"><option value="[[G:[0-9]+]]">leakThrough</option><option value="[[G2:[0-9]+]]">stackCandidate</option></select>
// GRAPH: <template id="g[[G]]"><section class="graph" data-graph="[[G]]" data-function="leakThrough"><h3>leakThrough</h3><svg xmlns="http://www.w3.org/2000/svg" class="escape-graph" {{.*}} data-layout="layered">
// GRAPH-SAME: <g class="edge esc" data-edge="0" data-arrow="e[[G]]"><path d="M {{[0-9.]+}} {{[0-9.]+}} C {{.*}}" marker-end="url(#e[[G]])"/><text {{[^>]*}}>&amp;</text></g>
// GRAPH-SAME: <g class="edge esc" data-edge="1"
// GRAPH-SAME: <g class="edge esc" data-edge="2"
// GRAPH-SAME: <g class="node caller" data-loc="{{[0-9]+}}"><title>~r0 (result)</title><rect
// GRAPH-SAME: <g class="node frame" data-loc="{{[0-9]+}}"><title>local (local, line 20)</title><rect
// GRAPH-SAME: </svg></section></template>
// GRAPH-NEXT: <template id="g[[G2]]"><section class="graph" data-graph="[[G2]]" data-function="stackCandidate">
// GRAPH-SAME: <g class="edge" data-edge="0" data-arrow="a[[G2]]">
// GRAPH-SAME: <g class="node alloc" data-loc="{{[0-9]+}}"><title>new int (allocation, line 26)</title>
// GRAPH-NOT: <template

// PROGRAM: <b>1</b> of 2 functions with pointer or reference parameters keep what they are given
// PROGRAM: <tr><td>forward</td><td><a href="src/0-html-format.cpp.html#L17">{{.*}}html-format.cpp:17</a></td><td><ul><li class="leak">leaking param: p to result ~r0 level=0</li></ul></td></tr>
// PROGRAM-NOT: quiet

// FILES: .clang-escape-report
// FILES-NEXT: index.html
// FILES-NEXT: program.html
// FILES-NEXT: report.css
// FILES-NEXT: report.js
// FILES-NEXT: src
// NOTEMP: report
// NOTEMP-NOT: tmp
