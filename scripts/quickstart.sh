#!/usr/bin/env bash
# The README's two commands.
#   scripts/quickstart.sh run    set up, build, analyze the bundled examples
#   scripts/quickstart.sh test   set up, build, run every test suite, for
#                                LLVM 19 (BUILD_DIR) and LLVM 22 (BUILD_DIR-llvm22)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build}
mode=${1:-run}
"$here/scripts/setup.sh" "$build"
case $mode in
  run)
    cd "$here/examples"
    # Exit status 1 means findings, which the examples are there to show;
    # 2 is an error.
    for f in *.cpp; do
      echo "== clang-escape $f -- -std=c++20"
      "$build/bin/clang-escape" "$f" -- -std=c++20 || [ $? -eq 1 ]
    done
    echo "== clang-escape -m=2 returns.cpp -- -std=c++20"
    "$build/bin/clang-escape" -m=2 returns.cpp -- -std=c++20 || [ $? -eq 1 ]
    ;;
  test)
    log=$(mktemp)
    status=0
    python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv \
      "$build/test" "$build/test/Unit" \
      "$build-llvm22/test" "$build-llvm22/test/Unit" 2>&1 | tee "$log" || status=$?
    count() { grep -E "^ *$1 *:" "$log" | grep -oE '[0-9]+' | head -1 || true; }
    passed=$(count Passed)
    failed=$(count Failed)
    xfail=$(count "Expectedly Failed")
    rm -f "$log"
    echo "${passed:-0} passed, ${failed:-0} failed, ${xfail:-0} skipped"
    exit $status
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
