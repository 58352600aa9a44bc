"""Validates SARIF files with the SARIF multitool, GitHub's rules included:
validate-sarif.py MULTITOOL FILE... prints one line per file, 'valid' or
each error and warning, and fails unless every file is valid."""
import json
import os
import subprocess
import sys

tool, files = sys.argv[1], sys.argv[2:]
if not os.access(tool, os.X_OK):
    sys.exit("validate-sarif: no multitool at %s; scripts/setup.sh installs it" % tool)
# No ICU needed on a minimal machine.
env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
bad = 0
for f in files:
    log = f + ".validation.sarif"
    run = subprocess.run([tool, "validate", f, "--rule-kind", "Gh;Sarif",
                          "-o", log, "--log", "ForceOverwrite"],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0 or not os.path.exists(log):
        print("%s: multitool failed (%d): %s" % (f, run.returncode, run.stdout + run.stderr))
        bad += 1
        continue
    results = [r for run_ in json.load(open(log))["runs"] for r in run_.get("results", [])]
    for r in results:
        print("%s: %s %s: %s" % (os.path.basename(f), r.get("level", "warning"),
                                 r.get("ruleId"), r["message"].get("text", r["message"].get("id"))))
    if not results:
        print("%s: valid" % os.path.basename(f))
    bad += bool(results)
sys.exit(1 if bad else 0)
