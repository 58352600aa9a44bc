"""Compares the fingerprints of two JSON reports, finding by finding, in
order: compare.py OLD.json NEW.json prints 'same' or 'changed' and what the
finding is."""
import json
import sys

old = json.load(open(sys.argv[1]))["findings"]
new = json.load(open(sys.argv[2]))["findings"]
if len(old) != len(new):
    print("count %d -> %d" % (len(old), len(new)))
for a, b in zip(old, new):
    same = a["fingerprint"] == b["fingerprint"]
    print("%s %s %s %s" % ("same" if same else "changed", b["check"], b["function"], b["subject"]))
