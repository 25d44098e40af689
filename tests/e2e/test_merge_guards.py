"""Writes wait for git: while a `git merge` is unfinished in the store, `intake` and
`session` are refused (exit 4) naming the merge and how to finish or abort it, and
nothing is written (HEAD, the index and the work tree unchanged). Once the merge is
aborted the same commands go through."""
import os
import unittest

from mediate_support import StoreTestCase, git

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


if __name__ == "__main__":
    unittest.main()
