#!/usr/bin/env python3
# Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
"""Keeps the examples of docs/ true: runs each one and compares the output.

A Markdown page marks its examples with HTML comments, which do not show
when the page is rendered:

    <!-- file: name.cpp -->        the next ```cpp block is saved as name.cpp
    <!-- run: ARGS -->             the next ``` block is the exact output of
                                   `clang-escape ARGS`, run in the directory
                                   holding the page's files

clang-escape prints absolute paths; the directory is removed from them
before comparing, as the pages show paths relative to it. Exit status 0
when every example matches, 1 otherwise.

Usage: docs/check_examples.py [--escape PATH] [--update] [PAGE.md ...]
"""

import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

MARK = re.compile(r"<!--\s*(file|run):\s*(.*?)\s*-->")
FENCE = re.compile(r"^```")


def parse(path):
    """Returns ([(name, text)], [(args, expected, start, end)]) where
    start/end are the line numbers of the expected block's body."""
    lines = open(path).read().split("\n")
    files, runs = [], []
    i = 0
    while i < len(lines):
        m = MARK.search(lines[i])
        if not m:
            i += 1
            continue
        kind, arg = m.group(1), m.group(2)
        j = i + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            j += 1
        k = j + 1
        while k < len(lines) and not FENCE.match(lines[k]):
            k += 1
        body = "\n".join(lines[j + 1:k])
        if kind == "file":
            files.append((arg, body + "\n"))
        else:
            runs.append((arg, body, j + 1, k))
        i = k + 1
    return files, runs, lines


def run_page(path, escape, update):
    files, runs, lines = parse(path)
    if not runs:
        return 0, 0
    bad = 0
    with tempfile.TemporaryDirectory(prefix="escape-docs-") as d:
        d = os.path.realpath(d)
        for name, text in files:
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        replacements = []
        for args, expected, start, end in runs:
            argv = shlex.split(args)
            if argv and argv[0] == "clang-escape":
                argv = argv[1:]
            p = subprocess.run([escape] + argv, cwd=d, capture_output=True,
                               text=True)
            got = p.stdout.replace(d + "/", "").rstrip("\n")
            if got != expected.rstrip("\n"):
                bad += 1
                print("%s:%d: output of `clang-escape %s` differs" %
                      (os.path.relpath(path, ROOT), start, " ".join(argv)))
                exp_l, got_l = expected.rstrip("\n").split("\n"), got.split(
                    "\n")
                for n in range(max(len(exp_l), len(got_l))):
                    e = exp_l[n] if n < len(exp_l) else "<none>"
                    g = got_l[n] if n < len(got_l) else "<none>"
                    if e != g:
                        print("  expected: " + e)
                        print("  got:      " + g)
                if p.stderr.strip():
                    print("  stderr: " + p.stderr.strip().replace(
                        "\n", "\n          "))
                replacements.append((start, end, got))
    if update and replacements:
        for start, end, got in sorted(replacements, reverse=True):
            lines[start:end] = got.split("\n") if got else []
        with open(path, "w") as f:
            f.write("\n".join(lines))
    return len(runs), bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--escape",
                    default=os.path.join(ROOT, "build", "bin", "clang-escape"))
    ap.add_argument("--update", action="store_true",
                    help="rewrite the expected blocks with what the tool "
                    "prints (review the diff before committing)")
    ap.add_argument("pages", nargs="*")
    args = ap.parse_args()
    pages = args.pages or sorted(
        glob.glob(os.path.join(HERE, "**", "*.md"), recursive=True))
    total = failed = 0
    for page in pages:
        n, bad = run_page(page, args.escape, args.update)
        total += n
        failed += bad
    print("%d example(s), %d differ" % (total, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
