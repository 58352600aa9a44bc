// The C library through the real glibc headers and the shipped model file:
// functions known not to keep their arguments are not escapes, functions that
// return into their argument or keep it are.
// RUN: not %clang-escape --caret=false %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=remark:
// RUN: not %clang-escape --caret=false --report-maybe %s -- -std=c++20 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=remark:

#include <cstdio>
#include <cstdlib>
#include <cstring>

// --- Returned into the argument ------------------------------------------------------

char *strchrOfLocal() {
  char b[8] = "abc";
  return strchr(b, 'b'); // CHECK: libc.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller; 'b' dangles when 'strchrOfLocal' returns [escape-return]
}
char *strcpyIntoLocal() {
  char b[8];
  return strcpy(b, "x"); // CHECK: libc.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
}
void *memchrOfLocal() {
  char b[8] = "abc";
  return memchr(b, 'b', 3); // CHECK: libc.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller{{.*}}[escape-return]
}

// memcpy copies the content of the source into the destination.
void memcpyPointerOut(char **dst) {
  char b[8] = "abc";
  char *p = b;
  memcpy(dst, &p, sizeof p); // CHECK: libc.cpp:[[@LINE]]:3: warning: address of local 'b' escapes to the caller through parameter 'dst'; 'b' dangles when 'memcpyPointerOut' returns [escape-return]
}

// strtok keeps its argument for the next call.
char *g_token;
void strtokOfLocal() {
  char b[16] = "a b";
  g_token = strtok(b, " "); // CHECK: libc.cpp:[[@LINE]]:13: warning: address of local 'b' escapes to the heap (via 'strtok' keeps it){{.*}}[escape-heap]
}

// --- Not keeping their arguments: nothing, not even a maybe ------------------------

std::size_t strlenOfLocal() {
  char b[8] = "abc";
  return strlen(b);
}
void memcpyBytesOut(char *dst) {
  char b[8] = "abc";
  memcpy(dst, b, 4);
}
void printfOfAddress() {
  int x = 0;
  printf("%p %d\n", (void *)&x, x);
}
void snprintfOfLocal(char *out) {
  char b[8] = "x";
  snprintf(out, 8, "%s", b);
}
int compareInts(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
void qsortOfLocal() {
  int a[4] = {3, 1, 2, 0};
  qsort(a, 4, sizeof(int), compareInts);
}
int memsetOfLocal() {
  char b[8];
  memset(b, 0, 8);
  return b[0];
}
int strcmpOfLocals() {
  char a[4] = "a", b[4] = "b";
  return strcmp(a, b);
}
void sscanfIntoLocal(const char *s) {
  int x;
  sscanf(s, "%d", &x);
}
const char *strchrOfParameter(const char *s) { return strchr(s, 'b'); }

// --- malloc / free -----------------------------------------------------------------

int mallocFreed() {
  int *p = (int *)malloc(16); // CHECK: libc.cpp:[[@LINE]]:19: remark: stack candidate: malloc(...) (16 bytes) never escapes 'mallocFreed' and is released in it; it can live on the stack [escape-stack-candidate]
  p[0] = 1;
  int r = p[0];
  free(p);
  return r;
}
void *mallocReturned() { return malloc(16); }

// FIXME: missed stack candidate; calloc is an allocation (ALGORITHM.md B2),
// of constant size 16, freed here ('-m' says "calloc(...) does not escape").
int callocFreed() {
  int *p = (int *)calloc(4, sizeof(int));
  int r = p[0];
  free(p);
  return r;
}
