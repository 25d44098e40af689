"""End-to-end: `mediate import LEDGER.csv` registers a whole ledger in one commit.

Runs the built binary (env MEDIATE) on temporary stores made with
`mediate init DIR --from examples/wanbailin` (MEDIATE_SOURCE_DIR = repo root).
Expected counts are computed here from the CSV with Python's csv module and
the docs/law.md label → code table below, independently of the program.
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

MEDIATE = os.environ.get("MEDIATE", "mediate")
SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LEDGER = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1.csv")
LEDGER_GB = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1-gb18030.csv")
BAD_ROW = os.path.join(SOURCE, "tests", "fixtures", "import", "bad-row.csv")
FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "import")
BAD_ROWS = os.path.join(FIXTURES, "bad-rows")
SETUP = os.path.join(SOURCE, "examples", "wanbailin")
OPERATOR = "测试员 <t@example.org>"

# docs/law.md: dispute categories (纠纷类型), Chinese label → code.
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
# docs/law.md: case sources (案件来源) as ledgers write them.
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


class StoreFixture(unittest.TestCase):
    """A fresh example store per test, a pinned clock, and helpers."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-import-")
        self.store = os.path.join(self.tmp, "store")
        self.env = isolated_env(self.tmp, "2026-04-15T10:00:00+08:00")
        r = self.mediate("init", self.store, "--from", SETUP, store=False)
        self.assertEqual(r.returncode, 0, r.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------

    def mediate(self, *args, store=True, cwd=None):
        cmd = [MEDIATE]
        if store:
            cmd += ["-C", self.store]
        cmd += ["--as", OPERATOR] + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=600,
                              cwd=cwd)

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



class ImportTest(StoreFixture):
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

    def test_filters_refuse_values_the_store_does_not_know(self):
        self.import_ledger()
        # Counted from the ledger: rows whose street is 万柏林街道.
        with open(LEDGER, encoding="utf-8") as f:
            want = sum(1 for row in csv.DictReader(f) if row["所属街道"] == "万柏林街道")
        r = self.mediate("list", "street:万柏林街道", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(r.stdout.splitlines()) - 1, want)
        for term, words in (("category:martian", ["unknown category", "martian", "neighbour"]),
                            ("street:万柏林", ["unknown street", "万柏林"]),
                            ("not:risk:purple", ["unknown risk", "purple"]),
                            ("org:NO-SUCH-ORG", ["unknown organisation", "NO-SUCH-ORG"])):
            r = self.mediate("list", term)
            self.assertEqual(r.returncode, 2, term)
            for w in words:
                self.assertIn(w, r.stderr, term)
            self.assertEqual(r.stdout, "", term)

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


def read_cases(files):
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            out.append(yaml.safe_load(f))
    return sorted(out, key=lambda c: c["import"]["row"])


# The three rows of tests/fixtures/import/messy.* as written there by hand:
# what each must become (docs/law.md codes, §7 normalised IDs and phones).
MESSY_EXPECTED = [
    {
        "received": "2026-01-05T00:00:00+08:00",
        "source": "application",
        "category": "neighbour",
        "summary": "楼上漏水，说\"不赔\"\n次日又漏",
        "amount": "3500.50",
        "people_involved": 2,
        "place": {"street": "140109001", "community": "140109001001", "grid": "140109001001001"},
        "parties": [
            {"role": "applicant", "kind": "person", "name": "李某",
             "id_number": "14010919850312118X", "phone": "13800001234"},
            {"role": "respondent", "kind": "person", "name": "王某",
             "id_number": "140109800101123", "phone": "0351-6012345"},
        ],
        "risk": "yellow",
    },
    {
        "received": "2026-01-06T00:00:00+08:00",
        "source": "phone",
        "category": "contract",
        "summary": "欠款, 未还",
        "amount": "3500.00",
        "place": {"street": "140109001", "community": "140109001001"},
        "parties": [
            {"role": "applicant", "kind": "person", "name": "张某", "phone": "0351-6012345"},
        ],
        "risk": "blue",
    },
    {
        "received": "2026-01-07T00:00:00+08:00",
        "source": "grid_screening",
        "category": "property_management",
        "summary": "物业费",
        "amount": "3500.00",
        "people_involved": 3,
        "place": {"street": "140109001", "community": "140109001001", "grid": "140109001001002"},
        "parties": [
            {"role": "applicant", "kind": "organisation", "name": "太原某物业服务有限公司",
             "credit_code": "91140109MA0K3PQ7RG"},
            {"role": "respondent", "kind": "person", "name": "赵某", "phone": "13900001111"},
        ],
        "risk": "orange",
    },
]


def bad_row_kinds():
    return sorted(f[:-4] for f in os.listdir(BAD_ROWS) if f.endswith(".csv"))


class LedgerShapesTest(StoreFixture):
    """The ledgers people actually have, and every bad row refused."""

    def check_messy(self, expected_file):
        cases = read_cases(self.case_files())
        self.assertEqual(len(cases), 3)
        for c, want in zip(cases, MESSY_EXPECTED):
            got = {k: c[k] for k in want if k in c}
            self.assertEqual(got, want)
            for k in ("amount", "people_involved", "risk"):
                if k not in want:
                    self.assertNotIn(k, c)
            self.assertEqual(c["status"], "received")
            self.assertEqual(c["import"]["file"], expected_file)
        self.assertEqual([c["import"]["row"] for c in cases], [1, 2, 3])

    def test_messy_csv_bom_crlf_quotes_widths_and_shapes(self):
        r = self.mediate("import", os.path.join(FIXTURES, "messy.csv"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("imported 3 cases from messy.csv in one commit", r.stdout)
        self.check_messy("messy.csv")
        self.assertEqual(self.mediate("validate").returncode, 0)
        # The same rows as JSON Lines and as YAML are the same cases: nothing added.
        for name in ("messy.jsonl", "messy.yaml"):
            r = self.mediate("import", os.path.join(FIXTURES, name))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("nothing to import", r.stdout)
            self.assertIn("3 skipped as already imported", r.stdout)
        self.assertEqual(len(self.case_files()), 3)

    def test_json_lines_input(self):
        r = self.mediate("import", os.path.join(FIXTURES, "messy.jsonl"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_messy("messy.jsonl")

    def test_yaml_input(self):
        r = self.mediate("import", os.path.join(FIXTURES, "messy.yaml"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_messy("messy.yaml")

    def test_input_format_overrides_the_extension(self):
        path = os.path.join(self.tmp, "export.txt")
        shutil.copy(os.path.join(FIXTURES, "messy.jsonl"), path)
        r = self.mediate("import", path)  # read as CSV: JSON's quotes are malformed CSV
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stderr.splitlines(), [
            path + ":1: malformed CSV: a quote inside an unquoted field, or text after a closing "
            "quote",
            path + " is not valid CSV; nothing was imported"])
        r = self.mediate("import", "--input-format", "jsonl", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.check_messy("export.txt")
        r = self.mediate("import", "--input-format", "xlsx", path)
        self.assertEqual(r.returncode, 2)

    def test_other_headers_through_a_mapping(self):
        ledger = os.path.join(FIXTURES, "grid-export.csv")
        r = self.mediate("import", ledger)
        self.assertEqual(r.returncode, 3)
        self.assertIn("missing column(s) 登记日期, 案件来源, 纠纷类型, 申请人, 纠纷简要情况, 所属街道",
                      r.stderr)
        r = self.mediate("import", "--mapping", os.path.join(FIXTURES, "grid-export.mapping.yaml"),
                         ledger)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")  # 备注 is ignored by the mapping: no warning
        cases = read_cases(self.case_files())
        self.assertEqual(len(cases), 2)
        a, b = cases
        self.assertEqual((a["source"], a["category"], a["risk"]), ("phone", "neighbour", "red"))
        self.assertEqual(a["received"], "2026-02-01T00:00:00+08:00")
        self.assertEqual(a["parties"], [{"role": "applicant", "kind": "person", "name": "孙某",
                                         "id_number": "140109198001011239",
                                         "phone": "13800002222"}])
        self.assertEqual(a["summary"], "楼道堆物引发争执")
        self.assertEqual(a["place"], {"street": "140109001", "community": "140109001001",
                                      "grid": "140109001001003"})
        self.assertEqual((b["source"], b["category"], b["risk"]), ("application", "labour", "blue"))
        self.assertEqual(b["place"], {"street": "140109001", "community": "140109001001"})

    def test_a_bad_mapping_is_refused(self):
        path = os.path.join(self.tmp, "bad.mapping.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("columns:\n  受理时间: recieved\nvalues:\n  source: {来电: telephone}\n")
        r = self.mediate("import", "--mapping", path, os.path.join(FIXTURES, "grid-export.csv"))
        self.assertEqual(r.returncode, 3)
        self.assertIn('columns.受理时间: unknown field "recieved"', r.stderr)
        self.assertIn('values.source.来电: unknown source code "telephone"', r.stderr)
        self.assertEqual(self.case_files(), [])

    def test_every_kind_of_bad_row_is_refused_with_its_error(self):
        kinds = bad_row_kinds()
        self.assertGreaterEqual(len(kinds), 24)
        head = self.git("rev-parse", "HEAD")
        for kind in kinds:
            with self.subTest(kind=kind):
                with open(os.path.join(BAD_ROWS, kind + ".expected"), encoding="utf-8") as f:
                    expected = f.read().splitlines()
                self.assertTrue(expected)
                r = self.mediate("import", kind + ".csv", cwd=BAD_ROWS)
                self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
                lines = r.stderr.splitlines()
                for e in expected:
                    self.assertIn(e, lines)
                self.assertEqual(lines[-1], "1 error in 1 row; nothing was imported.")
                self.assertEqual(r.stdout, "")
                self.assertEqual(self.git("rev-parse", "HEAD"), head)
                self.assertEqual(self.case_files(), [])
                self.assert_clean()
        self.assertFalse([f for f in os.listdir(BAD_ROWS) if "rejects" in f])

    def test_skip_invalid_imports_the_rest_and_writes_the_rejects(self):
        work = os.path.join(self.tmp, "work")
        os.mkdir(work)
        for kind in bad_row_kinds():
            with self.subTest(kind=kind):
                shutil.copy(os.path.join(BAD_ROWS, kind + ".csv"), work)
                with open(os.path.join(BAD_ROWS, kind + ".expected"), encoding="utf-8") as f:
                    expected = f.read().splitlines()
                with open(os.path.join(work, kind + ".csv"), encoding="utf-8", newline="") as f:
                    source = list(csv.reader(f))
                files_before = len(self.case_files())
                commits_before = self.commit_count()
                r = self.mediate("import", "--skip-invalid", kind + ".csv", cwd=work)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                for e in expected:
                    self.assertIn(e, r.stderr.splitlines())
                rejects = os.path.join(work, kind + ".rejects.csv")
                self.assertIn(f"; 1 row refused, written to {kind}.rejects.csv", r.stdout)
                # The good row was imported once (its twin in an earlier fixture is skipped).
                self.assertLessEqual(len(self.case_files()) - files_before, 1)
                self.assertLessEqual(self.commit_count() - commits_before, 1)
                with open(rejects, encoding="utf-8-sig", newline="") as f:
                    back = list(csv.reader(f))
                self.assertEqual(back[0], ["导入错误"] + source[0])
                self.assertEqual(len(back), 2)
                errors = back[1][0].splitlines()
                for e in expected:
                    self.assertIn(e.split(":3: ", 1)[1], errors)
                bad = source[2] + [""] * (len(source[0]) - len(source[2]))
                # The rejects file is for a spreadsheet: a cell that would
                # run as a formula there (=, +, -, @, tab, CR first) starts
                # with an apostrophe.
                bad = ["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r") and c else c
                       for c in bad]
                self.assertEqual(back[1][1:], bad)
                self.assert_clean()
        self.assertEqual(len(self.case_files()), 1)

    def test_rejects_can_be_fixed_and_imported_again(self):
        work = os.path.join(self.tmp, "work")
        os.mkdir(work)
        shutil.copy(os.path.join(BAD_ROWS, "unknown-category.csv"), work)
        r = self.mediate("import", "--skip-invalid", "--rejects", "fix-me.csv",
                         "unknown-category.csv", cwd=work)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(len(self.case_files()), 1)
        path = os.path.join(work, "fix-me.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        category = rows[0].index("纠纷类型")
        self.assertEqual(rows[1][category], "外星纠纷")
        rows[1][category] = "邻里纠纷"  # the fix, made as a person would in Excel
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)
        r = self.mediate("import", path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")  # the error column is not a "not a ledger column" warning
        self.assertIn("imported 1 case from fix-me.csv", r.stdout)
        cases = read_cases(self.case_files())
        self.assertEqual(sorted(c["category"] for c in cases), ["contract", "neighbour"])

    def test_skip_invalid_with_no_valid_row_writes_nothing_to_the_store(self):
        work = os.path.join(self.tmp, "work")
        os.mkdir(work)
        with open(os.path.join(BAD_ROWS, "unknown-risk.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        with open(os.path.join(work, "only-bad.csv"), "w", encoding="utf-8") as f:
            f.write(lines[0] + "\n" + lines[2] + "\n")
        head = self.git("rev-parse", "HEAD")
        r = self.mediate("import", "--skip-invalid", "only-bad.csv", cwd=work)
        self.assertEqual(r.returncode, 3)
        self.assertIn("no valid rows in only-bad.csv: 1 row refused, written to only-bad.rejects.csv",
                      r.stderr)
        self.assertTrue(os.path.exists(os.path.join(work, "only-bad.rejects.csv")))
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assertEqual(self.case_files(), [])
        # A dry run writes no rejects file; --rejects needs --skip-invalid.
        os.remove(os.path.join(work, "only-bad.rejects.csv"))
        r = self.mediate("import", "--dry-run", "--skip-invalid", "only-bad.csv", cwd=work)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(os.listdir(work), ["only-bad.csv"])
        r = self.mediate("import", "--rejects", "x.csv", "only-bad.csv", cwd=work)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main()
