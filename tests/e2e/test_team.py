"""End to end: the mediator team — roster, organisations, training,
quality review, grades.

Every expected figure is computed here from examples/wanbailin/*.csv (and
examples/ledgers/ledger-2022.csv) with Python's csv module — never from the
program's own output.
"""

import collections
import csv
import datetime
import io
import os
import shutil
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, StoreTestCase, git, run


def rows(name):
    with open(os.path.join(EXAMPLE_SETUP, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


MEDIATORS = rows("mediators.csv")
ORGS = rows("orgs.csv")
TRAININGS = rows("trainings.csv")
ACTIVE = [m for m in MEDIATORS if m["status"] == "active"]
ROSTER_COLUMNS = ["id", "name", "sex", "born", "org", "role", "employment", "grade", "graded",
                  "specialties", "lecturer", "honours", "filed", "status", "phone"]


def load(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return yaml.safe_load(f)


def read(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return f.read()


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


class SharedStore(unittest.TestCase):
    """One example store for the tests that only read."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-team-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def m(self, *args, check=0, **kw):
        return run(["-C", self.store] + list(args), check=check, **kw)

    def assertClean(self):
        self.assertEqual(git(self.store, "status", "--porcelain"), "")


class SeedFiguresTest(SharedStore):
    """The seed's team figures, each against the CSVs."""

    def stats(self):
        out = parse_csv(self.m("mediator", "stats", "--format", "csv").stdout)
        return {(r["dimension"], r["value"]): int(r["mediators"]) for r in out}

    def test_active_mediators_by_grade_and_lecturers(self):
        by_grade = collections.Counter(m["grade"] for m in ACTIVE)
        s = self.stats()
        self.assertEqual(s[("grade", "4")], by_grade["4"])
        self.assertEqual(s[("grade", "3")], by_grade["3"])
        self.assertEqual(s[("grade", "1-2")], by_grade["1"] + by_grade["2"])
        self.assertEqual(s[("lecturer", "true")], sum(m["lecturer"] == "true" for m in ACTIVE))
        self.assertEqual(s[("active", "")], len(ACTIVE))
        # The seed's figures, which the example data reproduces.
        self.assertEqual((s[("grade", "4")], s[("grade", "3")], s[("grade", "1-2")],
                          s[("lecturer", "true")]), (43, 33, 7, 4))
        self.assertClean()

    def test_training_2020_2022(self):
        in_period = [t for t in TRAININGS if "2020-01-01" <= t["date"] <= "2022-12-31"]
        attendances = [a for t in in_period for a in t["attendees"].split(";") if a]
        active_ids = {m["id"] for m in ACTIVE}
        trained = active_ids & set(attendances)
        out = parse_csv(self.m("training", "stats", "--years", "2020-2022", "--format", "csv").stdout)
        self.assertEqual(len(out), 1)
        row = out[0]
        self.assertEqual(int(row["sessions"]), len(in_period))
        self.assertEqual(int(row["trainee_times"]), len(attendances))
        self.assertAlmostEqual(float(row["coverage"]), len(trained) / len(active_ids), places=4)
        person_hours = sum(float(t["hours"]) * len(t["attendees"].split(";")) for t in in_period)
        self.assertAlmostEqual(float(row["hours"]), person_hours, places=1)
        self.assertEqual((int(row["sessions"]), int(row["trainee_times"]), float(row["coverage"])),
                         (130, 8390, 1.0))
        # The same through --from/--to, and by year adding up.
        same = parse_csv(self.m("training", "stats", "--from", "2020-01-01", "--to", "2022-12-31",
                                "--format", "csv").stdout)
        self.assertEqual(same, out)
        by_year = parse_csv(self.m("training", "stats", "--years", "2020-2022", "--by", "year",
                                   "--format", "csv").stdout)
        years = collections.Counter(t["date"][:4] for t in in_period)
        for r in by_year[:-1]:
            self.assertEqual(int(r["sessions"]), years[r["year"]])
        self.assertEqual(by_year[-1]["year"], "total")

    def test_training_due(self):
        year = "2022"
        hours = collections.Counter()
        for t in TRAININGS:
            if t["date"].startswith(year):
                for a in t["attendees"].split(";"):
                    hours[a] += float(t["hours"])
        expected = sorted(m["id"] for m in ACTIVE
                          if hours[m["id"]] < 20 and (not m["filed"] or m["filed"][:4] <= year))
        out = parse_csv(self.m("training", "due", "--year", year, "--format", "csv").stdout)
        self.assertEqual(sorted(r["id"] for r in out), expected)
        for r in out:
            self.assertEqual(int(r["required"]), 20)
            self.assertAlmostEqual(float(r["hours"]), hours[r["id"]], places=1)

    def test_training_list_and_show(self):
        out = parse_csv(self.m("training", "list", "--year", "2021", "--format", "csv").stdout)
        self.assertEqual(sorted(r["id"] for r in out),
                         sorted(t["id"] for t in TRAININGS if t["date"].startswith("2021")))
        t = TRAININGS[0]
        shown = self.m("training", "show", t["id"]).stdout
        self.assertIn(t["title"], shown)
        self.assertIn(f"attendees  {len(t['attendees'].split(';'))}", shown)
        p = self.m("training", "show", "T-1999-001", check=3)
        self.assertIn("no training session T-1999-001", p.stderr)

    def test_roster_csv_has_the_design_columns_and_masks_phones(self):
        text = self.m("mediator", "list", "--format", "csv").stdout
        reader = csv.reader(io.StringIO(text))
        self.assertEqual(next(reader), ROSTER_COLUMNS)
        out = parse_csv(text)
        self.assertEqual(len(out), len(MEDIATORS))
        by_id = {m["id"]: m for m in MEDIATORS}
        for r in out:
            src = by_id[r["id"]]
            for col in ("name", "sex", "born", "org", "role", "employment", "grade", "graded",
                        "specialties", "honours", "filed", "status"):
                self.assertEqual(r[col], src[col], (r["id"], col))
            self.assertEqual(r["lecturer"], "true" if src["lecturer"] == "true" else "false")
            if src["phone"]:
                self.assertNotEqual(r["phone"], src["phone"])
                self.assertIn("****", r["phone"])
        revealed = parse_csv(self.m("mediator", "list", "--reveal", "--format", "csv").stdout)
        self.assertEqual({r["id"]: r["phone"] for r in revealed},
                         {m["id"]: m["phone"] for m in MEDIATORS})

    def test_roster_filters(self):
        out = parse_csv(self.m("mediator", "list", "--org", "WBL-CENTRE", "--status", "active",
                               "--format", "csv").stdout)
        self.assertEqual(sorted(r["id"] for r in out),
                         sorted(m["id"] for m in ACTIVE if m["org"] == "WBL-CENTRE"))
        out = parse_csv(self.m("mediator", "list", "--grade", "4", "--status", "active",
                               "--format", "csv").stdout)
        self.assertEqual(len(out), sum(m["grade"] == "4" for m in ACTIVE))
        self.m("mediator", "list", "--org", "NOPE", check=3)
        self.m("mediator", "list", "--grade", "7", check=2)

    def test_mediator_show(self):
        m = ACTIVE[0]
        out = self.m("mediator", "show", m["id"]).stdout
        self.assertIn(m["name"], out)
        self.assertNotIn(m["phone"], out)
        self.assertIn(m["phone"], self.m("mediator", "show", m["id"], "--reveal").stdout)
        self.m("mediator", "show", "M-9999", check=3)

    def test_org_list_and_show(self):
        out = parse_csv(self.m("org", "list", "--format", "csv").stdout)
        self.assertEqual(sorted(r["id"] for r in out), sorted(o["id"] for o in ORGS))
        members = collections.Counter(m["org"] for m in ACTIVE)
        full_time = collections.Counter(m["org"] for m in ACTIVE if m["employment"] == "full_time")
        for r in out:
            self.assertEqual(int(r["members"]), members[r["id"]])
            self.assertEqual(int(r["full_time"]), full_time[r["id"]])
        committees = parse_csv(self.m("org", "list", "--kind", "村居调委会", "--format", "csv").stdout)
        self.assertEqual(len(committees), sum(o["kind"] == "community_committee" for o in ORGS))
        shown = self.m("org", "show", "WBL-CENTRE").stdout
        self.assertIn("万柏林区非诉讼纠纷调解中心", shown)
        self.assertIn(f"members       {members['WBL-CENTRE']} ", shown)

    def test_validate_warns_about_staffing_and_exits_0(self):
        p = self.m("validate", "orgs", "-v")
        norm = {"community_committee": 1, "street_committee": 2, "industry_committee": 3,
                "district_centre": 5}
        full_time = collections.Counter(m["org"] for m in ACTIVE if m["employment"] == "full_time")
        expected = sorted(o["id"] for o in ORGS
                          if o["kind"] in norm and full_time[o["id"]] < norm[o["kind"]])
        warned = sorted({line.split(".yaml:")[0].split("/")[-1] for line in p.stdout.splitlines()
                         if "staffing norm" in line})
        self.assertEqual(warned, expected)
        self.assertIn("no errors", p.stdout)
        # By default the staffing-norm warnings are one line: how many, of which kind, and
        # how to list them; -q leaves warnings out altogether.
        short = self.m("validate", "orgs").stdout
        self.assertEqual([line for line in short.splitlines() if "staffing norm" in line],
                         [f"warning: {len(expected)} organisations are below the full-time "
                          "staffing norm (store setting staffing.full_time, local practice); "
                          "add -v to list them"])
        self.assertNotIn(".yaml:", short)
        self.assertEqual(self.m("validate", "orgs", "-q").stdout.splitlines(),
                         [short.splitlines()[-1]])

    def test_validate_quiet_shows_errors_only(self):
        folder = os.path.join(self.store, "cases", "2026", "03")
        os.makedirs(folder)
        with open(os.path.join(folder, "WBL-2026-000001.yaml"), "w", encoding="utf-8") as f:
            f.write('schema: "case/1"\nid: "WBL-2026-000001"\n')
        loud = self.m("validate", check=1)
        quiet = self.m("validate", "-q", check=1)
        errors = [line for line in loud.stdout.splitlines() if "WBL-2026-000001.yaml:" in line]
        self.assertTrue(errors, loud.stdout)
        self.assertEqual([line for line in quiet.stdout.splitlines() if ".yaml:" in line], errors)
        self.assertNotIn("warning", quiet.stdout)
        self.assertIn("warning", loud.stdout)

    def test_review_sample_is_reproducible(self):
        # The example store has no cases yet: an empty sample, twice.
        a = self.m("review", "sample", "--rate", "10%", "--seed", "7", "--format", "csv").stdout
        self.assertEqual(a, self.m("review", "sample", "--rate", "10%", "--seed", "7",
                                   "--format", "csv").stdout)
        self.m("review", "sample", "--rate", "250%", check=2)
        self.m("review", "sample", check=2)

    def test_eligible_with_no_cases_lists_nobody(self):
        out = parse_csv(self.m("mediator", "eligible", "--format", "csv").stdout)
        self.assertEqual(out, [])
        everyone = parse_csv(self.m("mediator", "eligible", "--all", "--format", "csv").stdout)
        self.assertEqual(len(everyone), len(ACTIVE))
        self.m("mediator", "eligible", "--grade", "2", check=2)

    def test_filing_lists(self):
        year = "2022"
        expected = sorted(m["id"] for m in ACTIVE if not m["filed"] or m["filed"][:4] <= year)
        out = parse_csv(self.m("filing", "--year", year, "--list", "mediators",
                               "--format", "csv").stdout)
        self.assertEqual(sorted(r["id"] for r in out), expected)
        self.assertEqual(sum(r["new"] == "true" for r in out),
                         sum(1 for m in ACTIVE if m["filed"][:4] == year))
        committees = parse_csv(self.m("filing", "--year", year, "--list", "committees",
                                      "--format", "csv").stdout)
        kinds = {"community_committee", "street_committee", "enterprise_committee",
                 "industry_committee", "chamber_committee"}
        self.assertEqual(sorted(r["id"] for r in committees),
                         sorted(o["id"] for o in ORGS if o["kind"] in kinds))
        html = self.m("filing", "--year", year, "--format", "html").stdout
        self.assertIn("万柏林区 2022年度人民调解组织和人民调解员备案登记", html)
        self.assertNotIn(ACTIVE[0]["phone"], html)
        xlsx = os.path.join(self.tmp, "filing.xlsx")
        self.m("filing", "--year", year, "--list", "mediators", "--format", "xlsx", "-o", xlsx)
        with open(xlsx, "rb") as f:
            self.assertEqual(f.read(2), b"PK")
        self.m("filing", "--year", year, "--format", "csv", check=2)
        self.assertClean()

    def test_help_of_every_subcommand(self):
        groups = {"mediator": ["list", "show", "add", "edit", "retire", "import", "rate", "stats",
                               "eligible"],
                  "org": ["list", "show", "add", "edit", "retire"],
                  "training": ["import", "add", "list", "show", "stats", "due"],
                  "review": ["check", "sample", "add", "list", "stats"]}
        self.assertIn("Examples", self.m("filing", "--help").stdout)
        for group, subs in groups.items():
            self.assertIn("Examples", self.m(group, "--help").stdout)
            for sub in subs:
                self.assertIn("Usage", self.m(group, sub, "--help").stdout, (group, sub))
        self.m("mediator", check=2)


class RosterWriteTest(StoreTestCase):
    def test_add_edit_rate_retire_each_one_commit(self):
        start = int(self.commits())
        p = self.m("mediator", "add", "--name", "张三", "--sex", "male", "--born", "1975-05-01",
                   "--org", "WBL-CENTRE", "--role", "engaged", "--employment", "专职",
                   "--phone", "13800001234")
        new_id = "M-%04d" % (max(int(m["id"][2:]) for m in MEDIATORS) + 1)
        self.assertIn(new_id, p.stdout)
        rec = load(self.store, "mediators", new_id + ".yaml")
        self.assertEqual(rec["employment"], "full_time")
        self.assertEqual(rec["org"], "WBL-CENTRE")
        self.m("mediator", "edit", new_id, "--education", "本科", "--specialties", "邻里纠纷,labour")
        self.m("mediator", "rate", new_id, "--grade", "4", "--basis", "区调解协会2026年第1号",
               "--date", "2026-03-01")
        rec = load(self.store, "mediators", new_id + ".yaml")
        self.assertEqual(rec["grade"], 4)
        self.assertEqual(rec["specialties"], ["neighbour", "labour"])
        self.assertEqual(rec["ratings"], [{"grade": 4, "date": "2026-03-01",
                                           "by": "测试员 <tester@example.org>",
                                           "basis": "区调解协会2026年第1号"}])
        self.m("mediator", "retire", new_id, "--date", "2026-04-01")
        rec = load(self.store, "mediators", new_id + ".yaml")
        self.assertEqual((rec["status"], rec["retired"]), ("retired", "2026-04-01"))
        self.assertEqual(int(self.commits()), start + 4)
        log = git(self.store, "log", "-4", "--format=%s%n%b")
        for action in ("mediator-add", "mediator-edit", "mediator-rate", "mediator-retire"):
            self.assertIn("Mediate-Action: " + action, log)
        self.m("mediator", "retire", new_id, check=3)
        self.m("validate")
        self.assertClean()

    def test_a_minor_or_unknown_org_is_refused_and_nothing_written(self):
        start = self.commits()
        p = self.m("mediator", "add", "--name", "小明", "--sex", "male", "--born", "2015-01-01",
                   "--org", "NOPE", check=3)
        self.assertIn("Law Art. 14", p.stderr)
        self.assertIn("unknown organisation \"NOPE\"", p.stderr)
        self.m("mediator", "edit", ACTIVE[0]["id"], "--grade", "9", check=3)
        self.m("mediator", "rate", ACTIVE[0]["id"], "--grade", "3", "--basis", "", check=3)
        self.assertEqual(self.commits(), start)
        self.assertClean()

    def test_import_is_idempotent_and_updates_in_one_commit(self):
        src = os.path.join(EXAMPLE_SETUP, "mediators.csv")
        start = int(self.commits())
        p = self.m("mediator", "import", src)
        self.assertIn("nothing to import", p.stdout)
        self.assertEqual(int(self.commits()), start)
        changed = os.path.join(self.tmp, "mediators.csv")
        with open(src, encoding="utf-8") as f:
            lines = f.read().splitlines()
        header = lines[0].split(",")
        row = next(csv.reader([lines[1]]))
        row[header.index("phone")] = "13912345678"
        lines[1] = ",".join(row)
        lines.append("M-5000,新人,female,1990-01-01,WBL-CENTRE,engaged,part_time,,,,,,2026-01-01,"
                     "active,")
        with open(changed, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        p = self.m("mediator", "import", changed, "--dry-run")
        self.assertIn("would add 1 mediators", p.stdout)
        self.assertEqual(int(self.commits()), start)
        p = self.m("mediator", "import", changed)
        self.assertIn("1 added, 1 updated", p.stdout)
        self.assertEqual(int(self.commits()), start + 1)
        self.assertIn("13912345678", read(self.store, "mediators", row[0] + ".yaml"))
        self.assertIn("nothing to import", self.m("mediator", "import", changed).stdout)
        self.assertEqual(int(self.commits()), start + 1)
        self.assertClean()


class OrgWriteTest(StoreTestCase):
    def test_add_edit_retire_and_law_art_8_warnings(self):
        start = int(self.commits())
        self.m("org", "add", "--id", "C-TEST", "--name", "测试社区人民调解委员会",
               "--kind", "community_committee", "--level", "community", "--street", "140109005",
               "--parent", "S-140109005")
        p = self.m("validate", "orgs/C-TEST.yaml")
        self.assertIn("has 0 members; a committee has 3 to 9 (People's Mediation Law Art. 8)",
                      p.stdout)
        self.assertIn("has no chair", p.stdout)
        self.assertIn("has no woman", p.stdout)
        self.m("org", "edit", "C-TEST", "--name", "测试社区调委会")
        self.assertIn("测试社区调委会", self.m("org", "show", "C-TEST").stdout)
        self.m("mediator", "add", "--id", "M-7001", "--name", "甲", "--sex", "female",
               "--born", "1970-01-01", "--org", "C-TEST", "--role", "chair")
        p = self.m("org", "retire", "C-TEST", check=3)
        self.assertIn("1 active mediator belong to it", p.stderr)
        self.m("mediator", "retire", "M-7001")
        self.m("org", "retire", "C-TEST")
        self.assertEqual(int(self.commits()), start + 5)
        self.m("org", "add", "--id", "C-TEST", "--name", "x", "--kind", "brand_room",
               "--level", "street", check=3)
        self.m("org", "add", "--id", "C-BAD", "--name", "x", "--kind", "spaceship",
               "--level", "street", check=3)
        self.assertClean()


class TrainingWriteTest(StoreTestCase):
    def test_init_loaded_the_sessions_and_import_again_adds_nothing(self):
        files = []
        for year in os.listdir(os.path.join(self.store, "trainings")):
            files += os.listdir(os.path.join(self.store, "trainings", year))
        self.assertEqual(len(files), len(TRAININGS))
        start = self.commits()
        p = self.m("training", "import", os.path.join(EXAMPLE_SETUP, "trainings.csv"))
        self.assertIn(f"nothing to import: all {len(TRAININGS)} sessions", p.stdout)
        self.assertEqual(self.commits(), start)
        self.assertClean()

    def test_add_then_import_of_new_sessions_is_one_commit(self):
        start = int(self.commits())
        p = self.m("training", "add", "--date", "2023-03-01", "--kind", "调解理论",
                   "--title", "新修订民事诉讼法", "--hours", "2.5", "--lecturer", "external",
                   "--attendees", "M-0001,M-0002")
        self.assertIn("T-2023-001", p.stdout)
        rec = load(self.store, "trainings", "2023", "T-2023-001.yaml")
        self.assertEqual(rec["hours"], 2.5)
        self.assertEqual(rec["attendees"], ["M-0001", "M-0002"])
        self.m("training", "add", "--date", "2023-03-02", "--kind", "theory", "--title", "x",
               "--hours", "2", "--attendees", "M-0001,M-9999", check=3)
        csv_path = os.path.join(self.tmp, "t.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("id,date,kind,title,level,hours,lecturer,attendees\n"
                    "T-2023-010,2023-04-01,practice,物业纠纷实务,street,3,M-0004,M-0001;M-0003\n"
                    "T-2023-011,2023-05-01,psychology,心理疏导,district,4,external,M-0002\n")
        p = self.m("training", "import", csv_path)
        self.assertIn("imported 2 sessions", p.stdout)
        self.assertEqual(int(self.commits()), start + 2)
        self.assertIn("Mediate-Action: training-import", git(self.store, "log", "-1", "--format=%b"))
        out = parse_csv(self.m("training", "stats", "--year", "2023", "--format", "csv").stdout)
        self.assertEqual((int(out[0]["sessions"]), int(out[0]["trainee_times"])), (3, 5))
        self.m("validate", "trainings")
        self.assertClean()

    def test_bad_csv_is_refused_with_rows(self):
        bad = os.path.join(self.tmp, "bad.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("id,date,kind,title,level,hours,lecturer,attendees\n"
                    "T-2023-020,2023-02-30,theory,x,district,3,external,M-0001\n")
        start = self.commits()
        p = self.m("training", "import", bad, check=3)
        self.assertIn("bad.csv:2: date:", p.stderr)
        self.assertEqual(self.commits(), start)


class ReviewWriteTest(StoreTestCase):
    def intake(self):
        return self.m("intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary",
                      "楼上漏水", "--received", "2026-03-02", "--street", "万柏林街道",
                      "--applicant", "李某", "--applicant-phone", "13800001234").stdout.split()[1]

    def test_add_list_stats(self):
        a, b = self.intake(), self.intake()
        start = int(self.commits())
        self.m("review", "add", a, "--score", "85", "--finding", "no_return_visit",
               "--finding", "missing_signature", "--individual", "回访记录未签名",
               "--date", "2026-06-01")
        self.m("review", "add", b, "--score", "95", "--date", "2026-06-02")
        p = self.m("review", "add", a, "--score", "80", "--date", "2026-06-03", check=3)
        self.assertIn("--replace", p.stderr)
        self.m("review", "add", a, "--finding", "nonsense", check=3)
        self.m("review", "add", "WBL-2026-999999", "--score", "1", check=3)
        self.assertEqual(int(self.commits()), start + 2)
        s = parse_csv(self.m("review", "stats", "--year", "2026", "--format", "csv").stdout)[0]
        self.assertEqual((s["files_reviewed"], s["typed_problems"], s["typed_kinds"],
                          s["individual_problems"]), ("2", "2", "2", "1"))
        self.assertEqual(float(s["average_score"]), 90.0)
        kinds = parse_csv(self.m("review", "stats", "--kinds", "--format", "csv").stdout)
        self.assertEqual([k["code"] for k in kinds[:-1]], ["missing_signature", "no_return_visit"])
        self.m("validate", "reviews")
        self.assertClean()

    def test_check_over_received_cases_finds_nothing_and_exits_0(self):
        self.intake()
        out = parse_csv(self.m("review", "check", "--format", "csv").stdout)
        self.assertEqual([r["code"] for r in out[:-1]],
                         ["over_time_limit", "oral_instalments", "no_return_visit",
                          "late_confirmation", "written_agreement_terms_missing",
                          "invalid_id_number"])
        self.assertTrue(all(r["cases"] == "0" for r in out))

    def test_sample_draws_the_same_cases_twice(self):
        for _ in range(12):
            self.intake()
        a = parse_csv(self.m("review", "sample", "--rate", "25%", "--seed", "42",
                             "--format", "csv").stdout)
        b = parse_csv(self.m("review", "sample", "--rate", "25%", "--seed", "42",
                             "--format", "csv").stdout)
        self.assertEqual(len(a), 3)
        self.assertEqual(a, b)
        c = parse_csv(self.m("review", "sample", "--rate", "25%", "--seed", "43",
                             "--format", "csv").stdout)
        self.assertEqual(len(c), 3)


class ReviewLedgerTest(StoreTestCase):
    """review check over the migrated 2022 ledger (needs the migration of the ledger's history)."""

    def test_first_four_kinds_match_the_ledger(self):
        ledger = os.path.join(LEDGERS, "ledger-2022.csv")
        p = self.m("import", ledger, check=None)
        if p.returncode != 0:
            self.skipTest("the 2022 ledger does not migrate yet: " + p.stderr[-300:])
        with open(ledger, encoding="utf-8", newline="") as f:
            ledger_rows = list(csv.DictReader(f))

        def day(s):
            return datetime.date.fromisoformat(s)

        expected = {
            "over_time_limit": sum(1 for r in ledger_rows if r["结案日期"] and
                                   (day(r["结案日期"]) - day(r["登记日期"])).days > 30),
            "oral_instalments": sum(1 for r in ledger_rows
                                    if r["协议形式"] == "口头" and r["履行情况"] == "分期履行"),
            "no_return_visit": sum(1 for r in ledger_rows
                                   if r["调解结果"] == "调解成功" and not r["回访日期"]),
            "late_confirmation": sum(1 for r in ledger_rows if r["司法确认日期"] and
                                     (day(r["司法确认日期"]) - day(r["结案日期"])).days > 30),
        }
        p = self.m("review", "check", "received:2022-01-01..2022-12-31", "--format", "csv",
                   check=1)
        got = {r["code"]: int(r["cases"]) for r in parse_csv(p.stdout)}
        for code, n in expected.items():
            self.assertEqual(got[code], n, code)
        self.assertEqual(got["written_agreement_terms_missing"], 0)  # migrated: not checked
        listed = parse_csv(self.m("review", "check", "--cases", "--format", "csv", check=1).stdout)
        self.assertEqual(sum(1 for r in listed if r["code"] == "no_return_visit"),
                         expected["no_return_visit"])


if __name__ == "__main__":
    unittest.main()
