"""Edits a copy of escapes.cpp the way a change would: edit.py FILE OP..."""
import sys

EDITS = {
    # Lines inserted above every finding.
    "insert-above": ("// The baseline", "// A new header comment.\n#define UNUSED 1\n\n// The baseline"),
    # Other lines edited, reformatted and renamed.
    "elsewhere": ("int unrelated(int a) { return a + 1; }", "int renamed(int a) {\n  return a +\n         2;\n}"),
    "declaration": ("  int x = 0;", "  int x =   42;"),
    # The escaping statement itself reformatted.
    "reformat": ("  return &x;", "  return\n      & x ;"),
    # What the finding is made of.
    "statement": ("  return &x;", "  return (&x);"),
    "subject": ("  int x = 0;\n  return &x;", "  int y = 0;\n  return &y;"),
    "sink": ("    int z = 0;\n    g1 = &z;", "    int z = 0;\n    g2 = &z;"),
    # A third identical escape, and one escape gone.
    "grow": ("  } else {\n    int z = 1;", "  } else if (!c) {\n    int z = 2;\n    g1 = &z;\n  } else {\n    int z = 1;"),
    "fix": ("  return &x;", "  return nullptr;"),
}

path = sys.argv[1]
text = open(path).read()
for op in sys.argv[2:]:
    old, new = EDITS[op]
    if old not in text:
        sys.exit("edit.py: %s does not apply to %s" % (op, path))
    text = text.replace(old, new, 1)
open(path, "w").write(text)
