"""Rewrites the header of every per-file entry of a cache directory as
format 13 wrote it: magic CESC, version 13."""
import glob
import os
import sys

for path in glob.glob(os.path.join(sys.argv[1], "*.esc")):
    data = open(path, "rb").read()
    open(path, "wb").write(b"CESC\x0d" + data[5:])
