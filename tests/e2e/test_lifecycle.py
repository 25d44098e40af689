"""End-to-end: the case lifecycle after routing.

Runs the built binary (env MEDIATE) on temporary stores made with
`mediate init S --from examples/wanbailin` (MEDIATE_SOURCE_DIR = repo root),
cases registered with `mediate intake` and routed by the example rules, all on
a pinned clock (MEDIATE_NOW) in the store's time zone (Asia/Shanghai). It walks
every path:

  agreed -> judicial confirmation -> performed -> visited -> closed
  terminated -> closed;  refused;  withdrawn
  escalated twice (community -> street -> district) then agreed
  settled at grid level by a grid worker

and checks that every step the state machine forbids is refused with exit 3
and nothing written (no new commit, git status clean, the file unchanged).

Expected values are worked out here by hand from the inputs, never copied from
the program's output: dates are counted with Python's datetime; the
organisations come from examples/wanbailin/orgs.csv and mediators.csv.
"""

import csv
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP as SETUP
from mediate_support import citizen_id, operator_env, run_at

OPERATOR = "测试员 <t@example.org>"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# 万柏林街道 / 东风社区 / 第11网格 (examples/wanbailin: taiyuan-streets.csv,
# taiyuan-communities.csv, grids.csv).
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
# The organisation at each level for that place (orgs.csv: the community
# committee of 东风社区, the street committee of 万柏林街道, the district centre).
COMMUNITY_ORG, STREET_ORG, CENTRE = "C-140109005003", "S-140109005", "WBL-CENTRE"
COURT = "WBL-COURT"
COURT_NAME = "太原市万柏林区人民法院"
# Active mediators of those organisations, and a retired one (mediators.csv).
M_COMMUNITY, M_COMMUNITY_2, M_STREET, M_CENTRE = "M-0318", "M-0317", "M-0038", "M-0003"
M_RETIRED = "M-0084"


APPLICANT_ID = citizen_id("14010919800101123")
RESPONDENT_ID = citizen_id("14010919751212004")


def day(text):
    return datetime.date.fromisoformat(text)


def plus(text, days):
    return (day(text) + datetime.timedelta(days=days)).isoformat()


def read_csv(name):
    with open(os.path.join(SETUP, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# The cases of the template store, registered in this order (so their ids are
# WBL-2026-000001 … in this order: ids are per office and year).
CASES = [
    # key, received (RFC 3339), source, category, routed?
    ("agreed", "2026-03-02T09:30:00+08:00", "application", "neighbour", True),
    ("terminated", "2026-03-02T09:40:00+08:00", "application", "neighbour", True),
    ("refused", "2026-03-02T09:50:00+08:00", "phone", "neighbour", False),
    ("withdrawn", "2026-03-02T10:00:00+08:00", "application", "housing_homestead", True),
    ("escalated", "2026-03-02T10:10:00+08:00", "grid_screening", "land_forest", True),
    ("grid", "2026-03-02T10:20:00+08:00", "grid_screening", "neighbour", True),
    ("incomplete", "2026-03-02T10:30:00+08:00", "application", "damages", True),
    # Received at 23:30 local on the last day of January.
    ("month_end", "2026-01-31T23:30:00+08:00", "application", "neighbour", True),
]
IDS = {key: "WBL-2026-%06d" % (i + 1) for i, (key, *_rest) in enumerate(CASES)}

# Arguments that are valid for each command, so that a refusal can only come
# from the state machine.
STEP_ARGS = {
    "assign": [M_COMMUNITY],
    "session": ["--mode", "on_site"],
    "escalate": ["--reason", "案情复杂"],
    "extend": ["--to", "2026-12-31", "--consent"],
    "agree": ["--form", "oral", "--terms", "当场赔偿"],
    "terminate": ["--reason", "分歧过大"],
    "withdraw": [],
    "refuse": ["--reason", "已起诉", "--go-to", COURT_NAME],
    "confirm": ["--result", "applied", "--court", COURT],
    "perform": ["full"],
    "visit": ["--method", "phone", "--performance", "full"],
    "close": [],
}


class LifecycleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-life-")
        cls.env = operator_env(cls.base, OPERATOR)
        cls.template = os.path.join(cls.base, "S")
        try:
            cls.run_ok(["init", cls.template, "--from", SETUP], "2026-01-31T08:00:00+08:00")
            for key, received, source, category, routed in CASES:
                now = received  # registered when received
                r = cls.run_ok(
                    ["-C", cls.template, "intake", "--received", received, "--source", source,
                     "--category", category, "--summary", "纠纷" + key, "--street", STREET,
                     "--community", COMMUNITY, "--grid", GRID, "--amount", "3500",
                     "--applicant", "李某", "--applicant-id", APPLICANT_ID,
                     "--applicant-phone", "13800001234", "--respondent", "王某",
                     "--respondent-id", RESPONDENT_ID],
                    now)
                assert r.stdout.startswith("registered " + IDS[key] + " "), r.stdout
                if routed:
                    route_at = plus(received[:10], 1) + "T08:00:00+08:00" \
                        if key == "month_end" else "2026-03-02T11:00:00+08:00"
                    cls.run_ok(["-C", cls.template, "route", "id:" + IDS[key]], route_at)
        except AssertionError as e:
            shutil.rmtree(cls.base, ignore_errors=True)
            raise unittest.SkipTest("setting up the template store failed: %s" % e)
        cls.orgs = {r["id"]: r for r in read_csv("orgs.csv")}
        cls.mediators = {r["id"]: r for r in read_csv("mediators.csv")}

    @classmethod
    def run_ok(cls, args, now):
        r = run_at(cls.env, now, args)
        assert r.returncode == 0, "mediate %s: exit %d: %s" % (args, r.returncode, r.stderr)
        return r

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

    def mediate(self, now, *args):
        return run_at(self.env, now, ["-C", self.store] + list(args))

    def step(self, now, *args):
        r = self.mediate(now, *args)
        self.assertEqual(r.returncode, 0, "%s\n%s%s" % (args, r.stdout, r.stderr))
        return r

    def git(self, *args):
        r = subprocess.run(["git", "-C", self.store] + list(args), capture_output=True, text=True,
                           env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def path(self, key):
        received = dict((k, rc) for k, rc, *_ in CASES)[key]
        return os.path.join(self.store, "cases", received[:4], received[5:7], IDS[key] + ".yaml")

    def case(self, key):
        with open(self.path(key), encoding="utf-8") as f:
            return yaml.load(f, Loader=LOADER)

    def commits(self):
        return int(self.git("rev-list", "--count", "HEAD").strip())

    def last_message(self):
        return self.git("log", "-1", "--format=%B")

    def assert_committed(self, verb, key):
        message = self.last_message()
        self.assertTrue(message.startswith("%s: %s" % (verb, IDS[key])), message)
        self.assertIn("Mediate-Action: " + verb, message)
        self.assertIn("Mediate-Case: " + IDS[key], message)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def assert_refused(self, key, state, command, now="2026-06-01T10:00:00+08:00", args=None):
        """`command` on case `key` in `state` exits 3 and writes nothing."""
        before_commits = self.commits()
        with open(self.path(key), "rb") as f:
            before = f.read()
        if args is None:
            args = STEP_ARGS[command]
        r = self.mediate(now, command, IDS[key], *args)
        self.assertEqual(r.returncode, 3, "%s %s: %s%s" % (command, key, r.stdout, r.stderr))
        self.assertIn('%s is "%s"' % (IDS[key], state), r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(self.commits(), before_commits)
        self.assertEqual(self.git("status", "--porcelain"), "")
        with open(self.path(key), "rb") as f:
            self.assertEqual(f.read(), before)
        return r

    def assert_all_refused(self, key, state, allowed=()):
        for command in STEP_ARGS:
            if command not in allowed:
                with self.subTest(case=key, state=state, command=command):
                    self.assert_refused(key, state, command)

    def events(self, key):
        return [e["type"] for e in self.case(key)["events"]]

    # -- the paths ----------------------------------------------------------

    def walk_agreed(self):
        """The full path: assign, session, agree, confirm, perform, visit, close."""
        k = "agreed"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY, "--chosen-by-parties")
        self.step("2026-03-04T15:00:00+08:00", "session", IDS[k], "--mode", "现场",
                  "--participant", "李某,王某", "--note", "双方到场")
        self.step("2026-03-05T16:00:00+08:00", "agree", IDS[k], "--form", "written",
                  "--facts", "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执",
                  "--terms", "王某赔偿李某维修费3500元", "--terms", "双方就此事再无其他争议",
                  "--amount", "3500", "--manner", "一次性银行转账", "--place", "东风社区调委会",
                  "--deadline", "2026-03-20", "--signed-by", "all", "--mediator-signed",
                  "--sealed")
        self.step("2026-03-10T10:00:00+08:00", "confirm", IDS[k], "--result", "applied",
                  "--court", COURT, "--matter", "other")
        self.step("2026-03-18T10:00:00+08:00", "confirm", IDS[k], "--result", "confirmed")
        self.step("2026-03-21T10:00:00+08:00", "perform", IDS[k], "full")
        self.step("2026-03-25T10:00:00+08:00", "visit", IDS[k], "--method", "phone",
                  "--performance", "full", "--satisfaction", "满意")
        self.step("2026-03-26T10:00:00+08:00", "close", IDS[k], "--retention", "long")

    def walk_terminated(self):
        k = "terminated"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY_2)
        self.step("2026-03-10T09:00:00+08:00", "terminate", IDS[k], "--reason", "双方分歧过大")
        self.step("2026-03-11T09:00:00+08:00", "close", IDS[k], "--retention", "short")

    def walk_refused(self):
        self.step("2026-03-02T12:00:00+08:00", "refuse", IDS["refused"], "--reason",
                  "已向人民法院起诉并已立案", "--go-to", COURT_NAME)

    def walk_withdrawn(self):
        k = "withdrawn"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        self.step("2026-03-04T09:00:00+08:00", "withdraw", IDS[k], "--reason", "申请人撤回申请")

    def walk_escalated(self):
        k = "escalated"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        self.step("2026-03-05T09:00:00+08:00", "escalate", IDS[k], "--reason", "涉及多户，社区调解未果")
        self.step("2026-03-05T10:00:00+08:00", "assign", IDS[k], M_STREET)
        self.step("2026-03-08T09:00:00+08:00", "escalate", IDS[k], "--reason", "跨村土地权属复杂")
        self.step("2026-03-08T10:00:00+08:00", "assign", IDS[k], M_CENTRE)
        self.step("2026-03-12T09:00:00+08:00", "agree", IDS[k], "--form", "oral", "--terms",
                  "按原界址恢复", "--deadline", "2026-03-12")

    def walk_grid(self):
        k = "grid"
        self.step("2026-03-02T12:00:00+08:00", "assign", IDS[k], "--grid-worker", "张网格")
        self.step("2026-03-02T15:00:00+08:00", "agree", IDS[k], "--form", "oral", "--terms",
                  "王某当场赔礼道歉")
        self.step("2026-03-03T10:00:00+08:00", "visit", IDS[k], "--method", "on_site",
                  "--performance", "full", "--satisfaction", "satisfied", "--visitor", "张网格")
        self.step("2026-03-03T11:00:00+08:00", "close", IDS[k])

    # -- tests --------------------------------------------------------------

    def test_the_test_data_is_what_the_expectations_assume(self):
        self.assertEqual(self.orgs[COMMUNITY_ORG]["community_code"], COMMUNITY)
        self.assertEqual(self.orgs[COMMUNITY_ORG]["kind"], "community_committee")
        self.assertEqual(self.orgs[STREET_ORG]["street_code"], STREET)
        self.assertEqual(self.orgs[STREET_ORG]["kind"], "street_committee")
        self.assertEqual(self.orgs[CENTRE]["kind"], "district_centre")
        self.assertEqual(self.orgs[COURT]["name"], COURT_NAME)
        for m, org in ((M_COMMUNITY, COMMUNITY_ORG), (M_COMMUNITY_2, COMMUNITY_ORG),
                       (M_STREET, STREET_ORG), (M_CENTRE, CENTRE)):
            self.assertEqual(self.mediators[m]["org"], org)
            self.assertEqual(self.mediators[m]["status"], "active")
        self.assertEqual(self.mediators[M_RETIRED]["status"], "retired")
        for key, *_ in CASES:
            c = self.case(key)
            self.assertEqual(c["id"], IDS[key])

    def test_agreed_confirmed_performed_visited_closed(self):
        k = "agreed"
        start = self.commits()
        c = self.case(k)
        self.assertEqual((c["status"], c["org"], c["level"]), ("routed", COMMUNITY_ORG, "community"))
        # Received 2026-03-02: conclude within 30 days -> 2026-04-01.
        self.assertEqual(c["deadline"], plus("2026-03-02", 30))
        self.assertEqual(c["deadline"], "2026-04-01")
        r = self.step("2026-03-04T09:00:00+08:00", "show", IDS[k])
        # 2026-03-04 -> 2026-04-01: 28 days.
        self.assertIn("deadline   2026-04-01  conclude within 30 days of acceptance (2002 "
                      "Provisions Art. 33) · 28 days left", r.stdout)

        self.walk_agreed()
        self.assertEqual(self.commits(), start + 8)  # one commit per step
        self.assert_committed("close", k)
        c = self.case(k)
        self.assertEqual(c["status"], "closed")
        self.assertEqual(c["mediators"], [M_COMMUNITY])
        self.assertEqual(self.events(k), ["received", "routed", "assigned", "session", "agreed",
                                          "confirmation", "confirmation", "performance",
                                          "visited", "closed"])
        ev = c["events"]
        self.assertEqual(ev[2]["chosen_by"], "parties")
        self.assertEqual((ev[3]["date"], ev[3]["mode"], ev[3]["participants"]),
                         ("2026-03-04", "on_site", ["李某", "王某"]))
        agreed = ev[4]
        self.assertEqual(agreed["form"], "written")
        self.assertEqual(agreed["date"], "2026-03-05")
        self.assertEqual(agreed["effective"], "2026-03-05")  # Law Art. 29: all signed that day
        self.assertEqual(agreed["amount"], "3500.00")
        self.assertEqual(agreed["performance_deadline"], "2026-03-20")
        self.assertEqual(agreed["signed_by"], ["李某", "王某"])
        self.assertIs(agreed["sealed"], True)
        self.assertEqual(ev[5]["result"], "applied")
        self.assertEqual(ev[5]["court"], COURT_NAME)
        self.assertEqual(ev[5]["applied"], "2026-03-10")
        self.assertEqual((ev[6]["result"], ev[6]["applied"], ev[6]["decided"]),
                         ("confirmed", "2026-03-10", "2026-03-18"))
        self.assertEqual(ev[7]["performance"], "full")
        self.assertEqual((ev[8]["method"], ev[8]["performance"], ev[8]["satisfaction"]),
                         ("phone", "full", "satisfied"))
        self.assertEqual(ev[8]["visitor"], "测试员")
        self.assertEqual(ev[9]["retention"], "long")
        for e in ev[2:]:
            self.assertEqual(e["by"], OPERATOR)
        self.assertEqual(ev[4]["at"], "2026-03-05T16:00:00+08:00")
        r = self.step("2026-03-27T09:00:00+08:00", "validate")
        # confirm stays open to a closed agreed case (a court decision arriving
        # later, test_closing.py); here it is refused by its own check.
        self.assert_all_refused(k, "closed", allowed=("confirm",))

    def test_deadlines_while_the_agreement_is_performed(self):
        k = "agreed"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        # Before the agreement: closing is refused, saying what close needs.
        r = self.assert_refused(k, "mediating", "close", now="2026-03-04T09:00:00+08:00")
        self.assertIn("close needs an agreement with performance and a return visit, a "
                      "termination, a refusal or a withdrawal", r.stderr)
        self.step("2026-03-05T16:00:00+08:00", "agree", IDS[k], "--form", "written",
                  "--facts", "漏水", "--terms", "赔偿3500元", "--amount", "3500", "--manner",
                  "转账", "--place", "调委会", "--deadline", "2026-03-20", "--signed-by",
                  "李某,王某", "--mediator-signed", "--sealed")
        # On 2026-03-06: confirmation by 2026-04-04 (effective + 30 days) is 29 days
        # away; the return visit is due from 2026-03-21, 15 days away.
        self.assertEqual(plus("2026-03-05", 30), "2026-04-04")
        r = self.step("2026-03-06T09:00:00+08:00", "due", "--within", "30d", "--format", "json")
        rows = [(x["kind"], x["id"], x["due"], x["days_left"]) for x in json.loads(r.stdout)]
        mine = [x for x in rows if x[1] == IDS[k]]
        self.assertEqual(mine, [("confirmation", IDS[k], "2026-04-04", 29),
                                ("visit", IDS[k], "2026-03-21", 15)])
        # Within 7 days neither is listed.
        r = self.step("2026-03-06T09:00:00+08:00", "due", "id:" + IDS[k])
        self.assertIn("nothing due within 7 days", r.stdout)
        # On 2026-03-25 the visit is 4 days overdue.
        r = self.step("2026-03-25T09:00:00+08:00", "due", "--within", "0d", "id:" + IDS[k])
        self.assertIn("4 days overdue", r.stdout)
        self.assertIn("回访", r.stdout)
        # No closing before performance and the visit.
        r = self.assert_refused(k, "agreed", "close", now="2026-03-25T10:00:00+08:00")
        self.assertIn("close needs performance recorded (mediate perform) and a return visit",
                      r.stderr)
        # A late application for judicial confirmation is recorded with a warning.
        r = self.step("2026-04-20T09:00:00+08:00", "confirm", IDS[k], "--result", "applied",
                      "--court", COURT, "--matter", "other")
        # 2026-03-05 -> 2026-04-20: 46 days.
        self.assertEqual((day("2026-04-20") - day("2026-03-05")).days, 46)
        self.assertIn("applied 46 days after the agreement took effect", r.stderr)
        self.assertIn("Law Art. 33", r.stderr)
        self.assertIs(self.case(k)["events"][-1]["late"], True)

    def test_terminated_then_closed(self):
        k = "terminated"
        start = self.commits()
        self.walk_terminated()
        self.assertEqual(self.commits(), start + 3)
        self.assert_committed("close", k)
        c = self.case(k)
        self.assertEqual(c["status"], "closed")
        self.assertEqual(self.events(k), ["received", "routed", "assigned", "terminated", "closed"])
        term = c["events"][3]
        self.assertEqual(term["reason"], "双方分歧过大")
        self.assertEqual(term["date"], "2026-03-10")
        self.assertIn("仲裁", term["guidance"])  # Law Art. 26: other routes
        self.assertNotIn("materials", term)  # not a court case
        r = self.step("2026-03-12T09:00:00+08:00", "doc", IDS[k], "--kind", "termination")
        self.assertIn("因双方分歧过大", r.stdout)
        self.assertIn("第二十六条", r.stdout)
        r = self.step("2026-03-12T09:00:00+08:00", "doc", IDS[k], "--kind", "cover")
        for item in ("（2026）万人调字第2号", self.mediators[M_COMMUNITY_2]["name"],
                     "2026年3月2日", "2026年3月10日", "2026年3月11日", "短期", "测试员"):
            self.assertIn(item, r.stdout)
        self.assert_all_refused(k, "closed")

    def test_terminated_case_refuses_other_steps(self):
        k = "terminated"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY_2)
        self.step("2026-03-10T09:00:00+08:00", "terminate", IDS[k], "--reason", "双方分歧过大")
        self.assert_all_refused(k, "terminated", allowed=("close",))

    def test_refused(self):
        k = "refused"
        self.assertEqual(self.case(k)["status"], "received")
        # A received case cannot be mediated yet.
        for command in ("assign", "session", "agree", "terminate", "escalate", "extend",
                        "confirm", "perform", "visit", "close"):
            with self.subTest(command=command):
                self.assert_refused(k, "received", command)
        self.walk_refused()
        self.assert_committed("refuse", k)
        c = self.case(k)
        self.assertEqual(c["status"], "refused")
        self.assertEqual(c["events"][-1]["go_to"], COURT_NAME)
        # 2002 Provisions Art. 22: reason and where to go are both required.
        r = self.mediate("2026-03-02T12:00:00+08:00", "refuse", IDS["agreed"], "--reason", "x")
        self.assertEqual(r.returncode, 3)
        # A refused matter can only be archived (test_closing.py).
        self.assert_all_refused(k, "refused", allowed=("close",))

    def test_withdrawn(self):
        k = "withdrawn"
        self.walk_withdrawn()
        self.assert_committed("withdraw", k)
        c = self.case(k)
        self.assertEqual(c["status"], "withdrawn")
        self.assertEqual(c["events"][-1]["reason"], "申请人撤回申请")
        self.assert_all_refused(k, "withdrawn", allowed=("close",))

    def test_escalated_twice_then_agreed(self):
        k = "escalated"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        self.step("2026-03-05T09:00:00+08:00", "escalate", IDS[k], "--reason", "社区调解未果")
        c = self.case(k)
        self.assertEqual((c["status"], c["level"], c["org"], c["mediators"]),
                         ("routed", "street", STREET_ORG, []))
        e = c["events"][-1]
        self.assertEqual((e["from_level"], e["from_org"], e["reason"]),
                         ("community", COMMUNITY_ORG, "社区调解未果"))
        self.assert_committed("escalate", k)
        self.step("2026-03-05T10:00:00+08:00", "assign", IDS[k], M_STREET)
        self.step("2026-03-08T09:00:00+08:00", "escalate", IDS[k], "--reason", "跨村土地权属复杂")
        c = self.case(k)
        self.assertEqual((c["status"], c["level"], c["org"]), ("routed", "district", CENTRE))
        # At district level there is no level above.
        r = self.assert_refused(k, "routed", "escalate", now="2026-03-08T09:30:00+08:00")
        self.assertIn("there is no level above it (2002 Provisions Art. 21)", r.stderr)
        self.step("2026-03-08T10:00:00+08:00", "assign", IDS[k], M_CENTRE)
        r = self.step("2026-03-12T09:00:00+08:00", "agree", IDS[k], "--form", "oral", "--terms",
                      "按原界址恢复", "--deadline", "2026-03-12")
        self.assertEqual(r.stderr, "")  # performed on the spot: no Art. 34 warning
        c = self.case(k)
        self.assertEqual((c["status"], c["level"], c["org"], c["mediators"]),
                         ("agreed", "district", CENTRE, [M_CENTRE]))
        self.assertEqual(self.events(k), ["received", "routed", "assigned", "escalated",
                                          "assigned", "escalated", "assigned", "agreed"])
        self.assertEqual(c["events"][-1]["effective"], "2026-03-12")  # Law Art. 30

    def test_settled_at_grid_level_by_a_grid_worker(self):
        k = "grid"
        # Mediators and a grid worker together are refused.
        r = self.mediate("2026-03-02T12:00:00+08:00", "assign", IDS[k], M_COMMUNITY,
                         "--grid-worker", "张网格")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.walk_grid()
        c = self.case(k)
        self.assertEqual((c["status"], c["level"], c["org"], c["mediators"]),
                         ("closed", "grid", COMMUNITY_ORG, []))
        self.assertEqual(c["events"][2]["grid_worker"], "张网格")
        r = self.step("2026-03-04T09:00:00+08:00", "show", IDS[k])
        self.assertIn("网格员 张网格", r.stdout)

    def test_every_forbidden_step_is_refused_with_nothing_written(self):
        # routed: may be assigned, withdrawn, escalated or extended.
        self.assert_all_refused("incomplete", "routed",
                                allowed=("assign", "withdraw", "escalate", "extend"))
        # mediating
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS["incomplete"], M_COMMUNITY)
        self.assert_all_refused("incomplete", "mediating",
                                allowed=("assign", "session", "escalate", "extend", "agree",
                                         "terminate", "withdraw"))
        # agreed
        self.step("2026-03-05T09:00:00+08:00", "agree", IDS["incomplete"], "--form", "oral",
                  "--terms", "当场赔偿")
        self.assert_all_refused("incomplete", "agreed",
                                allowed=("confirm", "perform", "visit"))
        # Inputs the steps themselves reject, also with nothing written.
        start = self.commits()
        cases = [
            ("agreed", ["assign", IDS["agreed"], "M-9999"], "unknown mediator M-9999"),
            ("agreed", ["assign", IDS["agreed"], M_RETIRED], "is retired, not active"),
            ("agreed", ["extend", IDS["agreed"], "--to", "2026-04-15"], "both parties' consent"),
            ("agreed", ["escalate", IDS["agreed"]], "--reason: is required"),
            ("refused", ["refuse", IDS["refused"], "--reason", "已起诉"], "--go-to: is required"),
        ]
        for key, args, message in cases:
            with self.subTest(args=args):
                r = self.mediate("2026-03-04T09:00:00+08:00", *args)
                self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
                self.assertIn(message, r.stderr)
                self.assertIn("nothing written", r.stderr)
        r = self.mediate("2026-03-04T09:00:00+08:00", "assign", "WBL-2026-999999", M_COMMUNITY)
        self.assertEqual(r.returncode, 3)
        self.assertEqual(self.commits(), start)
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_a_written_agreement_without_manner_or_deadline_is_refused(self):
        k = "incomplete"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        start = self.commits()
        r = self.mediate("2026-03-05T09:00:00+08:00", "agree", IDS[k], "--form", "written",
                         "--terms", "赔偿3500元", "--signed-by", "all", "--mediator-signed",
                         "--sealed")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("missing the manner of performance (--manner)", r.stderr)
        self.assertIn("missing the time limit of performance (--deadline)", r.stderr)
        self.assertIn("nothing written", r.stderr)
        self.assertEqual(self.commits(), start)
        self.assertEqual(self.case(k)["status"], "mediating")
        # An oral agreement paid in instalments is recorded, with a warning.
        r = self.step("2026-03-05T09:00:00+08:00", "agree", IDS[k], "--form", "oral",
                      "--terms", "分三期赔偿", "--instalments", "--dry-run")
        self.assertIn("2002 Provisions Art. 34", r.stderr)
        self.assertIn("dry run", r.stdout)
        self.assertEqual(self.commits(), start)

    def test_agreement_documents(self):
        self.walk_agreed()
        # The parties' basic information includes their addresses (Law Art. 29).
        self.step("2026-03-27T08:00:00+08:00", "amend", IDS["agreed"], "--party", "1",
                  "--address", "太原市万柏林区东风社区12号楼3单元", "--party", "2",
                  "--address", "太原市万柏林区东风社区14号楼1单元", "--reason", "补录住址")
        r = self.step("2026-03-27T09:00:00+08:00", "doc", IDS["agreed"], "--kind", "协议书",
                      "--reveal")
        # Law Art. 29 items: the parties' basic information; the main facts,
        # points in dispute and responsibilities; the terms; the manner and
        # time limit of performance (and the place, 2002 Provisions Art. 35);
        # blank lines for the parties', the mediator's signatures and the seal.
        blank = "：________　日期：____年__月__日"
        for item in ("人民调解协议书", "（2026）万人调字第1号",
                     "李某", APPLICANT_ID, "王某", RESPONDENT_ID,
                     "住址：太原市万柏林区东风社区12号楼3单元",
                     "纠纷的主要事实、争议事项以及各方当事人的责任",
                     "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执",
                     "1. 王某赔偿李某维修费3500元", "2. 双方就此事再无其他争议",
                     "人民币叁仟伍佰元整（¥3,500.00）", "一次性银行转账", "东风社区调委会",
                     "2026年3月20日前",
                     "申请人（签名、盖章或按指印）" + blank,
                     "被申请人（签名、盖章或按指印）" + blank,
                     "人民调解员（签名）" + blank,
                     self.orgs[COMMUNITY_ORG]["name"] + "（印章）　日期：____年__月__日",
                     "本协议一式三份"):
            self.assertIn(item, r.stdout)
        self.assertNotIn(self.mediators[M_COMMUNITY]["name"], r.stdout)
        self.assertNotIn("--reveal", r.stdout)
        # Masked by default, and said so.
        r = self.step("2026-03-27T09:00:00+08:00", "doc", IDS["agreed"], "--kind", "agreement")
        self.assertNotIn(APPLICANT_ID, r.stdout)
        self.assertIn("personal data is masked", r.stderr)
        # HTML to a file; nothing in the store changes.
        out = os.path.join(self.tmp, "agreement.html")
        self.step("2026-03-27T09:00:00+08:00", "doc", IDS["agreed"], "--kind", "agreement",
                  "--format", "html", "--reveal", "-o", out)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("<h1>人民调解协议书</h1>", html)
        self.assertIn(APPLICANT_ID, html)
        for kind, item in (("application", "人民调解受理登记表"), ("notice", "权利义务告知书"),
                           ("visit", "当事人满意度"), ("cover", "长期"),
                           ("调解笔录", "双方到场"), ("受理通知书", "回执"),
                           ("司法确认申请书", "此致"), ("封底", "本卷共有文件")):
            r = self.step("2026-03-27T09:00:00+08:00", "doc", IDS["agreed"], "--kind", kind)
            self.assertIn(item, r.stdout)
        self.assertEqual(self.git("status", "--porcelain"), "")

        # An incomplete written agreement (no facts, no place: recorded with
        # warnings) cannot be printed: the document lists what is missing.
        k = "incomplete"
        self.step("2026-03-03T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        r = self.step("2026-03-05T09:00:00+08:00", "agree", IDS[k], "--form", "written",
                      "--terms", "赔偿3500元", "--manner", "现金", "--deadline", "2026-03-10",
                      "--signed-by", "all", "--mediator-signed", "--sealed")
        self.assertIn("2002 Provisions Art. 35", r.stderr)
        out = os.path.join(self.tmp, "incomplete.md")
        r = self.mediate("2026-03-06T09:00:00+08:00", "doc", IDS[k], "--kind", "agreement", "-o",
                         out)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("missing the main facts, points in dispute and responsibilities", r.stderr)
        self.assertIn("missing the place of performance", r.stderr)
        self.assertIn("missing the address of 李某", r.stderr)
        self.assertIn("missing the address of 王某", r.stderr)
        self.assertIn("4 required item(s) missing", r.stderr)
        self.assertFalse(os.path.exists(out))
        # Documents of steps not taken are refused too.
        r = self.mediate("2026-03-06T09:00:00+08:00", "doc", IDS[k], "--kind", "termination")
        self.assertEqual(r.returncode, 3)
        self.assertIn("missing a termination (mediate terminate)", r.stderr)

    def test_deadline_of_a_case_received_at_2330_on_the_last_day_of_a_month(self):
        k = "month_end"
        c = self.case(k)
        # Received 2026-01-31 23:30 in Shanghai; 30 days later is 2026-03-02
        # (February 2026 has 28 days).
        self.assertEqual(plus("2026-01-31", 30), "2026-03-02")
        self.assertEqual(c["deadline"], "2026-03-02")
        self.step("2026-02-02T09:00:00+08:00", "assign", IDS[k], M_COMMUNITY)
        # Due today until local midnight ...
        r = self.step("2026-03-02T23:59:00+08:00", "due", "--within", "0d", "id:" + IDS[k],
                      "--format", "csv")
        rows = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual([(x["kind"], x["due"], x["days_left"]) for x in rows],
                         [("conclude", "2026-03-02", "0")])
        # ... one day overdue at 00:30 local on 2026-03-03 (16:30 UTC on 03-02).
        r = self.step("2026-03-02T16:30:00Z", "due", "--within", "0d", "id:" + IDS[k],
                      "--format", "csv")
        rows = list(csv.DictReader(r.stdout.splitlines()))
        self.assertEqual([(x["kind"], x["days_left"], x["state"]) for x in rows],
                         [("conclude", "-1", "1 day overdue")])
        r = self.step("2026-03-02T16:30:00Z", "list", "overdue", "--format", "csv")
        self.assertIn(IDS[k], r.stdout)
        # An extension needs both parties' consent ...
        start = self.commits()
        r = self.mediate("2026-03-01T10:00:00+08:00", "extend", IDS[k], "--to", "2026-03-31")
        self.assertEqual(r.returncode, 3)
        self.assertEqual(self.commits(), start)
        # ... and with it the deadline moves.
        self.step("2026-03-01T10:00:00+08:00", "extend", IDS[k], "--to", "2026-03-31", "--consent",
                  "--reason", "需要鉴定损失")
        self.assert_committed("extend", k)
        c = self.case(k)
        self.assertEqual(c["deadline"], "2026-03-31")
        self.assertEqual(c["events"][-1]["previous"], "2026-03-02")
        self.assertEqual(c["events"][-1]["consent"], "both_parties")
        r = self.step("2026-03-03T09:00:00+08:00", "due", "--within", "0d", "id:" + IDS[k])
        self.assertIn("nothing due", r.stdout)
        # 2026-03-03 -> 2026-03-31: 28 days.
        r = self.step("2026-03-03T09:00:00+08:00", "show", IDS[k])
        self.assertIn("deadline   2026-03-31", r.stdout)
        self.assertIn("extended with both parties' consent · 28 days left", r.stdout)

    def test_help_of_every_lifecycle_command(self):
        for command in list(STEP_ARGS) + ["due", "doc"]:
            with self.subTest(command=command):
                r = self.mediate("2026-03-02T12:00:00+08:00", command, "--help")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("Usage:", r.stdout)
                self.assertIn(command, r.stdout)

    def test_now_option_pins_the_clock(self):
        # --now wins over MEDIATE_NOW: on 2026-03-30 the case received 2026-03-02
        # has 2 days left (deadline 2026-04-01).
        r = self.mediate("2026-03-04T09:00:00+08:00", "--now", "2026-03-30T09:00:00+08:00",
                         "show", IDS["agreed"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("2026-04-01", r.stdout)
        self.assertIn("2 days left", r.stdout)
        r = self.mediate("2026-03-04T09:00:00+08:00", "--now", "yesterday", "show", IDS["agreed"])
        self.assertEqual(r.returncode, 2)

    def test_stats_funnel_and_outcomes(self):
        self.walk_agreed()       # agreed at community level
        self.walk_terminated()   # terminated at community level
        self.walk_refused()
        self.walk_withdrawn()
        self.walk_escalated()    # agreed at district level
        self.walk_grid()         # agreed at grid level
        r = self.step("2026-04-01T09:00:00+08:00", "stats", "--by", "level", "--format", "csv")
        rows = {x["level"]: x for x in csv.DictReader(r.stdout.splitlines())}
        # Concluded: grid 1 (agreed), community 2 (1 agreed), district 1 (agreed); 4 in all.
        got = {lvl: (int(x["cases"]), float(x["share"]), int(x["agreed"]), float(x["success_rate"]))
               for lvl, x in rows.items()}
        self.assertEqual(got, {"grid": (1, 0.25, 1, 1.0), "community": (2, 0.5, 1, 0.5),
                               "district": (1, 0.25, 1, 1.0), "total": (4, 1.0, 3, 0.75)})
        r = self.step("2026-04-01T09:00:00+08:00", "stats", "--by", "outcome", "--format", "csv")
        counts = {x["outcome"]: int(x["cases"]) for x in csv.DictReader(r.stdout.splitlines())}
        # Not concluded: incomplete and month_end (still routed), counted under "".
        self.assertEqual(counts, {"agreed": 3, "terminated": 1, "withdrawn": 1, "refused": 1,
                                  "": 2, "total": 8})
        r = self.step("2026-04-01T09:00:00+08:00", "stats", "--by", "level")
        self.assertIn("4 of 8 cases not concluded", r.stdout)


if __name__ == "__main__":
    unittest.main()
