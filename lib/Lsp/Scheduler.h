//===- Scheduler.h - Debounced analyses on one worker thread ----*- C++ -*-===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// An edit (re)arms a timer per file; when a file's timer runs out, the
// worker runs the job for it. Typing keeps pushing the timer back, so only
// the buffer the user paused at is analyzed. One worker: an analysis costs
// a parse, and the machine's other cores are the editor's and clangd's.
//
//===----------------------------------------------------------------------===//
#ifndef CLANG_ESCAPE_LIB_LSP_SCHEDULER_H
#define CLANG_ESCAPE_LIB_LSP_SCHEDULER_H

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace escape {
namespace lsp {

class Scheduler {
public:
  using Job = std::function<void(const std::string &Path)>;
  explicit Scheduler(Job Run);
  /// Stops, as stop() does.
  ~Scheduler();

  /// Runs the job for \p Path once it has not been scheduled again for
  /// \p Delay.
  void schedule(const std::string &Path, std::chrono::milliseconds Delay);
  /// Forgets a pending run of \p Path (a running one finishes).
  void cancel(const std::string &Path);
  /// Drops the pending runs, waits for the running one, ends the worker.
  void stop();

private:
  void loop();

  Job Run;
  std::mutex Lock;
  std::condition_variable Changed;
  std::map<std::string, std::chrono::steady_clock::time_point> Due;
  bool Stopping = false;
  std::thread Worker;
};

} // namespace lsp
} // namespace escape

#endif
