#!/usr/bin/env bash
# Installs what clang-escape needs on Debian 12 and configures + builds it.
#   usage: scripts/setup.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
pkgs=(clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tidy-19 clangd-19
      clang-format-19 clang-tools-19 nlohmann-json3-dev googletest libgtest-dev cmake ninja-build
      python3 python3-yaml git)
# npm installs the SARIF multitool that the tests validate SARIF output with.
command -v npm >/dev/null || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: install them as root: apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi
cmake -S "$here" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm \
  -DClang_DIR=/usr/lib/llvm-19/lib/cmake/clang >/dev/null
cmake --build "$build"
# The SARIF multitool (test/CI/sarif-validate.test), into the build folder.
multitool=$build/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ]; then
  echo "setup: installing @microsoft/sarif-multitool-linux into $build/sarif-multitool"
  npm install --no-audit --no-fund --silent --prefix "$build/sarif-multitool" \
    @microsoft/sarif-multitool-linux@5.7.0
  chmod +x "$multitool"
fi
