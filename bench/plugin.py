#!/usr/bin/env python3
# Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
"""What the compiler plugin adds to a build: compiles each file of a corpus
with `clang++ -c -O0` with and without -fplugin, and prints per-file and
total wall times and the overhead (target: at most 5%, issue 10). Measures,
never judges: always exits 0.

Usage: bench/plugin.py [--plugin SO] [--clang PATH] [-n N] [--filter TEXT]
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


def best_time(cmd, reps):
    best = None
    for _ in range(reps):
        start = time.perf_counter()
        rc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - start
        if rc != 0:
            return None
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plugin", default=os.path.join(
        ROOT, "build", "lib", "clang-escape", "llvm19", "ClangEscapePlugin.so"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("-n", "--reps", type=int, default=3)
    ap.add_argument("--filter", default="")
    args = ap.parse_args()
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
