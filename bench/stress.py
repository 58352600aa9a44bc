#!/usr/bin/env python3
"""Generated stress inputs for the interprocedural solver.

Generates, in a temporary folder:
  chain.cpp      a 10,000-function call chain (each passes its pointer on;
                 the last one stores it into a global)
  scc.cpp        a 1,000-function recursive component (a ring of mutually
                 recursive functions, one of which keeps its argument)
  templates.cpp  a template instantiated 1,000 times
and prints, for each, the wall time and peak memory of clang-escape and of
`clang++-19 -fsyntax-only` on the same file, and their ratio. A benchmark, not
a test: it always exits 0.

usage: bench/stress.py [BUILD_DIR] [--keep]
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def gen_chain(n):
    out = ["int *g_sink;", "void f%d(int *p) { g_sink = p; }" % (n - 1)]
    for i in range(n - 2, -1, -1):
        out.append("void f%d(int *p) { f%d(p); }" % (i, i + 1))
    out.append("void root() { int x = 0; f0(&x); }")
    return "\n".join(out) + "\n"


def gen_scc(n):
    out = ["int *g_sink;"]
    out += ["void r%d(int *p, int d);" % i for i in range(n)]
    for i in range(n):
        body = "if (d > 0) r%d(p, d - 1);" % ((i + 1) % n)
        if i == n // 2:
            body += " else g_sink = p;"
        out.append("void r%d(int *p, int d) { %s }" % (i, body))
    out.append("void root() { int x = 0; r0(&x, 5); }")
    return "\n".join(out) + "\n"


def gen_templates(n):
    out = ["template <int N> struct Tag {};",
           "template <class T> T *pick(T *a, T *b) { return a ? a : b; }",
           "template <class T> T *keep(T *p) { static T *k; k = p; return pick(p, k); }"]
    for i in range(n):
        out.append("int use%d() { Tag<%d> t; Tag<%d> *p = keep(&t); return p != nullptr; }"
                   % (i, i, i))
    return "\n".join(out) + "\n"


def isolated(cmd):
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "w=time.perf_counter()-t;"
            "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True)
    wall, rss = out.stdout.split()
    return float(wall), int(rss)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    keep = "--keep" in sys.argv
    build = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "build")
    tool = os.path.join(build, "bin", "clang-escape")
    work = tempfile.mkdtemp(prefix="escape-stress-")
    cases = {"chain.cpp (10,000-function call chain)": ("chain.cpp", gen_chain(10000)),
             "scc.cpp (1,000-function recursive SCC)": ("scc.cpp", gen_scc(1000)),
             "templates.cpp (1,000 instantiations)": ("templates.cpp", gen_templates(1000))}
    print("%-42s %9s %9s %7s %10s %10s %7s" % ("input", "escape s", "clang s", "time x",
                                                "escape KiB", "clang KiB", "mem x"))
    for title, (name, text) in cases.items():
        path = os.path.join(work, name)
        with open(path, "w") as f:
            f.write(text)
        et, em = isolated([tool, "--no-cache", path, "--", "-std=c++20"])
        ct, cm = isolated(["clang++-19", "-fsyntax-only", "-std=c++20", path])
        print("%-42s %9.2f %9.2f %7.2f %10d %10d %7.2f" % (title, et, ct, et / ct, em, cm, em / cm))
    if keep:
        print("inputs kept in", work)
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
