"""End to end: numbers that never collide (docs/offices.md, "Numbers that never collide").
Desks are clones of one bare repository (a path: no server process needed). `mediate clone`
and `mediate sync` reserve blocks of numbers on the server's branch `mediate/numbers`; a
desk then registers offline from its own blocks only, so two desks of one office, and
desks of different offices, never give one case ID (hence file number) or mediator ID.

Expected values are worked out by hand from the rules: blocks of 20 case numbers (10 left
make sync reserve another), 5 mediator numbers; a series' first block starts after the
highest number the store holds and every later block after the last block of the series.
The example's mediator roster is read from examples/wanbailin/mediators.csv."""
import csv
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, operator_env, run_at
from test_sync import GitServer

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
XJY_STREET, XY_STREET = "140109011", "140109002"


def git(repo, *args, env=None):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                          env=env)


def highest_mediator():
    with open(os.path.join(EXAMPLE_SETUP, "mediators.csv"), encoding="utf-8") as f:
        return max(int(r["id"][2:]) for r in csv.DictReader(f))


class NumbersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-numbers-")
        cls.env = operator_env(cls.base, "测试员 <t@example.org>")
        with open(cls.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 测试员\n\temail = t@example.org\n"
                    "[pull]\n\trebase = false\n[init]\n\tdefaultBranch = main\n")
        cls.template = os.path.join(cls.base, "S")
        r = run_at(cls.env, "2026-03-01T08:00:00+08:00",
                   ["init", cls.template, "--from", EXAMPLE_SETUP])
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="t-", dir=self.base)
        self.bare = os.path.join(self.tmp, "district.git")
        subprocess.run(["git", "clone", "-q", "--bare", self.template, self.bare], check=True,
                       env=self.env)
        git(self.bare, "config", "receive.denyNonFastForwards", "true")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def at(self, desk, now, *args, code=0):
        r = run_at(self.env, now, ["-C", desk] + list(args))
        if code is not None:
            self.assertEqual(r.returncode, code, r.stdout + r.stderr)
        return r

    def clone(self, name, office, now="2026-03-03T08:00:00+08:00", url=None):
        desk = os.path.join(self.tmp, name)
        r = run_at(self.env, now, ["clone", url or self.bare, desk, "--office", office])
        self.assertEqual(r.returncode, 0, r.stderr)
        return desk, r.stdout

    def intake(self, desk, street, now, summary, code=0):
        r = self.at(desk, now, "intake", "--received", now, "--source", "application",
                    "--category", "neighbour", "--summary", summary, "--street", street,
                    "--applicant", "张某", "--respondent", "赵某", code=code)
        return r.stdout.split()[1] if code == 0 else r

    def add_mediator(self, desk, name):
        r = self.at(desk, "2026-03-05T09:00:00+08:00", "mediator", "add", "--name", name,
                    "--sex", "female", "--born", "1980-01-01", "--org", "WBL-CENTRE",
                    "--role", "engaged", "--employment", "专职")
        return r.stdout

    def case_ids(self, desk):
        return {os.path.basename(f)[:-5]
                for f in glob.glob(os.path.join(desk, "cases", "*", "*", "*.yaml"))}

    def server_blocks(self):
        text = git(self.bare, "show", "mediate/numbers:numbers.yaml").stdout
        return yaml.load(text, Loader=LOADER)["blocks"]

    def test_two_desks_of_one_office_and_another_office_never_share_a_number(self):
        d1, out1 = self.clone("xjy-1", "XJY")
        d2, out2 = self.clone("xjy-2", "XJY")
        d3, _ = self.clone("xy-1", "XY")
        # No XJY case exists yet: the first desk's block is 1-20, the second's 21-40.
        self.assertIn("XJY-2026-000001 to XJY-2026-000020", out1)
        self.assertIn("XJY-2026-000021 to XJY-2026-000040", out2)
        m = highest_mediator()
        self.assertIn("M-%04d to M-%04d" % (m + 1, m + 5), out1)
        self.assertIn("M-%04d to M-%04d" % (m + 6, m + 10), out2)
        desks = {git(d, "config", "mediate.desk").stdout.strip() for d in (d1, d2, d3)}
        self.assertEqual(len(desks), 3)
        blocks = self.server_blocks()
        self.assertIn({"series": "case/XJY/2026", "first": 21, "last": 40,
                       "desk": git(d2, "config", "mediate.desk").stdout.strip()},
                      [{k: b[k] for k in ("series", "first", "last", "desk")} for b in blocks])

        # Offline: nobody syncs. Each desk takes numbers from its own blocks only.
        got = [self.intake(d1, XJY_STREET, "2026-03-04T09:00:00+08:00", "甲一"),
               self.intake(d1, XJY_STREET, "2026-03-05T08:00:00+08:00", "甲二"),
               self.intake(d2, XJY_STREET, "2026-03-04T09:30:00+08:00", "乙一"),
               self.intake(d2, XJY_STREET, "2026-03-05T09:30:00+08:00", "乙二"),
               self.intake(d3, XY_STREET, "2026-03-04T10:00:00+08:00", "丙一")]
        self.assertEqual(got, ["XJY-2026-000001", "XJY-2026-000002", "XJY-2026-000021",
                               "XJY-2026-000022", "XY-2026-000001"])
        self.assertIn("M-%04d" % (m + 1), self.add_mediator(d1, "甲调解员"))
        self.assertIn("M-%04d" % (m + 6), self.add_mediator(d2, "乙调解员"))

        # Plain git: each desk pulls (the record merge driver `clone` registered merges) and
        # pushes, twice round, so each desk has the others' work. Then everyone syncs once.
        # All cases kept, nothing renumbered, no number held twice.
        for d in (d1, d2, d3, d1, d2):
            env = dict(self.env, MEDIATE_NOW="2026-03-06T09:00:00+08:00")
            r = git(d, "pull", "-q", "--no-edit", "origin", "main", env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            r = git(d, "push", "-q", "origin", "main", env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
        for d in (d1, d2, d3):
            self.assertEqual(self.case_ids(d), set(got))
            self.at(d, "2026-03-06T09:30:00+08:00", "audit")
        for d in (d1, d2, d3, d1, d2):
            r = self.at(d, "2026-03-06T10:00:00+08:00", "sync", "-q")
            self.assertNotIn("is now", r.stdout)
        for d in (d1, d2):
            self.assertEqual(self.case_ids(d), set(got))
            self.at(d, "2026-03-06T10:00:00+08:00", "validate")
            self.at(d, "2026-03-06T10:00:00+08:00", "audit")
            # File numbers follow the IDs, in each office's word (offices.csv): 万小人调字
            # for XJY, 万下人调字 for XY.
            file_nos = {}
            for f in glob.glob(os.path.join(d, "cases", "*", "*", "*.yaml")):
                with open(f, encoding="utf-8") as fh:
                    c = yaml.load(fh, Loader=LOADER)
                self.assertNotIn("renumbered", [e["type"] for e in c["events"]])
                file_nos[c["id"]] = c["file_no"]
            self.assertEqual(file_nos, {
                "XJY-2026-000001": "（2026）万小人调字第1号",
                "XJY-2026-000002": "（2026）万小人调字第2号",
                "XJY-2026-000021": "（2026）万小人调字第21号",
                "XJY-2026-000022": "（2026）万小人调字第22号",
                "XY-2026-000001": "（2026）万下人调字第1号"})
        for mid in (m + 1, m + 6):
            self.assertTrue(os.path.exists(os.path.join(d1, "mediators", "M-%04d.yaml" % mid)))

    def test_a_desk_out_of_numbers_and_of_reach_is_refused_and_reserves_once_in_reach(self):
        d1, _ = self.clone("xjy-1", "XJY")
        for i in range(20):
            self.intake(d1, XJY_STREET, "2026-03-04T09:%02d:00+08:00" % i, "第%d件" % i)
        head = git(d1, "rev-parse", "HEAD").stdout
        # The server out of reach (moved away): the 21st intake is refused, nothing written.
        os.rename(self.bare, self.bare + ".away")
        r = self.intake(d1, XJY_STREET, "2026-03-04T10:00:00+08:00", "第21件", code=3)
        self.assertIn("this desk has 0 free numbers of the form XJY-2026-… left and needs 1",
                      r.stderr)
        self.assertIn("'mediate sync'", r.stderr)
        self.assertIn("reserving more failed", r.stderr)
        self.assertEqual(git(d1, "rev-parse", "HEAD").stdout, head)
        self.assertEqual(git(d1, "status", "--porcelain").stdout, "")
        # In reach again, the intake itself reserves the next block: after the highest
        # block (20) and case (20).
        os.rename(self.bare + ".away", self.bare)
        self.assertEqual(self.intake(d1, XJY_STREET, "2026-03-04T11:30:00+08:00", "第21件"),
                         "XJY-2026-000021")
        series = [(b["first"], b["last"]) for b in self.server_blocks()
                  if b["series"] == "case/XJY/2026"]
        self.assertEqual(series, [(1, 20), (21, 40)])

    def test_an_import_longer_than_a_block_reserves_what_it_needs(self):
        d1, _ = self.clone("xjy-1", "XJY")
        ledger = os.path.join(self.tmp, "ledger.csv")
        with open(os.path.join(LEDGERS, "ledger-2026q1.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines(True)
        with open(ledger, "w", encoding="utf-8") as f:
            f.writelines(lines[:1 + 30])
        self.at(d1, "2026-04-01T09:00:00+08:00", "import", ledger)
        # 20 held, 30 needed: one more block of 20 (the block size, more than the 10
        # missing); the ledger's cases take 1-30.
        self.assertEqual(sorted(self.case_ids(d1)),
                         ["XJY-2026-%06d" % n for n in range(1, 31)])
        series = [(b["first"], b["last"]) for b in self.server_blocks()
                  if b["series"] == "case/XJY/2026"]
        self.assertEqual(series, [(1, 20), (21, 40)])

    def test_a_refused_intake_reserves_nothing(self):
        d1, _ = self.clone("xjy-1", "XJY")
        before = self.server_blocks()
        r = self.at(d1, "2026-03-04T09:00:00+08:00", "intake", "--received",
                    "2028-01-05T09:00:00+08:00", "--source", "application", "--category",
                    "neighbour", "--summary", "未来", "--street", XJY_STREET, "--applicant", "张某",
                    code=3)
        self.assertIn("is in the future", r.stderr)
        self.assertEqual(self.server_blocks(), before)

    def test_a_broken_record_on_the_server_stops_reserving_not_the_desk(self):
        d1, _ = self.clone("xjy-1", "XJY")
        # The record is edited by hand on the server and left unreadable.
        scratch = os.path.join(self.tmp, "scratch")
        subprocess.run(["git", "clone", "-q", "-b", "mediate/numbers", self.bare, scratch],
                       check=True, env=self.env)
        with open(os.path.join(scratch, "numbers.yaml"), "a", encoding="utf-8") as f:
            f.write("  - {series: \"case/XJY/2026\", first: 1\n")
        git(scratch, "commit", "-qam", "hand edit", env=self.env)
        git(scratch, "push", "-q", "origin", "mediate/numbers", env=self.env)
        r = self.at(d1, "2026-03-04T09:00:00+08:00", "sync", "-q", code=3)
        self.assertIn("does not read", r.stderr)
        self.assertIn("this desk goes on with the numbers it holds", r.stderr)
        # The desk still registers from the blocks it holds.
        self.assertEqual(self.intake(d1, XJY_STREET, "2026-03-04T10:00:00+08:00", "甲"),
                         "XJY-2026-000001")

    def test_sync_tops_up_before_the_blocks_run_low(self):
        d1, _ = self.clone("xjy-1", "XJY")
        for i in range(10):
            self.intake(d1, XJY_STREET, "2026-03-04T09:%02d:00+08:00" % i, "第%d件" % i)
        # 10 of 20 left: not fewer than 10, so nothing is reserved yet.
        r = self.at(d1, "2026-03-04T11:00:00+08:00", "sync", "-q")
        self.assertNotIn("reserved", r.stdout)
        self.intake(d1, XJY_STREET, "2026-03-04T11:10:00+08:00", "第11件")
        r = self.at(d1, "2026-03-04T11:20:00+08:00", "sync", "-q")
        self.assertIn("XJY-2026-000021 to XJY-2026-000040", r.stdout)

    def test_a_plain_git_clone_reserves_at_its_first_write(self):
        d1, _ = self.clone("xjy-1", "XJY")
        plain = os.path.join(self.tmp, "plain")
        subprocess.run(["git", "clone", "-q", self.bare, plain], check=True, env=self.env)
        git(plain, "config", "mediate.office", "XJY")
        self.assertEqual(git(plain, "config", "mediate.desk").returncode, 1)
        self.assertEqual(self.intake(plain, XJY_STREET, "2026-03-04T11:00:00+08:00", "甲"),
                         "XJY-2026-000021")
        desk = git(plain, "config", "mediate.desk").stdout.strip()
        self.assertRegex(desk, r"^d-[0-9a-f]{12}$")
        self.assertIn({"series": "case/XJY/2026", "first": 21, "last": 40, "desk": desk},
                      [{k: b[k] for k in ("series", "first", "last", "desk")}
                       for b in self.server_blocks()])
        self.assertEqual(self.intake(d1, XJY_STREET, "2026-03-04T11:00:00+08:00", "乙"),
                         "XJY-2026-000001")

    def test_a_reservation_refused_because_another_desk_pushed_first_starts_again(self):
        # Through git's own receive-pack (git daemon on 127.0.0.1), which runs the
        # server's hooks and takes a push only if the ref is still what the desk saw.
        server = GitServer(self.tmp, self.env)
        self.addCleanup(server.stop)
        d1, _ = self.clone("xjy-1", "XJY", url=server.url("district.git"))
        # The server's hook lets another desk's reservation (XJY 21-60) land just before
        # this desk's first push, then declines that push; the desk must fetch again and
        # reserve after 60.
        hook = os.path.join(self.bare, "hooks", "pre-receive")
        other = ("schema: \"numbers/1\"\nblocks:\n"
                 "  - {series: \"case/XJY/2026\", first: 1, last: 20, desk: \"%s\"}\n"
                 "  - {series: \"case/XJY/2026\", first: 21, last: 60, desk: \"d-other\"}\n"
                 % git(d1, "config", "mediate.desk").stdout.strip())
        with open(hook, "w") as f:
            f.write("#!/bin/sh\n"
                    "hit=\n"
                    "while read old new ref; do\n"
                    "  [ \"$ref\" = refs/heads/mediate/numbers ] && hit=1\n"
                    "done\n"
                    "[ -z \"$hit\" ] && exit 0\n"
                    "[ -e \"$GIT_DIR/raced\" ] && exit 0\n"
                    "touch \"$GIT_DIR/raced\"\n"
                    "unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY "
                    "GIT_ALTERNATE_OBJECT_DIRECTORIES\n"
                    "old=$(git rev-parse refs/heads/mediate/numbers)\n"
                    "blob=$(printf '%%s' '%s' | git hash-object -w --stdin)\n"
                    "tree=$(printf '100644 blob %%s\\tnumbers.yaml\\n' $blob | git mktree)\n"
                    "c=$(echo other | git commit-tree $tree -p $old)\n"
                    "git update-ref refs/heads/mediate/numbers $c $old\n"
                    "exit 1\n" % other)
        os.chmod(hook, 0o755)
        for i in range(11):
            self.intake(d1, XJY_STREET, "2026-03-04T09:%02d:00+08:00" % i, "第%d件" % i)
        r = self.at(d1, "2026-03-04T11:00:00+08:00", "sync", "-q")
        self.assertIn("XJY-2026-000061 to XJY-2026-000080", r.stdout)
        series = [(b["first"], b["last"]) for b in self.server_blocks()
                  if b["series"] == "case/XJY/2026"]
        self.assertEqual(series, [(1, 20), (21, 60), (61, 80)])

    def test_a_store_without_a_remote_numbers_as_before(self):
        solo = os.path.join(self.tmp, "solo")
        subprocess.run(["git", "clone", "-q", self.template, solo], check=True, env=self.env)
        git(solo, "remote", "remove", "origin")
        r = run_at(dict(self.env, MEDIATE_OFFICE="XJY"), "2026-03-04T09:00:00+08:00",
                   ["-C", solo, "intake", "--received", "2026-03-04T09:00:00+08:00",
                    "--source", "application", "--category", "neighbour", "--summary", "甲",
                    "--street", XJY_STREET, "--applicant", "张某"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split()[1], "XJY-2026-000001")


if __name__ == "__main__":
    unittest.main()
