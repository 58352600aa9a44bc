#!/usr/bin/env python3
"""Run a command and succeed only if it exits with the expected status.

usage: expect-exit.py STATUS COMMAND [ARGS...]
The command's stdout and stderr pass through unchanged.
"""
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != expected:
    sys.stderr.write("expect-exit: expected exit status %d, got %d\n" % (expected, status))
    sys.exit(1)
