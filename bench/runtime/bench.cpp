//===- bench.cpp - Overhead of the validation runtime ---------------------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// bench MODE N [LIVE]
//   calls:   N calls of a tiny function (hook cost per call).
//   skip:    N calls of a function whose allocation is freed before return
//            (a claimed function's check is skipped: no live candidate).
//   check:   N calls of a function whose allocation escapes into a global,
//            with LIVE extra objects reachable (full check per call).
// Prints nanoseconds per call.
//
//===----------------------------------------------------------------------===//

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

struct Node {
  Node *Next;
  long Value;
};

Node *GSink;
Node *GLive;

__attribute__((noinline)) long tiny(long X) { return X + 1; }

__attribute__((noinline)) long freed(long X) {
  Node *N = new Node{nullptr, X};
  long V = N->Value;
  delete N;
  return V;
}

__attribute__((noinline)) void escaping(long X) {
  delete GSink;
  GSink = new Node{nullptr, X};
}

int main(int Argc, char **Argv) {
  if (Argc < 3)
    return 2;
  const char *Mode = Argv[1];
  long N = atol(Argv[2]);
  long Live = Argc > 3 ? atol(Argv[3]) : 0;
  for (long I = 0; I < Live; ++I)
    GLive = new Node{GLive, I};
  auto T0 = std::chrono::steady_clock::now();
  long Sum = 0;
  if (!strcmp(Mode, "calls"))
    for (long I = 0; I < N; ++I)
      Sum += tiny(I);
  else if (!strcmp(Mode, "skip"))
    for (long I = 0; I < N; ++I)
      Sum += freed(I);
  else
    for (long I = 0; I < N; ++I)
      escaping(I);
  auto T1 = std::chrono::steady_clock::now();
  double Ns = std::chrono::duration<double, std::nano>(T1 - T0).count() / N;
  printf("%s n=%ld live=%ld: %.1f ns/call (sum %ld)\n", Mode, N, Live, Ns, Sum);
  return 0;
}
