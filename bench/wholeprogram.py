#!/usr/bin/env python3
"""Whole-program cost: a cold `clang-escape -p` run against
`clang++-19 -fsyntax-only` over the same translation units, then a rerun
after editing one file against that file's own -fsyntax-only time.

Works on a copy of Debian's googletest sources (so that a file can be edited)
configured with CMake for its compile_commands.json, or on any CMake project
given with --source. Both tools run one TU at a time (-j 1), so that the
ratio compares the same work. A benchmark, not a test: it always exits 0.

usage: bench/wholeprogram.py [BUILD_DIR] [--source DIR] [--edit FILE-SUFFIX]
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time


def run(cmd, cwd=None):
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def syntax_only(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = ["clang++-19", "-fsyntax-only", "-w"], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-c"):
            skip = a == "-o"
            continue
        out.append(a)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    ap.add_argument("--source", default="/usr/src/googletest")
    ap.add_argument("--edit", default="googletest-printers-test.cc")
    ap.add_argument("--cmake-args", default="-Dgtest_build_tests=ON -Dgmock_build_tests=ON")
    opts = ap.parse_args()
    tool = os.path.abspath(os.path.join(opts.build, "bin", "clang-escape"))
    work = tempfile.mkdtemp(prefix="escape-wp-")
    src, bld = os.path.join(work, "src"), os.path.join(work, "build")
    shutil.copytree(opts.source, src)
    subprocess.run(["cmake", "-S", src, "-B", bld, "-G", "Ninja", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                    "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19"]
                   + opts.cmake_args.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    db = json.load(open(os.path.join(bld, "compile_commands.json")))
    print("translation units:", len(db))
    clang = sum(run(syntax_only(e), cwd=e["directory"]) for e in db)
    cold = run([tool, "-p", bld, "-j", "1", "--cache-dir", os.path.join(work, "cache")])
    warm = run([tool, "-p", bld, "-j", "1", "--cache-dir", os.path.join(work, "cache")])
    edited = [e for e in db if e["file"].endswith(opts.edit)]
    print("%-46s %8.2f s" % ("clang++-19 -fsyntax-only, all TUs", clang))
    print("%-46s %8.2f s  (%.2fx)" % ("clang-escape -p, cold cache", cold, cold / clang))
    print("%-46s %8.2f s  (%.2fx)" % ("clang-escape -p, nothing changed", warm, warm / clang))
    if edited:
        e = edited[0]
        with open(e["file"], "a") as f:
            f.write("\n// edited by bench/wholeprogram.py\n")
        one = run(syntax_only(e), cwd=e["directory"])
        rerun = run([tool, "-p", bld, "-j", "1", "--cache-dir", os.path.join(work, "cache")])
        print("%-46s %8.2f s" % ("clang++-19 -fsyntax-only, the edited TU", one))
        print("%-46s %8.2f s  (%.2fx the edited TU)" % ("clang-escape -p after editing one file", rerun, rerun / one))
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
