"""Scripts a git history for the gate tests: history.py DIR.

main: app.cpp has two escapes and calls keep(), which lib.cpp defines
without keeping anything; util.cpp has one escape. The branch 'feature'
moves lines in app.cpp, reformats util.cpp, leaves same.cpp alone, fixes one escape of app.cpp,
and makes keep() keep its argument, so that the unchanged caller in app.cpp
gets a new finding."""
import json
import os
import subprocess
import sys

root = os.path.abspath(sys.argv[1])
os.makedirs(os.path.join(root, "src"))


def write(name, text):
    with open(os.path.join(root, name), "w") as f:
        f.write(text)


def git(*args):
    subprocess.run(["git", "-C", root] + list(args), check=True,
                   stdout=subprocess.DEVNULL)


APP = """void keep(int *p);
int *escapeOnce() {
  int x = 0;
  return &x;
}
int *fixedLater() {
  int f = 0;
  return &f;
}
void caller() {
  int y = 0;
  keep(&y);
}
"""
UTIL = """int *g;
void store() {
  int z = 0;
  g = &z;
}
int unrelated(int a) { return a + 1; }
"""

git("init", "-q", "-b", "main")
git("config", "user.email", "ci@example.com")
git("config", "user.name", "CI")
write("src/app.cpp", APP)
write("src/lib.cpp", "void keep(int *p) {}\n")
write("src/util.cpp", UTIL)
write("src/same.cpp", "int same(int a) { return a; }\n")
write(".gitignore", "build/\n")
write("CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(demo CXX)\n"
      "add_library(demo src/app.cpp src/lib.cpp src/util.cpp src/same.cpp)\n")
git("add", "-A")
git("commit", "-q", "-m", "main")

git("checkout", "-q", "-b", "feature")
write("src/app.cpp", "// Moved down by this comment.\n\n" +
      APP.replace("  return &f;", "  return nullptr;"))
write("src/util.cpp", UTIL.replace("int unrelated(int a) { return a + 1; }",
                                   "int unrelated(int a) {\n  return a + 1;\n}"))
write("src/lib.cpp", "static int *saved;\nvoid keep(int *p) { saved = p; }\n")
git("commit", "-q", "-a", "-m", "feature")

# A compilation database in an ignored build folder, as CMake writes one.
os.makedirs(os.path.join(root, "build"))
json.dump([{"directory": os.path.join(root, "build"),
            "file": os.path.join(root, "src", f),
            "arguments": ["clang++", "-std=c++17", "-c", os.path.join(root, "src", f)]}
           for f in ("app.cpp", "lib.cpp", "util.cpp", "same.cpp")],
          open(os.path.join(root, "build", "compile_commands.json"), "w"))
