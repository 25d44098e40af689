"""End-to-end: `mediate alerts` (early warning) and `mediate consult` (front desk).

The alerts store is seeded by hand with four cases whose alerts are known
from their facts and the example thresholds (examples/wanbailin/setup.yaml
alerts: and the default risk response times, red 2 hours):

  A, B  the same applicant (ID 11010519491231002X), received 2026-03-01 and
        2026-03-05: one repeated_party alert naming both;
  C     30 people involved: one mass alert;
  D     red risk, received 2026-03-09 10:00, never routed: at 2026-03-10
        12:00 it is 26 hours (1 day 2 hours) old, past its 2-hour response time.

No case is near its deadline (30 days from receipt) and no grid repeats, so
exactly three alerts are expected.
"""

import csv
import glob
import os
import subprocess
import unittest

import yaml

from mediate_support import StoreTestCase, git, run

SEED_NOW = "2026-03-10T09:00:00+08:00"
NOW = "2026-03-10T12:00:00+08:00"
ID_A = "11010519491231002X"


def commit_all(store, message):
    git(store, "add", "-A")
    git(store, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", message)


class AlertsTest(StoreTestCase):
    def intake(self, received, applicant, phone, respondent, rphone, risk, people, id_number=None,
               community="140109005003"):
        args = [
            "intake", "--category", "neighbour", "--source", "application", "--summary", "楼上漏水",
            "--street", "140109005", "--community", community, "--received", received,
            "--applicant", applicant, "--applicant-phone", phone, "--respondent", respondent,
            "--respondent-phone", rphone, "--risk", risk, "--people", str(people),
        ]
        if id_number:
            args += ["--applicant-id", id_number]
        r = self.m(*args, env={"MEDIATE_NOW": SEED_NOW})
        return r.stdout.split()[1]  # "registered WBL-2026-000001 邻里纠纷 (abc1234)"

    def seed(self):
        a = self.intake("2026-03-01", "李某", "13800001234", "王某", "13900002222", "yellow", 2, ID_A)
        b = self.intake("2026-03-05", "李某", "13800001234", "赵某", "13700003333", "blue", 2, ID_A,
                        community="140109005001")
        c = self.intake("2026-03-08", "周某", "13600004444", "太原某物业公司", "13500005555", "yellow", 30,
                        community="140109005002")
        d = self.intake("2026-03-09T10:00:00+08:00", "钱某", "13300006666", "孙某", "13200007777", "red", 2,
                        community="140109005006")
        return a, b, c, d

    def alerts(self, *args):
        r = self.m("alerts", "--format", "csv", *args, env={"MEDIATE_NOW": NOW})
        return list(csv.DictReader(r.stdout.splitlines()))

    def test_seeded_store_lists_exactly_the_expected_alerts(self):
        a, b, c, d = self.seed()
        rows = self.alerts()
        got = sorted((r["kind"], r["cases"]) for r in rows)
        want = sorted([
            ("repeated_party", ", ".join(sorted([a, b]))),
            ("mass", c),
            ("risk_response", d),
        ])
        self.assertEqual(got, want, rows)
        by_kind = {r["kind"]: r["reason"] for r in rows}
        self.assertIn("ID 110105********002X", by_kind["repeated_party"])
        self.assertNotIn(ID_A, by_kind["repeated_party"])  # masked
        self.assertIn("30 people involved", by_kind["mass"])
        self.assertIn("10 or more", by_kind["mass"])
        self.assertIn("red risk", by_kind["risk_response"])
        self.assertIn("1 day 2 hours after receipt", by_kind["risk_response"])
        self.assertIn("exceeded by 1 day", by_kind["risk_response"])
        self.assertIn("response time is 2 hours", by_kind["risk_response"])
        self.assertClean()

        # A filter narrows the cases looked at.
        rows = self.alerts("risk:red")
        self.assertEqual([(r["kind"], r["cases"]) for r in rows], [("risk_response", d)])

        # Table output ends with the count; the command writes nothing.
        r = self.m("alerts", env={"MEDIATE_NOW": NOW})
        self.assertTrue(r.stdout.rstrip().endswith("3 alerts"), r.stdout)
        self.assertClean()

    def test_thresholds_come_from_the_store_settings(self):
        a, b, c, d = self.seed()
        path = os.path.join(self.store, "mediate.yaml")
        with open(path, encoding="utf-8") as f:
            settings = f.read()
        self.assertIn("mass_people: 10", settings)
        settings = settings.replace("mass_people: 10", "mass_people: 31")
        settings = settings.replace("near_deadline_days: 3", "near_deadline_days: 30")
        with open(path, "w", encoding="utf-8") as f:
            f.write(settings)
        commit_all(self.store, "thresholds")
        kinds = sorted(r["kind"] for r in self.alerts())
        # no mass alert at 31; every case is now near its deadline (the latest, D:
        # 2026-04-08, 29 days away)
        self.assertNotIn("mass", kinds)
        self.assertEqual(kinds.count("near_deadline"), 4)
        self.m("validate")

    def test_overdue_case(self):
        a, b, c, d = self.seed()
        rows = self.m("alerts", "--format", "csv", env={"MEDIATE_NOW": "2026-04-02T12:00:00+08:00"}).stdout
        rows = list(csv.DictReader(rows.splitlines()))
        overdue = [r for r in rows if r["kind"] == "overdue"]
        # A was received 2026-03-01: 30 days → 2026-03-31, two days past on 2026-04-02.
        self.assertEqual([r["cases"] for r in overdue], [a])
        self.assertIn("deadline 2026-03-31 passed 2 days ago", overdue[0]["reason"])


class ConsultTest(StoreTestCase):
    def consultations(self):
        out = {}
        for p in glob.glob(os.path.join(self.store, "consultations", "*", "*.yaml")):
            with open(p, encoding="utf-8") as f:
                rec = yaml.safe_load(f)
            out[rec["id"]] = (os.path.relpath(p, self.store), rec)
        return out

    def test_record_list_count_and_to_case(self):
        env = {"MEDIATE_NOW": "2026-03-02T09:30:00+08:00"}
        before = int(self.commits())
        r = self.m("consult", "--name", "李某", "--phone", "13800001234", "--category", "邻里纠纷",
                   "--question", "楼上漏水怎么办", "--advice", "可申请社区调解", "--referred", "C-140109005003",
                   env=env)
        self.assertIn("recorded WBL-ZX-2026-000001 李某", r.stdout)
        self.m("consult", "--name", "王某", "--question", "工资拖欠", "--advice", "劳动仲裁",
               "--referred", "劳动人事争议仲裁委员会", env=env)
        self.assertEqual(int(self.commits()), before + 2)
        recs = self.consultations()
        self.assertEqual(sorted(recs), ["WBL-ZX-2026-000001", "WBL-ZX-2026-000002"])
        path, first = recs["WBL-ZX-2026-000001"]
        self.assertEqual(path, "consultations/2026/WBL-ZX-2026-000001.yaml")
        self.assertEqual(first["visitor"], {"name": "李某", "phone": "13800001234"})
        self.assertEqual(first["category"], "neighbour")
        self.assertEqual(first["referred"], "C-140109005003")
        self.assertEqual(first["at"], "2026-03-02T09:30:00+08:00")

        r = self.m("consult", "list", "--format", "csv")
        rows = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual([x["id"] for x in rows], ["WBL-ZX-2026-000001", "WBL-ZX-2026-000002"])
        self.assertEqual(rows[0]["phone"], "138****1234")  # masked unless --reveal

        r = self.m("consult", "--to-case", "WBL-ZX-2026-000001", "--respondent", "王某",
                   "--community", "140109005003", env={"MEDIATE_NOW": "2026-03-02T10:00:00+08:00"})
        case_id = r.stdout.split()[1]
        self.assertIn("from WBL-ZX-2026-000001", r.stdout)
        cases = glob.glob(os.path.join(self.store, "cases", "*", "*", case_id + ".yaml"))
        self.assertEqual(len(cases), 1)
        with open(cases[0], encoding="utf-8") as f:
            c = yaml.safe_load(f)
        self.assertEqual(c["summary"], "楼上漏水怎么办")
        self.assertEqual(c["parties"][0]["name"], "李某")
        self.assertEqual(c["category"], "neighbour")
        self.assertEqual(c["events"][0]["consultation"], "WBL-ZX-2026-000001")
        self.assertEqual(self.consultations()["WBL-ZX-2026-000001"][1]["case"], case_id)
        self.assertEqual(int(self.commits()), before + 3)
        self.m("validate")
        self.assertClean()

        # Once is enough; nothing written.
        r = self.m("consult", "--to-case", "WBL-ZX-2026-000001", check=3)
        self.assertIn("already became case " + case_id, r.stderr)
        self.assertEqual(int(self.commits()), before + 3)

        # The count in stats: 2 consultations, 1 became a case, 2 referred.
        r = self.m("stats", "--consultations", "--format", "csv")
        rows = {x["year"]: x for x in csv.DictReader(r.stdout.splitlines())}
        self.assertEqual(rows["2026"]["consultations"], "2")
        self.assertEqual(rows["2026"]["to_case"], "1")
        self.assertEqual(rows["total"]["referred"], "2")

    def test_missing_advice_is_rejected(self):
        before = self.commits()
        r = self.m("consult", "--name", "李某", "--question", "问", check=3)
        self.assertIn("--advice", r.stderr)
        self.assertEqual(self.commits(), before)
        self.assertClean()

    def test_help(self):
        for args in (["consult", "--help"], ["alerts", "--help"]):
            r = self.m(*args)
            self.assertIn("Usage", r.stdout)


if __name__ == "__main__":
    unittest.main()
