"""End-to-end: `mediate assign --auto`, escalation re-routing, `route --dry-run FILTER`.

The store is `mediate init S --from examples/wanbailin` with
examples/ledgers/ledger-2026q1.csv imported and routed by the example rules.
What each assignment must satisfy is computed here from the case files, the
ledger CSV and the mediator registry (mediators/*.yaml), never from the
program's explanation:

- the mediator belongs to the organisation handling the case and is active;
- red-risk cases (ledger 风险等级 红; the example rule red-to-centre asks
  for grade 2 or higher) get a mediator of grade 1 or 2;
- when any eligible mediator of the organisation lists the case's category
  among its specialties, the chosen one does (specialists first);
- within each organisation and preference group (the eligible specialists,
  or when there are none all eligible mediators), the open cases of that
  group that each member holds differ by at most one.
"""

import csv
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import isolated_env

MEDIATE = os.environ.get("MEDIATE", "mediate")
SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SETUP = os.path.join(SOURCE, "examples", "wanbailin")
LEDGER = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1.csv")
OPERATOR = "测试员 <t@example.org>"
NOW = "2026-04-15T10:00:00+08:00"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class AutoAssignTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-assign-")
        cls.env = isolated_env(cls.base, NOW)
        cls.template = os.path.join(cls.base, "S")
        for args in (
            ["init", cls.template, "--from", SETUP, "--as", OPERATOR],
            ["-C", cls.template, "import", LEDGER, "--as", OPERATOR],
        ):
            r = subprocess.run(
                [MEDIATE] + args, capture_output=True, text=True, env=cls.env, timeout=600
            )
            if r.returncode != 0:
                shutil.rmtree(cls.base, ignore_errors=True)
                raise AssertionError("mediate %s failed (exit %d): %s" % (args[0], r.returncode, r.stderr))
        cls.rows = {int(r["序号"]): r for r in read_csv(LEDGER)}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="store-", dir=self.base)
        self.store = os.path.join(self.tmp, "S")
        shutil.copytree(self.template, self.store, symlinks=True)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------

    def mediate(self, *args):
        cmd = [MEDIATE, "-C", self.store] + list(args)
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=600)

    def ok(self, *args):
        r = self.mediate(*args)
        self.assertEqual(r.returncode, 0, "mediate %s: %s%s" % (" ".join(args), r.stdout, r.stderr))
        return r

    def git(self, *args):
        r = subprocess.run(
            ["git", "-C", self.store] + list(args), capture_output=True, text=True, env=self.env
        )
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def commit_count(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    def load_dir(self, sub):
        out = {}
        for root, _, files in os.walk(os.path.join(self.store, sub)):
            for f in files:
                if f.endswith(".yaml"):
                    with open(os.path.join(root, f), encoding="utf-8") as fh:
                        rec = yaml.load(fh, Loader=LOADER)
                    out[rec["id"]] = rec
        return out

    def cases(self):
        return self.load_dir("cases")

    def mediators(self):
        return self.load_dir("mediators")

    def write_rules(self, text):
        with open(os.path.join(self.store, "rules", "routing.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        self.git("add", "rules/routing.yaml")
        self.git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "rules")

    def rules_text(self):
        with open(os.path.join(self.store, "rules", "routing.yaml"), encoding="utf-8") as f:
            return f.read()

    @staticmethod
    def grade_of(m):
        return int(m["grade"]) if m.get("grade") not in (None, "") else 0

    # -- the Done-when ----------------------------------------------------

    def test_auto_assign_is_balanced_and_keeps_specialty_and_grade(self):
        self.ok("route", "--as", OPERATOR)
        before = self.commit_count()
        r = self.ok("assign", "--auto", "--as", OPERATOR)
        self.assertIn("assigned 120 cases in one commit", r.stdout)
        self.assertEqual(self.commit_count(), before + 1)
        self.assertEqual(self.git("status", "--porcelain"), "")

        cases = self.cases()
        meds = self.mediators()
        self.assertEqual(len(cases), 120)
        groups = {}  # (org, members) → {mediator: open cases of the group}
        for c in cases.values():
            self.assertEqual(c["status"], "mediating", c["id"])
            self.assertEqual(len(c["mediators"]), 1, c["id"])
            chosen = c["mediators"][0]
            m = meds[chosen]
            self.assertEqual(m["org"], c["org"], c["id"])
            self.assertEqual(m.get("status", "active"), "active", c["id"])
            row = self.rows[c["import"]["row"]]
            required = 2 if row["风险等级"] == "红" else 0
            eligible = [
                x
                for x in meds.values()
                if x["org"] == c["org"]
                and x.get("status", "active") == "active"
                and (required == 0 or 1 <= self.grade_of(x) <= required)
            ]
            if required:
                self.assertTrue(1 <= self.grade_of(m) <= 2, "%s: %s is grade %s" % (c["id"], chosen, m.get("grade")))
            specialists = [x for x in eligible if c["category"] in (x.get("specialties") or [])]
            if specialists:
                self.assertIn(c["category"], m.get("specialties") or [], "%s: %s is no specialist" % (c["id"], chosen))
            members = tuple(sorted(x["id"] for x in (specialists or eligible)))
            self.assertIn(chosen, members)
            g = groups.setdefault((c["org"], members), {x: 0 for x in members})
            g[chosen] += 1
        self.assertTrue(any(len(v) > 1 and sum(v.values()) > 1 for v in groups.values()))
        for (org, members), load in groups.items():
            self.assertLessEqual(
                max(load.values()) - min(load.values()), 1, "%s %s: %s" % (org, members, load)
            )

    def test_dry_run_writes_nothing_and_explain_lists_every_candidate(self):
        self.ok("route", "--as", OPERATOR)
        before = self.commit_count()
        r = self.ok("assign", "--auto", "--dry-run", "--as", OPERATOR)
        self.assertIn("would assign 120 cases (dry run: nothing written)", r.stdout)
        self.assertEqual(self.commit_count(), before)
        self.assertEqual(self.git("status", "--porcelain"), "")

        # Red cases go to WBL-CENTRE; the explanation lists all its active mediators.
        red = [n for n, row in self.rows.items() if row["风险等级"] == "红"]
        centre = sorted(
            m["id"] for m in self.mediators().values() if m["org"] == "WBL-CENTRE" and m.get("status", "active") == "active"
        )
        r = self.ok("assign", "--auto", "--dry-run", "--explain", "org:WBL-CENTRE", "--format", "csv", "--as", OPERATOR)
        lines = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual(len(lines), len(red) * len(centre))
        low = {m["id"] for m in self.mediators().values() if m["org"] == "WBL-CENTRE" and not 1 <= self.grade_of(m) <= 2}
        self.assertTrue(low)
        for line in lines:
            if line["mediator"] in low:
                self.assertEqual(line["result"], "not eligible")
                self.assertIn("grade 2 or higher", line["because"])
        chosen = [l for l in lines if l["result"] == "chosen"]
        self.assertEqual(len(chosen), len(red))

    def test_no_eligible_mediator_exits_3_and_writes_nothing(self):
        # Every community case asks for grade 1; no community committee has one.
        meds = self.mediators()
        text = self.rules_text().replace(
            '    to: {committee: "community"}', '    to: {committee: "community"}\n    assign: {grade: 1}'
        )
        self.write_rules(text)
        self.ok("route", "--as", OPERATOR)
        community_orgs = {c["org"] for c in self.cases().values() if c["org"].startswith("C-")}
        self.assertFalse(
            any(m["org"] in community_orgs and self.grade_of(m) == 1 for m in meds.values()),
            "the test assumes no grade-1 mediator in the community committees",
        )
        before = self.commit_count()
        r = self.mediate("assign", "--auto", "--as", OPERATOR)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("no eligible mediator", r.stderr)
        self.assertIn("grade 1 or higher", r.stderr)
        self.assertEqual(self.commit_count(), before)
        self.assertEqual(self.git("status", "--porcelain"), "")
        self.assertTrue(all(not c.get("mediators") for c in self.cases().values()))

    def test_a_rule_can_assign_on_routing(self):
        text = self.rules_text().replace("assign: {grade: 2}", "assign: {grade: 2, auto: true}")
        self.assertIn("auto: true", text)
        self.write_rules(text)
        red = {n for n, row in self.rows.items() if row["风险等级"] == "红"}
        before = self.commit_count()
        r = self.ok("route", "--as", OPERATOR)
        self.assertIn("assigned %d cases by rule in one commit" % len(red), r.stdout)
        self.assertEqual(self.commit_count(), before + 2)  # the routing, then the assignment
        meds = self.mediators()
        for c in self.cases().values():
            if c["import"]["row"] in red:
                self.assertEqual(c["status"], "mediating", c["id"])
                self.assertTrue(1 <= self.grade_of(meds[c["mediators"][0]]) <= 2, c["id"])
                self.assertEqual(c["events"][-1]["by_rule"], "auto")
            else:
                self.assertEqual(c["status"], "routed", c["id"])

    # -- escalation re-routes with the same rules ---------------------------

    def test_escalation_reroutes_with_the_rules_at_the_new_level(self):
        streets = {r["name"]: r["code"] for r in read_csv(os.path.join(SETUP, "taiyuan-streets.csv"))}
        # A rule for street level: neighbour disputes that go up go to the centre.
        text = self.rules_text().replace(
            '  - name: "default-community"',
            '  - name: "neighbour-up"\n    when: {level: ["street"], category: ["neighbour"]}\n'
            '    to: {district_centre: true}\n\n  - name: "default-community"',
        )
        self.write_rules(text)
        self.ok("route", "--as", OPERATOR)
        cases = self.cases()
        by_row = {c["import"]["row"]: c for c in cases.values()}
        neighbour = next(
            n for n, row in sorted(self.rows.items()) if row["纠纷类型"] == "邻里纠纷" and row["风险等级"] != "红"
        )
        other = next(
            n for n, row in sorted(self.rows.items())
            if row["纠纷类型"] == "婚姻家庭纠纷" and row["风险等级"] != "红"
        )
        # first routing: no level yet, so both go to their community committee
        self.assertTrue(by_row[neighbour]["org"].startswith("C-"))
        self.assertTrue(by_row[other]["org"].startswith("C-"))
        cid = by_row[neighbour]["id"]
        self.ok("escalate", cid, "--reason", "双方分歧大", "--as", OPERATOR)
        c = self.cases()[cid]
        self.assertEqual(c["org"], "WBL-CENTRE")
        self.assertEqual(c["level"], "district")
        self.assertEqual(c["events"][-1]["rule"], "neighbour-up")
        # a family case: the default rule, lifted to the street committee of its street
        oid = by_row[other]["id"]
        self.ok("escalate", oid, "--reason", "跨社区", "--as", OPERATOR)
        c = self.cases()[oid]
        self.assertEqual(c["org"], "S-" + streets[self.rows[other]["所属街道"]])
        self.assertEqual(c["level"], "street")
        self.assertEqual(c["events"][-1]["rule"], "default-community")
        self.ok("validate")

    def test_route_dry_run_filter_is_a_table(self):
        labour = [
            n for n, row in self.rows.items() if row["纠纷类型"] == "劳动争议纠纷" and row["风险等级"] != "红"
        ]
        r = self.ok("route", "--dry-run", "category:labour", "not:risk:red", "--format", "csv")
        lines = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual(len(lines), len(labour))
        self.assertTrue(all(l["org"] == "WBL-LABOUR" and l["rule"] == "labour" for l in lines))
        r = self.ok("route", "--dry-run", "category:labour", "not:risk:red")
        self.assertIn("would route %d cases (dry run: nothing written)" % len(labour), r.stdout)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_invalid_rules_are_rejected_with_their_line(self):
        fixtures = os.path.join(SOURCE, "tests", "fixtures", "routing")
        # (fixture, the first error's location and words) — positions counted by hand
        cases = [
            ("shadowed.yaml", "rules/routing.yaml:12:11: rules[2]: rule \"labour\" is never reached"),
            ("nested-errors.yaml", "rules/routing.yaml:7:35: rules[0].when.any[1].colour: unknown field"),
            ("unknown-place.yaml", "rules/routing.yaml:5:29: rules[0].when.street: unknown street \"和平街道\""),
            ("unknown-codes.yaml", "rules/routing.yaml:5:31: rules[0].when.category[1]: unknown category code"),
            ("unknown-org.yaml", "rules/routing.yaml:8:15: rules[1].to.org: unknown organisation"),
        ]
        for name, expected in cases:
            with open(os.path.join(fixtures, name), encoding="utf-8") as f:
                text = f.read()
            self.write_rules(text)
            head = self.git("rev-parse", "HEAD")
            r = self.mediate("validate", "rules/routing.yaml")
            self.assertEqual(r.returncode, 1, name + r.stdout + r.stderr)
            self.assertIn(expected, r.stdout + r.stderr, name)
            r = self.mediate("route", "--as", OPERATOR)
            self.assertEqual(r.returncode, 3, name + r.stderr)
            self.assertIn(expected, r.stderr, name)
            self.assertEqual(self.git("rev-parse", "HEAD"), head)

    def test_help(self):
        r = self.ok("assign", "--help")
        self.assertIn("--auto", r.stdout)
        self.assertIn("--explain", r.stdout)


if __name__ == "__main__":
    unittest.main()
