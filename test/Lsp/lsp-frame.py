#!/usr/bin/env python3
"""Frames and unframes LSP messages for the transcript tests.

  lsp-frame.py --root DIR < transcript   messages separated by '---' lines
                                          (lines starting with '#' dropped),
                                          '@ROOT@' replaced by DIR's file: URI,
                                          written with Content-Length headers
                                          and "@TEXT:NAME@" by the JSON string of
                                          DIR/NAME's text
  lsp-frame.py --split < output          one message per line (keys sorted)
  lsp-frame.py --raw TEXT                 TEXT as it is (a malformed message)
"""
import json
import pathlib
import re
import sys


def frame(root):
    text = sys.stdin.read()
    uri = pathlib.Path(root).resolve().as_uri() if root else ""
    out = sys.stdout.buffer
    chunk = []
    for line in text.splitlines() + ["---"]:
        if line.startswith("#"):
            continue
        if line.strip() == "---":
            body = "\n".join(chunk).strip()
            chunk = []
            if not body:
                continue
            if body.startswith("RAW "):
                # Sent as written: headers and all.
                out.write(body[4:].encode().decode("unicode_escape").encode("latin-1"))
                continue
            data = re.sub(r'"@TEXT:([^@]+)@"', lambda m: json.dumps(
                (pathlib.Path(root) / m.group(1)).read_text()), body)
            data = data.replace("@ROOT@", uri).encode()
            out.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
            continue
        chunk.append(line)


def split():
    data = sys.stdin.buffer.read()
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            print("TRAILING:", data.decode(errors="replace"))
            return
        length = None
        for h in head.split(b"\r\n"):
            if h.lower().startswith(b"content-length:"):
                length = int(h.split(b":")[1])
        body, data = rest[:length], rest[length:]
        print(json.dumps(json.loads(body), sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--split"]:
        split()
    else:
        frame(sys.argv[2] if sys.argv[1:2] == ["--root"] else "")
