"""End-to-end: `mediate import LEDGER.csv` registers a whole ledger in one commit.

Runs the built binary (env MEDIATE) on temporary stores made with
`mediate init DIR --from examples/wanbailin` (MEDIATE_SOURCE_DIR = repo root).
Expected counts are computed here from the CSV with Python's csv module and
the DOMAIN.md §3 label → code table below, independently of the program.
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

MEDIATE = os.environ.get("MEDIATE", "mediate")
SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LEDGER = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1.csv")
LEDGER_GB = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1-gb18030.csv")
BAD_ROW = os.path.join(SOURCE, "tests", "fixtures", "import", "bad-row.csv")
SETUP = os.path.join(SOURCE, "examples", "wanbailin")
OPERATOR = "测试员 <t@example.org>"

# DOMAIN.md §3: dispute categories (纠纷类型), Chinese label → code.
CATEGORY_CODES = {
    "婚姻家庭纠纷": "marriage_family",
    "邻里纠纷": "neighbour",
    "房屋宅基地纠纷": "housing_homestead",
    "合同纠纷": "contract",
    "生产经营纠纷": "business",
    "损害赔偿纠纷": "damages",
    "山林土地纠纷": "land_forest",
    "征地拆迁纠纷": "requisition_demolition",
    "环境污染纠纷": "environment",
    "劳动争议纠纷": "labour",
    "消费纠纷": "consumer",
    "医疗纠纷": "medical",
    "道路交通事故纠纷": "traffic",
    "物业纠纷": "property_management",
    "其他纠纷": "other",
}
# DOMAIN.md §3: case sources (案件来源) as ledgers write them.
SOURCE_CODES = {
    "当事人申请": "application",
    "电话求助": "phone",
    "网上申请": "online",
    "网格排查": "grid_screening",
    "法院委派": "court_delegated",
    "法院委托": "court_entrusted",
    "公安移送": "police",
    "信访转办": "petition",
    "政府指派": "government",
    "商会转办": "chamber",
}
RISK_CODES = {"红": "red", "橙": "orange", "黄": "yellow", "蓝": "blue"}


def ledger_rows(path=LEDGER, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def street_codes():
    """Street name → code from the divisions file (not from the program)."""
    with open(os.path.join(SETUP, "taiyuan-streets.csv"), encoding="utf-8", newline="") as f:
        return {r["name"]: r["code"] for r in csv.DictReader(f)}


class ImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-import-")
        self.store = os.path.join(self.tmp, "store")
        self.env = dict(os.environ)
        self.env.update(
            {
                "HOME": self.tmp,
                "GIT_CONFIG_NOSYSTEM": "1",
                "GIT_CONFIG_GLOBAL": os.path.join(self.tmp, "gitconfig"),
                "MEDIATE_NOW": "2026-04-15T10:00:00+08:00",
                "TZ": "UTC",
            }
        )
        for k in ("MEDIATE_OFFICE", "MEDIATE_USER", "MEDIATE_FAULT"):
            self.env.pop(k, None)
        r = self.mediate("init", self.store, "--from", SETUP, store=False)
        self.assertEqual(r.returncode, 0, r.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------

    def mediate(self, *args, store=True):
        cmd = [MEDIATE]
        if store:
            cmd += ["-C", self.store]
        cmd += ["--as", OPERATOR] + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=600)

    def git(self, *args):
        r = subprocess.run(
            ["git", "-C", self.store] + list(args), capture_output=True, text=True, env=self.env
        )
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def case_files(self):
        out = []
        for root, _, files in os.walk(os.path.join(self.store, "cases")):
            out += [os.path.join(root, f) for f in files if f.endswith(".yaml")]
        return sorted(out)

    def commit_count(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    def assert_clean(self):
        self.assertEqual(self.git("status", "--porcelain"), "")

    def import_ledger(self):
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    # -- tests ------------------------------------------------------------

    def test_imports_the_ledger_in_one_commit(self):
        before = self.commit_count()
        r = self.import_ledger()
        m = re.fullmatch(
            r"imported 120 cases from ledger-2026q1\.csv in one commit \(([0-9a-f]{7})\); "
            r"0 skipped as already imported\n",
            r.stdout,
        )
        self.assertIsNotNone(m, r.stdout)
        self.assertTrue(self.git("rev-parse", "HEAD").startswith(m.group(1)))

        files = self.case_files()
        self.assertEqual(len(files), 120)
        cases = []
        for path in files:
            with open(path, encoding="utf-8") as f:
                cases.append(yaml.safe_load(f))

        rows = ledger_rows()
        streets = street_codes()
        self.assertEqual(
            collections.Counter(c["category"] for c in cases),
            collections.Counter(CATEGORY_CODES[r["纠纷类型"]] for r in rows),
        )
        self.assertEqual(
            collections.Counter(c["place"]["street"] for c in cases),
            collections.Counter(streets[r["所属街道"]] for r in rows),
        )
        self.assertEqual(
            collections.Counter(c["source"] for c in cases),
            collections.Counter(SOURCE_CODES[r["案件来源"]] for r in rows),
        )

        # Each case against its row (IDs are allocated in row order).
        by_row = {c["import"]["row"]: c for c in cases}
        self.assertEqual(sorted(by_row), [int(r["序号"]) for r in rows])
        ids = [by_row[int(r["序号"])]["id"] for r in rows]
        self.assertEqual(ids, ["WBL-2026-%06d" % i for i in range(1, 121)])
        fingerprints = set()
        for row in rows:
            c = by_row[int(row["序号"])]
            self.assertEqual(c["schema"], "case/1")
            self.assertEqual(c["received"], row["登记日期"] + "T00:00:00+08:00")
            month = row["登记日期"][5:7]
            self.assertTrue(
                os.path.exists(os.path.join(self.store, "cases", "2026", month, c["id"] + ".yaml"))
            )
            self.assertEqual(c["summary"], row["纠纷简要情况"])
            self.assertEqual(c["risk"], RISK_CODES[row["风险等级"]])
            self.assertEqual(c["status"], "received")
            self.assertIn("deadline", c)
            self.assertEqual(c["place"]["grid"], row["网格编号"])
            self.assertTrue(c["place"]["community"].startswith(c["place"]["street"]))
            self.assertTrue(c["place"]["grid"].startswith(c["place"]["community"]))
            if row["涉及金额(元)"]:
                self.assertEqual(c["amount"], "%d.00" % int(row["涉及金额(元)"]))
            else:
                self.assertNotIn("amount", c)
            self.assertEqual(c["people_involved"], int(row["涉及人数"]))
            applicant = c["parties"][0]
            self.assertEqual(applicant["role"], "applicant")
            self.assertEqual(applicant["name"], row["申请人"])
            ident = row["申请人证件号码"]
            if ident.startswith("9"):
                self.assertEqual(applicant["kind"], "organisation")
                self.assertEqual(applicant["credit_code"], ident)
            else:
                self.assertEqual(applicant["kind"], "person")
                self.assertEqual(applicant["id_number"], ident)
            self.assertEqual(len(c["events"]), 1)
            ev = c["events"][0]
            self.assertEqual(ev["type"], "received")
            self.assertEqual(ev["at"], c["received"])
            self.assertEqual(ev["by"], OPERATOR)
            self.assertEqual(ev["channel"], "import")
            self.assertEqual(c["import"]["file"], "ledger-2026q1.csv")
            self.assertRegex(c["import"]["fingerprint"], r"^[0-9a-f]{64}$")
            fingerprints.add(c["import"]["fingerprint"])
        self.assertEqual(len(fingerprints), 120)

        # One commit by the operator, with the structured message.
        self.assertEqual(self.commit_count(), before + 1)
        author = self.git("log", "-1", "--format=%an <%ae>").strip()
        self.assertEqual(author, OPERATOR)
        message = self.git("log", "-1", "--format=%B")
        self.assertTrue(message.startswith("import: 120 cases from ledger-2026q1.csv\n\n"), message)
        self.assertIn("Mediate-Action: import\n", message)
        self.assertIn("Mediate-Source: ledger-2026q1.csv", message)
        changed = self.git("show", "--name-only", "--format=", "HEAD").split()
        self.assertEqual(len(changed), 120)
        self.assertTrue(all(p.startswith("cases/2026/") for p in changed))
        self.assert_clean()

    def test_reimport_adds_nothing(self):
        self.import_ledger()
        head = self.git("rev-parse", "HEAD")
        # Let the case files age past the derived index's racy margin (2 s),
        # so the re-imports below see summaries served from the index too.
        time.sleep(2.5)
        for path, extra in ((LEDGER, []), (LEDGER_GB, []), (LEDGER_GB, ["--encoding", "gb18030"])):
            r = self.mediate("import", path, *extra)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("nothing to import", r.stdout)
            self.assertIn("120 skipped as already imported", r.stdout)
            self.assertEqual(self.git("rev-parse", "HEAD"), head)
            self.assertEqual(len(self.case_files()), 120)
            self.assert_clean()

    def test_gb18030_copy_imports_the_same_cases(self):
        r = self.mediate("import", LEDGER_GB)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("imported 120 cases from ledger-2026q1-gb18030.csv in one commit", r.stdout)
        with open(self.case_files()[0], encoding="utf-8") as f:
            first = yaml.safe_load(f)
        rows = ledger_rows(LEDGER_GB, encoding="gb18030")
        self.assertEqual(first["summary"], rows[0]["纠纷简要情况"])
        # And the UTF-8 original is then recognised as already imported.
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("120 skipped as already imported", r.stdout)
        self.assertEqual(len(self.case_files()), 120)

    def test_bad_row_refuses_the_whole_ledger(self):
        for imported_before in (False, True):
            if imported_before:
                self.import_ledger()  # the good rows' twins are in the store now
            head = self.git("rev-parse", "HEAD")
            files = self.case_files()
            r = self.mediate("import", BAD_ROW)
            self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
            err = r.stderr
            self.assertIn('bad-row.csv:7: column 纠纷类型 (category): unknown label "外星纠纷"', err)
            self.assertIn("known labels: 婚姻家庭纠纷, 邻里纠纷", err)
            self.assertIn(
                "bad-row.csv:7: column 所属社区 (community): 西铭村 is in 西铭街道, not in 千峰街道", err
            )
            self.assertIn("bad-row.csv:7: column 登记日期 (received): 2026-02-30 is not a date", err)
            self.assertIn("3 errors in 1 row; nothing was imported.", err)
            self.assertEqual(r.stdout, "")
            self.assertEqual(self.git("rev-parse", "HEAD"), head)
            self.assertEqual(self.case_files(), files)
            self.assert_clean()

    def test_dry_run_writes_nothing(self):
        head = self.git("rev-parse", "HEAD")
        r = self.mediate("import", "--dry-run", LEDGER)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("would import 120 cases from ledger-2026q1.csv", r.stdout)
        self.assertIn("WBL-2026-000120", r.stdout)
        self.assertEqual(self.case_files(), [])
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assert_clean()
        r = self.mediate("import", "--dry-run", BAD_ROW)
        self.assertEqual(r.returncode, 3)
        self.assertIn("3 errors in 1 row; nothing was imported.", r.stderr)

    def test_future_dates_are_refused(self):
        self.env["MEDIATE_NOW"] = "2026-02-01T10:00:00+08:00"
        r = self.mediate("import", LEDGER)
        self.assertEqual(r.returncode, 3)
        self.assertRegex(
            r.stderr, r"ledger-2026q1\.csv:\d+: column 登记日期 \(received\): 2026-02-02 is in the future"
        )
        self.assertEqual(self.case_files(), [])
        self.assert_clean()

    def test_usage_errors(self):
        r = self.mediate("import", os.path.join(self.tmp, "missing.csv"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("cannot read", r.stderr)
        r = self.mediate("import", "--encoding", "latin1", LEDGER)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(self.case_files(), [])


if __name__ == "__main__":
    unittest.main()
