"""Writes wait for git: while a `git merge` is unfinished in the store, `intake` and
`session` are refused (exit 4) naming the merge and how to finish or abort it, and
nothing is written (HEAD, the index and the work tree unchanged). Once the merge is
aborted the same commands go through.

And `audit` after pulls: a merge git made of two clones' work, each path taken from
one side, is clean; a merge edited while merging is a `hand-merged` finding."""
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, StoreTestCase, git, run

NOW = "2026-03-02T09:30:00+08:00"
ENV = {"MEDIATE_NOW": NOW}
# 万柏林街道 / 东风社区 / 第11网格 and an active mediator of its community committee
# (examples/wanbailin: grids.csv, orgs.csv, mediators.csv).
PLACE = ["--street", "140109005", "--community", "140109005003", "--grid", "140109005003011"]
MEDIATOR = "M-0318"
INTAKE = ["intake", "--category", "neighbour", "--source", "application", "--summary", "漏水",
          "--applicant", "李某", "--received", "2026-03-02T09:00:00+08:00"] + PLACE
SESSION = ["session", "WBL-2026-000001", "--mode", "on_site"]


class MergeGuardTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.m(*INTAKE, env=ENV)
        self.m("route", "id:WBL-2026-000001", env=ENV)
        self.m("assign", "WBL-2026-000001", MEDIATOR, env=ENV)

    def git_as_tester(self, *args):
        return git(self.store, "-c", "user.name=T", "-c", "user.email=t@example.org", *args)

    def start_conflicting_merge(self):
        """Two branches that both add notes.txt with different text, merged: git stops
        with a conflict and leaves MERGE_HEAD."""
        path = os.path.join(self.store, "notes.txt")
        self.git_as_tester("checkout", "-q", "-b", "other")
        with open(path, "w", encoding="utf-8") as f:
            f.write("other\n")
        self.git_as_tester("add", "notes.txt")
        self.git_as_tester("commit", "-q", "-m", "other notes")
        self.git_as_tester("checkout", "-q", "main")
        with open(path, "w", encoding="utf-8") as f:
            f.write("main\n")
        self.git_as_tester("add", "notes.txt")
        self.git_as_tester("commit", "-q", "-m", "main notes")
        p = self.git_run("merge", "other")
        self.assertNotEqual(p.returncode, 0)
        self.assertTrue(os.path.exists(os.path.join(self.store, ".git", "MERGE_HEAD")))

    def git_run(self, *args):
        import subprocess
        return subprocess.run(["git", "-C", self.store, "-c", "user.name=T", "-c",
                               "user.email=t@example.org"] + list(args),
                              capture_output=True, text=True)

    def snapshot(self):
        files = {}
        for root, dirs, names in os.walk(self.store):
            dirs[:] = [d for d in dirs if d != ".git"]
            for n in names:
                with open(os.path.join(root, n), "rb") as f:
                    files[os.path.relpath(os.path.join(root, n), self.store)] = f.read()
        return (git(self.store, "rev-parse", "HEAD"),
                git(self.store, "status", "--porcelain", "-uall"),
                git(self.store, "ls-files", "--stage"), files)

    def test_intake_and_session_refused_during_a_merge(self):
        self.start_conflicting_merge()
        before = self.snapshot()
        for args in (INTAKE, SESSION):
            with self.subTest(command=args[0]):
                p = self.m(*args, env=ENV, check=4)
                self.assertIn("a git merge is unfinished in this store", p.stderr)
                self.assertIn("'git merge --continue'", p.stderr)
                self.assertIn("'git merge --abort'", p.stderr)
                self.assertEqual(p.stdout, "")
                self.assertEqual(self.snapshot(), before)
        # No second case file appeared, and the case is still as assign left it.
        self.assertEqual(sorted(os.listdir(os.path.join(self.store, "cases/2026/03"))),
                         ["WBL-2026-000001.yaml"])

        # Given up, the merge no longer stops anyone.
        self.git_run("merge", "--abort")
        head = git(self.store, "rev-parse", "HEAD")
        self.m(*SESSION, env=ENV)
        p = self.m(*INTAKE, env=ENV)
        self.assertTrue(p.stdout.startswith("registered WBL-2026-000002 "), p.stdout)
        self.assertEqual(git(self.store, "rev-list", "--count", head.strip() + "..HEAD"), "2\n")

    def test_reading_commands_still_work_during_a_merge(self):
        self.start_conflicting_merge()
        p = self.m("show", "WBL-2026-000001")
        self.assertIn("WBL-2026-000001", p.stdout)


class AuditMergeTest(unittest.TestCase):
    """Clone A (office WBL) and clone B (office XJY, MEDIATE_OFFICE) of one store."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-merge-")
        self.a = os.path.join(self.tmp, "a")
        self.b = os.path.join(self.tmp, "b")
        run(["init", self.a, "--from", EXAMPLE_SETUP], env=ENV, check=0)
        server = os.path.join(self.tmp, "server.git")
        subprocess.run(["git", "clone", "-q", "--bare", self.a, server], check=True)
        # B clones a bare copy: its first intake reserves its numbers there (a push to a
        # repository with a work tree is refused).
        subprocess.run(["git", "clone", "-q", server, self.b], check=True)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def intake(self, store, office, received, summary):
        p = run(["-C", store, "intake", "--category", "neighbour", "--source", "application",
                 "--summary", summary, "--applicant", "李某", "--received", received],
                env=dict(ENV, MEDIATE_OFFICE=office, MEDIATE_NOW=received), check=0)
        return p.stdout.split()[1]

    def git(self, store, *args):
        return subprocess.run(["git", "-C", store, "-c", "user.name=T", "-c",
                               "user.email=t@example.org"] + list(args),
                              capture_output=True, text=True, check=True).stdout

    def audit(self, check):
        p = run(["-C", self.a, "audit", "--format", "csv"], env=ENV, check=check)
        return [l.split(",", 2) for l in p.stdout.splitlines()[1:] if l]

    def test_a_pull_merged_by_git_is_clean(self):
        self.assertEqual(self.intake(self.a, "WBL", "2026-03-01T10:00:00+08:00", "甲"),
                         "WBL-2026-000001")
        self.assertEqual(self.intake(self.b, "XJY", "2026-03-02T10:00:00+08:00", "乙"),
                         "XJY-2026-000001")
        self.git(self.a, "pull", "-q", "--no-rebase", "--no-edit", self.b, "main")
        self.assertEqual(len(self.git(self.a, "log", "-1", "--format=%P").split()), 2)
        self.assertEqual(self.audit(0), [])
        p = run(["-C", self.a, "audit"], env=ENV, check=0)
        self.assertIn("audit: clean", p.stdout)

    def test_a_merge_edited_while_merging_is_named(self):
        self.intake(self.a, "WBL", "2026-03-01T10:00:00+08:00", "甲")
        self.intake(self.b, "XJY", "2026-03-02T10:00:00+08:00", "乙")
        # Merged by hand: B's case file changed in the merge itself.
        self.git(self.a, "pull", "-q", "--no-rebase", "--no-commit", self.b, "main")
        rel = "cases/2026/03/XJY-2026-000001.yaml"
        path = os.path.join(self.a, rel)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace('summary: "乙"', 'summary: "乙（合并时改过）"'))
        self.git(self.a, "add", rel)
        self.git(self.a, "commit", "-q", "--no-edit")
        short = self.git(self.a, "rev-parse", "--short=7", "HEAD").strip()
        rows = self.audit(1)
        self.assertEqual([r[:2] for r in rows], [["hand-merged", short]])
        self.assertIn("changes " + rel + " beyond both sides", rows[0][2])
        # A commit made outside mediate that is no merge is still foreign.
        with open(os.path.join(self.a, "notes.txt"), "w", encoding="utf-8") as f:
            f.write("x\n")
        self.git(self.a, "add", "notes.txt")
        self.git(self.a, "commit", "-q", "-m", "notes")
        kinds = [r[0] for r in self.audit(1)]
        self.assertEqual(kinds, ["hand-merged", "foreign-commit"])


if __name__ == "__main__":
    unittest.main()
