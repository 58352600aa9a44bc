#!/usr/bin/env python3
# Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
"""Latency of clang-escape-lsp against `clang++-19 -fsyntax-only`.

For each file of the corpus (googletest's sources, as bench/compare.py
takes them): the best of N syntax checks; then, in one server session, the
time from didOpen to the published diagnostics (the first parse, which also
builds the preamble), and from each of two edits (a didChange that appends a
comment) to the diagnostics of that version. The issue's target: an edit's
diagnostics within 1.2x the syntax check; the second edit faster than a full
parse (the preamble reused).

It also checks that the diagnostics of the opened (saved) file equal the
CLI's findings for it (same flags, --format=json): check, message, line and
UTF-16 column.

With --project BUILD, the files and flags are those of BUILD's
compile_commands.json instead, and the server finds that database itself,
as it does in an editor.

Usage: bench/lsp.py [--server PATH] [--filter TEXT] [-n N] [--debounce-ms MS]
                    [--no-preamble] [--limit K] [--project BUILD]
"""

import argparse
import json
import os
import queue
import resource
import shlex
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from compare import GTEST_ROOT, gtest_corpus  # noqa: E402

TARGET = 1.2


class Server:
    """A minimal LSP client over the server's stdio."""

    def __init__(self, argv):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message):
        data = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id)

    def wait(self, pred, timeout=600):
        end = time.monotonic() + timeout
        while True:
            m = self.inbox.get(timeout=max(0.0, end - time.monotonic()))
            if pred(m):
                return m

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") ==
                         "textDocument/publishDiagnostics" and
                         m["params"]["uri"] == uri and
                         m["params"].get("version") == version)

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=60)


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def process_cpu(pid):
    """CPU seconds process \p pid has used: on a shared machine wall time
    measures the neighbours too."""
    with open("/proc/%d/stat" % pid) as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def syntax_time(clang, flags, f, reps, cwd=None):
    """The best wall and CPU seconds of \p reps syntax checks."""
    best, cpu = None, None
    for _ in range(reps):
        t, c = time.monotonic(), children_cpu()
        subprocess.run([clang, "-fsyntax-only", "-w"] + flags + [f],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=cwd)
        dt, dc = time.monotonic() - t, children_cpu() - c
        best = dt if best is None else min(best, dt)
        cpu = dc if cpu is None else min(cpu, dc)
    return best, cpu


def project_corpus(build):
    """The files of BUILD/compile_commands.json with their flags (the
    command less the compiler, -c, -o and the file), run in their
    directory."""
    out = []
    with open(os.path.join(build, "compile_commands.json")) as fh:
        entries = json.load(fh)
    for e in entries:
        argv = e.get("arguments") or shlex.split(e["command"])
        f = os.path.join(e["directory"], e["file"])
        flags, skip = [], False
        for a in argv[1:]:
            if skip:
                skip = False
            elif a == "-o":
                skip = True
            elif a not in ("-c", e["file"], f):
                flags.append(a)
        out.append((f, flags, e["directory"]))
    return out


def cli_findings(cli, flags, f, cwd=None):
    """The CLI's findings in \p f, as (line0, UTF-16 column, check, message)."""
    r = subprocess.run([cli, "--format=json", "--quiet", "--no-config", f,
                        "--"] + flags, capture_output=True, text=True,
                       cwd=cwd)
    lines = open(f, encoding="utf-8", errors="replace").read().split("\n")
    out = []
    for x in json.loads(r.stdout)["findings"]:
        if os.path.realpath(x["file"]) != os.path.realpath(f):
            continue
        prefix = lines[x["line"] - 1].encode()[:x["column"] - 1]
        col = len(prefix.decode(errors="replace").encode("utf-16-le")) // 2
        out.append((x["line"] - 1, col, x["check"], x["message"]))
    return sorted(out)


def lsp_findings(diagnostics):
    return sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["code"], d["message"]) for d in diagnostics)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", default=os.path.join(ROOT, "build", "bin",
                                                     "clang-escape-lsp"))
    ap.add_argument("--clang", default="clang++-19")
    ap.add_argument("--filter", default="")
    ap.add_argument("--limit", type=int, default=0,
                    help="only the first K files (after --filter)")
    ap.add_argument("-n", "--reps", type=int, default=3)
    ap.add_argument("--debounce-ms", type=int, default=200,
                    help="the server's debounce (its default: 200)")
    ap.add_argument("--no-preamble", action="store_true")
    ap.add_argument("--project", metavar="BUILD",
                    help="the files of BUILD/compile_commands.json")
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "bin",
                                                  "clang-escape"))
    args = ap.parse_args()
    if args.project:
        corpus = project_corpus(args.project)
    elif os.path.isdir(GTEST_ROOT):
        corpus = [(f, fl, None) for f, fl in gtest_corpus()]
    else:
        sys.exit("lsp: %s is missing (Debian package googletest)" % GTEST_ROOT)
    corpus = [c for c in corpus if args.filter in c[0]]
    if args.limit:
        corpus = corpus[:args.limit]
    argv = [args.server, "--quiet", "--no-config",
            "--debounce-ms=%d" % args.debounce_ms]
    if not args.project:
        # The corpus' flags as a compilation database, as a project has one.
        work = tempfile.mkdtemp(prefix="escape-lsp-bench-")
        with open(os.path.join(work, "compile_commands.json"), "w") as fh:
            json.dump([{"directory": "/", "file": f,
                        "arguments": [args.clang, "-c"] + fl + [f]}
                       for f, fl, _ in corpus], fh)
        argv.append("--compile-commands-dir=" + work)
    if args.no_preamble:
        argv.append("--no-preamble")
    server = Server(argv)
    server.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                  "capabilities": {}})
    server.notify("initialized", {})
    print("server:   %s (debounce %d ms%s)" % (
        args.server, args.debounce_ms,
        ", no preamble" if args.no_preamble else ""))
    print("compiler: %s -fsyntax-only -w, best of %d" % (args.clang, args.reps))
    print("wall seconds (CPU seconds in parentheses: the machine may be shared)")
    print("%-36s %13s %13s %13s %13s %11s" % (
        "file", "syntax", "open", "edit1", "edit2", "edit2/syn"))
    tot = [[0.0, 0.0] for _ in range(4)]
    same = 0
    pid = server.proc.pid
    for f, flags, cwd in corpus:
        syn = syntax_time(args.clang, flags, f, args.reps, cwd)
        uri = "file://" + f
        text = open(f, encoding="utf-8", errors="replace").read()
        lines = text.count("\n")
        t, c = time.monotonic(), process_cpu(pid)
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        opened = server.diagnostics(uri, 1)
        times = [(time.monotonic() - t, process_cpu(pid) - c)]
        mine = lsp_findings(opened["params"]["diagnostics"])
        cli = cli_findings(args.cli, flags, f, cwd)
        same += mine == cli
        if mine != cli:
            print("  differs from the CLI: lsp %s cli %s" % (mine, cli))
        for v in (2, 3):
            edit = {"range": {"start": {"line": lines, "character": 0},
                              "end": {"line": lines, "character": 0}},
                    "text": "// edit %d\n" % v}
            lines += 1
            t, c = time.monotonic(), process_cpu(pid)
            server.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": v},
                "contentChanges": [edit]})
            server.diagnostics(uri, v)
            times.append((time.monotonic() - t, process_cpu(pid) - c))
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        row = [syn] + times
        for i, (w, c) in enumerate(row):
            tot[i][0] += w
            tot[i][1] += c
        print("%-36s %s %5.2f (%4.2f)" % (
            f[-36:], " ".join("%6.2f (%4.2f)" % x for x in row),
            times[2][0] / syn[0], times[2][1] / max(syn[1], 1e-3)))
    server.close()
    print("%-36s %s" % ("total", " ".join("%6.2f (%4.2f)" % tuple(x)
                                          for x in tot)))
    for name, i in (("open", 1), ("edit1", 2), ("edit2", 3)):
        print("%s/syntax: wall %.2f, CPU %.2f (target for edits %.1f)" % (
            name, tot[i][0] / tot[0][0], tot[i][1] / max(tot[0][1], 1e-3),
            TARGET))
    print("diagnostics equal to the CLI's: %d of %d files" % (same,
                                                            len(corpus)))


if __name__ == "__main__":
    main()
