"""End to end: DuckDB reads `export --format csv` and `--format jsonl` typed, with the
recipe of docs/export.md run verbatim (tests/duckdb/read-export.mjs, on DuckDB for
Node.js installed by scripts/setup), and counts by category as `stats` does.

A city combines several districts' exports: here the example store's first quarter of
2026 is exported month by month into three files per format, read together. Every
expected value comes from the ledger (examples/ledgers/ledger-2026q1.csv), the case
files (YAML) or by hand — never from the export itself.
"""

import collections
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, SOURCE, run

LEDGER = os.path.join(LEDGERS, "ledger-2026q1.csv")
NOW = "2026-04-15T10:00:00+08:00"
DUCKDB = os.path.join(SOURCE, "tests", "duckdb")
DOC = os.path.join(SOURCE, "docs", "export.md")
MONTHS = ("2026-01", "2026-02", "2026-03")

# docs/law.md: the ledger's labels → codes.
CATEGORY_CODES = {
    "婚姻家庭纠纷": "marriage_family", "邻里纠纷": "neighbour", "房屋宅基地纠纷": "housing_homestead",
    "合同纠纷": "contract", "生产经营纠纷": "business", "损害赔偿纠纷": "damages",
    "山林土地纠纷": "land_forest", "征地拆迁纠纷": "requisition_demolition",
    "环境污染纠纷": "environment", "劳动争议纠纷": "labour", "消费纠纷": "consumer",
    "医疗纠纷": "medical", "道路交通事故纠纷": "traffic", "物业纠纷": "property_management",
    "其他纠纷": "other"}

DATE_FIELDS = ("received", "deadline", "concluded", "agreement_effective",
               "confirmation_applied", "visited", "closed")
INT_FIELDS = ("year", "open", "overdue", "people_involved", "days_to_conclude", "over_limit",
              "escalations", "extended", "migrated")
LIST_FIELDS = ("mediators", "party_kinds", "parties")


class ExportDuckDBTest(unittest.TestCase):
    """The example store: the 2026 first-quarter ledger imported, routed and assigned;
    one case agreed; one taken in by hand without amount, grid or mediator."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-duckdb-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        for args in (["import", LEDGER], ["route"], ["assign", "--auto"],
                     ["agree", "WBL-2026-000001", "--form", "oral", "--terms", "当场赔偿"],
                     ["intake", "--category", "邻里纠纷", "--source", "当事人申请",
                      "--summary", "测试", "--street", "万柏林街道", "--community", "东风社区",
                      "--applicant", "甲;乙", "--received", "2026-03-20T09:00:00+08:00"]):
            run(["-C", cls.store] + args, check=0, env={"MEDIATE_NOW": NOW})
        exports = os.path.join(cls.tmp, "exports")
        os.mkdir(exports)
        for month in MONTHS:
            for fmt in ("csv", "jsonl"):
                run(["-C", cls.store, "export", "--month", month, "--format", fmt, "-o",
                     os.path.join(exports, f"wbl-{month}.{fmt}")], check=0,
                    env={"MEDIATE_NOW": NOW})
        with open(LEDGER, encoding="utf-8", newline="") as f:
            cls.ledger = list(csv.DictReader(f))
        cls.cases = {}
        for path in glob.glob(os.path.join(cls.store, "cases", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as f:
                c = yaml.safe_load(f)
            cls.cases[c["id"]] = c
        cls.stats = list(csv.DictReader(io.StringIO(run(
            ["-C", cls.store, "stats", "--by", "category", "--format", "csv"], check=0,
            env={"MEDIATE_NOW": NOW}).stdout)))
        cls.node = shutil.which("node")
        cls.read = None
        if cls.node and os.path.isdir(os.path.join(DUCKDB, "node_modules", "@duckdb")):
            p = subprocess.run([cls.node, os.path.join(DUCKDB, "read-export.mjs"), DOC],
                               cwd=cls.tmp, capture_output=True, text=True, timeout=300)
            cls.read_error = p.stderr
            if p.returncode == 0:
                cls.read = json.loads(p.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.assertIsNotNone(self.node, "node is needed (Node.js 20; scripts/setup)")
        self.assertTrue(os.path.isdir(os.path.join(DUCKDB, "node_modules", "@duckdb")),
                        "tests/duckdb/node_modules is missing: run scripts/setup (npm ci)")
        self.assertIsNotNone(self.read, f"read-export.mjs failed:\n{self.read_error}")

    def rows(self, fmt):
        return {r["id"]: r for r in self.read[fmt]["rows"]}

    def test_columns_are_typed(self):
        for fmt in ("csv", "jsonl"):
            with self.subTest(fmt=fmt):
                types = self.read[fmt]["types"]
                self.assertEqual(list(types)[-1], "amount_fen")
                self.assertEqual(len(types), 49)
                for code in ("street", "community", "grid", "id", "category", "org"):
                    self.assertEqual(types[code], "VARCHAR", code)
                self.assertEqual(types["amount_fen"], "BIGINT")
                self.assertEqual(types["amount"], "DECIMAL(18,2)")
                for field in DATE_FIELDS:
                    self.assertEqual(types[field], "DATE", field)
                for field in INT_FIELDS:
                    self.assertEqual(types[field], "INTEGER", field)
                for field in LIST_FIELDS:
                    self.assertEqual(types[field], "VARCHAR[]" if fmt == "jsonl" else "VARCHAR",
                                     field)

    def test_counts_by_category_equal_stats(self):
        want = {r["category"]: int(r["cases"]) for r in self.stats
                if r["category"] != "total" and int(r["cases"])}
        # ... which are the ledger's, and the case taken in by hand (邻里纠纷).
        ledger = collections.Counter(CATEGORY_CODES[r["纠纷类型"]] for r in self.ledger)
        ledger["neighbour"] += 1
        self.assertEqual(want, dict(ledger))
        for fmt in ("csv", "jsonl"):
            with self.subTest(fmt=fmt):
                self.assertEqual(self.read[fmt]["by_category"], want)
                self.assertEqual(len(self.read[fmt]["rows"]), len(self.ledger) + 1)

    def test_codes_are_text_as_recorded(self):
        for fmt in ("csv", "jsonl"):
            rows = self.rows(fmt)
            self.assertEqual(set(rows), set(self.cases))
            for cid, c in self.cases.items():
                with self.subTest(fmt=fmt, id=cid):
                    place = c["place"]
                    got = rows[cid]
                    self.assertEqual(got["street"], place["street"])
                    self.assertEqual(got["community"], place["community"])
                    # No grid: empty in CSV (NULL), "" in JSONL.
                    self.assertEqual(got["grid"], place.get("grid") or ("" if fmt == "jsonl"
                                                                        else None))
        # Every ledger grid code, all 15 digits, comes back as the same text.
        self.assertEqual({r["grid"] for r in self.read["csv"]["rows"]} - {None},
                         {r["网格编号"] for r in self.ledger})

    def test_amounts_are_exact(self):
        want = sorted(int(r["涉及金额(元)"]) * 100 for r in self.ledger if r["涉及金额(元)"])
        for fmt in ("csv", "jsonl"):
            with self.subTest(fmt=fmt):
                rows = self.read[fmt]["rows"]
                fen = [r["amount_fen"] for r in rows]
                # DuckDB's JSON gives BIGINT as a string of its digits.
                self.assertEqual(sorted(int(f) for f in fen if f is not None), want)
                # 8 ledger rows without an amount, and the case taken in by hand.
                self.assertEqual(fen.count(None), 9)
                for r in rows:
                    if r["amount_fen"] is None:
                        self.assertIsNone(r["amount"])
                    else:
                        self.assertEqual(r["amount"], "%d.%02d" % divmod(int(r["amount_fen"]),
                                                                          100))

    def test_dates(self):
        for fmt in ("csv", "jsonl"):
            with self.subTest(fmt=fmt):
                rows = self.rows(fmt)
                received = sorted(r["received"] for r in rows.values())
                self.assertEqual(received, sorted([r["登记日期"] for r in self.ledger] +
                                                  ["2026-03-20"]))
                agreed = rows["WBL-2026-000001"]
                self.assertEqual(agreed["concluded"], "2026-04-15")
                self.assertEqual(agreed["agreement_effective"], "2026-04-15")
                # 2026-01-01 to 2026-04-15: 31 + 28 + 31 + 14 days.
                self.assertEqual(agreed["days_to_conclude"], 104)
                self.assertIsNone(rows["WBL-2026-000002"]["concluded"])
                self.assertIsNone(rows["WBL-2026-000002"]["days_to_conclude"])

    def test_lists(self):
        jsonl, csv_rows = self.rows("jsonl"), self.rows("csv")
        for cid, c in self.cases.items():
            with self.subTest(id=cid):
                mediators = c.get("mediators") or []
                kinds = [p["kind"] for p in c["parties"]]
                self.assertEqual(jsonl[cid]["mediators"], mediators)
                self.assertEqual(jsonl[cid]["party_kinds"], kinds)
                self.assertEqual(len(jsonl[cid]["parties"]), len(c["parties"]))
                self.assertEqual(csv_rows[cid]["mediators"], ";".join(mediators) or None)
                self.assertEqual(csv_rows[cid]["party_kinds"], ";".join(kinds))
        # The hand-made case: no mediator; a ';' in the name is written as '；'.
        self.assertEqual(jsonl["WBL-2026-000121"]["parties"], ["甲；乙|"])
        self.assertEqual(csv_rows["WBL-2026-000121"]["parties"], "甲；乙|")
        self.assertEqual(jsonl["WBL-2026-000121"]["mediators"], [])
        # Identifiers are masked: the ledger's first applicant's credit code is not there.
        first = self.ledger[0]["申请人证件号码"]
        self.assertEqual(jsonl["WBL-2026-000001"]["parties"][0],
                         first[:8] + "*******" + first[-3:])


if __name__ == "__main__":
    unittest.main()
