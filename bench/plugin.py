#!/usr/bin/env python3
# Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
"""What the compiler plugin adds to a build: compiles each file of a corpus
with `clang++ -c -O0` with and without -fplugin, and prints per-file and
total wall times and the overhead (target: at most 5%, issue 10). Measures,
never judges: always exits 0.

With --link-only, builds googletest with CMake and the plugin storing each
file's graphs (cache=<build-dir>), then times `clang-escape -p` over that
build (it only links and solves) against a cold `--no-cache` run.

Usage: bench/plugin.py [--plugin SO] [--clang PATH] [-n N] [--filter TEXT]
       bench/plugin.py --link-only [--plugin SO] [--escape CLI]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import ROOT, gtest_corpus  # noqa: E402

TARGET = 1.05


def best_time(cmd, reps, ok=(0,)):
    best = None
    for _ in range(reps):
        start = time.perf_counter()
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - start
        if rc not in ok:
            return None
        best = elapsed if best is None else min(best, elapsed)
    return best


def link_only(args):
    with tempfile.TemporaryDirectory() as tmp:
        build = os.path.join(tmp, "build")
        flags = "-fplugin=%s -fplugin-arg-escape-cache=%s" % (args.plugin, build)
        subprocess.run(["cmake", "-S", "/usr/src/googletest", "-B", build, "-G", "Ninja",
                        "-DCMAKE_CXX_COMPILER=" + args.clang,
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_CXX_FLAGS=" + flags],
                       stdout=subprocess.DEVNULL, check=True)
        start = time.perf_counter()
        subprocess.run(["ninja", "-C", build, "-j", "1"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        built = time.perf_counter() - start
        linked = best_time([args.escape, "-p", build], args.reps, ok=(0, 1))
        cold = best_time([args.escape, "-p", build, "--no-cache"], args.reps, ok=(0, 1))
        stats = subprocess.run([args.escape, "-p", build, "--cache-stats"],
                               capture_output=True, text=True).stderr.strip().splitlines()
        print("googletest built with the plugin (-j 1): %.1f s" % built)
        print("clang-escape -p after that build: %.2f s (%s)" % (linked, stats[-1] if stats else ""))
        print("clang-escape -p --no-cache (cold): %.2f s" % cold)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plugin", default=os.path.join(
        ROOT, "build", "lib", "clang-escape", "llvm19", "ClangEscapePlugin.so"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("-n", "--reps", type=int, default=3)
    ap.add_argument("--filter", default="")
    ap.add_argument("--link-only", action="store_true")
    ap.add_argument("--escape", default=os.path.join(ROOT, "build", "bin", "clang-escape"))
    args = ap.parse_args()
    args.plugin = os.path.abspath(args.plugin)
    args.escape = os.path.abspath(args.escape)
    if args.link_only:
        return link_only(args)
    files = [(f, fl) for f, fl in gtest_corpus() if args.filter in f]
    plain_total = plugin_total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "out.o")
        print("%-60s %8s %8s %7s" % ("file", "-c -O0", "+plugin", "ratio"))
        for f, flags in files:
            base = [args.clang, "-c", "-O0"] + flags + [f, "-o", obj]
            plain = best_time(base, args.reps)
            with_plugin = best_time(base + ["-fplugin=" + args.plugin], args.reps)
            if plain is None or with_plugin is None:
                print("%-60s  (does not compile; skipped)" % os.path.relpath(f, "/usr/src"))
                continue
            plain_total += plain
            plugin_total += with_plugin
            print("%-60s %8.2f %8.2f %7.3f" % (os.path.relpath(f, "/usr/src"), plain,
                                              with_plugin, with_plugin / plain))
    if plain_total:
        ratio = plugin_total / plain_total
        print("total: -c -O0 %.1f s, with the plugin %.1f s: %.3fx (+%.1f%%; target %.2fx)"
              % (plain_total, plugin_total, ratio, (ratio - 1) * 100, TARGET))
    return 0


if __name__ == "__main__":
    sys.exit(main())
