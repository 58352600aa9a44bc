#!/usr/bin/env python3
"""Of the claims of functions that ran, how many a validation report judged.

usage: judged.py REPORT.json

A claim is judged when it is CONFIRMED, UNSOUND or IMPRECISE; a function
ran when it had at least one activation. Prints the counts, the judged
share, the UNSOUND claims and why the others were not judged.
"""
import collections
import json
import sys

report = json.load(open(sys.argv[1]))
ran = judged = unsound = 0
why = collections.Counter()
for fn in report["functions"]:
    if not fn["counters"] or not fn["counters"].get("activations"):
        continue
    for claim in fn["claims"]:
        ran += 1
        if claim["verdict"] in ("CONFIRMED", "UNSOUND", "IMPRECISE"):
            judged += 1
        else:
            why[claim["verdict"] + ": " + claim["detail"][:70]] += 1
        if claim["verdict"] == "UNSOUND":
            unsound += 1
            print("  UNSOUND:", fn["name"], claim["detail"][:160])
share = 100.0 * judged / ran if ran else 0.0
print(f"claims of functions that ran: {ran}, judged: {judged} ({share:.1f}%), "
      f"unsound: {unsound}; summary: {report['summary']}")
for reason, n in why.most_common(6):
    print(f"  not judged: {n} x {reason}")
