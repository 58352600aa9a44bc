#!/usr/bin/env python3
# Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
"""Cost of clang-escape against `clang++-19 -fsyntax-only` on real files.

For every file of the chosen corpus, runs both tools with the same compiler
flags, several times, interleaved (compiler, analyzer, compiler, ...) so that
a change in machine load hits both alike. Keeps the best wall time and the
smallest peak RSS of each, and prints a table with the ratios, a TOTAL line
and the worst files. The targets (docs/DESIGN: per translation unit at most
1.15x the time and 1.3x the peak memory of the compiler's syntax check) are
printed next to the totals. Always exits 0: it measures, it does not judge.

Standard library only.
"""

import argparse
import atexit
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GTEST_ROOT = "/usr/src/googletest"
TIME_TARGET = 1.15
MEM_TARGET = 1.3


def gtest_corpus():
    """Every .cc Debian's googletest package ships, with the flags its own
    CMake build gives the file (include paths, one macro)."""
    inc = [
        "-I" + GTEST_ROOT + "/googletest",
        "-I" + GTEST_ROOT + "/googletest/include",
        "-I" + GTEST_ROOT + "/googlemock",
        "-I" + GTEST_ROOT + "/googlemock/include",
    ]
    files = sorted(glob.glob(GTEST_ROOT + "/**/*.cc", recursive=True))
    out = []
    for f in files:
        flags = ["-std=c++17"] + inc
        if f.endswith("googletest-death-test_ex_test.cc"):
            # googletest's CMake builds this test twice, with 0 and 1.
            flags.append("-DGTEST_ENABLE_CATCH_EXCEPTIONS_=1")
        out.append((f, flags))
    return out


def llvm_cxxflags():
    try:
        text = subprocess.run(["llvm-config-19", "--cxxflags"],
                              capture_output=True, text=True,
                              check=True).stdout
        return text.split()
    except (OSError, subprocess.CalledProcessError):
        return ["-I/usr/lib/llvm-19/include", "-std=c++17"]


def self_corpus(isystem=False):
    """The project's own lib/, with the include paths of its build and
    the LLVM flags it is compiled with. With isystem, LLVM's include
    directory is a system directory, as the project's CMake build makes it:
    its headers' function bodies are then modelled, not lowered."""
    flags = ["-std=c++17", "-I" + os.path.join(ROOT, "include"),
             "-I" + os.path.join(ROOT, "build", "include")]
    for f in llvm_cxxflags():
        if isystem and f.startswith("-I"):
            f = "-isystem" + f[2:]
        if f not in flags:
            flags.append(f)
    out = []
    for f in sorted(glob.glob(os.path.join(ROOT, "lib", "**", "*.cpp"),
                              recursive=True)):
        fl = list(flags)
        with open(f, errors="replace") as fh:
            text = fh.read()
        # LLVM's flags say -fno-exceptions; a file that catches (the JSON
        # reader) is built with exceptions, as lib/*/CMakeLists.txt does.
        if "try {" in text or "catch (" in text:
            fl = [x for x in fl if x != "-fno-exceptions"] + ["-fexceptions"]
        out.append((f, fl))
    return out


def measure(cmd):
    """Runs cmd once; returns (wall seconds, CPU seconds, peak RSS in KiB,
    exit code). CPU time (user + system) is less disturbed by other load on
    the machine than wall time; it is printed as a cross-check.

    Peak RSS comes from /usr/bin/time -f %M when it exists, otherwise from
    wait4()'s rusage of the child, which is per process."""
    if TIME_BIN:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as tf:
            full = [TIME_BIN, "-q", "-f", "%M %U %S", "-o", tf.name] + cmd
            t0 = time.perf_counter()
            p = subprocess.run(full, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            tf.seek(0)
            rss, cpu = 0, 0.0
            for line in tf.read().split("\n"):
                f = line.split()
                if len(f) == 3 and f[0].isdigit():
                    rss, cpu = int(f[0]), float(f[1]) + float(f[2])
        return wall, cpu, rss, p.returncode
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
            os.waitstatus_to_exitcode(status))


TIME_BIN = None


def short(path):
    for prefix in (GTEST_ROOT + "/", ROOT + "/"):
        if path.startswith(prefix):
            return path[len(prefix):]
    return path


def ratio(a, b):
    return a / b if b > 0 else float("inf")


def main():
    global TIME_BIN
    ap = argparse.ArgumentParser(
        description="Wall time and peak memory of clang-escape against "
        "clang++-19 -fsyntax-only on the same files and flags.")
    ap.add_argument("--corpus", choices=["gtest", "self", "all"],
                    default="all",
                    help="gtest: /usr/src/googletest; self: the project's "
                    "lib/; all: both (default)")
    ap.add_argument("-n", "--reps", type=int, default=3,
                    help="runs of each tool per file; the best is kept "
                    "(default 3)")
    ap.add_argument("--escape", default=os.path.join(ROOT, "build", "bin",
                                                     "clang-escape"),
                    help="the clang-escape binary (default build/bin/)")
    ap.add_argument("--clang", default="clang++-19",
                    help="the compiler to compare with (default clang++-19)")
    ap.add_argument("--filter", default="",
                    help="only files whose path contains this text")
    ap.add_argument("--worst", type=int, default=5,
                    help="how many of the worst files to list (default 5)")
    ap.add_argument("--llvm-isystem", action="store_true",
                    help="self corpus: pass LLVM's include directory with "
                    "-isystem (as the CMake build does) instead of "
                    "llvm-config's -I")
    ap.add_argument("--csv", metavar="FILE",
                    help="also write the per-file numbers to FILE")
    args = ap.parse_args()

    TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
    if not os.access(args.escape, os.X_OK):
        print("compare: no clang-escape at %s (build it, or pass --escape)"
              % args.escape)
        return 0
    if not shutil.which(args.clang):
        print("compare: %s not found" % args.clang)
        return 0

    corpora = []
    if args.corpus in ("gtest", "all"):
        if os.path.isdir(GTEST_ROOT):
            corpora.append(("gtest", gtest_corpus()))
        else:
            print("compare: %s is missing (Debian package googletest); "
                  "skipping the gtest corpus" % GTEST_ROOT)
    if args.corpus in ("self", "all"):
        corpora.append(("self", self_corpus(args.llvm_isystem)))

    # Other people rebuild build/bin/clang-escape while a long run goes on:
    # measure a private copy, so that every file sees the same binary.
    snapdir = tempfile.mkdtemp(prefix="escape-bench-")
    atexit.register(shutil.rmtree, snapdir, True)
    snap = os.path.join(snapdir, "clang-escape")
    shutil.copy2(args.escape, snap)
    print("clang-escape: %s (copied to %s for the run)" % (args.escape, snap))
    print("compiler:     %s -fsyntax-only" % args.clang)
    print("runs per file: %d (best kept), peak RSS via %s, load average %s"
          % (args.reps, TIME_BIN or "wait4()",
             open("/proc/loadavg").read().split()[0]
             if os.path.exists("/proc/loadavg") else "?"))
    rows_all = []
    measured = 0
    for name, files in corpora:
        files = [(f, fl) for f, fl in files if args.filter in f]
        if not files:
            continue
        print()
        print("== corpus %s: %d files" % (name, len(files)))
        hdr = "%-52s %8s %8s %6s %6s %8s %9s %6s" % (
            "file", "clang s", "escape s", "time", "cpu", "clang MB",
            "escape MB", "mem")
        print(hdr)
        print("-" * len(hdr))
        rows = []
        for f, flags in files:
            ccmd = [args.clang, "-fsyntax-only"] + flags + [f]
            ecmd = [snap, "--no-cache", f, "--"] + flags
            ct, cc, cm, et, ec, em = [], [], [], [], [], []
            crc = erc = 0
            for _ in range(max(1, args.reps)):
                w, c, m, crc = measure(ccmd)
                ct.append(w)
                cc.append(c)
                cm.append(m)
                w, c, m, erc = measure(ecmd)
                et.append(w)
                ec.append(c)
                em.append(m)
            r = {
                "corpus": name, "file": short(f),
                "ct": min(ct), "et": min(et), "cc": min(cc), "ec": min(ec),
                "cm": min(cm) / 1024.0, "em": min(em) / 1024.0,
                "crc": crc, "erc": erc,
            }
            r["tr"] = ratio(r["et"], r["ct"])
            r["mr"] = ratio(r["em"], r["cm"])
            r["cr"] = ratio(r["ec"], r["cc"])
            mark = ""
            if crc != 0:
                mark += " (does not compile)"
            if erc not in (0, 1):
                mark += " (clang-escape exit %d)" % erc
            if r["tr"] > TIME_TARGET or r["mr"] > MEM_TARGET:
                mark += " *"
            print("%-52s %8.3f %8.3f %5.2fx %5.2fx %8.1f %9.1f %5.2fx%s" % (
                r["file"][-52:], r["ct"], r["et"], r["tr"], r["cr"], r["cm"],
                r["em"], r["mr"], mark))
            sys.stdout.flush()
            rows.append(r)
        summarize(name, rows, args.worst)
        rows_all.extend(rows)
        measured += 1
    if measured > 1:
        print()
        summarize("all", rows_all, args.worst)
    if args.csv and rows_all:
        with open(args.csv, "w") as out:
            out.write("corpus,file,clang_s,escape_s,time_ratio,clang_cpu_s,"
                      "escape_cpu_s,cpu_ratio,clang_mib,escape_mib,mem_ratio,"
                      "clang_exit,escape_exit\n")
            for r in rows_all:
                out.write("%s,%s,%.4f,%.4f,%.3f,%.3f,%.3f,%.3f,%.1f,%.1f,%.3f,"
                          "%d,%d\n" % (
                              r["corpus"], r["file"], r["ct"], r["et"],
                              r["tr"], r["cc"], r["ec"], r["cr"], r["cm"],
                              r["em"], r["mr"], r["crc"], r["erc"]))
    return 0


def summarize(name, rows, worst):
    ct = sum(r["ct"] for r in rows)
    et = sum(r["et"] for r in rows)
    cm = max(r["cm"] for r in rows)
    em = max(r["em"] for r in rows)
    tr = ratio(et, ct)
    mr = ratio(em, cm)
    cr = ratio(sum(r["ec"] for r in rows), sum(r["cc"] for r in rows))
    print("%-52s %8.2f %8.2f %5.2fx %5.2fx %8.1f %9.1f %5.2fx" % (
        "TOTAL " + name + " (sum of times, max RSS)", ct, et, tr, cr, cm, em,
        mr))
    print("  time %s target %.2fx, memory %s target %.2fx; "
          "files over a target: %d of %d" % (
              "within" if tr <= TIME_TARGET else "OVER", TIME_TARGET,
              "within" if mr <= MEM_TARGET else "OVER", MEM_TARGET,
              sum(1 for r in rows
                  if r["tr"] > TIME_TARGET or r["mr"] > MEM_TARGET),
              len(rows)))
    if worst > 0:
        by_time = sorted(rows, key=lambda r: -r["tr"])[:worst]
        print("  worst time ratios:   " + ", ".join(
            "%s %.2fx" % (r["file"], r["tr"]) for r in by_time))
        by_mem = sorted(rows, key=lambda r: -r["mr"])[:worst]
        print("  worst memory ratios: " + ", ".join(
            "%s %.2fx" % (r["file"], r["mr"]) for r in by_mem))


if __name__ == "__main__":
    try:
        main()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    sys.exit(0)
