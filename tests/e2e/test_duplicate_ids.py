"""Duplicate case ids.

Two clones of one store that share an office both register a case offline, in
different months; a `git pull --rebase` brings both files in without a conflict:
cases/2026/03/WBL-2026-000001.yaml and cases/2026/04/WBL-2026-000001.yaml.
`validate` and `audit` report the pair (exit 1), reading commands and commands
naming the id refuse naming both files (exit 3), and nothing is written.
"""
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, run, git

NOW = "2026-04-02T12:00:00+08:00"
ENV = {"MEDIATE_NOW": NOW}
ID = "WBL-2026-000001"
MARCH = "cases/2026/03/" + ID + ".yaml"
APRIL = "cases/2026/04/" + ID + ".yaml"


def intake(store, received, summary):
    return run(["-C", store, "intake", "--category", "neighbour", "--source", "application",
                "--summary", summary, "--applicant", "李某", "--received", received],
               env=ENV, check=0)


def git_as(store, *args):
    return subprocess.run(["git", "-C", store, "-c", "user.name=T", "-c",
                           "user.email=t@example.org"] + list(args),
                          capture_output=True, text=True, check=True).stdout


class DuplicateIdTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-dup-")
        self.a = os.path.join(self.tmp, "a")
        self.b = os.path.join(self.tmp, "b")
        run(["init", self.a, "--from", EXAMPLE_SETUP], env=ENV, check=0)
        subprocess.run(["git", "clone", "-q", self.a, self.b], check=True)
        # Two desks set up as the same office (the origin's default, WBL) both hand
        # out WBL-2026-000001, offline.
        git(self.b, "config", "mediate.office", "WBL")
        p = intake(self.a, "2026-03-05T10:00:00+08:00", "三月的漏水")
        self.assertTrue(p.stdout.startswith("registered " + ID + " "), p.stdout)
        p = intake(self.b, "2026-04-01T10:00:00+08:00", "四月的噪音")
        self.assertTrue(p.stdout.startswith("registered " + ID + " "), p.stdout)
        git_as(self.a, "pull", "-q", "--rebase", self.b, "main")
        for rel in (MARCH, APRIL):
            self.assertTrue(os.path.exists(os.path.join(self.a, rel)), rel)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def m(self, *args, check=0):
        return run(["-C", self.a] + list(args), env=ENV, check=check)

    def assertNamesBoth(self, text):
        self.assertIn(MARCH, text)
        self.assertIn(APRIL, text)
        self.assertIn("'mediate renumber " + ID + "'", text)

    def test_reported_and_refused(self):
        head = git(self.a, "rev-parse", "HEAD")
        # validate: the later file of the pair names the first, exit 1.
        p = self.m("validate", check=1)
        line = [l for l in p.stdout.splitlines() if "is also used by" in l]
        self.assertEqual(line, [APRIL + ": id: case id " + ID + " is also used by " + MARCH +
                                "; give one a new id with 'mediate renumber " + ID + "'"])
        # audit: one finding, the pair (the rebased commits all carry trailers).
        p = self.m("audit", "--format", "csv", check=1)
        rows = [l.split(",", 2) for l in p.stdout.splitlines()[1:] if l]
        self.assertEqual([r[:2] for r in rows], [["duplicate-id", ID]])
        self.assertNamesBoth(rows[0][2])
        # Whole-store reads and commands naming the id refuse, naming both files.
        for args in (["list"], ["list", "--keep-going"], ["stats", "--by", "category"],
                     ["export", "--format", "csv"], ["due"], ["show", ID], ["history", ID],
                     ["route"], ["tag", ID, "exemplary"],
                     ["withdraw", ID, "--reason", "不调了"]):
            with self.subTest(args=args):
                p = self.m(*args, check=3)
                self.assertEqual(p.stdout, "")
                self.assertIn("case id " + ID + " is held by 2 files: " + MARCH + " and " + APRIL,
                              p.stderr)
                self.assertNamesBoth(p.stderr)
        self.assertEqual(git(self.a, "rev-parse", "HEAD"), head)


if __name__ == "__main__":
    unittest.main()
