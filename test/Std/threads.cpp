// Real libstdc++ and glibc headers.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not=warning:

#include <future>
#include <pthread.h>
#include <thread>

void work(int *p) { *p = 1; }
void *routine(void *p) {
  *static_cast<int *>(p) = 1;
  return nullptr;
}

// --- Detached threads outlive the frame -------------------------------------------

void detachedWithPointerArgument() {
  int x = 0;
  std::thread t(work, &x);
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it; 'x' dangles when 'detachedWithPointerArgument' returns [escape-thread]
}

void detachedWithStdRef() {
  int x = 0;
  std::thread t([](int &r) { r = 1; }, std::ref(x));
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}

void pthreadCreate() {
  int x = 0;
  pthread_t t;
  pthread_create(&t, nullptr, routine, &x); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it; 'x' dangles when 'pthreadCreate' returns [escape-thread]
}

// --- Joined in scope: safe ----------------------------------------------------------

void joinedLambda() {
  int x = 0;
  std::thread t([&x] { x = 1; });
  t.join();
}
void joinedWithPointerArgument() {
  int x = 0;
  std::thread t(work, &x);
  t.join();
}
void joinedWithStdRef() {
  int x = 0;
  std::thread t([](int &r) { r = 1; }, std::ref(x));
  t.join();
}
void jthreadJoinsInDestructor() {
  int x = 0;
  std::jthread t([&x] { x = 1; });
}
void detachedByValue() {
  int x = 0;
  std::thread t([x] { (void)x; });
  t.detach();
}
// The future returned by std::async(launch::async) waits in its destructor.
void asyncFutureDestroyedInScope() {
  int x = 0;
  auto f = std::async(std::launch::async, [&x] { x = 1; });
}
int asyncWaited() {
  int x = 0;
  auto f = std::async(std::launch::async, [&x] { x = 1; });
  f.get();
  return x;
}

// --- Lambdas on detached threads ----------------------------------------------------

// A lambda capturing 'x' by reference runs on a detached thread (and the
// returned thread is joined by the caller after 'x' died).
void detachedLambdaByRef() {
  int x = 0;
  std::thread t([&x] { x = 1; });
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}
void detachedLambdaDefaultRef() {
  int x = 0;
  std::thread t([&] { x = 1; });
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}
void detachedNamedLambda() {
  int x = 0;
  auto f = [&x] { x = 1; };
  std::thread t(f);
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}
void detachedLambdaCopyingPointer() {
  int x = 0;
  int *p = &x;
  std::thread t([p] { *p = 1; });
  t.detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}
void detachedTemporaryThread() {
  int x = 0;
  std::thread([&x] { x = 1; }).detach(); // CHECK: threads.cpp:[[@LINE]]:3: warning: address of local 'x' is handed to a thread that may outlive it{{.*}}[escape-thread]
}
std::thread returnedThread() {
  int x = 0;
  return std::thread([&x] { x = 1; }); // CHECK: threads.cpp:[[@LINE]]:3: warning: lambda expression captures local 'x' by reference and outlives it (sink ~r0){{.*}}[escape-lambda-capture]
}

// The thread is joined before 'x' dies (ALGORITHM.md B9 pitfall 8).
void pthreadJoined() {
  int x = 0;
  pthread_t t;
  pthread_create(&t, nullptr, routine, &x);
  pthread_join(t, nullptr);
}
