// RUN: not %clang-escape --caret=false %s -- -std=c++17 | FileCheck %s --implicit-check-not=warning:

// escape-scope: a holder of an outer block is "used after" the inner scope
// only where a path from the end of that scope reaches the use, not
// wherever the use is later in the source.

struct Holder {
  int *p = nullptr;
  void use() const;
};

// Negative: the then-branch returns; the only later use is in the else.
int thenReturns(bool c) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x;
    return *local.p;
  } else {
    local.use();
  }
  return 1;
}

// Negative: the else-branch never runs after the then-branch.
int exclusiveBranches(bool c) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x;
  } else {
    local.use();
  }
  return 1;
}

// Positive: the same, with a use after the if as well.
int exclusiveBranchesThenUse(bool c) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'local', which is used after the scope of 'x' ends [escape-scope]
  } else {
    local.use();
  }
  local.use();
  return 1;
}

// Positive: the then-branch does not always return; a use after the if.
int returnsSometimes(bool c, bool d) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'local'{{.*}}[escape-scope]
    if (d)
      return *local.p;
  }
  local.use();
  return 1;
}

// Positive: a loop around the if comes back to the else with the address
// still in the holder, declared outside the loop.
int loopReachesElse(int n) {
  Holder local;
  for (int i = 0; i < n; ++i) {
    if (i == 0) {
      int x = 1;
      local.p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:7: warning: address of local 'x' is kept in 'local'{{.*}}[escape-scope]
    } else {
      local.use();
    }
  }
  return 1;
}

// Negative: the holder is declared inside the loop, fresh in each
// iteration.
int loopFreshHolder(int n) {
  for (int i = 0; i < n; ++i) {
    Holder local;
    if (i == 0) {
      int x = 1;
      local.p = &x;
    } else {
      local.use();
    }
  }
  return 1;
}

// Positive: a break leaves the block before its return.
int breakBeforeReturn(int n) {
  Holder local;
  for (int i = 0; i < n; ++i) {
    int x = i;
    local.p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'local'{{.*}}[escape-scope]
    if (i == 3)
      break;
    return 0;
  }
  local.use();
  return 1;
}

// Negative: the else-if chain: a later sibling branch.
int elseIfChain(int k) {
  Holder local;
  if (k == 0) {
    int x = 1;
    local.p = &x;
  } else if (k == 1) {
    local.use();
  } else {
    local.use();
  }
  return 1;
}

// Negative: the holder is reset before the block ends; only then used.
int resetInBlock(bool c) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x;
    local.p = nullptr;
  }
  local.use();
  return 1;
}

// Positive: the reset is conditional.
int resetSometimes(bool c, bool d) {
  Holder local;
  if (c) {
    int x = 1;
    local.p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'local'{{.*}}[escape-scope]
    if (d)
      local.p = nullptr;
  }
  local.use();
  return 1;
}

// Positive: a copy taken before the reset keeps the address.
int copiedBeforeReset(bool c) {
  Holder local, other;
  if (c) {
    int x = 1;
    local.p = &x;
    other = local; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'other'{{.*}}[escape-scope]
    local.p = nullptr;
  }
  other.use();
  return 1;
}

// Positive: a break between the store and the reset leaves the block with
// the address stored.
int breakBeforeReset(int n) {
  int *p = nullptr;
  for (int i = 0; i < n; ++i) {
    int x = i;
    p = &x; // CHECK: scope-reached-after.cpp:[[@LINE]]:5: warning: address of local 'x' is kept in 'p'{{.*}}[escape-scope]
    if (i == 3)
      break;
    p = nullptr;
  }
  return p ? *p : 0;
}
