"""Prints a compile_commands.json for the .cpp files of a directory, in
name order or (with --reverse) the other way round."""
import json
import os
import sys

src = sys.argv[1]
files = sorted(f for f in os.listdir(src) if f.endswith(".cpp"))
if "--reverse" in sys.argv:
    files.reverse()
print(json.dumps([{"directory": src, "file": f,
                   "arguments": ["clang++", "-std=c++20", "-c", f]}
                  for f in files], indent=1))
