"""Changes a file behind the cache's back.
  stamp.py time FILE SECONDS       its modification time set to SECONDS from now
  stamp.py inplace FILE OLD NEW    OLD replaced by NEW (of its size) in the
                                   same file, its modification time kept
  stamp.py rename FILE OLD NEW     the same through a new file renamed over it
                                   (another inode), its time kept"""
import os
import sys
import time

how, path = sys.argv[1], sys.argv[2]
if how == "time":
    t = time.time() + float(sys.argv[3])
    os.utime(path, (t, t))
    sys.exit(0)
old, new = sys.argv[3], sys.argv[4]
assert len(old) == len(new)
st = os.stat(path)
text = open(path).read()
assert old in text
text = text.replace(old, new, 1)
if how == "inplace":
    with open(path, "r+") as f:
        f.write(text)
else:
    with open(path + ".new", "w") as f:
        f.write(text)
    os.rename(path + ".new", path)
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
