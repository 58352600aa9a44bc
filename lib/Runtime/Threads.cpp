//===- Threads.cpp - Thread census for the single-mutator rule ------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//

#include "Threads.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace escape::runtime;

namespace {
// 0 = not yet known, 1 = main thread, 2 = another thread. A plain integer,
// so this thread-local is never mistaken for a heap pointer.
__thread int ThreadKind;
} // namespace

bool escape::runtime::onMainThread() {
  if (ThreadKind == 0)
    ThreadKind = syscall(SYS_gettid) == getpid() ? 1 : 2;
  return ThreadKind == 1;
}

int escape::runtime::countThreads() {
  int Fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (Fd < 0)
    return -1;
  char Buf[1024];
  ssize_t N = read(Fd, Buf, sizeof(Buf) - 1);
  close(Fd);
  if (N <= 0)
    return -1;
  Buf[N] = 0;
  // Field 2 (comm) may contain spaces; count fields after its ')'.
  char *P = Buf + N;
  while (P > Buf && *P != ')')
    --P;
  if (P == Buf)
    return -1;
  // After ")": field 3 is state; num_threads is field 20.
  int Field = 2;
  for (++P; *P; ++P) {
    if (*P != ' ')
      continue;
    ++Field;
    if (Field == 20) {
      int V = 0;
      for (++P; *P >= '0' && *P <= '9'; ++P)
        V = V * 10 + (*P - '0');
      return V;
    }
  }
  return -1;
}
