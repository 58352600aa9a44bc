#!/usr/bin/env python3
"""Flips one bit of the byte OFFSET (from the end when negative) of each file.

usage: flip-byte.py OFFSET FILE...
"""
import sys

offset = int(sys.argv[1])
for path in sys.argv[2:]:
    data = bytearray(open(path, "rb").read())
    data[offset] ^= 1
    open(path, "wb").write(data)
