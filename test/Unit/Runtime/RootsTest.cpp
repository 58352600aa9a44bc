//===- RootsTest.cpp - Every kind of root keeps its object alive ----------===//
//
// Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions.
//
//===----------------------------------------------------------------------===//
//
// A collectable object is referenced only from one place (a global, a TLS
// variable, a stack slot, a callee-saved register, the inside of another
// object), collected, and must survive. The control test shows that the same
// object referenced from nowhere is freed, so survival is not an accident of
// stack residue (bdwgc's GC_is_visible idea).
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace escape::runtime::test;

void *volatile GlobalRoot;
thread_local void *volatile TlsRoot;

#if defined(__x86_64__)
// Calls Fn with the revealed pointer only in r12 (callee-saved), never in
// memory owned by this frame; returns r12 afterwards.
extern "C" void *escrtTestCallWithR12(uintptr_t Hidden, uintptr_t Mask,
                                      void (*Fn)());
asm(R"(
  .text
  .globl escrtTestCallWithR12
  .type escrtTestCallWithR12,@function
escrtTestCallWithR12:
  pushq %rbp
  movq %rsp, %rbp
  pushq %r12
  subq $8, %rsp
  movq %rdi, %r12
  xorq %rsi, %r12
  call *%rdx
  movq %r12, %rax
  addq $8, %rsp
  popq %r12
  popq %rbp
  ret
  .size escrtTestCallWithR12, .-escrtTestCallWithR12
)");
#endif

namespace {

int LastCollect = -1;
void collectFromCallee() { LastCollect = collectClean(); }

TEST(RootsTest, ControlUnreferencedObjectIsFreed) {
  uintptr_t H = allocateHidden(64);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

TEST(RootsTest, GlobalKeepsObjectAlive) {
  uintptr_t H = allocateHidden(64);
  storeHidden(GlobalRoot, H);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_LIVE);
  GlobalRoot = nullptr;
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

TEST(RootsTest, ThreadLocalOfMainThreadKeepsObjectAlive) {
  uintptr_t H = allocateHidden(64);
  storeHidden(TlsRoot, H);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_LIVE);
  TlsRoot = nullptr;
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

__attribute__((noinline)) int collectWithStackSlot(uintptr_t H) {
  void *volatile Slot = reveal(H);
  int R = collectClean();
  asm volatile("" : : "r"(&Slot) : "memory");
  return R;
}

TEST(RootsTest, StackSlotKeepsObjectAlive) {
  uintptr_t H = allocateHidden(64);
  ASSERT_EQ(collectWithStackSlot(H), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_LIVE);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_FREE);
}

#if defined(__x86_64__)
TEST(RootsTest, CalleeSavedRegisterKeepsObjectAlive) {
  uintptr_t H = allocateHidden(64);
  void *Back = escrtTestCallWithR12(H, Mask, collectFromCallee);
  ASSERT_EQ(LastCollect, ESCRT_COLLECTED);
  EXPECT_EQ(Back, reveal(H));
  EXPECT_EQ(hiddenState(H), ESCRT_LIVE);
}
#endif

TEST(RootsTest, InteriorPointerKeepsObjectAlive) {
  uintptr_t H = allocateHidden(256);
  storeHidden(GlobalRoot, H, 200);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(H), ESCRT_LIVE);
  GlobalRoot = nullptr;
}

TEST(RootsTest, HeapChainKeepsObjectAlive) {
  uintptr_t Outer = allocateHidden(32);
  uintptr_t Inner = allocateHidden(32);
  storeHidden(static_cast<void *volatile *>(reveal(Outer))[1], Inner);
  storeHidden(GlobalRoot, Outer);
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Inner), ESCRT_LIVE);
  GlobalRoot = nullptr;
  ASSERT_EQ(collectClean(), ESCRT_COLLECTED);
  EXPECT_EQ(hiddenState(Inner), ESCRT_FREE);
}

} // namespace
