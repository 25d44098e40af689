"""One broken hand edit does not stop the desk: a case file with a quote left open
(`summary: "楼上漏水` and no closing quote) is named on standard error with the line of the
mistake, plain words and what to do, while list, due, alerts and show of another case go on
(exit 0); stats refuses (exit 3) unless --keep-going, then says one file was left out.

Expected values are worked out by hand from what the test registered: three cases received
on 2026-03-02, 03 and 04 (ids 000001-000003, deadlines 30 days later: 04-01, 04-02, 04-03),
the second one broken; or the 120 rows of examples/ledgers/ledger-2026q1.csv."""
import csv
import io
import os
import unittest

from mediate_support import LEDGERS, StoreTestCase, git

NOW = {"MEDIATE_NOW": "2026-03-31T09:00:00+08:00"}
BROKEN_ID = "WBL-2026-000002"
BROKEN = "cases/2026/03/WBL-2026-000002.yaml"


def csv_rows(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


class BrokenFileTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        for day, summary in (("02", "楼上漏水"), ("03", "欠薪"), ("04", "噪音扰民")):
            self.m("intake", "--category", "neighbour", "--source", "application", "--summary",
                   summary, "--applicant", "李某", "--received", f"2026-03-{day}", env=NOW)
        self.path = os.path.join(self.store, BROKEN)
        with open(self.path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        # The hand edit: the summary's closing quote deleted.
        self.line = next(i for i, l in enumerate(lines) if l.startswith("summary: ")) + 1
        self.assertEqual(lines[self.line - 1], 'summary: "欠薪"')
        lines[self.line - 1] = 'summary: "欠薪'
        with open(self.path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        # The place an editor shows: line of the summary, column of the quote
        # ('summary: ' is 9 characters, so the quote is the 10th).
        self.where = f"{BROKEN}:{self.line}:10:"

    def assert_names_the_broken_file(self, stderr):
        self.assertIn(self.where + " summary: a quoted text is not closed", stderr)
        self.assertIn("[libyaml: ", stderr)  # the technical words kept, after the plain ones
        self.assertIn(f"`git checkout -- {BROKEN}`", stderr)
        self.assertIn(f"`mediate edit {BROKEN_ID}`", stderr)
        self.assertIn("1 case file was left out because it cannot be read", stderr)

    def test_list_goes_on_naming_the_broken_file(self):
        p = self.m("list", "--format", "csv", env=NOW)
        rows = csv_rows(p.stdout)
        self.assertEqual(rows[0][0], "id")
        self.assertEqual([r[0] for r in rows[1:]], ["WBL-2026-000001", "WBL-2026-000003"])
        self.assert_names_the_broken_file(p.stderr)
        # The table too (the default), exit 0.
        p = self.m("list", env=NOW)
        self.assertIn("WBL-2026-000001", p.stdout)
        self.assertNotIn(BROKEN_ID, p.stdout)
        self.assert_names_the_broken_file(p.stderr)

    def test_due_and_alerts_go_on(self):
        # Today 03-31, within 7 days (to 04-07): the deadlines 04-01 and 04-03 of the others.
        p = self.m("due", "--format", "csv", env=NOW)
        rows = csv_rows(p.stdout)
        got = sorted((r["id"], r["due"], r["days_left"]) for r in (dict(zip(rows[0], x))
                                                                      for x in rows[1:]))
        self.assertEqual(got, [("WBL-2026-000001", "2026-04-01", "1"),
                               ("WBL-2026-000003", "2026-04-03", "3")])
        self.assert_names_the_broken_file(p.stderr)
        p = self.m("alerts", "--format", "csv", env=NOW)
        self.assert_names_the_broken_file(p.stderr)

    def test_show_of_another_case_works(self):
        p = self.m("show", "WBL-2026-000003", env=NOW)
        self.assertIn("噪音扰民", p.stdout)
        # The broken one itself: refused at the mistake, with what to do.
        p = self.m("show", BROKEN_ID, env=NOW, check=3)
        self.assertIn(self.where, p.stderr)
        self.assertIn(f"`mediate edit {BROKEN_ID}`", p.stderr)

    def test_stats_refuses_unless_keep_going(self):
        p = self.m("stats", "--by", "category", "--format", "csv", env=NOW, check=3)
        self.assertIn(self.where, p.stderr)
        self.assertIn("--keep-going", p.stderr)
        self.assertEqual(p.stdout, "")
        p = self.m("stats", "--by", "category", "--format", "csv", "--keep-going", env=NOW)
        total = [r for r in csv_rows(p.stdout) if r and r[0] == "total"]
        self.assertEqual(total[0][-1], "2")  # three registered, one left out
        self.assert_names_the_broken_file(p.stderr)
        for args in (["export", "--format", "csv"], ["report", "--year", "2026", "--format",
                                                     "json", "-o",
                                                     os.path.join(self.tmp, "r.json")]):
            with self.subTest(args=args):
                p = self.m(*args, env=NOW, check=3)
                self.assertIn(BROKEN, p.stderr)
                p = self.m(*args, "--keep-going", env=NOW)
                self.assertIn("1 case file was left out", p.stderr)

    def test_restoring_with_git_checkout_mends_it(self):
        git(self.store, "checkout", "--", BROKEN)
        p = self.m("list", "--format", "csv", env=NOW)
        self.assertEqual(len(csv_rows(p.stdout)) - 1, 3)
        self.assertEqual(p.stderr, "")

    def test_validate_names_the_line_of_the_mistake(self):
        p = self.m("validate", BROKEN, check=1)
        self.assertIn(self.where + " summary: a quoted text is not closed", p.stdout)
        self.assertIn(f"`git checkout -- {BROKEN}`", p.stdout)


class BrokenFileInImportedLedgerTest(StoreTestCase):
    def test_the_other_119_cases_are_listed_and_counted(self):
        with open(os.path.join(LEDGERS, "ledger-2026q1.csv"), encoding="utf-8") as f:
            registered = len(list(csv.reader(f))) - 1  # the header
        self.assertEqual(registered, 120)
        self.m("import", os.path.join(LEDGERS, "ledger-2026q1.csv"), env=NOW)
        rel = git(self.store, "ls-files", "cases").split()[0]
        path = os.path.join(self.store, rel)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        line = next(i for i, l in enumerate(lines) if l.startswith("summary: ")) + 1
        lines[line - 1] = lines[line - 1].rstrip('"')  # the closing quote deleted
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))

        p = self.m("list", "--format", "csv", env=NOW)
        self.assertEqual(len(csv_rows(p.stdout)) - 1, registered - 1)
        self.assertIn(f"{rel}:{line}:10: summary: a quoted text is not closed", p.stderr)
        self.assertIn(f"`git checkout -- {rel}`", p.stderr)

        self.m("stats", "--by", "category", env=NOW, check=3)
        p = self.m("stats", "--by", "category", "--format", "csv", "--keep-going", env=NOW)
        total = [r for r in csv_rows(p.stdout) if r and r[0] == "total"]
        self.assertEqual(total[0][-1], str(registered - 1))
        self.assertIn("1 case file was left out", p.stderr)


if __name__ == "__main__":
    unittest.main()
