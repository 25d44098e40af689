"""End-to-end: `mediate route` applies rules/routing.yaml to received cases.

Runs the built binary (env MEDIATE) on a temporary store made with
`mediate init S --from examples/wanbailin` and
`mediate -C S import examples/ledgers/ledger-2026q1.csv` (MEDIATE_SOURCE_DIR =
repo root). The organisation each case should go to is computed here,
independently of the program, from the ledger's CSV rows and the example
rules as examples/wanbailin/routing.yaml states them:

  1. risk 红                                   → WBL-CENTRE
  2. 医疗纠纷                                   → TY-MEDICAL
  3. 劳动争议纠纷                               → WBL-LABOUR
  4. 物业纠纷                                   → WBL-PROPERTY
  5. 合同纠纷 or 生产经营纠纷, every party an organisation → WBL-CHAMBER
  6. anything else → the community committee "C-<community code>", the code
     found by looking the ledger's community name up in
     examples/wanbailin/taiyuan-communities.csv within the ledger's street.

A party is an organisation when its ID column holds an 18-character unified
social credit code starting with '9' (the ledger's companies; checked against
the party names below).
"""

import csv
import json
import os
import re
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
# libyaml's loader when present (the pure-Python one takes seconds for 120 files).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RULES = ["red-to-centre", "medical", "labour", "property", "commerce", "default-community"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def short_community_name(official):
    """和平社区居委会 / 和平社区居民委员会 → 和平社区; 西铭村村委会 / 西铭村委会 → 西铭村."""
    for suffix in ("居民委员会", "居委会"):
        if official.endswith(suffix):
            return official[: -len(suffix)]
    for suffix in ("村民委员会", "村委会"):
        if official.endswith(suffix):
            base = official[: -len(suffix)]
            return base if base.endswith("村") else base + "村"
    return official


def community_codes():
    """(street code, community name as ledgers write it) → community code."""
    out = {}
    for r in read_csv(os.path.join(SETUP, "taiyuan-communities.csv")):
        for name in (r["name"], short_community_name(r["name"])):
            out[(r["street_code"], name)] = r["code"]
    return out


def street_codes():
    return {r["name"]: r["code"] for r in read_csv(os.path.join(SETUP, "taiyuan-streets.csv"))}


def is_organisation_id(text):
    return len(text) == 18 and text.startswith("9")


def expected_routing(row, streets, communities, orgs):
    """(rule, org) the example rules give a ledger row."""
    category = row["纠纷类型"]
    if row["风险等级"] == "红":
        return "red-to-centre", "WBL-CENTRE"
    if category == "医疗纠纷":
        return "medical", "TY-MEDICAL"
    if category == "劳动争议纠纷":
        return "labour", "WBL-LABOUR"
    if category == "物业纠纷":
        return "property", "WBL-PROPERTY"
    if category in ("合同纠纷", "生产经营纠纷") and all(
        is_organisation_id(row[c]) for c in ("申请人证件号码", "被申请人证件号码")
    ):
        return "commerce", "WBL-CHAMBER"
    street = streets[row["所属街道"]]
    community = communities[(street, row["所属社区"])]
    org = "C-" + community
    assert org in orgs, f"orgs.csv has no committee {org} for {row['所属社区']}"
    assert orgs[org]["kind"] == "community_committee"
    assert orgs[org]["community_code"] == community
    return "default-community", org


class RouteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-route-")
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
                raise unittest.SkipTest(
                    "mediate %s failed (exit %d): %s" % (args[0], r.returncode, r.stderr)
                )
        cls.rows = {int(r["序号"]): r for r in read_csv(LEDGER)}
        cls.orgs = {r["id"]: r for r in read_csv(os.path.join(SETUP, "orgs.csv"))}
        streets, communities = street_codes(), community_codes()
        cls.expected = {
            n: expected_routing(row, streets, communities, cls.orgs) for n, row in cls.rows.items()
        }

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

    def route(self, *args):
        return self.mediate("route", "--as", OPERATOR, *args)

    def git(self, *args):
        r = subprocess.run(
            ["git", "-C", self.store] + list(args), capture_output=True, text=True, env=self.env
        )
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def cases(self):
        """Case id → parsed case file."""
        out = {}
        for root, _, files in os.walk(os.path.join(self.store, "cases")):
            for f in files:
                if f.endswith(".yaml"):
                    with open(os.path.join(root, f), encoding="utf-8") as fh:
                        c = yaml.load(fh, Loader=LOADER)
                    out[c["id"]] = c
        return out

    def case_of_row(self, row, cases):
        for c in cases.values():
            if c["import"]["row"] == row:
                return c
        self.fail("no case imported from row %d" % row)

    def assert_clean(self):
        self.assertEqual(self.git("status", "--porcelain"), "")

    def commit_count(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    # -- tests ------------------------------------------------------------

    def test_the_test_data_is_what_the_expectations_assume(self):
        # Rows whose ID column is a credit code name companies, and the other
        # way round; the imported parties agree.
        companies = ("公司", "厂", "中心", "店", "协会", "医院", "学校")
        for n, row in self.rows.items():
            for name, id_col in (("申请人", "申请人证件号码"), ("被申请人", "被申请人证件号码")):
                self.assertEqual(
                    is_organisation_id(row[id_col]),
                    any(k in row[name] for k in companies),
                    "row %d: %s %s" % (n, row[name], row[id_col]),
                )
        for c in self.cases().values():
            row = self.rows[c["import"]["row"]]
            kinds = [p["kind"] for p in c["parties"]]
            self.assertEqual(
                kinds,
                [
                    "organisation" if is_organisation_id(row[col]) else "person"
                    for col in ("申请人证件号码", "被申请人证件号码")
                ],
                c["id"],
            )
            self.assertEqual(c["status"], "received")
        # Every rule of the example has cases to route.
        self.assertEqual({rule for rule, _ in self.expected.values()}, set(RULES))

    def test_routes_every_received_case_in_one_commit(self):
        before = self.commit_count()
        r = self.route()
        self.assertEqual(r.returncode, 0, r.stderr)
        m = re.fullmatch(r"routed 120 cases in one commit \(([0-9a-f]{7})\)\n", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertEqual(r.stderr, "")
        self.assertEqual(self.commit_count(), before + 1)
        self.assertTrue(self.git("rev-parse", "HEAD").startswith(m.group(1)))
        self.assertEqual(self.git("log", "-1", "--format=%an <%ae>").strip(), OPERATOR)
        message = self.git("log", "-1", "--format=%B")
        self.assertTrue(message.startswith("route: 120 cases\n\n"), message)
        self.assertIn("Mediate-Action: route", message)
        self.assertNotIn("Mediate-Case:", message)  # more than 20 cases
        changed = self.git("show", "--name-only", "--format=", "HEAD").split()
        self.assertEqual(len(changed), 120)
        self.assertTrue(all(p.startswith("cases/") for p in changed), changed)
        self.assert_clean()

        cases = self.cases()
        self.assertEqual(len(cases), 120)
        for c in cases.values():
            rule, org = self.expected[c["import"]["row"]]
            self.assertEqual(c["org"], org, c["id"])
            self.assertEqual(c["status"], "routed", c["id"])
            self.assertEqual(c["level"], self.orgs[org]["level"], c["id"])
            self.assertEqual(c["mediators"], [], c["id"])
            last = c["events"][-1]
            # The example rule red-to-centre asks for a mediator of grade 2 or higher.
            keys = ["at", "type", "by", "org", "level", "rule"]
            if rule == "red-to-centre":
                keys.append("mediator_grade")
                self.assertEqual(last["mediator_grade"], 2, c["id"])
            self.assertEqual(list(last.keys()), keys, c["id"])
            self.assertEqual(last["type"], "routed")
            self.assertEqual(last["at"], NOW)
            self.assertEqual(last["by"], OPERATOR)
            self.assertEqual(last["org"], org)
            self.assertEqual(last["level"], self.orgs[org]["level"])
            self.assertEqual(last["rule"], rule)
            self.assertEqual([e["type"] for e in c["events"]].count("routed"), 1)

        # Routed cases are not routed again.
        r = self.route()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "nothing to route: no received cases\n")
        self.assertEqual(self.commit_count(), before + 1)
        self.assert_clean()

    def test_explain_shows_every_rule_in_order_until_the_match(self):
        labour = next(
            n
            for n, (rule, _) in sorted(self.expected.items())
            if rule == "labour" and self.rows[n]["风险等级"] == "橙"
        )
        cases = self.cases()
        case = self.case_of_row(labour, cases)
        head = self.git("rev-parse", "HEAD")
        r = self.mediate("route", "--explain", case["id"])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(), ["#", "rule", "result", "because"])
        self.assertRegex(lines[1], r"^1\s+red-to-centre\s+no\s+risk is orange; the rule wants red$")
        self.assertRegex(
            lines[2], r"^2\s+medical\s+no\s+category is labour; the rule wants medical$"
        )
        self.assertRegex(
            lines[3],
            r"^3\s+labour\s+match\s+category is labour  → WBL-LABOUR 万柏林区劳动争议人民调解委员会$",
        )
        self.assertEqual(lines[4].strip(), "(later rules are not reached)")
        self.assertEqual(len(lines), 5)
        # Never writes.
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assert_clean()

        # A case for the default rule: every rule tried, the deciding
        # condition of each, the community committee at the end.
        default = next(
            n for n, (rule, _) in sorted(self.expected.items()) if rule == "default-community"
        )
        case = self.case_of_row(default, cases)
        org = self.expected[default][1]
        r = self.mediate("route", "--explain", case["id"])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.rstrip("\n").split("\n")
        self.assertEqual(len(lines), 7, r.stdout)
        self.assertEqual([l.split()[1] for l in lines[1:]], RULES)
        self.assertEqual([l.split()[2] for l in lines[1:]], ["no"] * 5 + ["match"])
        self.assertIn("the rule wants red", lines[1])
        self.assertIn("the rule wants medical", lines[2])
        self.assertIn("no conditions: every case matches", lines[6])
        self.assertTrue(lines[6].endswith(org + " " + self.orgs[org]["name"]), lines[6])

        # JSON carries every rule, the ones not reached included.
        r = self.mediate("route", "--explain", case["id"], "--format", "json")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = json.loads(r.stdout)
        self.assertEqual([x["rule"] for x in rows], RULES)
        self.assertEqual(rows[-1]["org"], org)

        r = self.mediate("route", "--explain", "WBL-2026-999999")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("WBL-2026-999999", r.stderr)
        self.assert_clean()

    def test_dry_run_writes_nothing(self):
        head = self.git("rev-parse", "HEAD")
        r = self.route("--dry-run", "--format", "csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual(len(rows), 120)
        cases = self.cases()
        for row in rows:
            rule, org = self.expected[cases[row["id"]]["import"]["row"]]
            self.assertEqual((row["rule"], row["org"]), (rule, org), row["id"])
        r = self.route("--dry-run")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("would route 120 cases (dry run: nothing written)", r.stdout)
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assert_clean()
        self.assertTrue(all(c["status"] == "received" for c in self.cases().values()))

    def test_filter_restricts_the_cases_and_names_them_in_trailers(self):
        labour = sorted(n for n, (rule, _) in self.expected.items() if rule == "labour")
        r = self.route("category:labour", "not:risk:red")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"^routed %d cases in one commit" % len(labour))
        message = self.git("log", "-1", "--format=%B")
        cases = self.cases()
        routed = sorted(i for i, c in cases.items() if c["status"] == "routed")
        self.assertEqual(sorted(cases[i]["import"]["row"] for i in routed), labour)
        self.assertLessEqual(len(routed), 20)
        for i in routed:
            self.assertIn("Mediate-Case: " + i, message)
        self.assert_clean()

    def test_cases_no_rule_routes_stay_received(self):
        # A policy without the catch-all: cases of no rule are listed on
        # stderr with the reason, stay received, and the exit is still 0.
        path = os.path.join(self.store, "rules", "routing.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        cut = text.index("  # 6.")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:cut])
        self.git(
            "-c", "user.name=测试员", "-c", "user.email=t@example.org",
            "commit", "-q", "-am", "rules: no catch-all",
        )
        r = self.route()
        self.assertEqual(r.returncode, 0, r.stderr)
        unrouted = sum(1 for rule, _ in self.expected.values() if rule == "default-community")
        routed = 120 - unrouted
        self.assertRegex(
            r.stdout,
            r"^routed %d cases in one commit \([0-9a-f]{7}\); %d cases could not be routed"
            % (routed, unrouted),
        )
        lines = r.stderr.strip().split("\n")
        self.assertEqual(len(lines), unrouted, r.stderr)
        for line in lines:
            self.assertRegex(line, r"^WBL-2026-\d{6}: not routed: no rule matches")
        statuses = [c["status"] for c in self.cases().values()]
        self.assertEqual(statuses.count("received"), unrouted)
        self.assert_clean()

    def test_help(self):
        r = subprocess.run(
            [MEDIATE, "route", "--help"], capture_output=True, text=True, env=self.env, timeout=60
        )
        self.assertEqual(r.returncode, 0, r.stderr)
        for option in ("--dry-run", "--explain", "--format", "FILTER"):
            self.assertIn(option, r.stdout)

    def test_invalid_rules_are_refused_with_their_location(self):
        path = os.path.join(self.store, "rules", "routing.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(
                'schema: "routing/1"\n'
                "rules:\n"
                '  - name: "medical"\n'
                '    when: {category: ["医疗"]}\n'
                '    to: {org: "TY-MEDICAL"}\n'
                '  - name: "rest"\n'
                '    to: {org: "NO-SUCH-ORG"}\n'
            )
        head = self.git("rev-parse", "HEAD")
        r = self.route()
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("rules/routing.yaml:4:23: rules[0].when.category[0]: unknown category", r.stderr)
        self.assertIn("rules/routing.yaml:7:15: rules[1].to.org: unknown organisation", r.stderr)
        self.assertEqual(self.git("rev-parse", "HEAD"), head)
        self.assertTrue(all(c["status"] == "received" for c in self.cases().values()))


if __name__ == "__main__":
    unittest.main()
