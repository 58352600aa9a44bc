/*===- escrt.h - C API of the clang-escape validation runtime -----*- C -*-===*\
|*                                                                            *|
|* Part of clang-escape, under the Apache License v2.0 with LLVM Exceptions. *|
|*                                                                            *|
|*===----------------------------------------------------------------------===*|
|*                                                                            *|
|* A conservative mark-sweep heap for validation builds. Objects from         *|
|* escrt_malloc are collected when unreachable (like GC_MALLOC); objects from *|
|* escrt_malloc_manual (what the replaced operator new uses) are freed only   *|
|* by escrt_free, which quarantines them until no pointer to them remains,    *|
|* and are reported as leaks when found unreachable. See docs/Runtime.md.     *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef CLANG_ESCAPE_RUNTIME_ESCRT_H
#define CLANG_ESCAPE_RUNTIME_ESCRT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Results of escrt_collect. */
enum {
  ESCRT_COLLECTED = 0,       /**< The collection ran. */
  ESCRT_REFUSED_THREADS = 1, /**< Another thread could not be stopped. */
  ESCRT_BUSY = 2             /**< Called from inside the runtime. */
};

/** Object states reported by escrt_state. */
enum {
  ESCRT_FREE = 0,
  ESCRT_LIVE = 1,
  ESCRT_QUARANTINED = 2,
  ESCRT_LEAKED = 3
};

/** Heap statistics (bytes are slot sizes). */
struct escrt_stats {
  uint64_t allocations;
  uint64_t allocated_bytes;
  uint64_t live_bytes;
  uint64_t quarantined_bytes;
  uint64_t heap_bytes;
  uint64_t peak_heap_bytes;
  uint64_t collections;
};

/** A zeroed object, freed by a collection once unreachable. */
void *escrt_malloc(size_t size);
/** A zeroed object with new/delete semantics. */
void *escrt_malloc_manual(size_t size);
/** Quarantines an object; it is reused only after a collection finds no
    pointer to it. */
void escrt_free(void *ptr);
/** Runs a full collection; returns ESCRT_COLLECTED or why it did not. */
int escrt_collect(void);
/** ESCRT_FREE/LIVE/QUARANTINED/LEAKED for the object containing ptr. */
int escrt_state(const void *ptr);
/** Fills *stats. */
void escrt_get_stats(struct escrt_stats *stats);
/** Bytes allocated between automatic collections; 0 turns them off. */
void escrt_set_collect_threshold(size_t bytes);
/** Writes the leak report to fd; returns the number of leaked objects. */
size_t escrt_report_leaks(int fd);

#ifdef __cplusplus
}
#endif

#endif /* CLANG_ESCAPE_RUNTIME_ESCRT_H */
