"""Runs a sharded CI example of docs/ci as the CI system would, jobs one
after another in the same checkout (as runners with the same builds path):
run-sharded-example.py github|gitlab EXAMPLE.yml REPO CLANG_ESCAPE_HOME LOG

github: the 'extract' job once per value of its matrix, with
${{ matrix.shard }} and ${{ strategy.job-total }} replaced, then the 'link'
job; `run:` steps in `bash -eo pipefail` with the workflow's env and
GITHUB_PATH honoured; actions/upload-artifact moves its path into an
artifact store, actions/download-artifact with pattern and merge-multiple
copies every matching artifact into its path; other `uses:` steps are
listed, not run.
gitlab: the job with `parallel: N` N times with CI_NODE_INDEX and
CI_NODE_TOTAL, its artifacts' paths moved into the store; then the job that
needs it, with every instance's artifacts copied back (GitLab's merge).

CLANG_ESCAPE_HOME replaces the example's installation directory. Prints
one line per step and each job's outcome; the steps' output goes to LOG."""
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

kind, example, repo, home, log_path = sys.argv[1:6]
doc = yaml.safe_load(open(example))
log = open(log_path, "w")
store = tempfile.mkdtemp(prefix="artifacts-")


def environment(*extras):
    env = dict(os.environ)
    for extra in extras:
        env.update({k: str(v) for k, v in (extra or {}).items()})
    env["CLANG_ESCAPE_HOME"] = home
    return env


def copy_into(src, dst):
    os.makedirs(dst, exist_ok=True)
    subprocess.run(["cp", "-r", src + "/.", dst + "/"], check=True)


def shell(script, env, title):
    log.write("## %s\n" % title)
    log.flush()
    return subprocess.call(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                           cwd=repo, env=env, stdout=log, stderr=log)


def github_job(name, job, subst):
    env = environment(doc.get("env"), job.get("env"))
    path_file = tempfile.NamedTemporaryFile("w", delete=False).name
    env.update(GITHUB_WORKSPACE=repo, GITHUB_PATH=path_file)
    failed = False
    for step in job["steps"]:
        uses = step.get("uses", "")
        with_ = {k: str(v) for k, v in step.get("with", {}).items()}
        for k, v in subst.items():
            with_ = {a: b.replace(k, v) for a, b in with_.items()}
        if uses.startswith("actions/upload-artifact"):
            shutil.move(os.path.join(repo, with_["path"]), os.path.join(store, with_["name"]))
            print("%s: uploaded %s" % (name, with_["name"]))
            continue
        if uses.startswith("actions/download-artifact"):
            for a in sorted(os.listdir(store)):
                if fnmatch.fnmatch(a, with_["pattern"]):
                    copy_into(os.path.join(store, a), os.path.join(repo, with_["path"]))
            print("%s: downloaded %s" % (name, with_["pattern"]))
            continue
        if uses:
            print("%s: uses (not run): %s" % (name, uses))
            continue
        script, title = step["run"], step.get("name", step["run"])
        for k, v in subst.items():
            script, title = script.replace(k, v), title.replace(k, v)
        if failed:
            print("%s: skipped: %s" % (name, title))
            continue
        added = [l.strip() for l in open(path_file) if l.strip()]
        step_env = dict(env)
        step_env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
        rc = shell(script, step_env, title)
        print("%s: step %s: exit %d" % (name, title, rc))
        failed |= rc != 0
    print("%s: %s" % (name, "failure" if failed else "success"))


def github():
    jobs = doc["jobs"]
    shards = jobs["extract"]["strategy"]["matrix"]["shard"]
    for k in shards:
        github_job("extract %s" % k, jobs["extract"],
                   {"${{ matrix.shard }}": str(k), "${{ strategy.job-total }}": str(len(shards))})
        shutil.rmtree(os.path.join(repo, "build"), ignore_errors=True)
    github_job("link", jobs["link"], {})


def gitlab_job(name, job, env):
    """before_script and script in one shell, stopping at the first line
    that fails."""
    lines = doc.get(job.get("extends", ""), {}).get("before_script", []) + job["script"]
    status = tempfile.NamedTemporaryFile("w", delete=False).name
    script = []
    for i, line in enumerate(lines):
        script.append(line)
        script.append('rc=$?; echo "%s: line %d: exit $rc" >> "%s"; [ $rc -eq 0 ] || exit $rc'
                      % (name, i + 1, status))
    log.write("## %s\n" % name)
    log.flush()
    rc = subprocess.call(["bash", "--noprofile", "--norc", "-c", "\n".join(script)],
                         cwd=repo, env=env, stdout=log, stderr=log)
    print(open(status).read(), end="")
    print("%s: %s" % (name, "failure" if rc else "success"))


def gitlab():
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and "script" in v}
    (extract_name, extract), = [(k, v) for k, v in jobs.items() if "parallel" in v]
    (link_name, link), = [(k, v) for k, v in jobs.items() if extract_name in v.get("needs", [])]
    n = extract["parallel"]
    for i in range(1, n + 1):
        env = environment(doc.get("variables"), extract.get("variables"),
                          {"CI_NODE_INDEX": i, "CI_NODE_TOTAL": n})
        gitlab_job("%s %d/%d" % (extract_name, i, n), extract, env)
        for p in extract["artifacts"]["paths"]:
            p = p.rstrip("/")
            src = os.path.join(repo, p)
            if os.path.exists(src):
                shutil.move(src, os.path.join(store, "%d-%s" % (i, p)))
        shutil.rmtree(os.path.join(repo, "build"), ignore_errors=True)
    for a in sorted(os.listdir(store)):
        copy_into(os.path.join(store, a), os.path.join(repo, a.split("-", 1)[1]))
    env = environment(doc.get("variables"), link.get("variables"))
    gitlab_job(link_name, link, env)
    for report in link.get("artifacts", {}).get("reports", {}).values():
        print("report %s: %s" % (report, "present" if os.path.exists(os.path.join(repo, report)) else "missing"))


github() if kind == "github" else gitlab()
