"""End-to-end: closing a case file without dead ends.

The office day from intake to the archived file, with a judicial
confirmation applied for in between (close waits for the court); the
retention period taken from the store's setting by outcome; a refused and a
withdrawn matter archived; a court decision that arrives after the file was
closed recorded as a supplement (补充归档) without reopening it; steps dated
before the step they follow refused with nothing written; routing and
assignment entered late with --date; the summary procedure of a
court-entrusted case (7 days from the receipt of the materials, SPC 2016).

Runs the built binary (env MEDIATE) on stores made with `mediate init S
--from examples/wanbailin`, on a pinned clock (MEDIATE_NOW) in Asia/Shanghai.
Expected values are worked out here by hand (dates with Python's datetime;
the retention periods from examples/wanbailin/setup.yaml; organisations from
orgs.csv and mediators.csv), never copied from the program's output.
"""

import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP as SETUP
from mediate_support import operator_env, run_at

OPERATOR = "测试员 <t@example.org>"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# 万柏林街道 / 东风社区 / 第11网格 and its community committee (orgs.csv), two
# of its active mediators (mediators.csv), the district court (orgs.csv).
STREET, COMMUNITY = "140109005", "140109005003"
COMMUNITY_ORG, M_COMMUNITY = "C-140109005003", "M-0318"
COURT, COURT_NAME = "WBL-COURT", "太原市万柏林区人民法院"


def day(text):
    return datetime.date.fromisoformat(text)


def at(date_text, hour="10:00"):
    return "%sT%s:00+08:00" % (date_text, hour)


class ClosingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-closing-")
        cls.env = operator_env(cls.base, OPERATOR)
        cls.template = os.path.join(cls.base, "S")
        r = run_at(cls.env, at("2026-03-01", "08:00"), ["init", cls.template, "--from", SETUP])
        if r.returncode != 0:
            shutil.rmtree(cls.base, ignore_errors=True)
            raise unittest.SkipTest("init failed: " + r.stderr)
        with open(os.path.join(SETUP, "setup.yaml"), encoding="utf-8") as f:
            cls.retention = yaml.load(f, Loader=LOADER)["retention"]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="store-", dir=self.base)
        self.store = os.path.join(self.tmp, "S")
        shutil.copytree(self.template, self.store, symlinks=True)
        self.count = 0

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------

    def mediate(self, now, *args, store=None):
        return run_at(self.env, now, ["-C", store or self.store] + list(args))

    def ok(self, now, *args, store=None):
        r = self.mediate(now, *args, store=store)
        self.assertEqual(r.returncode, 0, "%s\n%s%s" % (args, r.stdout, r.stderr))
        return r

    def git(self, *args, store=None):
        return subprocess.run(["git", "-C", store or self.store] + list(args),
                              capture_output=True, text=True, check=True).stdout

    def head(self, store=None):
        return self.git("rev-parse", "HEAD", store=store).strip()

    def intake(self, received, *extra, source="application", store=None):
        """Registers a neighbour dispute received at `received` (a date); its id."""
        r = self.ok(at(received, "09:30"), "intake", "--received", at(received, "09:30"),
                    "--source", source, "--category", "neighbour", "--summary", "楼上漏水",
                    "--street", STREET, "--community", COMMUNITY, "--applicant", "李某",
                    "--respondent", "王某", *extra, store=store)
        self.assertTrue(r.stdout.startswith("registered WBL-2026-"), r.stdout)
        return r.stdout.split()[1]

    def case(self, cid, store=None):
        folder = os.path.join(store or self.store, "cases")
        for root, _dirs, files in os.walk(folder):
            if cid + ".yaml" in files:
                with open(os.path.join(root, cid + ".yaml"), encoding="utf-8") as f:
                    return yaml.load(f, Loader=LOADER)
        self.fail("no case file for " + cid)

    def assert_refused_unchanged(self, now, args, *fragments, store=None):
        """`args` exits 3 naming `fragments`; HEAD and the tree are unchanged."""
        before = self.head(store)
        r = self.mediate(now, *args, store=store)
        self.assertEqual(r.returncode, 3, "%s\n%s%s" % (args, r.stdout, r.stderr))
        for fragment in fragments:
            self.assertIn(fragment, r.stderr)
        self.assertEqual(self.head(store), before)
        self.assertEqual(self.git("status", "--porcelain", store=store), "")
        return r

    def agreed_case(self, received="2026-03-02"):
        """A case routed by hand, assigned and agreed orally on the day after it was received."""
        cid = self.intake(received)
        nxt = (day(received) + datetime.timedelta(days=1)).isoformat()
        self.ok(at(nxt, "09:00"), "route", cid, "--to", COMMUNITY_ORG, "--reason", "就近调解")
        self.ok(at(nxt, "09:10"), "assign", cid, M_COMMUNITY)
        self.ok(at(nxt, "15:00"), "agree", cid, "--form", "oral", "--terms", "当场赔偿")
        return cid, nxt

    # -- tests --------------------------------------------------------------

    def test_the_office_day(self):
        cid = self.intake("2026-03-02")
        # Routing and assignment entered late, each dated the day it happened.
        self.ok(at("2026-03-04", "08:00"), "route", "id:" + cid, "--date", "2026-03-02")
        c = self.case(cid)
        self.assertEqual((c["status"], c["events"][1]["date"]), ("routed", "2026-03-02"))
        # A route dated before receipt is refused (only received cases are
        # routed, so it is tried on a fresh case).
        other = self.intake("2026-03-03")
        self.assert_refused_unchanged(at("2026-03-04", "08:05"),
                                      ["route", other, "--to", COMMUNITY_ORG, "--reason", "就近",
                                       "--date", "2026-03-02"],
                                      "routed dated 2026-03-02 is before the received step it "
                                      "follows (2026-03-03)")
        self.ok(at("2026-03-04", "08:10"), "assign", cid, M_COMMUNITY, "--date", "2026-03-03")
        self.ok(at("2026-03-04", "15:00"), "session", cid, "--mode", "on_site", "--date",
                "2026-03-04")
        # An agreement dated before the session it follows: refused, nothing written.
        self.assert_refused_unchanged(
            at("2026-03-05", "16:00"),
            ["agree", cid, "--form", "oral", "--terms", "当场赔偿", "--date", "2026-03-03"],
            "--date: 2026-03-03 is before the session step it follows (2026-03-04)",
            "nothing written")
        self.ok(at("2026-03-05", "16:00"), "agree", cid, "--form", "written", "--facts", "楼上漏水",
                "--terms", "王某赔偿李某3500元", "--amount", "3500", "--manner", "银行转账",
                "--place", "东风社区调委会", "--deadline", "2026-03-20", "--signed-by", "all",
                "--mediator-signed", "--sealed", "--date", "2026-03-05")
        self.ok(at("2026-03-06"), "confirm", cid, "--result", "applied", "--court", COURT,
                "--matter", "other")
        self.ok(at("2026-03-20", "11:00"), "perform", cid, "full", "--date", "2026-03-20")
        self.ok(at("2026-03-21"), "visit", cid, "--method", "phone", "--performance", "full",
                "--date", "2026-03-21")
        # Performed and visited, but the court has not decided: close waits, naming it.
        self.assert_refused_unchanged(
            at("2026-03-22"), ["close", cid],
            'is "agreed"',
            "judicial confirmation was applied for on 2026-03-06 at " + COURT_NAME +
            " and is not decided", "mediate confirm --result confirmed|rejected|withdrawn")
        self.ok(at("2026-03-23"), "confirm", cid, "--result", "confirmed", "--decided",
                "2026-03-23")
        r = self.ok(at("2026-03-24"), "close", cid)
        expected = self.retention["agreed"]
        self.assertEqual(expected, "long")
        self.assertIn("retention long 长期 (the store's retention.agreed)", r.stdout)
        c = self.case(cid)
        self.assertEqual(c["status"], "closed")
        self.assertEqual(c["events"][-1]["retention"], expected)
        self.assertEqual([e["type"] for e in c["events"]],
                         ["received", "routed", "assigned", "session", "agreed", "confirmation",
                          "performance", "visited", "confirmation", "closed"])
        self.assertEqual(c["events"][2]["date"], "2026-03-03")
        r = self.ok(at("2026-03-24", "11:00"), "doc", cid, "--kind", "cover")
        n = int(cid.rsplit("-", 1)[1])
        for item in ("人民调解卷宗", "（2026）万人调字第%d号" % n, "长期", "2026年3月2日",
                     "2026年3月5日", "2026年3月24日", "测试员"):
            self.assertIn(item, r.stdout)
        self.ok(at("2026-03-24", "12:00"), "validate")

    def test_refused_and_withdrawn_matters_are_archived(self):
        refused = self.intake("2026-03-02")
        self.ok(at("2026-03-02", "11:00"), "refuse", refused, "--reason", "已向法院起诉并已立案",
                "--go-to", COURT_NAME)
        withdrawn = self.intake("2026-03-02")
        self.ok(at("2026-03-03", "09:00"), "route", withdrawn, "--to", COMMUNITY_ORG, "--reason",
                "就近调解")
        self.ok(at("2026-03-04", "09:00"), "withdraw", withdrawn, "--reason", "申请人撤回申请")
        start = int(self.git("rev-list", "--count", "HEAD").strip())
        for cid, outcome in ((refused, "refused"), (withdrawn, "withdrawn")):
            with self.subTest(outcome=outcome):
                r = self.ok(at("2026-03-05"), "close", cid)
                self.assertIn("close: %s %s" % (cid, outcome), r.stdout)
                c = self.case(cid)
                self.assertEqual(c["status"], "closed")
                self.assertEqual(c["events"][-1]["type"], "closed")
                self.assertEqual(c["events"][-1]["retention"], self.retention[outcome])
                self.assertEqual(self.retention[outcome], "short")
                # The registration and the refusal notice stay in the file.
                if outcome == "refused":
                    self.assertEqual([e["type"] for e in c["events"]],
                                     ["received", "refused", "closed"])
                    self.assertEqual(c["events"][1]["go_to"], COURT_NAME)
                msg = self.git("log", "-1", "--format=%B")
                self.assertTrue(msg.startswith("close: " + cid), msg)
                self.assertIn("Mediate-Action: close", msg)
                # The cover is printable: the retention is the store's short period (短期).
                cover = self.ok(at("2026-03-05", "10:00"), "doc", cid, "--kind", "cover").stdout
                self.assertIn("人民调解卷宗", cover)
                self.assertIn("短期", cover)
        self.assertEqual(int(self.git("rev-list", "--count", "HEAD").strip()), start + 2)
        # Its outcome is kept: stats count it by outcome as before.
        r = self.ok(at("2026-03-05", "11:00"), "export", "id:%s,%s" % (refused, withdrawn),
                    "--format", "json")
        rows = {x["id"]: x for x in json.loads(r.stdout)}
        self.assertEqual((rows[refused]["status"], rows[refused]["outcome"]), ("closed", "refused"))
        self.assertEqual(rows[withdrawn]["outcome"], "withdrawn")
        # Closed is closed: a second close is refused.
        self.assert_refused_unchanged(at("2026-03-06"), ["close", refused], 'is "closed"')
        self.ok(at("2026-03-06", "11:00"), "validate")

    def test_a_court_decision_after_closing_is_a_supplement(self):
        cid, agreed_on = self.agreed_case()
        self.ok(at("2026-03-04"), "perform", cid, "full")
        self.ok(at("2026-03-05"), "visit", cid, "--method", "phone", "--performance", "full")
        self.ok(at("2026-03-06"), "close", cid)
        self.assertEqual(agreed_on, "2026-03-03")
        # The parties had applied on 03-04; the court confirmed on 03-10.
        r = self.ok(at("2026-03-11"), "confirm", cid, "--result", "confirmed", "--court", COURT,
                    "--applied", "2026-03-04", "--decided", "2026-03-10", "--matter", "other")
        self.assertIn("now closed", r.stdout)
        self.assertIn("补充归档", r.stdout)
        c = self.case(cid)
        self.assertEqual(c["status"], "closed")
        last = c["events"][-1]
        self.assertEqual((last["type"], last["result"], last["applied"], last["decided"],
                          last["supplementary"]),
                         ("confirmation", "confirmed", "2026-03-04", "2026-03-10", True))
        # The closing event stays where it was, and its date.
        self.assertEqual(c["events"][-2]["type"], "closed")
        msg = self.git("log", "-1", "--format=%B")
        self.assertTrue(msg.startswith("confirm: %s confirmed %s (supplementary)" %
                                       (cid, COURT_NAME)), msg)
        # A second decision is refused; nothing written.
        self.assert_refused_unchanged(at("2026-03-12"),
                                      ["confirm", cid, "--result", "rejected"],
                                      "the court already decided: confirmed")
        # A terminated case has no agreement to confirm, closed or not.
        t = self.intake("2026-03-02")
        self.ok(at("2026-03-03", "09:00"), "route", t, "--to", COMMUNITY_ORG, "--reason", "就近")
        self.ok(at("2026-03-03", "09:10"), "assign", t, M_COMMUNITY)
        self.ok(at("2026-03-04"), "terminate", t, "--reason", "分歧过大")
        self.ok(at("2026-03-05"), "close", t)
        self.assert_refused_unchanged(
            at("2026-03-06"), ["confirm", t, "--result", "confirmed", "--court", COURT,
                               "--applied", "2026-03-05"],
            'is "closed"', "this closed case was terminated (Law Art. 33)")
        self.ok(at("2026-03-12", "11:00"), "validate")

    def test_close_without_a_retention_says_how_to_fix(self):
        setup = os.path.join(self.tmp, "setup")
        shutil.copytree(SETUP, setup)
        path = os.path.join(setup, "setup.yaml")
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        start = lines.index("retention:")
        end = start + 1
        while lines[end].startswith("  "):
            end += 1
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:start] + lines[end:]))
        store = os.path.join(self.tmp, "bare")
        self.ok(at("2026-03-01", "08:00"), "init", store, "--from", setup, store=None)
        cid = self.intake("2026-03-02", store=store)
        self.ok(at("2026-03-02", "11:00"), "refuse", cid, "--reason", "已起诉", "--go-to",
                COURT_NAME, store=store)
        self.assert_refused_unchanged(
            at("2026-03-03"), ["close", cid], "--retention: no retention period for a refused "
            "case: give --retention permanent|long|short, or set the store's default in "
            "mediate.yaml (retention: {refused: long}, a store setting)", store=store)
        self.assertEqual(self.case(cid, store)["status"], "refused")
        self.ok(at("2026-03-03"), "close", cid, "--retention", "永久", store=store)
        self.assertEqual(self.case(cid, store)["events"][-1]["retention"], "permanent")

    def test_summary_procedure_of_a_court_entrusted_case(self):
        cid = self.intake("2026-03-02", "--procedure", "summary", source="court_entrusted")
        c = self.case(cid)
        self.assertEqual((c["source"], c["procedure"]), ("court_entrusted", "court_summary"))
        self.ok(at("2026-03-03", "09:00"), "route", cid, "--to", COMMUNITY_ORG, "--reason", "委托")
        # The mediator signed for the materials on 03-04: 7 days (summary
        # procedure, SPC 2016) -> the last day is 2026-03-11.
        self.ok(at("2026-03-04", "09:00"), "assign", cid, M_COMMUNITY, "--materials-received",
                "2026-03-04")
        due = (day("2026-03-04") + datetime.timedelta(days=7)).isoformat()
        self.assertEqual(due, "2026-03-11")
        self.assertEqual(self.case(cid)["deadline"], due)
        r = self.ok(at("2026-03-06", "09:00"), "show", cid)
        # 2026-03-06 -> 2026-03-11: 5 days left.
        left = (day(due) - day("2026-03-06")).days
        self.assertEqual(left, 5)
        self.assertIn("deadline   %s  court-entrusted mediation (summary procedure): 7 days from "
                      "receipt of the materials (SPC 2016) · %d days left" % (due, left), r.stdout)
        r = self.ok(at("2026-03-06", "09:00"), "due", "--within", "7d", "--format", "json",
                    "id:" + cid)
        rows = [(x["kind"], x["due"], x["days_left"]) for x in json.loads(r.stdout)]
        self.assertEqual(rows, [("conclude", due, left)])
        # The ordinary procedure: 15 days.
        o = self.intake("2026-03-02", "--procedure", "ordinary", source="court_entrusted")
        self.assertEqual(self.case(o)["deadline"], "2026-03-17")  # 03-02 + 15 days
        # Refused on any other source, and a procedure that is neither.
        before = self.head()
        for source, procedure, message in (
                ("court_delegated", "summary", "belongs to a court-entrusted case"),
                ("application", "summary", "not to one whose source is application"),
                ("court_entrusted", "fast", "is ordinary (普通程序) or summary (简易程序)")):
            with self.subTest(source=source, procedure=procedure):
                r = self.mediate(at("2026-03-06"), "intake", "--source", source, "--procedure",
                                 procedure, "--category", "neighbour", "--summary", "x",
                                 "--street", STREET, "--community", COMMUNITY, "--applicant", "李某")
                self.assertNotEqual(r.returncode, 0)
                self.assertIn(message, r.stderr)
                self.assertIn("nothing was registered", r.stderr)
        self.assertEqual(self.head(), before)


if __name__ == "__main__":
    unittest.main()
