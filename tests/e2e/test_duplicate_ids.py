"""Duplicate case ids and records of a newer version.

Two clones of one store that share an office both register a case offline, in
different months; a `git pull --rebase` brings both files in without a conflict:
cases/2026/03/WBL-2026-000001.yaml and cases/2026/04/WBL-2026-000001.yaml.
`validate` and `audit` report the pair (exit 1), reading commands and commands
naming the id refuse naming both files (exit 3), and `mediate renumber` gives the
case received later a new id in one commit, after which everything is clean and
`history` shows the case under both ids.

A case whose schema is "case/2", or with an event kind this version does not know,
is reported by validate and refused by reads and writes, naming the version needed.
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
NEW_ID = "WBL-2026-000002"  # the office's highest sequence in 2026 is 1
NEW_APRIL = "cases/2026/04/" + NEW_ID + ".yaml"


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
        # Two single-desk stores (no remote: they number without reserved blocks, see
        # docs/offices.md) set up as the same office (WBL) both hand out WBL-2026-000001.
        git(self.b, "remote", "remove", "origin")
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

    def test_reported_refused_and_renumbered(self):
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
        # A renumber of an id no file holds, or of a bad --file, writes nothing.
        self.m("renumber", "WBL-2026-000009", check=3)
        p = self.m("renumber", ID, "--file", "cases/2026/05/" + ID + ".yaml", check=2)
        self.assertIn("is not a file of " + ID, p.stderr)
        self.assertEqual(git(self.a, "rev-parse", "HEAD"), head)

        p = self.m("renumber", ID, "--reason", "两台电脑同时受理")
        commit = git(self.a, "rev-parse", "--short=7", "HEAD").strip()
        self.assertEqual(p.stdout, "renumbered %s as %s (%s); %s keeps %s (%s)\n"
                         % (APRIL, NEW_ID, NEW_APRIL, MARCH, ID, commit))
        # One commit: the April case moved to its new name, with the trailers.
        self.assertEqual(git(self.a, "rev-list", "--count", head.strip() + "..HEAD"), "1\n")
        self.assertEqual(sorted(git(self.a, "show", "--name-status", "--no-renames", "--format=",
                                    "HEAD").splitlines()),
                         sorted(["D\t" + APRIL, "A\t" + NEW_APRIL]))
        message = git(self.a, "log", "-1", "--format=%B")
        # The file number derived from the old id (WBL's word 万人调字) follows the new id.
        self.assertIn("\n\nFile number: （2026）万人调字第2号 (was （2026）万人调字第1号)\n",
                      message)
        self.assertIn("Mediate-Action: renumber\n", message)
        self.assertIn("Mediate-Case: " + NEW_ID + "\n", message)
        self.assertIn("Mediate-Renumbered-From: " + APRIL + "\n", message)
        with open(os.path.join(self.a, NEW_APRIL), encoding="utf-8") as f:
            text = f.read()
        self.assertIn('id: "%s"' % NEW_ID, text)
        self.assertIn("四月的噪音", text)  # the case received later
        last_event = [l for l in text.splitlines() if "type:" in l][-1]
        self.assertIn('"renumbered"', last_event)
        self.assertIn('from: "%s"' % ID, last_event)
        self.assertIn("两台电脑同时受理", last_event)
        self.assertIn('file_no: "（2026）万人调字第2号"', text)
        self.assertIn('file_no_from: "（2026）万人调字第1号"', last_event)
        self.assertIn('file_no: "（2026）万人调字第2号"', last_event)
        with open(os.path.join(self.a, MARCH), encoding="utf-8") as f:
            self.assertIn("三月的漏水", f.read())
        self.assertEqual(git(self.a, "status", "--porcelain"), "")

        # Clean again: validate, audit, list with both cases.
        self.assertIn("no errors", self.m("validate").stdout)
        self.assertIn("audit: clean", self.m("audit").stdout)
        ids = [l.split(",")[0] for l in self.m("list", "--format", "csv").stdout.splitlines()[1:]]
        self.assertEqual(ids, [ID, NEW_ID])
        self.m("show", ID)
        # history of the new id: the renumber, then its life under the old id.
        p = self.m("history", NEW_ID)
        lines = p.stdout.splitlines()
        self.assertTrue(lines[0].endswith("  renumber"), lines)
        self.assertIn("    id: %s → %s" % (ID, NEW_ID), lines)
        self.assertIn("    events: + renumbered", lines)
        self.assertTrue(lines[-2].endswith("  intake"), lines)
        self.assertEqual(lines[-1], "    created")
        # Nothing left to renumber.
        p = self.m("renumber", ID, check=3)
        self.assertIn("held by one file only (" + MARCH + ")", p.stderr)

    def test_file_chooses_which_one(self):
        p = self.m("renumber", ID, "--file", os.path.join(self.a, MARCH))
        self.assertTrue(p.stdout.startswith("renumbered %s as %s (cases/2026/03/%s.yaml); %s keeps"
                                            % (MARCH, NEW_ID, NEW_ID, APRIL)), p.stdout)
        self.assertIn("no errors", self.m("validate").stdout)

    def test_a_hand_copy_in_another_month_is_the_one_renumbered(self):
        # A copy of the March case put in February by hand: same `received`, so the
        # copy (not where its month puts it) gets the new id, at its right place.
        self.m("renumber", ID, "--file", os.path.join(self.a, APRIL))
        copy = os.path.join("cases", "2026", "02", ID + ".yaml")
        os.makedirs(os.path.join(self.a, "cases", "2026", "02"))
        shutil.copy(os.path.join(self.a, MARCH), os.path.join(self.a, copy))
        git_as(self.a, "add", "cases")
        git_as(self.a, "commit", "-q", "-m", "a copy by hand")
        p = self.m("renumber", ID)
        self.assertTrue(p.stdout.startswith("renumbered %s as " % copy), p.stdout)
        self.assertTrue(os.path.exists(os.path.join(self.a, MARCH)))
        self.assertFalse(os.path.exists(os.path.join(self.a, copy)))

    def test_help(self):
        p = self.m("renumber", "--help")
        for word in ("--file", "--reason", "mediate renumber WBL-2026-000001"):
            self.assertIn(word, p.stdout)


class NewerRecordsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-newer-")
        self.store = os.path.join(self.tmp, "s")
        run(["init", self.store, "--from", EXAMPLE_SETUP], env=ENV, check=0)
        intake(self.store, "2026-03-05T10:00:00+08:00", "漏水")
        self.path = os.path.join(self.store, MARCH)
        with open(self.path, encoding="utf-8") as f:
            self.text = f.read()

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def m(self, *args, check=0):
        return run(["-C", self.store] + list(args), env=ENV, check=check)

    def write(self, text):
        self.assertNotEqual(text, self.text)
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)

    def refused_everywhere(self, fragment):
        p = self.m("validate", check=1)
        self.assertIn(fragment, p.stdout)
        for args in (["show", ID], ["tag", ID, "exemplary"], ["stats", "--by", "category"]):
            with self.subTest(args=args):
                p = self.m(*args, check=3)
                self.assertIn(fragment, p.stderr)
        # list goes on without it, naming it; restoring or editing it by hand
        # would undo the newer mediate's work, so that is not suggested.
        p = self.m("list", "--format", "csv")
        self.assertIn(fragment, p.stderr)
        self.assertIn("1 case file was left out", p.stderr)
        self.assertNotIn("git checkout", p.stderr)
        self.assertEqual(p.stdout.splitlines()[1:], [])
        self.assertEqual(git(self.store, "rev-list", "--count", "HEAD"), "2\n")  # init, intake

    def test_case_2_needs_a_newer_mediate(self):
        self.write(self.text.replace('schema: "case/1"', 'schema: "case/2"'))
        self.refused_everywhere(
            'schema "case/2" is newer than this version of mediate reads (case/1): the record '
            "needs a mediate version supporting case/2")
        # validate names the version and nothing else of a record it cannot read.
        p = self.m("validate", MARCH, check=1)
        self.assertEqual([l for l in p.stdout.splitlines() if l.startswith(MARCH)],
                         [MARCH + ":1:9: schema: schema \"case/2\" is newer than this version of "
                          "mediate reads (case/1): the record needs a mediate version supporting "
                          "case/2; upgrade mediate to read or change it"])

    def test_unknown_event_kind(self):
        lines = self.text.splitlines(keepends=True)
        i = next(k for k, l in enumerate(lines) if '"received"' in l and "at:" in l)
        lines.insert(i + 1, lines[i].replace('"received"', '"mediated_online"'))
        self.write("".join(lines))
        self.refused_everywhere('event kind "mediated_online" is not one this version of '
                                "mediate knows (case/1: received, routed")


if __name__ == "__main__":
    unittest.main()
