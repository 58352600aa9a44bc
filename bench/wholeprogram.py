#!/usr/bin/env python3
"""Whole-program cost, phase by phase: wall time, CPU time and peak memory (max RSS)
of extracting every translation unit into a cold cache (`--extract-only`),
of linking and reporting from it (`--link-only`), of a warm run (nothing
changed), of the same extraction spread over N shards in separate cache
directories merged by copying, and the cache's size; against the sum of
`clang++-19 -fsyntax-only` over the same units (and its largest peak memory).
The sharded run's findings are compared with the single run's.

By default it works on a copy of Debian's googletest sources (so that a file
can be edited) configured with CMake for its compile_commands.json; --db uses
an existing build directory as it is (nothing edited). A benchmark, not a
test: it always exits 0.

With --db, --edit FILE-SUFFIX inserts a line at the top of that unit (restored
after), --parallel-shards runs the shards at once (as a CI matrix does, each
with -j N), --no-single takes the merged shards as the cold cache of the
warm and edited runs instead of a single extraction, and --work DIR keeps
everything in DIR.

usage: bench/wholeprogram.py [BUILD_DIR] [--tool BIN] [--db DIR] [--source DIR]
                             [--edit FILE-SUFFIX] [-j N] [--shards N] [--parallel-shards]
                             [--no-single] [--tool-args ARGS] [--work DIR] [--no-clang] [--keep]
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


MEASURE = ("import resource,subprocess,sys,time;t=time.perf_counter();"
           "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
           "w=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
           "print(w, u.ru_maxrss, r.returncode, u.ru_utime+u.ru_stime)")


def start(cmd, cwd=None):
    """cmd, alone in a child process that measures it; finish() waits for it."""
    return subprocess.Popen([sys.executable, "-c", MEASURE] + cmd, cwd=cwd,
                            stdout=subprocess.PIPE, text=True)


def finish(proc):
    """Wall seconds, peak RSS (MiB), exit status and CPU seconds (user +
    system) of a start()ed command."""
    wall, rss, rc, cpu = proc.communicate()[0].split()
    return float(wall), int(rss) / 1024.0, int(rc), float(cpu)


def measure(cmd, cwd=None):
    return finish(start(cmd, cwd))


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


def cache_size(path):
    """Apparent bytes, bytes on disk, files."""
    apparent, disk, files = 0, 0, 0
    for root, _, names in os.walk(path):
        for n in names:
            st = os.stat(os.path.join(root, n))
            apparent += st.st_size
            disk += st.st_blocks * 512
            files += 1
    return apparent, disk, files


def row(title, wall, rss, note="", cpu=None):
    """Wall time, CPU time and peak RSS: on a shared machine wall time is
    mostly waiting for a core, so compare CPU times."""
    print("%-50s %9.2f s %s %9.0f MiB  %s"
          % (title, wall, "%8.2f s CPU" % cpu if cpu is not None else " " * 14, rss, note))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    ap.add_argument("--tool", help="the clang-escape binary (default BUILD_DIR/bin/clang-escape)")
    ap.add_argument("--db", help="an existing build directory with compile_commands.json")
    ap.add_argument("--source", default="/usr/src/googletest")
    ap.add_argument("--edit", default="googletest-printers-test.cc")
    ap.add_argument("--cmake-args", default="-Dgtest_build_tests=ON -Dgmock_build_tests=ON")
    ap.add_argument("-j", "--jobs", default="1")
    ap.add_argument("--shards", type=int, default=3)
    ap.add_argument("--parallel-shards", action="store_true",
                    help="run the shards at once, as the jobs of a CI matrix")
    ap.add_argument("--no-single", action="store_true",
                    help="no single extraction: the merged shards are the cold cache")
    ap.add_argument("--tool-args", default="", help="more options for every clang-escape run")
    ap.add_argument("--work", help="the directory of the caches (kept; default a temporary one)")
    ap.add_argument("--no-clang", action="store_true", help="skip the -fsyntax-only reference")
    ap.add_argument("--keep", action="store_true", help="keep the caches (and the copy) for a look")
    opts = ap.parse_args()
    tool = os.path.abspath(opts.tool or os.path.join(opts.build, "bin", "clang-escape"))
    if opts.work:
        work = os.path.abspath(opts.work)
        os.makedirs(work)
        opts.keep = True
    else:
        work = tempfile.mkdtemp(prefix="escape-wp-")
    if opts.db:
        bld = os.path.abspath(opts.db)
    else:
        src, bld = os.path.join(work, "src"), os.path.join(work, "build")
        shutil.copytree(opts.source, src)
        subprocess.run(["cmake", "-S", src, "-B", bld, "-G", "Ninja",
                        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                        "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19"]
                       + opts.cmake_args.split(), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
    db = json.load(open(os.path.join(bld, "compile_commands.json")))
    print("translation units: %d, -j %s, %s" % (len(db), opts.jobs, tool))
    base = [tool, "-p", bld, "-j", opts.jobs, "--quiet"] + opts.tool_args.split()
    cache = os.path.join(work, "cache")

    if not opts.no_clang:
        total, peak, tcpu = 0.0, 0.0, 0.0
        for e in db:
            w, r, _, c = measure(syntax_only(e), cwd=e["directory"])
            total, peak, tcpu = total + w, max(peak, r), tcpu + c
        row("clang++-19 -fsyntax-only, all TUs (largest RSS)", total, peak, cpu=tcpu)
    else:
        total, peak, tcpu = None, None, None

    def ratio(w, c=None):
        if not total:
            return ""
        return "(%.2fx -fsyntax-only%s)" % (w / total, "" if c is None else
                                            "; CPU %.2fx" % (c / tcpu))

    single = os.path.join(work, "single.json")
    if not opts.no_single:
        ew, er, _, ec = measure(base + ["--extract-only", "--cache-dir", cache])
        row("extract, cold cache (--extract-only)", ew, er, ratio(ew, ec), ec)
        lw, lr, _, lc = measure(base + ["--link-only", "--cache-dir", cache, "--format=json",
                                        "-o", single])
        row("link and report (--link-only)", lw, lr, cpu=lc)
        row("cold = extract + link", ew + lw, max(er, lr), ratio(ew + lw, ec + lc), ec + lc)

    shard_walls, shard_peak, shard_cpu, procs = [], 0.0, 0.0, []
    merged = os.path.join(work, "merged")
    os.makedirs(merged)
    dirs = [os.path.join(work, "shard%d" % k) for k in range(1, opts.shards + 1)]
    for k, d in enumerate(dirs, 1):
        procs.append(start(base + ["--extract-only", "--shard=%d/%d" % (k, opts.shards),
                                   "--cache-dir", d]))
        if not opts.parallel_shards:
            procs[-1] = finish(procs[-1])
    for p in procs:
        w, r, _, c = p if isinstance(p, tuple) else finish(p)
        shard_walls.append(w)
        shard_peak, shard_cpu = max(shard_peak, r), shard_cpu + c
    for d in dirs:
        if os.path.isdir(d):
            subprocess.run(["cp", "-r", d + "/.", merged + "/"], check=True)
    row("%d shards: slowest (sum %.1f s)" % (opts.shards, sum(shard_walls)), max(shard_walls),
        shard_peak, ratio(max(shard_walls), shard_cpu), shard_cpu)
    linked = os.path.join(work, "linked.json")
    mw, mr, _, mc = measure(base + ["--link-only", "--cache-dir", merged, "--format=json", "-o",
                                    linked])
    same = opts.no_single or open(single).read() == open(linked).read()
    row("link the merged shards (--link-only)", mw, mr,
        "" if opts.no_single else
        "findings %s the single run's" % ("equal" if same else "DIFFER from"), mc)
    row("sharded = slowest shard + link", max(shard_walls) + mw, max(shard_peak, mr),
        ratio(max(shard_walls) + mw, shard_cpu + mc), shard_cpu + mc)
    if opts.no_single:
        cache = merged

    ww, wr, _, wc = measure(base + ["--cache-dir", cache])
    row("warm run, nothing changed", ww, wr,
        "(%.2fx the largest -fsyntax-only peak)" % (wr / peak) if peak else "", wc)
    apparent, disk, files = cache_size(cache)
    print("%-50s %9.1f MiB (%.1f MiB on disk, %d files, %.0f KiB per TU)"
          % ("cache size", apparent / 2**20, disk / 2**20, files, apparent / 1024.0 / len(db)))

    edited = [e for e in db if e["file"].endswith(opts.edit)]
    if edited:
        e = edited[0]
        text = open(e["file"]).read()
        with open(e["file"], "w") as f:
            f.write("// edited by bench/wholeprogram.py\n" + text)
        try:
            one, orss, _, oc = measure(syntax_only(e), cwd=e["directory"])
            rw, rr, _, rc = measure(base + ["--cache-dir", cache])
        finally:
            if opts.db:
                with open(e["file"], "w") as f:
                    f.write(text)
        row("clang++-19 -fsyntax-only, the edited TU", one, orss, cpu=oc)
        row("rerun after editing one file", rw, rr,
            "(%.2fx the edited TU; CPU %.2fx)" % (rw / one, rc / max(oc, 0.01)), rc)
    if opts.keep:
        print("kept in", work)
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
