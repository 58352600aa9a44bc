"""Prints the names of the link state's pieces (cache/link/*.lr), sorted;
with --changed OLD, how many of them are not in the list OLD."""
import os
import sys

names = sorted(os.listdir(os.path.join(sys.argv[1], "link")))
if len(sys.argv) > 3 and sys.argv[2] == "--changed":
    old = set(open(sys.argv[3]).read().split())
    print("pieces: %d, new: %d" % (len(names), len([n for n in names if n not in old])))
else:
    print("\n".join(names))
