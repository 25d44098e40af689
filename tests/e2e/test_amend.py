"""End to end: `mediate amend` corrects and completes a registered case — its fields and
its parties — in one commit with an `amended` event holding each field's old and new
value (numbers masked), in any state; bad requests write nothing.

Expected values are the ones the test typed, masked by hand (138****1234)."""
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, MEDIATE, citizen_id, operator_env, run_at

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CASE = "WBL-2026-000001"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True)


class AmendTest(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="mediate-amend-")
        self.env = operator_env(self.base, "前台 <desk@example.org>")
        self.store = os.path.join(self.base, "S")
        self.at("2026-03-01T08:00:00+08:00", "init", self.store, "--from", EXAMPLE_SETUP,
                store=False)
        self.applicant_id = citizen_id("14010919800101123")
        self.at("2026-03-02T09:30:00+08:00", "intake", "--received", "2026-03-02T09:30:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                "--street", "140109005", "--applicant", "李某", "--applicant-id",
                self.applicant_id, "--applicant-phone", "13800001234", "--respondent", "王某")

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def at(self, now, *args, code=0, store=True):
        r = run_at(self.env, now, (["-C", self.store] if store else []) + list(args))
        if code is not None:
            self.assertEqual(r.returncode, code, "%s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def case(self):
        [path] = glob.glob(os.path.join(self.store, "cases", "*", "*", CASE + ".yaml"))
        with open(path, encoding="utf-8") as f:
            return path, yaml.load(f, Loader=LOADER)

    def test_fields_and_parties_are_corrected_in_one_commit_with_an_event(self):
        path_before, _ = self.case()
        commits = int(git(self.store, "rev-list", "--count", "HEAD").stdout)
        r = self.at("2026-03-03T10:00:00+08:00", "amend", CASE.lower(),
                    "--community", "东风社区", "--party", "1", "--phone", "13911112222",
                    "--party", "2", "--name", "王某某",
                    "--add-party", "role=third_party,name=赵某,phone=13700001111",
                    "--amount", "4200", "--reason", "登记时电话有误，补录社区与第三人")
        path, c = self.case()
        self.assertEqual(path, path_before)  # the file stays where it is
        self.assertEqual(int(git(self.store, "rev-list", "--count", "HEAD").stdout), commits + 1)
        self.assertEqual(c["place"]["community"], "140109005003")  # 东风社区 in examples/wanbailin
        self.assertEqual(c["place"]["street"], "140109005")
        self.assertEqual(c["amount"], "4200.00")
        self.assertEqual([(p["role"], p["name"]) for p in c["parties"]],
                         [("applicant", "李某"), ("respondent", "王某某"),
                          ("third_party", "赵某")])
        self.assertEqual(c["parties"][0]["phone"], "13911112222")
        self.assertEqual(c["parties"][0]["id_number"], self.applicant_id)  # untouched
        self.assertEqual(c["parties"][2]["phone"], "13700001111")
        e = c["events"][-1]
        self.assertEqual(e["type"], "amended")
        self.assertEqual(e["by"], "前台 <desk@example.org>")
        self.assertEqual(e["reason"], "登记时电话有误，补录社区与第三人")
        self.assertEqual(e["changes"], [
            {"field": "place.community", "to": "140109005003"},
            {"field": "amount", "to": "4200.00"},
            {"field": "parties[1].phone", "from": "138****1234", "to": "139****2222"},
            {"field": "parties[2].name", "from": "王某", "to": "王某某"},
            {"field": "parties[3]", "to": "third_party 赵某"},
        ])
        self.assertEqual(c["status"], "received")  # a correction changes no state
        msg = git(self.store, "log", "-1", "--format=%B").stdout
        self.assertIn("Mediate-Action: amend", msg)
        self.assertIn("Mediate-Case: " + CASE, msg)
        self.assertIn("139****2222", r.stdout)
        self.assertNotIn("13911112222", r.stdout)
        self.at("2026-03-03T10:05:00+08:00", "validate")
        self.at("2026-03-03T10:05:00+08:00", "audit")
        # `show` numbers the parties as --party takes them.
        shown = self.at("2026-03-03T10:05:00+08:00", "show", CASE).stdout
        self.assertIn("3 third_party", shown)

    def test_a_party_removed_from_a_case_that_can_take_no_further_step(self):
        self.at("2026-03-03T10:00:00+08:00", "withdraw", CASE, "--reason", "已自行和解")
        self.at("2026-03-04T09:00:00+08:00", "amend", CASE, "--remove-party", "2",
                "--summary", "楼上卫生间漏水", "--reason", "被申请人登记错误")
        _, c = self.case()
        self.assertEqual([p["name"] for p in c["parties"]], ["李某"])
        self.assertEqual(c["summary"], "楼上卫生间漏水")
        self.assertEqual(c["status"], "withdrawn")
        self.assertEqual(c["events"][-1]["changes"], [
            {"field": "summary", "from": "楼上漏水", "to": "楼上卫生间漏水"},
            {"field": "parties[2]", "from": "respondent 王某"},
        ])

    def test_bad_requests_write_nothing(self):
        head = git(self.store, "rev-parse", "HEAD").stdout
        for args, code, words in (
                (["--summary", "x"], 2, "--reason"),  # no reason
                (["--phone", "139", "--reason", "r"], 2, "--party N"),
                (["--party", "5", "--phone", "139", "--reason", "r"], 2, "has 2 parties"),
                (["--category", "火星纠纷", "--reason", "r"], 2, "unknown category"),
                (["--amount", "三千", "--reason", "r"], 2, "not yuan"),
                (["--party", "1", "--phone", "13800001234", "--reason", "r"], 3,
                 "nothing to change"),
                (["--add-party", "name=赵某", "--reason", "r"], 2, "role="),
                # Received 2026-03-02: the file lies under cases/2026/03/ and stays there.
                (["--received", "2026-02-27", "--reason", "r"], 2, "give a date in 2026-03"),
                (["--party", "1", "--id", "140109198001011230", "--reason", "r"], 3,
                 "id_number"),  # a wrong check character: intake's checks run
        ):
            r = self.at("2026-03-03T10:00:00+08:00", "amend", CASE, *args, code=code)
            self.assertIn(words, r.stderr, args)
            self.assertEqual(git(self.store, "rev-parse", "HEAD").stdout, head, args)
        self.assertEqual(git(self.store, "status", "--porcelain").stdout, "")
        self.at("2026-03-03T10:00:00+08:00", "amend", "WBL-2026-000099", "--summary", "x",
                "--reason", "r", code=3)


    def test_a_case_routed_by_hand_names_the_person_and_the_reason(self):
        head = git(self.store, "rev-parse", "HEAD").stdout
        for args, code, words in ((["--to", "S-140109011"], 2, "--reason"),
                                  (["--to", "NOPE", "--reason", "r"], 2, "no such organisation")):
            r = self.at("2026-03-02T11:00:00+08:00", "route", CASE, *args, code=code)
            self.assertIn(words, r.stderr)
            self.assertEqual(git(self.store, "rev-parse", "HEAD").stdout, head)
        # By its full name, the case id in lower case.
        self.at("2026-03-02T11:00:00+08:00", "route", CASE.lower(), "--to",
                "小井峪街道人民调解委员会", "--reason", "跨街道纠纷，由中心指定")
        _, c = self.case()
        e = c["events"][-1]
        self.assertEqual((e["type"], e["org"], e["level"], e["reason"]),
                         ("routed", "S-140109011", "street", "跨街道纠纷，由中心指定"))
        self.assertNotIn("rule", e)
        self.assertEqual(e["by"], "前台 <desk@example.org>")
        self.assertEqual((c["status"], c["org"], c["level"]), ("routed", "S-140109011", "street"))
        self.assertIn("Mediate-Action: route", git(self.store, "log", "-1", "--format=%B").stdout)
        # Routed once; the rules' route and a second routing by hand are refused.
        r = self.at("2026-03-02T12:00:00+08:00", "route", CASE, "--to", "S-140109011",
                    "--reason", "再次", code=3)
        self.assertIn("escalate", r.stderr)
        self.at("2026-03-02T12:00:00+08:00", "validate")
        self.at("2026-03-02T12:00:00+08:00", "audit")


if __name__ == "__main__":
    unittest.main()
