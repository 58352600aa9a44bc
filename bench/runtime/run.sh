#!/usr/bin/env bash
# Measures the validation runtime's overhead (docs/Runtime.md, "Overhead").
#   usage: bench/runtime/run.sh [BUILD_DIR]   (default: build)
# Needs clangEscapeRuntime and clangEscapeRuntimeNew built in BUILD_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
cxx=${CXX:-clang++-19}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
libs="$build/lib/libclangEscapeRuntimeNew.a $build/lib/libclangEscapeRuntime.a -ldl -pthread"
flags="-O0 -g -fno-omit-frame-pointer -ftrivial-auto-var-init=zero"

"$cxx" $flags "$here/bench.cpp" -o "$out/plain"
"$cxx" $flags -finstrument-functions "$here/bench.cpp" $libs -o "$out/instr"

claims() { # name mangled returns heap stack
  printf 'escrt-claims 1\nfn 0 %s %s %s %s\n' "$1" "$2" "$3" "$4" > "$out/claims"
}

echo "== hook cost per call (20M calls of a tiny function)"
"$out/plain" calls 20000000
"$out/instr" calls 20000000
claims _Z7escapingl void 1 0
ESCRT_CLAIMS=$out/claims "$out/instr" calls 20000000
claims _Z4tinyl value 1 0
ESCRT_CLAIMS=$out/claims ESCRT_SAMPLE=1000000000 "$out/instr" calls 20000000

echo "== check skipped by the generation filter (allocation freed before return)"
"$out/plain" skip 2000000
"$out/instr" skip 2000000
claims _Z5freedl value 1 0
ESCRT_CLAIMS=$out/claims "$out/instr" skip 2000000

echo "== full check per call (allocation escapes into a global)"
claims _Z8escapingl void 1 0
for live in 0 10000 100000 1000000; do
  n=$(( live >= 1000000 ? 20 : (live >= 100000 ? 200 : 2000) ))
  ESCRT_CLAIMS=$out/claims "$out/instr" check $n $live
done
echo "== the same with --sample 100 (amortized)"
ESCRT_CLAIMS=$out/claims ESCRT_SAMPLE=100 "$out/instr" check 20000 100000
