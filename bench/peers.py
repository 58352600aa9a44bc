#!/usr/bin/env python3
"""Run the peers' own lifetime tests through clang-escape and score them.

The peers are clang (-verify comments of its -Wdangling / -Wreturn-stack-address /
-Wlifetime-safety tests), GCC (dg-warning directives of its -Wreturn-local-addr /
-Wdangling-pointer tests) and cppcheck (the ASSERT_EQUALS expectations of
test/testautovariables.cpp). The test files are never bundled: see bench/README.md.

  peers.py extract-cppcheck testautovariables.cpp OUTDIR   # one file per check("...")
  peers.py run DIR [DIR...] [--json detail.json] [--list-misses] [--list-extras]

A file's suite is told by its content: '-verify' RUN lines are clang, 'dg-' directives
are GCC, a file listed in an 'expect.json' beside it (written by extract-cppcheck) is
cppcheck. An expected line is hit when clang-escape reports a bug-class finding (any
check) on it, or on a line holding one of the peer's notes for it ('returned here',
'later used here', a cppcheck location chain). A bug-class finding on any other line is
an extra: a definite false positive when the peer says so on that line (dg-bogus,
'no-warning', '// ok', '// fine', a cppcheck snippet expecting nothing), peer-todo when
the peer marks the line as a known miss of its own (FIXME/TODO, TODO_ASSERT_EQUALS; a
FIXME comment line covers the next five lines and the braced declaration it heads),
peer-off in a GCC test that turns the lifetime warnings off, unexpected otherwise.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Messages of lifetime diagnostics (clang and GCC wording).
LIFETIME_RE = re.compile(
    r"dangl|stack memory|stack allocated|stack address|address of local|reference to local|"
    r"local temporary|reference to temporary|address of temporary|temporary whose address|"
    r"temporary bound to|temporary implicitly bound|binds to a temporary|object backing|"
    r"will be destroyed|does not live long enough|escapes to the|may escape to the|"
    r"whose reference is captured|storing the address|lifetime|local variable|^local$|"
    r"^temporary$|Wreturn-local-addr|Wdangling|address of stack|reference to stack",
    re.I)
NOT_LIFETIME_RE = re.compile(r"cannot bind|C\+\+1[147]|structured bindings|attribute|"
                             r"immediate|consteval", re.I)
# Notes that point at another place of the same bug (where it is returned, used, ...).
FLOW_NOTE_RE = re.compile(
    r"returned here|later used here|destroyed here|freed here|aliases the storage|"
    r"binding reference variable|captured by reference|implicitly captured|captured via|"
    r"potentially moved|unnamed temporary|temporary object", re.I)
OK_COMMENT_RE = re.compile(
    r"//.*\b(no[- ]warning|no diagnostic|ok\b|OK\b|fine\b|expect no|no warn|"
    r"not? dangl|Used to be false positive)", re.I)
TODO_COMMENT_RE = re.compile(r"//.*\b(FIXME|TODO)\b")


# ---------------------------------------------------------------------------
# clang -verify


def clang_runs(text):
    """[(std or None, set(prefixes))] from the RUN lines."""
    runs = []
    for line in text.splitlines():
        m = re.search(r"RUN:(.*)", line)
        if not m or "-verify" not in m.group(1):
            continue
        cmd = m.group(1)
        std = None
        ms = re.search(r"-?-std=(\S+)", cmd)
        if ms:
            std = ms.group(1)
        prefixes = set()
        for mv in re.finditer(r"-verify(?:=(\S+))?", cmd):
            if mv.group(1):
                prefixes.update(mv.group(1).split(","))
            else:
                prefixes.add("expected")
        runs.append((std, prefixes))
    return runs


def pick_std(runs, default="c++20"):
    stds = [s for s, _ in runs if s]
    for want in ("c++20", "c++2a", "c++17", "c++23", "c++2b", "c++14", "c++11"):
        if want in stds:
            return want
    return stds[0] if stds else default


DIRECTIVE_RE = re.compile(
    r"\b([A-Za-z][\w]*)-(warning|error|note|remark)(-re)?"
    r"(?:@([+-]?\d+|\*|[\w.]+:\d+|LINE[+-]?\d*))?"
    r"(?:\s+(\d+\+?|\*))?"
    r"\s*\{\{(.*?)\}\}")


def parse_clang(text):
    """Directives as dicts: line, kind, prefix, msg."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        start = i
        pos = line.find("//")
        if pos < 0:
            i += 1
            continue
        comment = line[pos:]
        # A // comment ending in a backslash goes on, on the next line; its directives
        # are placed relative to the line where the comment began.
        while comment.endswith("\\") and i + 1 < len(lines):
            i += 1
            comment = comment[:-1] + " " + lines[i]
        for m in DIRECTIVE_RE.finditer(comment):
            prefix, kind, _re, at, _count, msg = m.groups()
            where = start + 1
            if at:
                if at == "*":
                    continue
                if at.startswith("LINE"):
                    off = at[4:]
                    where = start + 1 + (int(off) if off else 0)
                elif at[0] in "+-":
                    where = start + 1 + int(at)
                elif at.isdigit():
                    where = int(at)
                else:
                    continue  # @file:line in another file
            out.append({"line": where, "kind": kind, "prefix": prefix, "msg": msg})
        i += 1
    return out


# ---------------------------------------------------------------------------
# GCC dg- directives

DG_RE = re.compile(r"\{\s*dg-(warning|error|bogus|message|note)\s+(.*)")


def dg_args(s):
    """Split the rest of a dg- directive into its arguments (quoted strings, {...}, words)."""
    args = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c == '"':
            j = i + 1
            buf = ""
            while j < len(s) and s[j] != '"':
                if s[j] == "\\" and j + 1 < len(s):
                    buf += s[j:j + 2]
                    j += 2
                    continue
                buf += s[j]
                j += 1
            args.append(("str", buf))
            i = j + 1
        elif c == "{":
            depth, j = 1, i + 1
            while j < len(s) and depth:
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            args.append(("brace", s[i + 1:j - 1].strip()))
            i = j
        elif c == "}":
            break
        else:
            j = i
            while j < len(s) and not s[j].isspace() and s[j] != "}":
                j += 1
            args.append(("word", s[i:j]))
            i = j
    return args


def gcc_std(text):
    m = re.search(r"dg-options\s+\"[^\"]*-std=(\S+?)[\s\"]", text)
    if m:
        return m.group(1).replace("gnu++", "c++")
    return "c++17"  # GCC 12's default dialect


def std_num(std):
    m = re.search(r"(\d+|2a|2b|1z|1y|0x)$", std or "")
    v = m.group(1) if m else "17"
    return {"2a": 20, "2b": 23, "1z": 17, "1y": 14, "0x": 11, "98": 98, "03": 98}.get(v, int(v) if v.isdigit() else 17)


def selector_holds(sel, std):
    """Evaluate a { target ... } / { xfail ... } selector for the dialect we run."""
    n = std_num(std)
    n = 3 if n == 98 else n
    words = sel.split()
    if not words:
        return True, False
    kind = words[0]
    rest = " ".join(words[1:])
    ok = True
    for m in re.finditer(r"c\+\+(\d+)(_down|_only)?", rest):
        v = int(m.group(1))
        v = 3 if v == 98 else v
        if m.group(2) == "_down":
            ok = ok and n <= v
        elif m.group(2) == "_only":
            ok = ok and n == v
        else:
            ok = ok and n >= v
    if kind == "xfail":
        return True, ok
    return ok, False


def parse_gcc(text, std):
    out = []
    for idx, line in enumerate(text.split("\n"), 1):
        for m in DG_RE.finditer(line):
            kind = m.group(1)
            args = dg_args(m.group(2))
            msg = args[0][1] if args and args[0][0] == "str" else ""
            where = idx
            applies, xfail = True, False
            for a in args[1:]:
                if a[0] == "brace":
                    ok, xf = selector_holds(a[1], std)
                    applies = applies and ok
                    xfail = xfail or xf
                elif a[0] == "word":
                    w = a[1]
                    if w == "0":
                        where = None
                    elif w.startswith("."):
                        where = idx + int(w[1:] or 0)
                    elif w.isdigit():
                        where = int(w)
            if not applies or where is None:
                continue
            out.append({"line": where, "kind": {"message": "note"}.get(kind, kind),
                        "prefix": "dg", "msg": msg, "xfail": xfail})
    return out


# ---------------------------------------------------------------------------
# cppcheck

CPPCHECK_IDS = {"autoVariables", "returnDanglingLifetime", "danglingLifetime",
                "danglingTemporaryLifetime", "invalidLifetime", "returnReference",
                "returnTempReference", "danglingTempReference", "danglingReference"}


def c_literals(src, i):
    """Read adjacent C string literals from src[i:], skipping blanks and // comments.
    Returns (decoded text, index after them) or (None, i) when none is there."""
    parts = []
    n = len(src)
    while i < n:
        while i < n and src[i].isspace():
            i += 1
        if src.startswith("//", i):
            i = src.find("\n", i)
            if i < 0:
                i = n
            continue
        if i < n and src[i] == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\":
                    e = src[j + 1]
                    if e in "01234567":
                        k = j + 1
                        while k < j + 4 and src[k] in "01234567":
                            k += 1
                        buf.append(chr(int(src[j + 1:k], 8)))
                        j = k
                        continue
                    if e == "x":
                        k = j + 2
                        while k < n and src[k] in "0123456789abcdefABCDEF":
                            k += 1
                        buf.append(chr(int(src[j + 2:k], 16)))
                        j = k
                        continue
                    buf.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(e, e))
                    j += 2
                    continue
                buf.append(src[j])
                j += 1
            parts.append("".join(buf))
            i = j + 1
            continue
        break
    if not parts:
        return None, i
    return "".join(parts), i


LOC_RE = re.compile(r"\[(?:[\w.]+):(\d+)(?::\d+)?\]")


def cppcheck_expectations(s):
    """[(primary line, [chain lines], id)] from an ASSERT_EQUALS text."""
    out = []
    for line in s.split("\n"):
        if not line.strip():
            continue
        mid = re.search(r"\[(\w+)\]\s*$", line)
        ident = mid.group(1) if mid else ""
        head = line.split("]:", 1)[0] + "]"
        locs = [int(x) for x in LOC_RE.findall(head)]
        if locs:
            out.append((locs[-1], locs[:-1], ident, line))
    return out


def extract_cppcheck(src_path, outdir):
    src = open(src_path, encoding="utf-8", errors="replace").read()
    os.makedirs(outdir, exist_ok=True)
    expect = {}
    test = "unknown"
    count = {}
    for m in re.finditer(r"void (\w+)\(\)\s*\{|(?<![\w_])check\(", src):
        if m.group(1):
            test = m.group(1)
            continue
        code, j = c_literals(src, m.end())
        if code is None:
            continue
        tail = src[j:j + 200]
        is_c = bool(re.match(r"\s*,\s*dinit\([^)]*\$\.cpp\s*=\s*false", tail)) or \
            bool(re.match(r"\s*,\s*[^,)]*,\s*\"test\.c\"", tail))
        ma = re.compile(r"(TODO_ASSERT_EQUALS|ASSERT_EQUALS)\s*\(").search(src, j)
        nxt = re.compile(r"(?<![\w_])check\(").search(src, j)
        if not ma or (nxt and nxt.start() < ma.start()):
            continue
        first, k = c_literals(src, ma.end())
        if first is None:
            continue
        todo = []
        current = first
        if ma.group(1) == "TODO_ASSERT_EQUALS":
            k2 = src.find(",", k)
            second, _ = c_literals(src, k2 + 1)
            todo = cppcheck_expectations(first)
            current = second or ""
        exps = cppcheck_expectations(current)
        ids = {e[2] for e in exps} | {e[2] for e in todo}
        if ids and not (ids & CPPCHECK_IDS):
            continue  # a snippet about some other check (parameter assignment, dealloc)
        count[test] = count.get(test, 0) + 1
        name = "%s_%d.%s" % (test, count[test], "c" if is_c else "cpp")
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(code if code.endswith("\n") else code + "\n")
        expect[name] = {
            "test": test,
            "source_line": src.count("\n", 0, m.start()) + 1,
            "expected": [{"line": l, "chain": ch, "id": i, "text": t}
                         for l, ch, i, t in exps if i in CPPCHECK_IDS],
            "other": [{"line": l, "id": i} for l, ch, i, t in exps if i not in CPPCHECK_IDS],
            "todo": [{"line": l, "chain": ch, "id": i} for l, ch, i, t in todo
                     if i in CPPCHECK_IDS or not i],
        }
    with open(os.path.join(outdir, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    print("%d snippets written to %s" % (len(expect), outdir))


# ---------------------------------------------------------------------------
# Expectations of one file


class Case:
    def __init__(self, path, suite):
        self.path = path
        self.suite = suite
        self.expected = {}   # line -> [messages]
        self.notes = {}      # note line -> expected line it belongs to
        self.ok_lines = set()
        self.todo_lines = set()
        self.error_lines = set()  # lines of expected compile errors (blanked on retry)
        self.std = "c++20"
        self.lang = "c++"
        self.extra_flags = []
        self.lifetime_errors = []  # lines where the peer rejects the code with a lifetime error


def attach_notes(case, notes, nearest=False):
    """Give each flow note to the expected line it most likely belongs to: the one before
    it (clang's 'returned here', 'later used here'), or with nearest (GCC's notes, which
    also point back at where a temporary was made) the closer one."""
    exp = sorted(case.expected)
    for n in notes:
        if n in case.expected or not exp:
            continue
        before = [e for e in exp if e < n and n - e <= 15]
        after = [e for e in exp if e > n and e - n <= 5]
        if before and after and nearest and after[0] - n < n - before[-1]:
            case.notes[n] = after[0]
        elif before:
            case.notes[n] = before[-1]
        elif after:
            case.notes[n] = after[0]


def load_clang(path, text):
    case = Case(path, "clang")
    runs = clang_runs(text)
    case.std = pick_std(runs)
    prefixes = set()
    for std, p in runs:
        if std in (None, case.std):
            prefixes |= p
    if not prefixes:
        prefixes = {"expected"}
    notes = []
    for d in parse_clang(text):
        if d["prefix"] not in prefixes:
            continue
        if d["kind"] == "error":
            # clang rejects the code there: nothing to analyze. A lifetime error is
            # counted apart (compile_errors), it cannot be scored.
            case.error_lines.add(d["line"])
            if LIFETIME_RE.search(d["msg"]) and not NOT_LIFETIME_RE.search(d["msg"]):
                case.lifetime_errors.append(d["line"])
            continue
        if d["kind"] in ("warning", "error"):
            if LIFETIME_RE.search(d["msg"]) and not NOT_LIFETIME_RE.search(d["msg"]):
                case.expected.setdefault(d["line"], []).append("%s-%s: %s" % (d["prefix"], d["kind"], d["msg"]))
        elif d["kind"] == "note" and FLOW_NOTE_RE.search(d["msg"]):
            notes.append(d["line"])
    attach_notes(case, notes)
    mark_comments(case, text)
    inputs = os.path.join(os.path.dirname(path), "Inputs")
    if os.path.isdir(inputs):
        case.extra_flags += ["-I", os.path.dirname(path)]
    return case


# A GCC test that turns the lifetime warnings off says nothing about whether its code is
# wrong (Wno-return-local-addr.C returns addresses of locals on purpose).
GCC_WARNING_OFF_RE = re.compile(r"dg-options\s+\"[^\"]*-Wno-(return-local-addr|dangling-pointer|"
                                r"dangling-reference)")


def load_gcc(path, text):
    case = Case(path, "gcc")
    case.std = gcc_std(text)
    case.warning_off = bool(GCC_WARNING_OFF_RE.search(text))
    notes = []
    for d in parse_gcc(text, case.std):
        lifetime = LIFETIME_RE.search(d["msg"]) and not NOT_LIFETIME_RE.search(d["msg"])
        if d["kind"] == "bogus":
            if lifetime or d["msg"] in (".*", ""):
                case.ok_lines.add(d["line"])
        elif d["kind"] in ("warning", "error"):
            if lifetime:
                if d["xfail"]:
                    case.todo_lines.add(d["line"])
                else:
                    case.expected.setdefault(d["line"], []).append("dg-%s: %s" % (d["kind"], d["msg"]))
            elif d["kind"] == "error":
                case.error_lines.add(d["line"])
        elif d["kind"] == "note":
            notes.append(d["line"])
    attach_notes(case, notes, nearest=True)
    mark_comments(case, text)
    return case


def load_cppcheck(path, info):
    case = Case(path, "cppcheck")
    case.std = "c++20"  # some snippets use std::span
    if path.endswith(".c"):
        case.lang = "c"
        case.std = "c11"
    for e in info["expected"]:
        case.expected.setdefault(e["line"], []).append("%s: %s" % (e["id"], e["text"]))
        for c in e["chain"]:
            if c not in case.expected:
                case.notes[c] = e["line"]
    for t in info["todo"]:
        case.todo_lines.add(t["line"])
    if not info["expected"] and not info["todo"] and not info["other"]:
        case.ok_all = True  # cppcheck expects nothing at all in this snippet
    return case


def braced_block_after(lines, idx):
    """The 1-based lines of the declaration that starts after line idx (past
    further comment lines) and the braces it opens, or an empty range."""
    j = idx
    while j < len(lines) and lines[j].lstrip().startswith("//"):
        j += 1
    depth, opened = 0, False
    for k in range(j, len(lines)):
        code = lines[k].split("//")[0]
        depth += code.count("{") - code.count("}")
        opened = opened or "{" in code
        if opened and depth <= 0:
            return range(j + 1, k + 2)
        if not opened and code.rstrip().endswith(";"):
            break
    return range(0)


def mark_comments(case, text):
    lines = text.split("\n")
    for idx, line in enumerate(lines, 1):
        if OK_COMMENT_RE.search(line):
            case.ok_lines.add(idx)
        if TODO_COMMENT_RE.search(line):
            case.todo_lines.add(idx)
            if line.lstrip().startswith("//"):
                # a FIXME comment of its own precedes the code it is about:
                # the next lines, or the whole function, class or namespace
                # it heads
                case.todo_lines.update(range(idx + 1, idx + 6))
                case.todo_lines.update(braced_block_after(lines, idx))


def discover(dirs):
    cases = []
    for top in dirs:
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "Inputs")
            expect = {}
            if "expect.json" in filenames:
                expect = json.load(open(os.path.join(dirpath, "expect.json")))
            for fn in sorted(filenames):
                if not re.search(r"\.(cpp|cc|C|c)$", fn) or ".peers-tmp." in fn:
                    continue
                path = os.path.join(dirpath, fn)
                if fn in expect:
                    cases.append(load_cppcheck(path, expect[fn]))
                    continue
                text = open(path, encoding="utf-8", errors="replace").read()
                if re.search(r"RUN:.*-verify", text):
                    cases.append(load_clang(path, text))
                elif "dg-" in text:
                    cases.append(load_gcc(path, text))
    return cases


# ---------------------------------------------------------------------------
# Running clang-escape


# The standard headers a cppcheck snippet needs, from the names it uses (they are
# force-included, so that the snippet's own lines keep their numbers).
SNIPPET_HEADERS = [
    (r"\bvector\b", "vector"), (r"\bstring_view\b", "string_view"), (r"\bstring\b", "string"),
    (r"\bunordered_map\b", "unordered_map"), (r"\bunordered_set\b", "unordered_set"),
    (r"\bmap\b", "map"), (r"\bset\b", "set"), (r"\blist\b", "list"), (r"\bdeque\b", "deque"),
    (r"\barray\b", "array"), (r"\b(unique_ptr|shared_ptr|make_unique|make_shared|weak_ptr)\b", "memory"),
    (r"\bfunction\b", "functional"), (r"\boptional\b", "optional"), (r"\b(tuple|tie)\b", "tuple"),
    (r"\b(pair|move|forward|make_pair)\b", "utility"), (r"\binitializer_list\b", "initializer_list"),
    (r"\bspan\b", "span"), (r"\b(find|sort|transform|max_element|min_element|find_if|max|min)\b", "algorithm"),
    (r"\b(begin|end|next|prev|advance)\b", "iterator"), (r"\breference_wrapper|\bref\(|\bcref\(", "functional"),
    (r"\bstringstream\b|\bistringstream\b|\bostringstream\b", "sstream"),
]


def snippet_headers(code, lang):
    if lang == "c":
        return ["stdlib.h", "string.h"]
    out = ["cstdlib", "cstring"]
    for rx, h in SNIPPET_HEADERS:
        if re.search(rx, code) and h not in out:
            out.append(h)
    return out


def run_escape(args, case, maybe, path=None):
    path = path or case.path
    cmd = ["nice", "-n", str(args.nice), args.escape, "--quiet", "--format=json", "--no-cache",
           "--no-config"]
    if maybe:
        cmd.append("--report-maybe")
    cmd += [os.path.basename(path), "--"]
    if case.lang == "c":
        cmd += ["-x", "c", "-std=" + case.std]
    else:
        cmd += ["-std=" + case.std]
    cmd += ["-w", "-ferror-limit=0"] + case.extra_flags + args.extra_arg
    if case.suite == "cppcheck":
        headers = snippet_headers(open(path, encoding="utf-8", errors="replace").read(), case.lang)
        cmd += sum((["-include", h] for h in headers), [])
        if args.cppcheck_prelude:
            cmd += ["-include", os.path.abspath(args.cppcheck_prelude)]
    try:
        p = subprocess.run(cmd, cwd=os.path.dirname(os.path.abspath(path)), capture_output=True,
                           text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return "timeout", [], "timeout"
    err = [l for l in p.stderr.splitlines() if "error:" in l]
    err = err[0] if err else p.stderr.strip()[-300:]
    if p.returncode not in (0, 1, 2) or "crashed while analyzing" in p.stderr:
        return "crash(%d)" % p.returncode, [], err
    try:
        doc = json.loads(p.stdout)
    except ValueError:
        if p.returncode == 2:
            return "parse-failed", [], err
        return "bad-json", [], p.stdout[:300]
    if p.returncode == 2:
        # The file does not compile: clang-escape still reports what it found in
        # what Clang could parse, as a user sees it (docs/CLI.md).
        return "partial", doc.get("findings", []), err
    return "ok", doc.get("findings", []), ""


def blank_lines(path, lines):
    text = open(path, encoding="utf-8", errors="replace").read().split("\n")
    for l in lines:
        if 1 <= l <= len(text):
            text[l - 1] = ""
    base, ext = os.path.splitext(path)
    tmp = base + ".peers-tmp" + ext
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(text))
    return tmp


def analyze(args, case, maybe):
    status, findings, err = run_escape(args, case, maybe)
    retried = False
    if status in ("parse-failed", "partial") and case.error_lines:
        tmp = blank_lines(case.path, sorted(case.error_lines))
        try:
            status2, findings2, err2 = run_escape(args, case, maybe, tmp)
            if status2 == "ok" or status == "parse-failed":
                status, findings, err = status2, findings2, err2 or err
                retried = True
        finally:
            os.unlink(tmp)
    names = {os.path.basename(case.path), os.path.basename(case.path).replace(
        os.path.splitext(case.path)[1], ".peers-tmp" + os.path.splitext(case.path)[1])}
    mine, elsewhere = [], []
    for f in findings:
        if f.get("class") != "bug":
            continue
        if os.path.basename(f.get("file", "")) in names:
            mine.append(f)
        else:
            elsewhere.append(f)
    return {"status": status, "retried_without_error_lines": retried, "error": err,
            "findings": mine, "findings_elsewhere": len(elsewhere)}


def score(case, res):
    by_line = {}
    for f in res["findings"]:
        by_line.setdefault(f["line"], []).append(f)
    # A finding whose flow passes through an expected line (the '&x' the peer points at,
    # while clang-escape reports the store or the return) reports that expectation too.
    via_flow = {}
    for f in res["findings"]:
        for step in f.get("flow", []):
            l = step.get("line")
            if l in case.expected and l != f["line"] and \
                    os.path.basename(step.get("file", f["file"])) == os.path.basename(f["file"]):
                via_flow.setdefault(l, []).append(f)
    hits, misses = [], []
    matched = set()
    for line in sorted(case.expected):
        at = [line] + [n for n, e in case.notes.items() if e == line]
        got = [l for l in at if l in by_line]
        rec = {"line": line, "expect": case.expected[line]}
        if got:
            rec["hit_at"] = got[0]
            rec["checks"] = sorted({f["check"] + ":" + f["confidence"] for f in by_line[got[0]]})
            matched.update(got)
            hits.append(rec)
        elif line in via_flow:
            rec["hit_at"] = via_flow[line][0]["line"]
            rec["via_flow"] = True
            rec["checks"] = sorted({f["check"] + ":" + f["confidence"] for f in via_flow[line]})
            matched.update(f["line"] for f in via_flow[line])
            hits.append(rec)
        else:
            misses.append(rec)
    used = set(case.expected) | set(case.notes) | matched
    extras = []
    for line in sorted(by_line):
        if line in used:
            continue
        if line in case.todo_lines:
            kind = "peer-todo"
        elif getattr(case, "warning_off", False):
            kind = "peer-off"
        elif getattr(case, "ok_all", False) or line in case.ok_lines:
            kind = "definite-fp"
        else:
            kind = "unexpected"
        for f in by_line[line]:
            extras.append({"line": line, "kind": kind, "check": f["check"],
                           "confidence": f["confidence"], "message": f["message"]})
    return hits, misses, extras


def source_line(path, line):
    try:
        return open(path, encoding="utf-8", errors="replace").read().split("\n")[line - 1].strip()
    except IndexError:
        return ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract-cppcheck", help="cut testautovariables.cpp into one file per check")
    ex.add_argument("source")
    ex.add_argument("outdir")
    r = sub.add_parser("run", help="run clang-escape over peer test directories and score")
    r.add_argument("dirs", nargs="+")
    r.add_argument("--escape", default=os.path.join(ROOT, "build", "bin", "clang-escape"))
    r.add_argument("--json", help="write the per-file detail to this file")
    r.add_argument("--list-misses", action="store_true")
    r.add_argument("--list-extras", action="store_true")
    r.add_argument("--filter", default="", help="only files whose path contains this")
    r.add_argument("--extra-arg", action="append", default=[], help="compiler flag for every file")
    r.add_argument("--cppcheck-prelude", help="a header of declarations force-included into every cppcheck "
                   "snippet, after the standard headers it needs")
    r.add_argument("--timeout", type=int, default=120)
    r.add_argument("--nice", type=int, default=10)
    r.add_argument("--default-only", action="store_true",
                   help="skip the second run with --report-maybe (half the time)")
    args = ap.parse_args()
    if args.cmd == "extract-cppcheck":
        extract_cppcheck(args.source, args.outdir)
        return 0

    cases = [c for c in discover(args.dirs) if args.filter in c.path]
    detail = []
    totals = {}
    for case in cases:
        entry = {"file": case.path, "suite": case.suite, "std": case.std,
                 "expected_lines": len(case.expected), "lifetime_compile_errors": case.lifetime_errors}
        first = None
        modes = (("default", False),) if args.default_only else (("default", False), ("maybe", True))
        for mode, maybe in modes:
            if first is not None and first["status"] not in ("ok", "partial"):
                res = first  # the code does not compile: no second try
            else:
                res = analyze(args, case, maybe)
            first = first or res
            hits, misses, extras = score(case, res)
            entry[mode] = {"status": res["status"], "error": res["error"],
                           "retried_without_error_lines": res["retried_without_error_lines"],
                           "hits": hits, "misses": misses, "extras": extras,
                           "findings_in_other_files": res["findings_elsewhere"]}
            t = totals.setdefault((mode, case.suite), {"files": 0, "failed": 0, "partial": 0, "expected": 0,
                                                       "hit": 0, "extra": 0, "fp": 0, "todo": 0})
            t["files"] += 1
            if res["status"] == "partial":
                t["partial"] += 1
            elif res["status"] != "ok":
                t["failed"] += 1
            t["expected"] += len(case.expected)
            t["hit"] += len(hits)
            xl = {(e["line"], e["kind"]) for e in extras}
            t["extra"] += len({l for l, k in xl if k not in ("peer-todo", "peer-off")})
            t["fp"] += len({l for l, k in xl if k == "definite-fp"})
            t["todo"] += len({l for l, k in xl if k == "peer-todo"})
        detail.append(entry)
        m = entry.get("maybe", entry["default"])
        sys.stderr.write("%-60s %s/%s exp=%d hit=%d/%d\n" % (
            os.path.relpath(case.path), entry["default"]["status"], m["status"],
            len(case.expected), len(entry["default"]["hits"]), len(m["hits"])))

    for mode in ("default", "maybe"):
        if not any(k[0] == mode for k in totals):
            continue
        print("\n%s" % ("clang-escape (default)" if mode == "default" else "clang-escape --report-maybe"))
        print("| suite | files | partial | not analyzed | expected | hit | recall | extra | definite FP | peer-todo "
              "| precision |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        agg = {"files": 0, "failed": 0, "partial": 0, "expected": 0, "hit": 0, "extra": 0, "fp": 0, "todo": 0}
        for suite in ("clang", "gcc", "cppcheck"):
            t = totals.get((mode, suite))
            if not t:
                continue
            for k in agg:
                agg[k] += t[k]
            print(row(suite, t))
        print(row("all", agg))

    if args.list_misses or args.list_extras:
        for entry in detail:
            d = entry.get("maybe", entry["default"])
            st = entry["default"]
            if st["status"] == "partial":
                print("%s: PARTIAL (does not compile) %s" % (entry["file"], st["error"]))
            elif st["status"] != "ok":
                print("%s: NOT ANALYZED (%s) %s" % (entry["file"], st["status"], st["error"]))
            if args.list_misses:
                for m in st["misses"]:
                    in_maybe = any(h["line"] == m["line"] for h in d["hits"])
                    print("MISS%s %s:%d: %s    <- %s" % (" (maybe-hit)" if in_maybe else "", entry["file"], m["line"],
                                                         source_line(entry["file"], m["line"]), m["expect"][0][:90]))
            if args.list_extras:
                for x in d["extras"]:
                    print("EXTRA[%s,%s] %s:%d: %s    <- %s" % (x["kind"], x["confidence"], entry["file"], x["line"],
                                                            source_line(entry["file"], x["line"]), x["message"][:110]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(detail, f, indent=1)
    return 0


def row(name, t):
    rec = t["hit"] / t["expected"] if t["expected"] else 0.0
    prec = t["hit"] / (t["hit"] + t["extra"]) if t["hit"] + t["extra"] else 0.0
    return "| %s | %d | %d | %d | %d | %d | %.1f%% | %d | %d | %d | %.3f |" % (
        name, t["files"], t["partial"], t["failed"], t["expected"], t["hit"], 100 * rec, t["extra"], t["fp"],
        t["todo"], prec)


if __name__ == "__main__":
    sys.exit(main())
