#!/usr/bin/env python3
"""Generated stress inputs for the interprocedural solver.

Generates, in a temporary folder:
  chain.cpp      a 10,000-function call chain (each passes its pointer on;
                 the last one stores it into a global)
  scc.cpp        a 1,000-function recursive component (a ring of mutually
                 recursive functions, one of which keeps its argument)
  templates.cpp  a template instantiated 1,000 times
and prints, for each, the wall time and peak memory of clang-escape and of
`clang++-19 -fsyntax-only` on the same file, and their ratio.

With --program FILES,FUNCTIONS it also generates a program of FILES files of
FUNCTIONS functions each (every function calls one of the next file's and an
inline function of a shared header; one in each file stores its argument in a
global), with its compile_commands.json, and prints the time and peak memory
of extracting it into a cold cache (--extract-only, -j JOBS), of linking it
from the cache (--link-only), of two warm runs (the components reused from
the previous run) and of a warm run after a line is inserted at the top of
the middle file (against that file's -fsyntax-only), and the cache's size.
`--program 10000,100` is the million-function program of issue 13.

A benchmark, not a test: it always exits 0.

usage: bench/stress.py [BUILD_DIR] [--keep] [--program FILES,FUNCTIONS] [-j JOBS]
"""
import json
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


def gen_program(root, files, functions):
    """The files of a synthetic program, and its compile_commands.json."""
    with open(os.path.join(root, "shared.h"), "w") as f:
        f.write("extern int *g_sink;\n"
                "inline int *through(int *p) { return p; }\n"
                "template <class T> T *pick(T *a, T *b) { return a ? a : b; }\n")
        for i in range(files):
            f.write("void f%d_0(int *p);\n" % i)
    db = []
    for i in range(files):
        nxt = (i + 1) % files
        out = ['#include "shared.h"']
        if i == 0:
            out.append("int *g_sink;")
        for j in range(functions - 1, -1, -1):
            if j == functions - 1:
                body = "g_sink = through(p);" if i == files - 1 else "f%d_0(pick(p, p));" % nxt
            else:
                body = "f%d_%d(through(p));" % (i, j + 1)
            out.append("void f%d_%d(int *p) { %s }" % (i, j, body))
        out.append("void root%d() { int x = 0; f%d_0(&x); }" % (i, i))
        name = "unit%d.cpp" % i
        with open(os.path.join(root, name), "w") as f:
            f.write("\n".join(out) + "\n")
        db.append({"directory": root, "file": name,
                   "arguments": ["clang++", "-std=c++20", "-c", name]})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(db, f)


def cache_bytes(path):
    return sum(os.path.getsize(os.path.join(r, n)) for r, _, ns in os.walk(path) for n in ns)


def program(tool, work, spec, jobs):
    files, functions = (int(x) for x in spec.split(","))
    root = os.path.join(work, "program")
    os.makedirs(root)
    gen_program(root, files, functions)
    cache = os.path.join(work, "program-cache")
    base = [tool, "-p", root, "--quiet", "-j", jobs, "--cache-dir", cache]
    print("\nprogram: %d files x %d functions = %d functions, -j %s"
          % (files, functions, files * functions + files, jobs))
    for title, extra in (("extract, cold cache (--extract-only)", ["--extract-only"]),
                         ("link from the cache (--link-only)", ["--link-only"]),
                         ("warm run (components reused)", []),
                         ("warm run again", [])):
        t, m, c = isolated(base + extra, cpu=True)
        print("%-42s %9.2f s %7.2f s CPU %10d KiB" % (title, t, c, m))
    # One edit in the middle of the chain, a line inserted at its top: that
    # file is parsed again, every function in it moved and is solved again,
    # and so is each caller whose callee's summary changed.
    edited = os.path.join(root, "unit%d.cpp" % (files // 2))
    with open(edited) as f:
        text = f.read()
    with open(edited, "w") as f:
        f.write("// edited\n" + text)
    t, m, c = isolated(base, cpu=True)
    ct, _, cc = isolated(["clang++-19", "-fsyntax-only", "-std=c++20", "-I", root, edited],
                         cpu=True)
    print("%-42s %9.2f s %7.2f s CPU %10d KiB (its -fsyntax-only: %.2f s, %.2f s CPU: %.1fx)"
          % ("one file edited, warm run", t, c, m, ct, cc, c / max(cc, 0.01)))
    print("%-42s %9.1f MiB" % ("cache size", cache_bytes(cache) / 2.0**20))


def isolated(cmd, cpu=False):
    """Wall seconds and peak RSS (KiB) of cmd, and with cpu its CPU seconds
    (user + system): on a shared machine, wall time is mostly waiting."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "w=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(w, u.ru_maxrss, u.ru_utime+u.ru_stime)")
    out = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True)
    wall, rss, used = out.stdout.split()
    if cpu:
        return float(wall), int(rss), float(used)
    return float(wall), int(rss)


def main():
    argv = sys.argv[1:]
    spec = jobs = None
    if "--program" in argv:
        i = argv.index("--program")
        spec = argv[i + 1]
        del argv[i:i + 2]
    if "-j" in argv:
        i = argv.index("-j")
        jobs = argv[i + 1]
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    keep = "--keep" in argv
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
    if spec:
        program(tool, work, spec, jobs or "1")
    if keep:
        print("inputs kept in", work)
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
