"""End to end: periods, stats measures, the MoJ form, export and the annual
report and the workload table.

Every expected figure is computed here from examples/ (the SETUP CSVs and
the 2022 ledger) with Python's csv module, or by hand for small stores —
never from the program's own output. The XLSX is read back with zipfile and
the XML parser, the JSONL with json, the HTML by headless Chromium.
"""

import collections
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile
import xml.etree.ElementTree as ET

from mediate_support import EXAMPLE_SETUP, LEDGERS, OPERATOR, git, run

LEDGER = os.path.join(LEDGERS, "ledger-2022.csv")
NOW = "2026-04-15T10:00:00+08:00"

# docs/law.md: the ledger's labels → codes.
CATEGORY_CODES = {
    "婚姻家庭纠纷": "marriage_family", "邻里纠纷": "neighbour", "房屋宅基地纠纷": "housing_homestead",
    "合同纠纷": "contract", "生产经营纠纷": "business", "损害赔偿纠纷": "damages",
    "山林土地纠纷": "land_forest", "征地拆迁纠纷": "requisition_demolition",
    "环境污染纠纷": "environment", "劳动争议纠纷": "labour", "消费纠纷": "consumer",
    "医疗纠纷": "medical", "道路交通事故纠纷": "traffic", "物业纠纷": "property_management",
    "其他纠纷": "other"}
SOURCE_GROUPS = {"当事人申请": "application", "电话求助": "application", "网上申请": "application",
                 "网格排查": "initiative", "法院委派": "referral", "法院委托": "referral",
                 "公安移送": "referral", "信访转办": "referral", "政府指派": "referral",
                 "商会转办": "referral"}
LEVEL_CODES = {"网格": "grid", "社区": "community", "街道": "street", "区": "district"}


def csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def setup_rows(name):
    return csv_rows(os.path.join(EXAMPLE_SETUP, name))


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def yuan(text):
    return round(float(text) * 100)


def xlsx_rows(path):
    """The first sheet of an XLSX as lists of cell texts, read with zipfile + XML."""
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("s:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['s']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = []
    for row in sheet.find("s:sheetData", ns).findall("s:row", ns):
        cells = {}
        for c in row.findall("s:c", ns):
            ref = c.get("r")
            col = 0
            for ch in re.match(r"[A-Z]+", ref).group(0):
                col = col * 26 + ord(ch) - 64
            v = c.find("s:v", ns)
            text = "" if v is None else v.text
            if c.get("t") == "s":
                text = shared[int(text)]
            elif c.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(f"{{{ns['s']}}}t"))
            cells[col - 1] = text
        width = max(cells) + 1 if cells else 0
        out.append([cells.get(i, "") for i in range(width)])
    return out, sheet


class PeriodTimeZoneTest(unittest.TestCase):
    """A case received at 2026-02-01T01:00+08:00 is February whatever the machine's TZ."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-reports-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        for received, category in (("2026-02-01T01:00:00+08:00", "邻里纠纷"),
                                   ("2026-01-05T09:00:00+08:00", "合同纠纷"),
                                   ("2026-03-02T09:00:00+08:00", "劳动争议纠纷")):
            run(["-C", cls.store, "intake", "--category", category, "--source", "当事人申请",
                 "--summary", "测试", "--street", "万柏林街道", "--community", "东风社区",
                 "--applicant", "甲某", "--received", received],
                env={"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"}, check=0)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def m(self, *args, tz="UTC", check=0):
        return run(["-C", self.store] + list(args), check=check,
                   env={"TZ": tz, "MEDIATE_NOW": "2026-03-10T10:00:00+08:00"})

    def ids(self, *args, tz="UTC"):
        return [r["id"] for r in parse_csv(self.m("list", "--format", "csv", *args, tz=tz).stdout)]

    def test_february_in_both_time_zones(self):
        for tz in ("UTC", "Asia/Shanghai"):
            with self.subTest(tz=tz):
                self.assertEqual(self.ids("--month", "2026-02", tz=tz), ["WBL-2026-000001"])
                self.assertEqual(self.ids("--month", "2026-01", tz=tz), ["WBL-2026-000002"])
                self.assertEqual(self.ids("--from", "2026-02-01", "--to", "2026-02-01", tz=tz),
                                 ["WBL-2026-000001"])
                self.assertEqual(self.ids("--from", "2026-01-01", "--to", "2026-01-31", tz=tz),
                                 ["WBL-2026-000002"])
                self.assertEqual(len(self.ids("--quarter", "2026Q1", tz=tz)), 3)
                self.assertEqual(self.ids("--year", "2025", tz=tz), [])
                months = {r["month"]: int(r["cases"]) for r in parse_csv(
                    self.m("stats", "--by", "month", "--format", "csv", tz=tz).stdout)}
                self.assertEqual(months, {"2026-01": 1, "2026-02": 1, "2026-03": 1, "total": 3})
                exported = [json.loads(l) for l in self.m(
                    "export", "--month", "2026-02", "--format", "jsonl", tz=tz).stdout.splitlines()]
                self.assertEqual([(e["id"], e["received"]) for e in exported],
                                 [("WBL-2026-000001", "2026-02-01")])

    def test_bad_periods_are_usage_errors(self):
        for args in (["--year", "2022", "--month", "2022-01"], ["--quarter", "2026Q5"],
                     ["--month", "2026-13"], ["--year", "22"],
                     ["--from", "2026-03-01", "--to", "2026-02-01"],
                     ["--year", "2026", "--from", "2026-01-01"]):
            with self.subTest(args=args):
                p = self.m("list", *args, check=2)
                self.assertIn("--", p.stderr)

    def test_help_names_periods_and_examples(self):
        for command in ("list", "stats", "export", "report", "due"):
            with self.subTest(command=command):
                out = self.m(command, "--help").stdout
                for option in ("--year", "--quarter", "--month", "--from", "--to"):
                    self.assertIn(option, out)
                if command in ("stats", "export", "report"):
                    self.assertIn("Examples", out)
        self.assertIn("--form", self.m("stats", "--help").stdout)
        self.assertIn("--reveal", self.m("export", "--help").stdout)

    def test_workload_by_org(self):
        # Route everything; the example rules send each case somewhere.
        self.m("route", check=None)
        listing = parse_csv(self.m("list", "--format", "csv").stdout)
        org_of = {r["id"]: r["org"] for r in listing}
        self.assertTrue(all(org_of.values()), listing)
        # By hand, today 2026-03-10, limit 30 days: 000002 (received 2026-01-05, due
        # 02-04) and 000001 (02-01, due 03-03) are overdue; 000003 (03-02, due 04-01) is
        # this month's and not overdue; all three are open.
        expected = collections.defaultdict(lambda: [0, 0, 0, 0])
        for case_id, org in org_of.items():
            e = expected[org]
            e[0] += 1
            e[1] += 1
            e[2] += case_id == "WBL-2026-000003"
            e[3] += case_id in ("WBL-2026-000001", "WBL-2026-000002")
        out = parse_csv(self.m("stats", "--by", "org", "--format", "csv").stdout)
        self.assertEqual(list(out[0].keys()),
                         ["org", "org_label", "cases", "open", "this_month", "overdue"])
        got = {r["org"]: [int(r[k]) for k in ("cases", "open", "this_month", "overdue")]
               for r in out if r["org"] != "total"}
        self.assertEqual(got, dict(expected))
        total = [r for r in out if r["org"] == "total"][0]
        self.assertEqual([total[k] for k in ("cases", "open", "this_month", "overdue")],
                         ["3", "3", "1", "2"])


class Ledger2022Test(unittest.TestCase):
    """The example store with its trainings and the 2022 ledger, built once."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-report2022-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        run(["-C", cls.store, "import", LEDGER], check=0, env={"MEDIATE_NOW": NOW})
        cls.rows = csv_rows(LEDGER)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def m(self, *args, check=0):
        return run(["-C", self.store] + list(args), check=check, env={"MEDIATE_NOW": NOW})

    def stats(self, *args):
        return parse_csv(self.m("stats", "--format", "csv", *args).stdout)

    def report_json(self):
        if not hasattr(type(self), "_report"):
            type(self)._report = json.loads(self.m("report", "--year", "2022", "--format",
                                                   "json").stdout)
        return type(self)._report

    def section(self, key):
        return [s for s in self.report_json()["sections"] if s["key"] == key][0]["rows"]

    # -- the seed's figures and the ledger's ------------------------------

    def test_report_states_the_seed_figures(self):
        mediators = setup_rows("mediators.csv")
        active = [m for m in mediators if m["status"] == "active"]
        grades = collections.Counter(m["grade"] for m in active)
        trainings = [t for t in setup_rows("trainings.csv")
                     if "2020-01-01" <= t["date"] <= "2022-12-31"]
        attendances = [a for t in trainings for a in t["attendees"].split(";") if a]
        trained = {m["id"] for m in active} & set(attendances)
        orgs = setup_rows("orgs.csv")
        expected = {
            "grids": len(setup_rows("grids.csv")),
            "brand_rooms": sum(1 for o in orgs if o["kind"] == "brand_room"),
            "grade_4": grades["4"], "grade_3": grades["3"],
            "grade_1_2": grades["1"] + grades["2"],
            "lecturers": sum(1 for m in active if m["lecturer"] == "true"),
            "training_sessions": len(trainings),
            "trainee_times": len(attendances),
            "training_coverage": round(len(trained) / len(active), 4),
            "cases": sum(1 for r in self.rows if r["登记日期"].startswith("2022")),
        }
        f = self.report_json()["figures"]
        self.assertEqual({k: f[k] for k in expected}, expected)
        grade_rows = {r["grade"]: r["mediators"] for r in self.section("grades")
                      if "total" not in r}
        self.assertEqual(grade_rows, {g: grades[g] for g in ("4", "3", "2", "1")})
        # …which are the seed's published figures.
        self.assertEqual([f[k] for k in ("grids", "brand_rooms", "grade_4", "grade_3",
                                         "grade_1_2", "lecturers", "training_sessions",
                                         "trainee_times", "training_coverage", "cases")],
                         [1899, 9, 43, 33, 7, 4, 130, 8390, 1.0, 3100])
        # The Markdown and the HTML state them too.
        md = self.m("report", "--year", "2022", "--format", "md").stdout
        for label, text in (("网格", "1,899"), ("品牌调解室", "9"), ("四级调解员", "43"),
                            ("三级调解员", "33"), ("一级至二级调解员", "7"), ("授课骨干", "4"),
                            ("培训场次（2020–2022）", "130"), ("培训人次（2020–2022）", "8,390"),
                            ("培训覆盖率（2020–2022）", "100.0%"), ("受理案件", "3,100")):
            self.assertIn(f"| {label} | {text} |", md)

    def test_cases_by_category_level_and_month(self):
        rows = [r for r in self.rows if r["登记日期"].startswith("2022")]
        by_category = collections.Counter(CATEGORY_CODES[r["纠纷类型"]] for r in rows)
        by_month = collections.Counter(r["登记日期"][:7] for r in rows)
        # The funnel counts cases concluded in 2022 by the level settled (docs/law.md).
        concluded = [r for r in self.rows if r["结案日期"].startswith("2022")]
        by_level = collections.Counter(LEVEL_CODES[r["化解层级"]] for r in concluded)
        cat = {r["category"]: r["cases"] for r in self.section("categories") if "total" not in r}
        self.assertEqual(cat, dict(by_category))
        month = {r["month"]: r["cases"] for r in self.section("months") if "total" not in r}
        self.assertEqual(month, dict(by_month))
        level = {r["level"]: r["cases"] for r in self.section("funnel") if "total" not in r}
        self.assertEqual(level, dict(by_level))
        # The same as stats for the same query.
        for dim, got in (("category", cat), ("month", month)):
            out = self.stats("--by", dim, "--year", "2022")
            self.assertEqual({r[dim]: int(r["cases"]) for r in out if r[dim] != "total"}, got)
        out = self.stats("--by", "level", "--year", "2022")
        self.assertEqual({r["level"]: int(r["cases"]) for r in out if r["level"] != "total"},
                         level)
        success = sum(1 for r in concluded if r["调解结果"] == "调解成功") / len(concluded)
        self.assertAlmostEqual(self.report_json()["figures"]["success_rate"], success, places=4)

    def test_measures_and_cross_table(self):
        rows = [r for r in self.rows if r["登记日期"].startswith("2022")]
        concluded = [r for r in self.rows if r["结案日期"].startswith("2022")]
        out = self.stats("--by", "source_group", "--year", "2022", "--measure",
                         "cases,amount,concluded,succeeded,written,oral,confirmations")
        total = out[-1]
        self.assertEqual(total["source_group"], "total")
        self.assertEqual(int(total["cases"]), len(rows))
        self.assertEqual(yuan(total["amount"]),
                         sum(round(float(r["涉及金额(元)"]) * 100) for r in rows
                             if r["涉及金额(元)"]))
        agreed = [r for r in concluded if r["调解结果"] == "调解成功"]
        self.assertEqual(int(total["concluded"]), len(concluded))
        self.assertEqual(int(total["agreed"]), len(agreed))
        self.assertEqual(int(total["written"]), sum(1 for r in agreed if r["协议形式"] == "书面"))
        self.assertEqual(int(total["oral"]), sum(1 for r in agreed if r["协议形式"] == "口头"))
        self.assertEqual(int(total["confirmations"]), sum(1 for r in agreed if r["司法确认日期"]))
        groups = collections.Counter(SOURCE_GROUPS[r["案件来源"]] for r in rows)
        self.assertEqual({r["source_group"]: int(r["cases"]) for r in out[:-1]}, dict(groups))
        # Street × category as a cross table, with totals.
        cross = self.stats("--by", "category,level", "--cross", "--year", "2022")
        want = collections.Counter((CATEGORY_CODES[r["纠纷类型"]], LEVEL_CODES[r["化解层级"]])
                                   for r in rows)
        for r in cross[:-1]:
            for level in LEVEL_CODES.values():
                self.assertEqual(int(r[level] or 0), want[(r["category"], level)])
            self.assertEqual(int(r["total"]), sum(v for (c, _), v in want.items()
                                                  if c == r["category"]))
        self.assertEqual(cross[-1]["category"], "total")
        self.assertEqual(int(cross[-1]["total"]), len(rows))

    def test_moj_form_xlsx_equals_csv(self):
        csv_out = self.stats("--form", "moj", "--year", "2022")
        path = os.path.join(self.tmp, "moj.xlsx")
        self.m("stats", "--form", "moj", "--year", "2022", "--format", "xlsx", "-o", path)
        table, sheet = xlsx_rows(path)
        names = list(csv_out[0].keys())
        # The header row holds the headings (Chinese for measures), one per CSV column.
        self.assertEqual(len(table[0]), len(names))
        self.assertEqual(table[0][0], "category")
        self.assertIn("类别", table[0])
        self.assertEqual(len(table) - 1, len(csv_out))
        numeric = ["cases", "agreed", "written", "oral", "confirmations", "application",
                   "initiative", "referral"]
        for xrow, crow in zip(table[1:], csv_out):
            x = dict(zip(names, xrow + [""] * (len(names) - len(xrow))))
            self.assertEqual(x["category"], crow["category"])
            for k in numeric:
                self.assertEqual(int(float(x[k] or 0)), int(crow[k] or 0), (k, crow))
            self.assertAlmostEqual(float(x["amount"] or 0), float(crow["amount"] or 0), places=2)
            if crow["success_rate"]:
                self.assertAlmostEqual(float(x["success_rate"]), float(crow["success_rate"]),
                                       places=4)
            else:
                self.assertEqual(x["success_rate"], "")
        # Frozen header row.
        pane = sheet.find(".//{http://schemas.openxmlformats.org/spreadsheetml/2006/main}pane")
        self.assertIsNotNone(pane)
        # Every category of docs/law.md is a row; counts from the ledger.
        rows = [r for r in self.rows if r["登记日期"].startswith("2022")]
        by_category = collections.Counter(CATEGORY_CODES[r["纠纷类型"]] for r in rows)
        got = {r["category"]: int(r["cases"]) for r in csv_out if r["category"] != "total"}
        self.assertEqual(set(got), set(CATEGORY_CODES.values()))
        self.assertEqual({k: v for k, v in got.items() if v}, dict(by_category))
        split = {r["category"]: (int(r["application"]), int(r["initiative"]), int(r["referral"]))
                 for r in csv_out if r["category"] != "total"}
        for code in CATEGORY_CODES.values():
            g = collections.Counter(SOURCE_GROUPS[r["案件来源"]] for r in rows
                                    if CATEGORY_CODES[r["纠纷类型"]] == code)
            self.assertEqual(split[code], (g["application"], g["initiative"], g["referral"]))

    def test_jsonl_export_gives_the_counts_of_stats(self):
        text = self.m("export", "--year", "2022", "--format", "jsonl").stdout
        objs = [json.loads(line) for line in text.splitlines()]
        self.assertEqual(len(objs), 3100)
        self.assertTrue(all(o["schema"] == "mediate-export/2" for o in objs))
        for dim in ("category", "street", "source_group", "level", "outcome", "month"):
            want = {r[dim]: int(r["cases"]) for r in self.stats("--by", dim, "--year", "2022",
                                                                "--measure", "cases")
                    if r[dim] != "total"}
            got = collections.Counter(o[dim] or "" for o in objs)
            self.assertEqual(dict(got), want, dim)
        # Personal data masked, unless --reveal.
        an_id = self.rows[0]["申请人证件号码"]
        self.assertNotIn(an_id, text)
        self.assertIn(an_id[:6] + "********" + an_id[-4:], text)
        revealed = self.m("export", "--year", "2022", "--format", "jsonl", "--reveal").stdout
        self.assertIn(an_id, revealed)
        # ... and the disclosure is in the history: who, which command, how many cases.
        last = git(self.store, "log", "-1", "--format=%an <%ae>%n%B")
        self.assertIn(OPERATOR, last)
        self.assertIn("Mediate-Action: reveal", last)
        self.assertIn("Mediate-Reveal: export", last)
        self.assertIn("Mediate-Cases: 3100", last)
        self.assertEqual(git(self.store, "status", "--porcelain"), "")
        # CSV has the same rows and the documented columns.
        out = parse_csv(self.m("export", "--year", "2022", "--format", "csv").stdout)
        self.assertEqual(len(out), 3100)
        with open(os.path.join(os.environ.get("MEDIATE_SOURCE_DIR", "."), "docs", "export.md"),
                  encoding="utf-8") as f:
            doc = f.read()
        for column in out[0].keys():
            self.assertIn(f"`{column}`", doc)

    def test_html_report_renders_in_chromium(self):
        chromium = shutil.which("chromium")
        self.assertIsNotNone(chromium, "chromium is needed (scripts/setup installs it)")
        html = os.path.join(self.tmp, "report-2022.html")
        self.m("report", "--year", "2022", "-o", html)
        with open(html, encoding="utf-8") as f:
            source = f.read()
        self.assertNotRegex(source, r"(src|href)=\"(https?:)?//")
        for text in ("1,899", "8,390", "3,100"):
            self.assertIn(text, source)
        profile = os.path.join(self.tmp, "chromium-profile")
        common = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                  "--user-data-dir=" + profile]
        dom = subprocess.run(common + ["--dump-dom", "file://" + html], capture_output=True,
                             text=True, timeout=180)
        self.assertEqual(dom.returncode, 0, dom.stderr)
        for chart in ("categories", "funnel", "months", "grades"):
            self.assertRegex(dom.stdout, r'<svg[^>]*data-chart="%s"' % chart)
        self.assertIn("<polyline", dom.stdout)
        png = os.path.join(self.tmp, "report.png")
        shot = subprocess.run(common + ["--screenshot=" + png, "--window-size=1200,2000",
                                        "file://" + html], capture_output=True, text=True,
                              timeout=180)
        self.assertEqual(shot.returncode, 0, shot.stderr)
        with open(png, "rb") as f:
            data = f.read()
        self.assertGreater(len(data), 1000)
        self.assertEqual(data[:8], b"\x89PNG\r\n\x1a\n")


if __name__ == "__main__":
    unittest.main()
