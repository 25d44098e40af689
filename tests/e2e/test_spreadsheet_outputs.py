"""End to end: audit, review and training print their tables as CSV (`--format csv`) or
write them as an XLSX workbook (`--format xlsx -o FILE`), as list and stats do; the table on
the terminal stays the default.

Expected rows are worked out from what the test did (a hand-edited file, a review added)
and from examples/wanbailin/trainings.csv and mediators.csv with Python's csv module."""
import csv
import io
import os
import unittest
import zipfile

from mediate_support import EXAMPLE_SETUP, StoreTestCase, git

NOW = {"MEDIATE_NOW": "2026-06-10T09:00:00+08:00"}


def csv_rows(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def example(name):
    with open(os.path.join(EXAMPLE_SETUP, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def xlsx_text(path):
    """The sheet names and every XML part of an XLSX file as one text, to look for cells."""
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


class SpreadsheetOutputsTest(StoreTestCase):
    def intake(self):
        p = self.m("intake", "--category", "neighbour", "--source", "application", "--summary",
                   "楼上漏水", "--applicant", "李某", "--received", "2026-03-05", env=NOW)
        return p.stdout.split()[1]

    def test_audit_csv_and_xlsx(self):
        case = self.intake()
        rel = f"cases/2026/03/{case}.yaml"
        with open(os.path.join(self.store, rel), "a", encoding="utf-8") as f:
            f.write('note: "改过"\n')
        # The default stays the table.
        p = self.m("audit", check=1)
        self.assertIn("hand-edited", p.stdout)
        self.assertFalse(p.stdout.startswith("kind,"), p.stdout)
        rows = csv_rows(self.m("audit", "--format", "csv", check=1).stdout)
        self.assertEqual(rows[0], ["kind", "subject", "detail"])
        self.assertEqual([r[:2] for r in rows[1:]], [["hand-edited", rel]])
        # xlsx needs a file; with one, the finding is in the sheet "audit".
        self.m("audit", "--format", "xlsx", check=2)
        out = os.path.join(self.tmp, "audit.xlsx")
        self.m("audit", "--format", "xlsx", "-o", out, check=1)
        text = xlsx_text(out)
        self.assertIn('name="audit"', text)
        self.assertIn(rel, text)
        self.assertIn("hand-edited", text)
        # A CSV file asked for is written even when the store is clean: the header alone.
        git(self.store, "checkout", "--", rel)
        out = os.path.join(self.tmp, "audit.csv")
        p = self.m("audit", "--format", "csv", "-o", out)
        self.assertIn("audit: clean", p.stdout)
        with open(out, encoding="utf-8-sig") as f:
            self.assertEqual(csv_rows(f.read()), [["kind", "subject", "detail"]])

    def test_review_list_csv_and_xlsx(self):
        case = self.intake()
        self.m("review", "add", case, "--score", "85", "--finding", "no_return_visit",
               "--individual", "回访记录未签名", "--date", "2026-06-01", env=NOW)
        p = self.m("review", "list")
        self.assertIn(case, p.stdout)
        self.assertFalse(p.stdout.startswith("case,"), p.stdout)
        rows = csv_rows(self.m("review", "list", "--format", "csv").stdout)
        self.assertEqual(rows[0], ["case", "date", "reviewer", "score", "findings", "individual"])
        self.assertEqual(len(rows), 2)
        r = dict(zip(rows[0], rows[1]))
        self.assertEqual((r["case"], r["date"], r["score"], r["findings"], r["individual"]),
                         (case, "2026-06-01", "85", "no_return_visit", "1"))
        self.m("review", "list", "--format", "xlsx", check=2)
        out = os.path.join(self.tmp, "reviews.xlsx")
        self.m("review", "list", "--format", "xlsx", "-o", out)
        text = xlsx_text(out)
        self.assertIn('name="reviews"', text)
        self.assertIn(case, text)

    def test_training_show_attendance_sheet(self):
        t = example("trainings.csv")[0]
        names = {m["id"]: (m["name"], m["org"]) for m in example("mediators.csv")}
        attendees = t["attendees"].split(";")
        # The card stays the default.
        p = self.m("training", "show", t["id"])
        self.assertIn(f"attendees  {len(attendees)}", p.stdout)
        rows = csv_rows(self.m("training", "show", t["id"], "--format", "csv").stdout)
        self.assertEqual(rows[0],
                         ["session", "date", "kind", "title", "hours", "attendee", "name", "org"])
        self.assertEqual(len(rows) - 1, len(attendees))
        for row, a in zip(rows[1:], attendees):
            self.assertEqual(row[:4], [t["id"], t["date"], t["kind"], t["title"]])
            self.assertEqual(float(row[4]), float(t["hours"]))
            self.assertEqual(row[5:], [a, names[a][0], names[a][1]])
        out = os.path.join(self.tmp, "attendance.xlsx")
        self.m("training", "show", t["id"], "--format", "xlsx", "-o", out)
        text = xlsx_text(out)
        self.assertIn('name="attendance"', text)
        self.assertIn(names[attendees[0]][0], text)

    def test_training_list_xlsx(self):
        t = example("trainings.csv")[0]
        out = os.path.join(self.tmp, "trainings.xlsx")
        self.m("training", "list", "--year", t["date"][:4], "--format", "xlsx", "-o", out)
        text = xlsx_text(out)
        self.assertIn('name="trainings"', text)
        self.assertIn(t["title"], text)


if __name__ == "__main__":
    unittest.main()
