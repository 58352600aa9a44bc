#!/usr/bin/env python3
"""Writes a function whose body is one expression N terms long, to stdout.

usage: gen-chain.py KIND N
KIND: conditional, assignment, comma, pointer-arithmetic, member, variadic,
string-concatenation, plus. Each returns the address of a
local through the whole chain, so that the finding shows the chain was
followed (or the function was analyzed conservatively).
"""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
if kind == "conditional":
    body = "int x = 0;\n  return " + "c ? &x : " * n + "&x;"
    print("int *chain(bool c) {\n  %s\n}" % body)
elif kind == "assignment":
    print("int *chain() {\n  int x = 0;\n  int *p;\n  return " + "p = " * n +
          "&x;\n}")
elif kind == "comma":
    print("int *chain(int a) {\n  int x = 0;\n  return (" + "a, " * n +
          "&x);\n}")
elif kind == "pointer-arithmetic":
    print("int *chain() {\n  int x[2] = {};\n  return x" + " + 0" * n + ";\n}")
elif kind == "member":
    print("struct Node { Node *next; };\nNode *chain(Node *p) {\n  return p" +
          "->next" * n + ";\n}\nNode *g_keep;\nvoid keep(Node *p) { p" +
          "->next" * n + " = g_keep; g_keep = p->next; }")
elif kind == "variadic":
    print("template <class... T> void sink(T...) {}\nvoid chain(int *p) {\n"
          "  sink(" + ", ".join(["p"] * n) + ");\n}")
elif kind == "string-concatenation":
    print("#include <string>\nstd::string chain(const std::string &a) {\n"
          "  return a" + " + a" * n + ";\n}")
elif kind == "plus":
    print("int chain(int a) {\n  return a" + " + a" * n + ";\n}")
else:
    sys.exit("gen-chain.py: unknown kind " + kind)
