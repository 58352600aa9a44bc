#!/usr/bin/env python3
"""Runs clang-escape over every file of a C++ testsuite and reports crashes,
hangs and slow files, against `clang++-19 -fsyntax-only` on the same file.

The testsuite is GCC's g++.dg (Debian's gcc-12-source package, installed by
scripts/setup.sh): about 7,600 files of strange, often invalid, C++. Each file
is run under each --std. A file counts as

  crash  clang-escape died of a signal, exited with a status other than 0, 1
         or 2, or reported a crash it recovered from;
  hang   clang-escape ran past --timeout while clang did not;
  slow   clang-escape took more than --slow seconds and more than 3x clang.

A file on which clang itself dies of a signal (a Clang bug, e.g. an endless
recursion in Sema) is listed as clang-crash and not counted.

Whether clang accepts the file does not matter: clang-escape must not crash on
anything clang can parse. Prints one line per problem and a summary; exits 1
when there is a crash or a hang. Not part of the test command (it takes hours
on one core); see bench/README.md.

usage: bench/sweep.py [--escape PATH] [--clang PATH] [--suite DIR]
                      [--std c++17,c++20] [-j N] [--sample N] [--filter TEXT]
                      [--timeout S] [--slow S] [--json FILE]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import random
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(ROOT, "build", "sweep-suite")


def find_suite():
    """g++.dg, extracted once from Debian's gcc source tarball."""
    found = glob.glob(os.path.join(CACHE, "*", "gcc", "testsuite", "g++.dg"))
    if found:
        return found[0]
    tars = sorted(glob.glob("/usr/src/gcc-1*/gcc-*.tar.xz"))
    if not tars:
        sys.exit("sweep: no testsuite: install gcc-12-source (scripts/setup.sh) "
                 "or pass --suite DIR")
    os.makedirs(CACHE, exist_ok=True)
    print("sweep: extracting g++.dg from %s into %s" % (tars[-1], CACHE),
          file=sys.stderr)
    with tarfile.open(tars[-1]) as tar:
        members = [m for m in tar if "/gcc/testsuite/g++.dg/" in m.name]
        tar.extractall(CACHE, members=members)
    return find_suite()


def run(cmd, timeout):
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
        return p.returncode, time.monotonic() - start, p.stderr.decode(
            "utf-8", "replace")
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - start, ""


def check(args, path, std):
    flags = ["-std=" + std, "-w", "-fsyntax-only"]
    crc, ct, _ = run([args.clang] + flags + [path], args.timeout)
    erc, et, err = run([args.escape, "--quiet", "--no-cache", "--no-config",
                        "--no-default-models", path, "--", "-std=" + std],
                       args.timeout)
    kind = None
    if crc is not None and crc < 0 and (erc is None or erc < 0):
        kind = "clang-crash"  # Clang itself dies on it: not ours to fix
    elif erc is None:
        kind = "hang" if crc is not None else None
    elif (erc < 0 or erc not in (0, 1, 2) or "crashed while analyzing" in err
          or "Stack dump" in err):
        kind = "crash"
    elif et > args.slow and et > 3 * ct:
        kind = "slow"
    first = ""
    for line in err.splitlines():
        if "crashed" in line or "Stack dump" in line or "lowering" in line:
            first = line.strip()
            break
    return {"file": path, "std": std, "kind": kind, "escape_rc": erc,
            "escape_s": round(et, 2), "clang_rc": crc, "clang_s": round(ct, 2),
            "clang_ok": crc == 0, "detail": first}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--escape", default=os.path.join(ROOT, "build", "bin",
                                                     "clang-escape"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--suite", help="folder of .C/.cc/.cpp files "
                    "(default: g++.dg from gcc-12-source)")
    ap.add_argument("--std", default="c++17,c++20")
    ap.add_argument("-j", type=int, default=os.cpu_count())
    ap.add_argument("--sample", type=int, default=0,
                    help="a random sample of N files (seed --seed)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--filter", default="")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--slow", type=float, default=5)
    ap.add_argument("--json", help="write every result to this file")
    args = ap.parse_args()
    suite = args.suite or find_suite()
    files = sorted(f for ext in ("C", "cc", "cpp")
                   for f in glob.glob(os.path.join(suite, "**", "*." + ext),
                                      recursive=True)
                   if args.filter in f)
    if args.sample and args.sample < len(files):
        files = sorted(random.Random(args.seed).sample(files, args.sample))
    jobs = [(f, s) for f in files for s in args.std.split(",")]
    print("sweep: %d files x %d standards, -j%d" %
          (len(files), len(args.std.split(",")), args.j), file=sys.stderr)
    results = []
    counts = {"crash": 0, "hang": 0, "slow": 0, "clang-crash": 0}
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        futures = [pool.submit(check, args, f, s) for f, s in jobs]
        for n, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            r = fut.result()
            results.append(r)
            if r["kind"]:
                counts[r["kind"]] += 1
                print("%-5s %s -std=%s (%.1fs, clang %.1fs%s) %s" %
                      (r["kind"], os.path.relpath(r["file"], suite), r["std"],
                       r["escape_s"], r["clang_s"],
                       "" if r["clang_ok"] else ", clang rejects it",
                       r["detail"]), flush=True)
            if n % 500 == 0:
                print("sweep: %d/%d done" % (n, len(jobs)), file=sys.stderr)
    accepted = sum(r["clang_ok"] for r in results)
    print("sweep: %d runs (%d accepted by clang): %d crashes, %d hangs, "
          "%d slow; %d where clang itself crashes" %
          (len(results), accepted, counts["crash"], counts["hang"],
           counts["slow"], counts["clang-crash"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(sorted(results, key=lambda r: (r["file"], r["std"])), f,
                      indent=1)
    return 1 if counts["crash"] or counts["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
