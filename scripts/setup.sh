#!/usr/bin/env bash
# Installs what clang-escape needs on Debian 12 and configures + builds it
# twice from the same sources: for LLVM 19 in BUILD_DIR, for LLVM 22 in
# BUILD_DIR-llvm22 (each with its own clang++; docs/ClangTidy.md).
#   usage: scripts/setup.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
pkgs=(clang-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-tidy-19 clangd-19
      clang-format-19 clang-tools-19 nlohmann-json3-dev googletest libgtest-dev cmake ninja-build
      python3 python3-yaml git
      clang-22 libclang-22-dev llvm-22-dev llvm-22-tools clang-tidy-22 clang-tools-22
      clangd-22 neovim gcc-12-source graphviz chromium)
# gcc-12-source: GCC's C++ testsuite, for the crash sweep (bench/sweep.py).
# npm installs the SARIF multitool that the tests validate SARIF output with,
# and the language client the LSP tests drive the servers with.
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
for major in 19 22; do
  dir=$build
  [ "$major" = 19 ] || dir=$build-llvm$major
  # The SARIF multitool (test/CI/sarif-validate.test), into each build folder:
  # lit looks for it under the build folder of the suite it runs.
  multitool=$dir/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
  if [ ! -x "$multitool" ]; then
    echo "setup: installing @microsoft/sarif-multitool-linux into $dir/sarif-multitool"
    npm install --no-audit --no-fund --silent --prefix "$dir/sarif-multitool" \
      @microsoft/sarif-multitool-linux@5.7.0
    chmod +x "$multitool"
  fi
  # The language client of the LSP tests (test/Lsp/client), pinned.
  npm_into() {
    if [ ! -f "$dir/$1/node_modules/$2/package.json" ]; then
      echo "setup: installing ${*:3} into $dir/$1"
      npm install --no-audit --no-fund --silent --prefix "$dir/$1" "${@:3}"
    fi
  }
  npm_into lsp-client vscode-languageserver-protocol \
    vscode-jsonrpc@8.2.0 vscode-languageserver-protocol@3.17.5
  # The VS Code extension's dependency and its packager (editors/vscode),
  # before the build that packages it.
  npm_into vscode-deps vscode-languageclient vscode-languageclient@9.0.1
  npm_into vscode-tools @vscode/vsce @vscode/vsce@2.32.0
  cmake -S "$here" -B "$dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-$major -DCMAKE_CXX_COMPILER=clang++-$major \
    -DLLVM_DIR=/usr/lib/llvm-$major/lib/cmake/llvm \
    -DClang_DIR=/usr/lib/llvm-$major/lib/cmake/clang >/dev/null
  cmake --build "$dir"
done
