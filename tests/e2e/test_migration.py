"""End-to-end: migrating a year of history.

`mediate import examples/ledgers/ledger-2022.csv` turns each row of the 2022
ledger, with its outcome columns, into a case whose timeline reconstructs
that history. Every expected value here is computed from the CSV with
Python's csv module and the label → code tables of docs/law.md, and the
organisations from examples/wanbailin/orgs.csv — never from the program's
own output.
"""

import collections
import csv
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import yaml

from mediate_support import isolated_env

try:  # the C loader when PyYAML has it: 3,100 files load much faster
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    Loader = yaml.SafeLoader

MEDIATE = os.environ.get("MEDIATE", "mediate")
SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LEDGER = os.path.join(SOURCE, "examples", "ledgers", "ledger-2022.csv")
SETUP = os.path.join(SOURCE, "examples", "wanbailin")
BAD_ROWS = os.path.join(SOURCE, "tests", "fixtures", "import", "bad-rows")
OPERATOR = "测试员 <t@example.org>"

# docs/law.md and data/README.md: the history columns' labels → codes.
LEVEL_CODES = {"网格": "grid", "社区": "community", "街道": "street", "区": "district"}
OUTCOME_CODES = {"调解成功": "agreed", "调解不成功": "terminated"}
FORM_CODES = {"书面": "written", "口头": "oral"}
PERFORMANCE_CODES = {"已履行": "full", "分期履行": "instalment", "未履行": "none"}

HISTORY_KINDS = [
    "concluded-before-received",
    "visit-before-conclusion",
    "confirmation-of-failed-case",
    "confirmation-without-conclusion",
    "visit-without-conclusion",
    "performance-without-conclusion",
    "visit-of-failed-case",
]


def ledger_rows():
    with open(LEDGER, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def orgs():
    with open(os.path.join(SETUP, "orgs.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def street_codes():
    with open(os.path.join(SETUP, "taiyuan-streets.csv"), encoding="utf-8", newline="") as f:
        return {r["name"]: r["code"] for r in csv.DictReader(f)}


def expected_org(row, org_rows, streets):
    """The organisation that settled `row`, from orgs.csv by kind and place."""
    level = LEVEL_CODES[row["化解层级"]]
    community = row["网格编号"][:12]  # a grid code is its community's 12 digits + 3
    if level in ("grid", "community"):
        found = [o for o in org_rows
                 if o["kind"] == "community_committee" and o["community_code"] == community]
    elif level == "street":
        found = [o for o in org_rows
                 if o["kind"] == "street_committee" and o["street_code"] == streets[row["所属街道"]]]
    else:
        found = [o for o in org_rows if o["kind"] == "district_centre"]
    assert len(found) == 1, (row["序号"], found)
    return found[0]["id"]


def expected_timeline(row):
    """[(type, date)] the row's history implies (docs/law.md: concluded vs closed)."""
    received, concluded = row["登记日期"], row["结案日期"]
    visit, confirmed = row["回访日期"], row["司法确认日期"]
    agreed = row["调解结果"] == "调解成功"
    events = [("received", received), ("routed", received),
              ("agreed" if agreed else "terminated", concluded)]
    if confirmed:
        events.append(("confirmation", confirmed))
    if agreed and row["履行情况"]:
        events.append(("performance", visit or concluded))
    if visit:
        events.append(("visited", visit))
    if agreed and row["履行情况"] and visit:
        # Closed on the visit, or with the court's confirmation when that came later.
        events.append(("closed", max(visit, confirmed) if confirmed else visit))
    elif not agreed:
        events.append(("closed", concluded))
    order = {e: i for i, e in enumerate(
        ["received", "routed", "agreed", "terminated", "confirmation", "performance", "visited",
         "closed"])}
    # Date order; same-day events in the order of the lifecycle.
    return sorted(events, key=lambda e: (e[1], order[e[0]]))


class MigrationTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-migration-")
        self.store = os.path.join(self.tmp, "store")
        self.env = isolated_env(self.tmp, "2026-04-15T10:00:00+08:00")
        r = self.mediate("init", self.store, "--from", SETUP, store=False)
        self.assertEqual(r.returncode, 0, r.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def mediate(self, *args, store=True, cwd=None):
        cmd = [MEDIATE]
        if store:
            cmd += ["-C", self.store]
        cmd += ["--as", OPERATOR] + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=900,
                              cwd=cwd)

    def git(self, *args):
        r = subprocess.run(["git", "-C", self.store] + list(args), capture_output=True, text=True,
                           env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def case_files(self):
        out = []
        for root, _, files in os.walk(os.path.join(self.store, "cases")):
            out += [os.path.join(root, f) for f in files if f.endswith(".yaml")]
        return sorted(out)

    def stats(self, by):
        r = self.mediate("stats", "--by", by, "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        counts = {}
        for rec in csv.DictReader(r.stdout.splitlines()):
            if rec[by] == "total":
                continue
            # `--by level` is the funnel: counts of concluded cases (all of them here).
            counts[rec[by]] = int(rec["cases"] if "cases" in rec else rec["concluded"])
        return counts, r.stdout

    def test_the_2022_ledger_migrates_in_one_commit(self):
        rows = ledger_rows()
        self.assertEqual(len(rows), 3100)
        before = int(self.git("rev-list", "--count", "HEAD"))
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(
            r.stdout,
            r"^imported 3,100 cases from ledger-2022\.csv in one commit \([0-9a-f]{7}\); "
            r"0 skipped as already imported; 3,100 with their history migrated\n$")
        self.assertEqual(int(self.git("rev-list", "--count", "HEAD")), before + 1)
        self.assertEqual(self.git("status", "--porcelain"), "")
        files = self.case_files()
        self.assertEqual(len(files), 3100)

        # The funnel and the outcomes, counted from the CSV independently.
        level, _ = self.stats("level")
        self.assertEqual(level, dict(collections.Counter(LEVEL_CODES[r["化解层级"]] for r in rows)))
        outcome, outcome_text = self.stats("outcome")
        self.assertEqual(outcome,
                         dict(collections.Counter(OUTCOME_CODES[r["调解结果"]] for r in rows)))
        # Closed: agreed with performance and a visit, or terminated; the rest stay agreed.
        closed = sum(1 for r in rows
                     if r["调解结果"] == "调解不成功" or (r["履行情况"] and r["回访日期"]))
        status, _ = self.stats("status")
        self.assertEqual(status, {"closed": closed, "agreed": 3100 - closed})
        form, _ = self.stats("form")
        self.assertEqual(form, dict(collections.Counter(
            FORM_CODES.get(r["协议形式"], "") for r in rows)))

        r = self.mediate("validate")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # Every timeline follows the steps a ledger records (received, routed,
        # agreed with no assignment, ...): no finding names an event.
        self.assertNotIn("events[", r.stdout + r.stderr)

        # The same answer again, now from the derived index (files past its racy margin).
        time.sleep(2.5)
        for _ in range(2):
            again, text = self.stats("outcome")
            self.assertEqual(again, outcome)
            self.assertEqual(text, outcome_text)
        self.assertEqual(self.git("status", "--porcelain"), "")

        # Each case file against its row.
        org_rows, streets = orgs(), street_codes()
        cases = {}
        for path in files:
            with open(path, encoding="utf-8") as f:
                c = yaml.load(f, Loader=Loader)
            cases[c["import"]["row"]] = c
        self.assertEqual(sorted(cases), [int(r["序号"]) for r in rows])
        for row in rows:
            c = cases[int(row["序号"])]
            with self.subTest(row=row["序号"]):
                self.assertIs(c["migrated"], True)
                self.assertTrue(c["id"].startswith("WBL-2022-"))
                self.assertEqual(c["received"], row["登记日期"] + "T00:00:00+08:00")
                timeline = [(e["type"], e["date"]) for e in c["events"]]
                self.assertEqual(timeline, expected_timeline(row))
                for e in c["events"]:
                    self.assertEqual(e["at"], e["date"] + "T00:00:00+08:00")
                    self.assertEqual(e["by"], OPERATOR)
                    self.assertNotEqual(e["type"], "assigned")  # no mediator invented
                routed = c["events"][1]
                org = expected_org(row, org_rows, streets)
                level = LEVEL_CODES[row["化解层级"]]
                self.assertEqual(routed["org"], org)
                self.assertEqual(routed["level"], level)
                if level == "grid":
                    self.assertIn("grid_worker", routed)
                    self.assertIsNone(routed["grid_worker"])  # a grid worker, name unknown
                else:
                    self.assertNotIn("grid_worker", routed)
                self.assertEqual(c["org"], org)
                self.assertEqual(c["level"], level)
                self.assertEqual(c["mediators"], [])
                by_type = {e["type"]: e for e in c["events"]}
                if row["调解结果"] == "调解成功":
                    if row["协议形式"]:
                        self.assertEqual(by_type["agreed"]["form"], FORM_CODES[row["协议形式"]])
                    for unknown in ("terms", "effective", "performance_deadline", "signatures"):
                        self.assertNotIn(unknown, by_type["agreed"])
                    if row["履行情况"]:
                        self.assertEqual(by_type["performance"]["performance"],
                                         PERFORMANCE_CODES[row["履行情况"]])
                if row["司法确认日期"]:
                    conf = by_type["confirmation"]
                    self.assertEqual(conf["result"], "confirmed")
                    self.assertEqual(conf["applied"], row["司法确认日期"])
                closes = row["调解结果"] == "调解不成功" or (row["履行情况"] and row["回访日期"])
                self.assertEqual(c["status"], "closed" if closes else "agreed")

        # Importing it again adds nothing.
        head = self.git("rev-parse", "HEAD")
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3,100 skipped as already imported", r.stdout)
        self.assertEqual(self.git("rev-parse", "HEAD"), head)

    def test_validate_refuses_a_hand_merged_timeline(self):
        # A case the ledger records as agreed, then "terminated" by a hand merge
        # with its status edited to match: `terminate` refuses an agreed case, so
        # validate must too, naming the event, its place and the rule (Law Art. 26).
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        for path in self.case_files():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if '\nstatus: "agreed"\n' in text:
                break
        else:
            self.fail("no agreed case among the migrated ones")
        lines = text.splitlines(keepends=True)
        start = lines.index("events:\n")
        end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "-")),
                   len(lines))
        first = lines[start + 1]
        indent = first[:len(first) - len(first.lstrip())]
        count = sum(1 for x in lines[start + 1:end] if x.startswith(indent + "- "))
        lines[end:end] = [indent + "- at: 2026-04-01T09:00:00+08:00\n",
                          indent + "  type: terminated\n",
                          indent + "  by: " + OPERATOR + "\n"]
        line = end + 2  # 1-based line of "type: terminated"
        column = len(indent) + len("  type: ") + 1
        text = "".join(lines).replace('\nstatus: "agreed"\n', '\nstatus: "terminated"\n')
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        rel = os.path.relpath(path, self.store)
        r = self.mediate("validate", rel)
        self.assertNotEqual(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout + r.stderr
        self.assertIn(f"{rel}:{line}:{column}: events[{count}].type: \"terminated\" cannot "
                      f"follow", out)
        self.assertIn("is \"agreed\"", out)
        self.assertIn("(Law Art. 26)", out)

    def test_impossible_histories_are_refused(self):
        head = self.git("rev-parse", "HEAD")
        for kind in HISTORY_KINDS:
            with self.subTest(kind=kind):
                with open(os.path.join(BAD_ROWS, kind + ".expected"), encoding="utf-8") as f:
                    expected = f.read().splitlines()
                r = self.mediate("import", kind + ".csv", cwd=BAD_ROWS)
                self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
                lines = r.stderr.splitlines()
                for e in expected:
                    self.assertIn(e, lines)
                self.assertEqual(lines[-1], "1 error in 1 row; nothing was imported.")
                self.assertEqual(r.stdout, "")
                self.assertEqual(self.git("rev-parse", "HEAD"), head)
                self.assertEqual(self.case_files(), [])
                self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_migrated_case_due_for_its_visit_stays_open(self):
        # The first agreed row without a return visit, alone in a ledger.
        rows = ledger_rows()
        row = next(r for r in rows if r["调解结果"] == "调解成功" and not r["回访日期"])
        path = os.path.join(self.tmp, "one.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerow(row)
        r = self.mediate("import", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        (case_path,) = self.case_files()
        with open(case_path, encoding="utf-8") as f:
            c = yaml.load(f, Loader=Loader)
        self.assertEqual(c["status"], "agreed")
        self.assertNotIn("closed", [e["type"] for e in c["events"]])
        r = self.mediate("list", "open", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(c["id"], r.stdout)
        r = self.mediate("validate")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()
