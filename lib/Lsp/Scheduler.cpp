//===- Scheduler.cpp - Debounced analyses on one worker thread ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
#include "Scheduler.h"

#include <algorithm>

namespace escape {
namespace lsp {

Scheduler::Scheduler(Job Run)
    : Run(std::move(Run)), Worker([this] { loop(); }) {}

Scheduler::~Scheduler() { stop(); }

void Scheduler::schedule(const std::string &Path,
                         std::chrono::milliseconds Delay) {
  std::lock_guard<std::mutex> G(Lock);
  Due[Path] = std::chrono::steady_clock::now() + Delay;
  Changed.notify_all();
}

void Scheduler::cancel(const std::string &Path) {
  std::lock_guard<std::mutex> G(Lock);
  Due.erase(Path);
  Changed.notify_all();
}

void Scheduler::stop() {
  {
    std::lock_guard<std::mutex> G(Lock);
    Stopping = true;
    Due.clear();
    Changed.notify_all();
  }
  if (Worker.joinable())
    Worker.join();
}

void Scheduler::loop() {
  std::unique_lock<std::mutex> L(Lock);
  while (!Stopping) {
    if (Due.empty()) {
      Changed.wait(L);
      continue;
    }
    auto Next = std::min_element(
        Due.begin(), Due.end(),
        [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Next->second > std::chrono::steady_clock::now()) {
      // Woken early by a new edit or a stop: look again.
      Changed.wait_until(L, Next->second);
      continue;
    }
    std::string Path = Next->first;
    Due.erase(Next);
    L.unlock();
    Run(Path);
    L.lock();
  }
}

} // namespace lsp
} // namespace escape
