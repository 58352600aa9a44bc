#!/usr/bin/env python3
"""Runs the CLI and clang-tidy with the module on each file and compares
what they report: every finding with its location, message, check name and
notes. Prints one line per disagreement and a summary; exit 1 on any.

usage: agree.py --cli CLI --tidy CLANG_TIDY --module SO [--flags "..."] FILE|DIR...
A file whose first RUN line runs the CLI is compiled with that line's flags.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(\S.*?):(\d+):(\d+): (warning|remark|note|error): (.*)$")


def blocks(text):
    """Findings as (finding line, notes...) tuples; tool chatter dropped."""
    out = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        path, ln, col, kind, msg = m.groups()
        if kind == "error":
            # Clang's own errors, spelled differently by each tool (a file
            # that does not compile); a following note belongs to them.
            out.append(None)
            continue
        item = "%s:%s:%s: %s: %s" % (os.path.abspath(path), ln, col, kind, msg)
        if kind == "note":
            if out and out[-1] is not None:
                out[-1].append(item)
        else:
            out.append([item])
    return sorted(tuple(b) for b in out if b is not None)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


RUN_FLAGS = re.compile(r"RUN:.*%clang-escape.* -- (.*?)(\||$)")


def flags_of(path, default):
    with open(path, errors="replace") as f:
        for line in f:
            m = RUN_FLAGS.search(line)
            if m:
                return m.group(1).split()
    return default.split()


def compare(args, files):
    flags = flags_of(files[0], args.flags)
    cli_rc, cli = run([args.cli, "--caret=false"] + files + ["--"] + flags)
    # A file that does not compile is analyzed as far as it parses: both
    # tools fail, and what they report must still agree.
    broken = cli_rc == 2 and "did not compile cleanly" in cli
    if cli_rc not in (0, 1) and not broken:
        return files, ["CLI failed (%d):\n%s" % (cli_rc, cli)], 0
    tidy_rc, tidy = run([args.tidy, "-load=" + args.module, "-checks=-*,escape-*",
                         "--quiet"] + files + ["--"] + flags)
    if (tidy_rc != 0) != broken:
        return files, ["clang-tidy failed (%d):\n%s" % (tidy_rc, tidy)], 0
    a, b = blocks(cli), blocks(tidy)
    diffs = ["only CLI:   " + " | ".join(x) for x in a if x not in b]
    diffs += ["only tidy:  " + " | ".join(x) for x in b if x not in a]
    return files, diffs, len(a)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--module", required=True)
    ap.add_argument("--flags", default="-std=c++20")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    files = []
    for i in args.inputs:
        if os.path.isdir(i):
            for root, _, names in sorted(os.walk(i)):
                files += [os.path.join(root, n) for n in sorted(names)
                          if n.endswith((".cpp", ".cc"))]
        else:
            files.append(i)
    bad = 0
    findings = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        # One file at a time: clang-tidy analyzes each file on its own.
        for done, diffs, n in pool.map(lambda f: compare(args, [f]), files):
            findings += n
            if diffs:
                bad += 1
                print("DIFFER %s" % " ".join(done))
                for d in diffs:
                    print("  " + d)
    print("%d files, %d findings, %d files differ" % (len(files), findings, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
