#!/usr/bin/env python3
"""Benchmark the follow-up log (issue 10) with the release build: whole processes, median wall time.

    benchmarks/followup.py                # about a minute after the release build
    benchmarks/followup.py --runs 5 --skip-build

What it measures, all under benchmarks/data/followup/ (ignored by git):
  1. one change on the 2021 plan as a JSON file, end to end (lock, re-read, write through the safe
     writer, print the change table), against a query on the same file: the change should cost a few
     milliseconds more, not a multiple;
  2. `as of` and `changes` on the 2021 plan with a log of 10,000 entries (written directly as JSON: every
     entry changes `hur` of one activity, and the activities hold the last values, so the log replays),
     against the same query without `as of`;
  3. one change on a plan of 10,000 and of 100,000 activities (generate_plan.py, exported to JSON): the
     ratio of their times, where linear is 10.

Each change sets a new value, so that every timed run really writes; the plan files are made afresh on
each run of the script. The build is the one benchmarks/run.py uses (.build-bench).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
DATA = os.path.join(BENCH, "data", "followup")
SEKOM = os.path.join(REPO, ".build-bench", "release", "sekom")
QUERY = "activities where vem contains Kansli and prio = 1 order by när"


def run(arguments, check=True):
    started = time.perf_counter()
    done = subprocess.run(
        [SEKOM] + arguments, cwd=DATA, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=dict(os.environ, LANG="C.UTF-8", LC_ALL="", SEKOM_USER="bench"))
    elapsed = time.perf_counter() - started
    if check and done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): sekom {' '.join(arguments)}\n{done.stderr.decode()}")
    return elapsed, done.stdout.decode()


def median_ms(runs, make_arguments):
    run(make_arguments(-1))  # warm the page cache
    return statistics.median(run(make_arguments(i))[0] for i in range(runs)) * 1000


def export(name, source=None):
    arguments = ["export", "--output", name] + (["--plan", source] if source else [])
    path = os.path.join(DATA, name)
    if os.path.exists(path):
        os.remove(path)
    run(arguments)
    return name


def plan_with_log(entries):
    """The 2021 plan with `entries` changes of hur, one every ~50 minutes through 2021, that replay."""
    with open(os.path.join(DATA, "plan-2021.json"), encoding="utf-8") as f:
        plan = json.load(f)
    activities = {a["id"]: a for a in plan["aktiviteter"]}
    ids = sorted(activities)
    log = []
    start = time.mktime((2021, 1, 1, 0, 0, 0, 0, 0, 0))
    for n in range(entries):
        ident = ids[n % len(ids)]
        old = activities[ident]["hur"]
        new = f"Uppföljning {n}"
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(start + n * 3000))
        author = ["Anna", "Bo", "Kansli"][n % 3]
        log.append({"tid": stamp, "av": author, "grupp": n + 1, "id": ident, "fält": "hur", "från": old, "till": new})
        activities[ident]["hur"] = new
    plan["logg"] = log
    name = f"plan-log-{entries}.json"
    with open(os.path.join(DATA, name), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=1)
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-build", action="store_true")
    options = parser.parse_args()
    if not options.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--disable-local-rpath", "--scratch-path",
                        ".build-bench"], cwd=REPO, check=True)
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(DATA)
    runs = options.runs
    rows = []

    # 1. One change against one query, on the 2021 plan as JSON.
    plan = export("plan-2021.json")
    change_plan = export("plan-2021-change.json")
    query_ms = median_ms(runs, lambda i: ["--plan", plan, "-c", QUERY])
    change_ms = median_ms(runs, lambda i: ["--plan", change_plan, "-c", f"activities where id = 19 set hur = 'Ändrad {i}'"])
    rows.append(("2021 plan (JSON): the headline query", query_ms, ""))
    rows.append(("2021 plan (JSON): one change, set hur on id 19", change_ms, f"+{change_ms - query_ms:.1f} ms"))

    # 2. as of and changes on a log of 10,000 entries.
    logged = plan_with_log(10_000)
    count = run(["--plan", logged, "-c", "changes count"])[1].strip()
    if count != "10000":
        sys.exit(f"the plan with a log has {count} changes, not 10000")
    plain_ms = median_ms(runs, lambda i: ["--plan", logged, "-c", QUERY])
    rows.append(("10,000 log entries: the headline query", plain_ms, ""))
    for label, statement in [
        ("as of 2021-06-14, the headline query", "activities as of 2021-06-14 where vem contains Kansli and prio = 1 order by när"),
        ("as of 2021-01-02, count (almost all undone)", "activities as of 2021-01-02 count"),
        ("changes where tid after 2021-06-14 count by fält", "changes where tid after 2021-06-14 count by fält"),
        ("changes where av = Anna order by id limit 20", "changes where av = Anna order by id limit 20"),
        ("changed after 2021-12-01 (activities)", "activities where changed after 2021-12-01 count"),
    ]:
        ms = median_ms(runs, lambda i, s=statement: ["--plan", logged, "-c", s])
        rows.append(("10,000 log entries: " + label, ms, f"{ms / plain_ms:.2f}x the query"))
    change_logged = median_ms(runs, lambda i: ["--plan", logged, "-c", f"activities where id = 19 set hur = 'Ändrad {i}'"])
    rows.append(("10,000 log entries: one change", change_logged, f"{change_logged / plain_ms:.2f}x the query"))

    # 3. One change on 10,000 and 100,000 activities.
    sizes = {}
    for n in (10_000, 100_000):
        csv_name = os.path.join(DATA, f"plan-{n}.csv")
        subprocess.run([sys.executable, os.path.join(BENCH, "generate_plan.py"), str(n), "-o", csv_name], check=True)
        json_name = export(f"plan-{n}.json", csv_name)
        few = max(3, runs // 3) if n == 100_000 else runs
        query = median_ms(few, lambda i, p=json_name: ["--plan", p, "-c", "activities where id = 5 count"])
        change = median_ms(few, lambda i, p=json_name: ["--plan", p, "-c", f"activities where id = 5 set hur = 'Ändrad {i}'"])
        sizes[n] = change
        rows.append((f"{n:,} activities: a query of one id", query, ""))
        rows.append((f"{n:,} activities: one change", change, f"{change / query:.2f}x the query"))
    rows.append(("change 100,000 / change 10,000 (linear is 10)", None, f"{sizes[100_000] / sizes[10_000]:.2f}"))

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'median ms':>10}  note")
    for label, ms, note in rows:
        shown = f"{ms:10.1f}" if ms is not None else " " * 10
        print(f"{label:<{width}}  {shown}  {note}")


if __name__ == "__main__":
    main()
