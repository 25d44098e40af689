"""The corpus of bad case records (tests/fixtures/yaml/bad-records/): each is
refused by `validate` with its expected error (file:line:column, field, what
is wrong) and nothing is written; reading commands never skip an unreadable
record silently: list names it with what to do and goes on, stats fails
naming it, or with --keep-going names it and says how many were left out."""
import glob
import os
import shutil
import unittest

from mediate_support import SOURCE, StoreTestCase, git

BAD = os.path.join(SOURCE, "tests", "fixtures", "yaml", "bad-records")
REL = "cases/2026/03/WBL-2026-000042.yaml"

# Kinds the reader cannot turn into a case at all (syntax and encoding, or a
# value no reader may guess at): list and stats must not skip them silently.
UNREADABLE = {"conflict-markers", "bom-in-middle", "yaml11-boolean", "yaml11-number",
              "impossible-date", "impossible-time", "duplicate-key", "tab-indent",
              "invalid-utf8", "alias", "unclosed-quote"}


def kinds():
    return sorted(os.path.basename(p)[:-len(".yaml")]
                  for p in glob.glob(os.path.join(BAD, "*.yaml"))
                  if not p.endswith("good.yaml"))


class BadRecordsTest(StoreTestCase):
    def put(self, kind):
        dst = os.path.join(self.store, REL)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(os.path.join(BAD, kind + ".yaml"), dst)

    def expected(self, kind):
        with open(os.path.join(BAD, kind + ".expected"), encoding="utf-8") as f:
            lines = [l for l in f.read().splitlines() if l.strip()]
        self.assertTrue(lines, kind + ".expected is empty")
        return [l.replace("FILE", REL) for l in lines]

    def test_corpus_covers_every_kind(self):
        # One fixture per kind of bad record (docs/robustness.md), plus the loader's own kinds.
        for k in ("conflict-markers", "bom-in-middle", "yaml11-boolean", "yaml11-number",
                  "impossible-date", "state-disagrees", "missing-organisation",
                  "missing-mediator", "missing-community"):
            self.assertIn(k, kinds())
        for k in kinds():
            self.assertTrue(os.path.exists(os.path.join(BAD, k + ".expected")), k)

    def test_the_good_twin_validates(self):
        # Each bad record is good.yaml with one thing broken: the good one passes.
        dst = os.path.join(self.store, REL)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(os.path.join(BAD, "good.yaml"), dst)
        p = self.m("validate", REL)
        self.assertIn("no errors", p.stdout)
        self.m("list", "--format", "csv")

    def test_one_id_in_two_files_is_an_error_on_the_second(self):
        # Case ids are unique (docs/robustness.md): the same record copied into a
        # second month's folder is named by the second file, after its own problems
        # (its path no longer matches the month received).
        first = os.path.join(self.store, REL)
        second_rel = "cases/2026/04/WBL-2026-000042.yaml"
        for dst in (first, os.path.join(self.store, second_rel)):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(BAD, "good.yaml"), dst)
        p = self.m("validate", check=1)
        lines = p.stdout.splitlines()
        dup = [i for i, l in enumerate(lines)
               if "case id WBL-2026-000042 is also used by " + REL in l]
        self.assertEqual(len(dup), 1, p.stdout)
        self.assertTrue(lines[dup[0]].startswith(second_rel + ":"), lines[dup[0]])
        about_second = [i for i, l in enumerate(lines) if l.startswith(second_rel + ":")]
        self.assertGreater(len(about_second), 1, p.stdout)  # the path error too
        self.assertEqual(about_second[-1], dup[0])
        self.assertFalse(any(l.startswith(REL + ":") for l in lines), p.stdout)

    def test_each_bad_record_is_refused_with_its_error_and_nothing_written(self):
        head = git(self.store, "rev-parse", "HEAD")
        for kind in kinds():
            with self.subTest(kind=kind):
                self.put(kind)
                p = self.m("validate", REL, check=1)
                for e in self.expected(kind):
                    self.assertIn(e, p.stdout, f"{kind}: validate said\n{p.stdout}")
                # The whole store's validation finds it too.
                p = self.m("validate", check=1)
                self.assertIn(REL + ":", p.stdout)
                # Nothing written: same HEAD, and the only change is the file we put there.
                self.assertEqual(git(self.store, "rev-parse", "HEAD"), head)
                self.assertEqual(git(self.store, "status", "--porcelain", "-uall").splitlines(),
                                 ["?? " + REL])
                with open(os.path.join(self.store, REL), "rb") as f:
                    got = f.read()
                with open(os.path.join(BAD, kind + ".yaml"), "rb") as f:
                    self.assertEqual(got, f.read())

    def test_reading_commands_name_an_unreadable_record(self):
        for kind in sorted(UNREADABLE):
            with self.subTest(kind=kind):
                self.put(kind)
                # list goes on: the file named, with what to do, and left out.
                p = self.m("list", "--format", "csv")
                self.assertIn(REL, p.stderr, kind)
                self.assertIn("`git checkout -- " + REL + "`", p.stderr, kind)
                self.assertIn("`mediate edit WBL-2026-000042`", p.stderr, kind)
                self.assertIn("1 case file was left out", p.stderr, kind)
                self.assertEqual(p.stdout.splitlines()[1:], [], kind)  # the header alone
                # stats refuses: its figures would be wrong without a word.
                args = ["stats", "--by", "category"]
                p = self.m(*args, check=3)
                self.assertIn(REL, p.stderr, kind)
                self.assertIn("--keep-going", p.stderr)
                p = self.m(*args, "--keep-going", "--format", "csv")
                self.assertIn(REL, p.stderr, kind)
                self.assertIn("1 case file was left out", p.stderr, kind)
        self.assertEqual(git(self.store, "status", "--porcelain", "-uall").splitlines(),
                         ["?? " + REL])

    def test_keep_going_still_counts_the_readable_ones(self):
        # One good case through intake, one torn file beside it.
        self.m("intake", "--category", "labour", "--source", "application", "--summary", "欠薪",
               "--applicant", "赵某", "--received", "2026-03-05")
        self.put("conflict-markers")
        p = self.m("stats", "--by", "category", "--format", "csv", "--keep-going")
        rows = [l.split(",") for l in p.stdout.splitlines()]
        total = [r for r in rows if r[0] == "total"]
        self.assertTrue(total, p.stdout)
        self.assertEqual(total[0][-1], "1")  # the intake; the torn file is reported, not counted
        self.assertIn(REL, p.stderr)


if __name__ == "__main__":
    unittest.main()
