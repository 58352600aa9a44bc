"""Rewrites one line of a file: argv[2] replaced by argv[3] (a body edit
that keeps every call)."""
import sys

text = open(sys.argv[1]).read()
assert sys.argv[2] in text
open(sys.argv[1], "w").write(text.replace(sys.argv[2], sys.argv[3], 1))
