"""Writes a program of three files of 1,200 functions each into a directory:
each function passes its pointer on to the previous one of its file, the
first of a file escapes it into a global in its own file (escape-global),
and run() in main.cpp passes its local to the last of each. The link state keeps it in chunks of
about 1,024 functions."""
import os
import sys

src = sys.argv[1]
N = 1200
for k in "abc":
    with open(os.path.join(src, k + ".cpp"), "w") as f:
        f.write("int *%s_keep;\n" % k)
        f.write("void %s0(int *p) { %s_keep = p; }\n" % (k, k))
        for i in range(1, N):
            f.write("void %s%d(int *p) { %s%d(p); }\n" % (k, i, k, i - 1))
with open(os.path.join(src, "main.cpp"), "w") as f:
    for k in "abc":
        f.write("void %s%d(int *p);\n" % (k, N - 1))
    f.write("int run() {\n  int x = 0;\n")
    for k in "abc":
        f.write("  %s%d(&x);\n" % (k, N - 1))
    f.write("  return x;\n}\n")
    f.write("int main() { return run(); }\n")
