#!/usr/bin/env bash
# The validation runtime on a real multi-threaded program: leveldb's
# db_bench, whose benchmarks run on worker threads (docs/Runtime.md, "On a
# real multi-threaded program"). Builds db_bench twice with the CMake recipe
# of docs/Runtime.md (validation build and plain -O0), analyzes leveldb with
# clang-escape --emit-claims, validates the claims, and times both builds.
#   usage: bench/runtime/leveldb.sh LEVELDB_DIR WORK_DIR [BUILD_DIR]
# BUILD_DIR (default: build) needs clang-escape, clang-escape-validate and
# the runtime archives.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$1" && pwd)
work=$2
build=$(cd "${3:-$here/../../build}" && pwd)
validate=$build/bin/clang-escape-validate
mkdir -p "$work"
work=$(cd "$work" && pwd)
bench_args=(--benchmarks=fillseq,fillrandom,readrandom,readseq --num=20000
            --threads=2 --db="$work/db")

cmake -S "$here/leveldb" -B "$work/rt" -G Ninja -DLEVELDB_DIR="$src" \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_CXX_FLAGS="$("$validate" --print-cflags)" \
  -DCMAKE_CXX_STANDARD_LIBRARIES="$("$validate" --print-ldflags)" >/dev/null
cmake -S "$here/leveldb" -B "$work/o0" -G Ninja -DLEVELDB_DIR="$src" \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_CXX_FLAGS="-O0 -g -fno-omit-frame-pointer" >/dev/null
nice -n 10 ninja -C "$work/rt" -j2 db_bench >/dev/null
nice -n 10 ninja -C "$work/o0" -j2 db_bench >/dev/null

echo "== analyze"
"$build/bin/clang-escape" -p "$work/rt" --emit-claims="$work/claims.json" \
  >"$work/report.txt" 2>"$work/analyze.log" || true

echo "== -O0, no runtime"
rm -rf "$work/db"
/usr/bin/time -f "%e s, %M KiB" "$work/o0/db_bench" "${bench_args[@]}" >/dev/null
for sample in 1 100 1000; do
  echo "== validation run, --sample=$sample"
  rm -rf "$work/db"
  /usr/bin/time -f "%e s, %M KiB" "$validate" --claims="$work/claims.json" \
    --sample=$sample --report="$work/report-$sample.json" -- \
    "$work/rt/db_bench" "${bench_args[@]}" | tail -1
  python3 "$here/judged.py" "$work/report-$sample.json"
done
