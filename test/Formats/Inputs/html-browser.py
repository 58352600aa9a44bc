#!/usr/bin/env python3
"""Load an HTML report in headless Chromium as a reader would.

usage: html-browser.py REPORT_DIR FINDINGS_JSON SHOTS_DIR

Checks, printing one line per fact for FileCheck:
- every page loads without a console message or script error;
- index.html holds every finding of the JSON output (check, place, message);
- each file page holds its findings, and the script marked the selected
  one: its flow steps numbered on their lines, its path on the graph;
- a screenshot of the finding with the longest flow and one of its graph
  are written to SHOTS_DIR (flow.png, graph.png).
"""
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

report, findings_json, shots = sys.argv[1:4]
chromium = os.environ.get("CHROMIUM", "chromium")
profile = tempfile.mkdtemp(prefix="html-browser-")
failures = []


def browse(page, *extra):
    """The DOM after the page's script ran, and the console's messages."""
    url = "file://" + os.path.abspath(os.path.join(report, page))
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
           "--no-first-run", "--user-data-dir=" + profile,
           "--enable-logging=stderr", "--v=0",
           "--virtual-time-budget=5000", *extra, url]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [l for l in run.stderr.splitlines() if "CONSOLE" in l]
    if run.returncode != 0:
        failures.append("%s: chromium exited with %d" % (page, run.returncode))
    for line in console:
        failures.append("%s: console: %s" % (page, line))
    if "--dump-dom" in extra:
        errors = re.search(r'<pre id="script-errors"( hidden="")?>(.*?)</pre>',
                           run.stdout, re.S)
        if not errors or errors.group(1) is None or errors.group(2):
            failures.append("%s: script errors: %s" %
                            (page, errors.group(2) if errors else "no collector"))
    return run.stdout, len(console)


class Rows(html.parser.HTMLParser):
    """The rows of the table with id TABLE, each a list of cell texts."""

    def __init__(self, table):
        super().__init__()
        self.table, self.inside, self.rows, self.cell = table, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag == "td":
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag == "td" and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


findings = json.load(open(findings_json))["findings"]
print("findings in the JSON output: %d" % len(findings))
console_messages = 0

# The index: one row per finding, as the JSON has them.
dom, n = browse("index.html", "--dump-dom")
console_messages += n
parser = Rows("all-findings")
parser.feed(dom)
rows = [r for r in parser.rows if r]
ready = re.search(r'data-ready-ms="(\d+)"', dom)
print("index rows: %d, script ran: %s" % (len(rows), "yes" if ready else "no"))
in_dom = sorted((r[1], r[3], r[8]) for r in rows)
in_json = sorted((f["check"], "%s:%d:%d" % (f["file"], f["line"], f["column"]),
                  f["message"]) for f in findings)
if in_dom != in_json:
    failures.append("index differs from the JSON output:\n  %s\n  %s" %
                    (set(in_json) - set(in_dom), set(in_dom) - set(in_json)))

# Each file page, with its first finding selected.
links = sorted(set(re.findall(r'<a href="(src/[^"#]+)#(f\d+)"', dom)))
pages = {}
for page, anchor in links:
    pages.setdefault(page, []).append(anchor)
longest = None
for page, anchors in sorted(pages.items()):
    first = min(anchors, key=lambda a: int(a[1:]))
    dom, n = browse(page + "#" + first, "--dump-dom")
    console_messages += n
    for a in anchors:
        if not re.search(r'<li class="finding [a-z]+( selected)?" id="%s"' % a, dom):
            failures.append("%s: finding %s missing" % (page, a))
    item = re.search(r'<li class="finding [a-z]+ selected" id="%s".*?</li>\s*(?=<li class="finding|</ol>\s*<h2|</ol>\s*</aside)'
                     % first, dom, re.S)
    if not item:
        failures.append("%s: %s not selected by the script" % (page, first))
        continue
    flow = re.search(r'<ol class="steps">(.*?)</ol>', item.group(0), re.S)
    steps = len(re.findall(r"<li[^>]*data-line=", flow.group(1))) if flow else 0
    badges = len(re.findall(r'<span class="badge"', dom))
    if badges != steps:
        failures.append("%s: %d steps on this file, %d numbered on the code" %
                        (page, steps, badges))
    path = re.search(r'data-path="([0-9 ]*)"', item.group(0)).group(1).split()
    graph = re.search(r'data-graph="(-?\d+)"', item.group(0)).group(1)
    lit_edges = len(re.findall(r'<g class="edge[^"]* selected"', dom))
    if path and graph != "-1" and 'id="g%s"' % graph in dom and lit_edges != len(path):
        failures.append("%s: path of %d edges, %d highlighted" %
                        (page, len(path), lit_edges))
    for a in anchors:
        m = re.search(r'id="%s".*?<ol class="steps">(.*?)</ol>' % a, dom, re.S)
        count = len(re.findall(r"<li", m.group(1))) if m else 0
        if longest is None or count > longest[0]:
            g = re.search(r'id="%s"[^>]*data-graph="(-?\d+)"' % a, dom).group(1)
            longest = (count, page, a, g)
print("file pages checked: %d" % len(pages))
print("console messages: %d" % console_messages)

# Screenshots: the longest flow, and its function's graph alone.
os.makedirs(shots, exist_ok=True)
if longest:
    count, page, anchor, graph = longest
    for name, target in (("flow.png", anchor), ("graph.png", "g" + graph)):
        out = os.path.join(os.path.abspath(shots), name)
        if os.path.exists(out):
            os.remove(out)
        browse(page + "#" + target, "--window-size=1400,820",
               "--hide-scrollbars", "--screenshot=" + out)
        ok = os.path.exists(out) and open(out, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
        print("screenshot %s: %s" % (name, "ok" if ok else "missing"))
        if not ok:
            failures.append("no screenshot " + name)

for f in failures:
    print("FAIL: " + f)
print("failures: %d" % len(failures))
sys.exit(1 if failures else 0)
