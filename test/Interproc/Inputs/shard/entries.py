"""Prints the per-file entries of cache directories, one name a line,
sorted: which files each shard extracted."""
import glob
import os
import sys

names = []
for d in sys.argv[1:]:
    names += [os.path.basename(p) for p in glob.glob(os.path.join(d, "*.esc"))]
print("\n".join(sorted(names)))
print("total %d, distinct %d" % (len(names), len(set(names))))
