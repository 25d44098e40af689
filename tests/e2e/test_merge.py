"""End to end: desks in clones of one bare repository, merging with plain `git pull`
and `git merge` through the record merge driver (docs/offices.md): timelines merge as a
union, what the state machine forbids or both sides changed differently becomes a
conflict recorded in the case file, listed by `conflicts` and settled by `resolve`;
no file ever holds conflict markers.

Expected values are worked out from the steps each test takes, never from the program's
output: the events each clone added, and the rules of docs/lifecycle.md."""
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, citizen_id, operator_env, run_at

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
MEDIATOR = "M-0318"  # an active mediator of C-140109005003 (examples/wanbailin/mediators.csv)
CASE = "WBL-2026-000001"
PATH = os.path.join("cases", "2026", "03", CASE + ".yaml")


def git(repo, *args, env=None):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                          env=env)


class MergeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-merge-")
        cls.env = operator_env(cls.base, "测试员 <t@example.org>")
        with open(cls.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 测试员\n\temail = t@example.org\n"
                    "[pull]\n\trebase = false\n[init]\n\tdefaultBranch = main\n")
        cls.template = os.path.join(cls.base, "S")
        cls.ok(["init", cls.template, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00")
        cls.ok(["-C", cls.template, "intake", "--received", "2026-03-02T09:30:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                "--amount", "3500", "--applicant", "李某",
                "--applicant-id", citizen_id("14010919800101123"),
                "--respondent", "王某"], "2026-03-02T09:30:00+08:00")
        cls.ok(["-C", cls.template, "route", "id:" + CASE], "2026-03-02T11:00:00+08:00")
        cls.ok(["-C", cls.template, "assign", CASE, MEDIATOR], "2026-03-02T14:00:00+08:00")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    @classmethod
    def ok(cls, args, now):
        r = run_at(cls.env, now, args)
        assert r.returncode == 0, "mediate %s: exit %d: %s" % (args, r.returncode, r.stderr)
        return r

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="t-", dir=self.base)
        self.bare = os.path.join(self.tmp, "district.git")
        subprocess.run(["git", "clone", "-q", "--bare", self.template, self.bare], check=True,
                       env=self.env)
        self.a = self.clone("a", "XJY")
        self.b = self.clone("b", "HP")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def clone(self, name, office):
        desk = os.path.join(self.tmp, name)
        self.ok(["clone", self.bare, desk, "--office", office], "2026-03-03T08:00:00+08:00")
        return desk

    def at(self, desk, now, *args, code=0):
        r = run_at(self.env, now, ["-C", desk] + list(args))
        if code is not None:
            self.assertEqual(r.returncode, code, r.stderr)
        return r

    def push(self, desk):
        r = git(desk, "push", "-q", "origin", "main", env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)

    def pull(self, desk, now="2026-04-20T09:00:00+08:00"):
        env = dict(self.env, MEDIATE_NOW=now)
        return git(desk, "pull", "-q", "--no-edit", "origin", "main", env=env)

    def case(self, desk, path=PATH):
        with open(os.path.join(desk, path), encoding="utf-8") as f:
            return yaml.load(f, Loader=LOADER)

    def assertNoMarkers(self, desk):
        for f in glob.glob(os.path.join(desk, "**", "*.yaml"), recursive=True):
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            for marker in ("<<<<<<<", ">>>>>>>", "\n=======\n"):
                self.assertNotIn(marker, text, f)

    def assertAudited(self, desk):
        """`audit` is clean: the merge commits git made are what the driver makes."""
        r = self.at(desk, "2026-04-20T10:00:00+08:00", "audit", code=None)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def assertSettled(self, desk):
        self.assertNoMarkers(desk)
        self.assertEqual(git(desk, "status", "--porcelain").stdout, "")
        self.at(desk, "2026-04-20T10:00:00+08:00", "validate")

    # -- tests --------------------------------------------------------------

    def test_a_session_and_an_extension_merge_into_one_timeline(self):
        self.at(self.a, "2026-03-10T09:00:00+08:00", "extend", CASE, "--to", "2026-04-30",
                "--consent")
        self.push(self.a)
        self.at(self.b, "2026-03-09T15:00:00+08:00", "session", CASE, "--mode", "on_site")
        r = self.pull(self.b)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        self.assertSettled(self.b)
        c = self.case(self.b)
        # received, routed, assigned, then b's session (03-09) before a's extension (03-10).
        self.assertEqual([e["type"] for e in c["events"]],
                         ["received", "routed", "assigned", "session", "extended"])
        self.assertEqual(c["status"], "mediating")
        self.assertEqual(c["deadline"], "2026-04-30")  # re-derived from a's extension
        self.assertNotIn("conflicts", c)
        self.assertEqual(self.at(self.b, "2026-04-20T10:00:00+08:00", "conflicts").returncode, 0)
        # A merge commit with both parents.
        parents = git(self.b, "log", "-1", "--format=%P").stdout.split()
        self.assertEqual(len(parents), 2)
        self.assertAudited(self.b)

    def test_agreed_here_and_terminated_there_is_a_recorded_conflict(self):
        self.at(self.a, "2026-03-10T09:00:00+08:00", "agree", CASE, "--form", "oral",
                "--terms", "当场赔偿")
        self.push(self.a)
        self.at(self.b, "2026-03-11T09:00:00+08:00", "terminate", CASE, "--reason", "分歧过大")
        r = self.pull(self.b)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        self.assertNoMarkers(self.b)
        self.assertEqual(git(self.b, "status", "--porcelain").stdout, "")
        c = self.case(self.b)
        # Ours (b) kept: terminated; theirs' agreement recorded in the conflict.
        self.assertEqual(c["status"], "terminated")
        self.assertEqual(len(c["conflicts"]), 1)
        conflict = c["conflicts"][0]
        self.assertEqual(conflict["field"], "events")
        self.assertEqual([e["type"] for e in conflict["ours"]["value"]], ["terminated"])
        self.assertEqual([e["type"] for e in conflict["theirs"]["value"]], ["agreed"])
        self.assertEqual(conflict["theirs"]["at"], "2026-03-10T09:00:00+08:00")
        listed = self.at(self.b, "2026-04-20T10:00:00+08:00", "conflicts", "--format", "csv",
                         code=1)
        rows = listed.stdout.strip().splitlines()
        self.assertEqual(len(rows), 2)
        self.assertTrue(rows[1].startswith(CASE + ",events,"))
        # Other writes are refused until it is settled.
        head = git(self.b, "rev-parse", "HEAD").stdout
        refused = self.at(self.b, "2026-04-20T10:00:00+08:00", "close", CASE, code=3)
        self.assertIn("unresolved conflict", refused.stderr)
        self.assertEqual(git(self.b, "rev-parse", "HEAD").stdout, head)
        # Taking theirs: the agreement instead of the termination.
        self.at(self.b, "2026-04-20T10:00:00+08:00", "resolve", CASE, "--take", "对方",
                "--reason", "以调解协议为准")
        c = self.case(self.b)
        self.assertNotIn("conflicts", c)
        self.assertEqual(c["status"], "agreed")
        self.assertEqual([e["type"] for e in c["events"]],
                         ["received", "routed", "assigned", "agreed", "resolved"])
        self.assertEqual(c["events"][-1]["took"], "theirs")
        msg = git(self.b, "log", "-1", "--format=%B").stdout
        self.assertIn("Mediate-Action: resolve", msg)
        self.assertEqual(self.at(self.b, "2026-04-20T10:00:00+08:00", "conflicts").returncode, 0)
        self.assertSettled(self.b)
        self.assertAudited(self.b)

    def test_two_different_amounts_conflict_and_ours_can_be_kept(self):
        for desk, amount, who in ((self.a, "4000.00", "甲"), (self.b, "4500.00", "乙")):
            path = os.path.join(desk, PATH)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.assertIn('amount: "3500.00"', text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace('amount: "3500.00"', f'amount: "{amount}"'))
            git(desk, "commit", "-q", "-am", "amount by " + who, env=self.env)
        self.push(self.a)
        r = self.pull(self.b)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
        self.assertNoMarkers(self.b)
        c = self.case(self.b)
        self.assertEqual(c["amount"], "4500.00")  # ours kept in the record
        self.assertEqual(c["conflicts"][0]["field"], "amount")
        self.assertEqual(c["conflicts"][0]["ours"]["value"], "4500.00")
        self.assertEqual(c["conflicts"][0]["theirs"]["value"], "4000.00")
        # The merge itself is the driver's: audit names only the two hand edits.
        audit = self.at(self.b, "2026-04-20T10:00:00+08:00", "audit", "--format", "csv", code=1)
        kinds = [line.split(",")[0] for line in audit.stdout.strip().splitlines()[1:]]
        self.assertEqual(kinds, ["foreign-commit", "foreign-commit"])
        self.at(self.b, "2026-04-20T10:00:00+08:00", "resolve", CASE, "--take", "ours",
                "--field", "amount")
        c = self.case(self.b)
        self.assertEqual(c["amount"], "4500.00")
        self.assertNotIn("conflicts", c)
        self.assertSettled(self.b)

    def test_a_conflict_on_a_phone_stays_out_of_history_unless_revealed(self):
        phones = {self.a: "13400005670", self.b: "13400005679"}
        for desk, phone in phones.items():
            self.at(desk, "2026-03-10T09:00:00+08:00", "amend", CASE, "--party", "1",
                    "--phone", phone, "--reason", "当事人来电更正")
        self.push(self.a)
        self.assertEqual(self.pull(self.b).returncode, 0)
        self.assertEqual(self.case(self.b)["conflicts"][0]["field"], "parties")
        shown = self.at(self.b, "2026-04-20T10:00:00+08:00", "history", CASE).stdout
        self.assertIn("conflicts:", shown)
        for phone in phones.values():
            self.assertNotIn(phone, shown)
        revealed = self.at(self.b, "2026-04-20T10:00:00+08:00", "history", CASE,
                           "--reveal").stdout
        for phone in phones.values():
            self.assertIn(phone, revealed)

    def test_offline_intakes_of_two_offices_are_all_kept(self):
        def intake(desk, now, summary):
            r = self.at(desk, now, "intake", "--received", now, "--source", "application",
                        "--category", "neighbour", "--summary", summary, "--street", STREET,
                        "--applicant", "张某")
            return r.stdout.split()[1]
        ids = {intake(self.a, "2026-03-12T09:00:00+08:00", "甲一"),
               intake(self.a, "2026-04-01T09:00:00+08:00", "甲二"),
               intake(self.b, "2026-03-12T10:00:00+08:00", "乙一"),
               intake(self.b, "2026-04-01T10:00:00+08:00", "乙二")}
        self.assertEqual(ids, {"XJY-2026-000001", "XJY-2026-000002", "HP-2026-000001",
                               "HP-2026-000002"})
        self.push(self.a)
        self.assertEqual(self.pull(self.b).returncode, 0)
        self.push(self.b)
        self.assertEqual(self.pull(self.a).returncode, 0)
        for desk in (self.a, self.b):
            names = {os.path.basename(f)[:-5] for f in
                     glob.glob(os.path.join(desk, "cases", "*", "*", "*.yaml"))}
            self.assertEqual(names, ids | {CASE})
            self.assertSettled(desk)
            self.assertAudited(desk)
        self.assertEqual(git(self.a, "rev-parse", "HEAD").stdout,
                         git(self.b, "rev-parse", "HEAD").stdout)

    def test_setup_git_registers_the_driver_in_a_plain_clone(self):
        plain = os.path.join(self.tmp, "plain")
        subprocess.run(["git", "clone", "-q", self.bare, plain], check=True, env=self.env)
        git(plain, "config", "mediate.office", "DS")
        self.assertNotEqual(git(plain, "config", "merge.mediate.driver").returncode, 0)
        r = self.at(plain, "2026-03-10T09:00:00+08:00", "setup-git")
        self.assertIn("already names it", r.stdout)  # init wrote .gitattributes
        self.assertIn("merge-file %O %A %B %P",
                      git(plain, "config", "merge.mediate.driver").stdout)
        attrs = git(plain, "check-attr", "merge", "--", PATH).stdout
        self.assertEqual(attrs.strip(), PATH + ": merge: mediate")
        self.assertIn("unspecified",
                      git(plain, "check-attr", "merge", "--", "mediate.yaml").stdout)


if __name__ == "__main__":
    unittest.main()
