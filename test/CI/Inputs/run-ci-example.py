"""Runs the script steps of a CI example of docs/ci as the CI system would:
run-ci-example.py github|gitlab EXAMPLE.yml REPO CLANG_ESCAPE_HOME LOG

github: each `run:` step of the job in `bash -eo pipefail`, in REPO, with the
job's env, GITHUB_BASE_REF=main and GITHUB_PATH honoured; a step after a
failed one runs only under `if: always()`; `uses:` steps are listed, not run.
gitlab: before_script and script of the job, line by line in one shell,
stopping at the first line that fails.

CLANG_ESCAPE_HOME replaces the example's installation directory. Prints
one line per step and the job's outcome; the steps' output goes to LOG."""
import os
import subprocess
import sys
import tempfile

import yaml

kind, example, repo, home, log_path = sys.argv[1:6]
doc = yaml.safe_load(open(example))
log = open(log_path, "w")


def environment(extra):
    env = dict(os.environ)
    env.update({k: str(v) for k, v in (extra or {}).items()})
    env["CLANG_ESCAPE_HOME"] = home
    return env


def github():
    (name, job), = doc["jobs"].items()
    env = environment(job.get("env"))
    path_file = tempfile.NamedTemporaryFile("w", delete=False).name
    env.update(GITHUB_BASE_REF="main", GITHUB_WORKSPACE=repo, GITHUB_PATH=path_file)
    failed = False
    for step in job["steps"]:
        if "uses" in step:
            print("uses (not run): %s" % step["uses"])
            continue
        title = step.get("name", step["run"])
        if failed and step.get("if") != "always()":
            print("skipped: %s" % title)
            continue
        added = [l.strip() for l in open(path_file) if l.strip()]
        step_env = dict(env)
        step_env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
        log.write("## %s\n" % title)
        log.flush()
        rc = subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                             cwd=repo, env=step_env, stdout=log, stderr=log)
        print("step %s: exit %d" % (title, rc))
        failed |= rc != 0
    print("job: %s" % ("failure" if failed else "success"))


def gitlab():
    (name, job), = [(k, v) for k, v in doc.items() if isinstance(v, dict) and "script" in v]
    lines = job.get("before_script", []) + job["script"]
    status = tempfile.NamedTemporaryFile("w", delete=False).name
    script = []
    for i, line in enumerate(lines):
        script.append(line)
        script.append('rc=$?; echo "line %d: exit $rc" >> "%s"; [ $rc -eq 0 ] || exit $rc'
                      % (i + 1, status))
    proc = subprocess.Popen(["bash", "--noprofile", "--norc", "-c", "\n".join(script)],
                            cwd=repo, env=environment(job.get("variables")),
                            stdout=log, stderr=log)
    rc = proc.wait()
    print(open(status).read(), end="")
    print("job: %s" % ("failure" if rc else "success"))
    for report in job.get("artifacts", {}).get("reports", {}).values():
        print("report %s: %s" % (report, "present" if os.path.exists(os.path.join(repo, report)) else "missing"))


github() if kind == "github" else gitlab()
