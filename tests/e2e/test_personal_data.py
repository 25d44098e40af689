"""Personal data (docs/law.md): over the example store (the
Wanbailin SETUP folder and the 2026 Q1 ledger), no output of show, list,
doc or history holds a full ID or phone number unless --reveal is given; a
reveal is recorded in the commit log; birth date and sex must agree with
the ID number."""
import glob
import os
import re
import shutil
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, StoreTestCase, git, run

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def with_check_char(first17):
    """GB 11643-1999 check character, computed here independently."""
    s = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS))
    return first17 + "10X98765432"[s % 11]


class ExampleStoreTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-pii-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        run(["-C", cls.store, "import", os.path.join(LEDGERS, "ledger-2026q1.csv")], check=0)
        run(["-C", cls.store, "route"], check=0)
        cls.ids, cls.phones, cls.cases = set(), set(), []
        for path in sorted(glob.glob(os.path.join(cls.store, "cases", "**", "*.yaml"),
                                     recursive=True)):
            with open(path, encoding="utf-8") as f:
                c = yaml.safe_load(f)
            cls.cases.append(c["id"])
            for p in c["parties"]:
                if p.get("id_number"):
                    cls.ids.add(p["id_number"])
                if p.get("phone"):
                    cls.phones.add(p["phone"])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def m(self, *args, check=0):
        return run(["-C", self.store] + list(args), check=check)

    def assertNoPersonalData(self, text, what):
        for v in self.ids | self.phones:
            self.assertNotIn(v, text, f"{what} shows {v}")
        # Nor any other 18-character ID or 11-digit mobile number.
        self.assertIsNone(re.search(r"(?<!\d)\d{17}[\dX](?!\d)", text), what)
        self.assertIsNone(re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text), what)

    def test_the_store_holds_personal_data(self):
        # The check below would be vacuous without it: 120 cases, IDs and phones.
        self.assertEqual(len(self.cases), 120)
        self.assertGreater(len(self.ids), 100)
        self.assertGreater(len(self.phones), 100)

    def test_show_masks_every_case(self):
        for cid in self.cases:
            p = self.m("show", cid)
            self.assertIn(cid, p.stdout)
            self.assertNoPersonalData(p.stdout + p.stderr, f"show {cid}")

    def test_list_masks_in_every_format(self):
        for fmt in ("table", "csv", "json", "md"):
            p = self.m("list", "--format", fmt)
            self.assertIn(self.cases[0], p.stdout)
            self.assertNoPersonalData(p.stdout + p.stderr, f"list --format {fmt}")
        p = self.m("stats", "--by", "category")
        self.assertNoPersonalData(p.stdout, "stats")

    def test_export_and_report_mask(self):
        for fmt in ("csv", "jsonl", "json"):
            p = self.m("export", "--format", fmt)
            self.assertIn(self.cases[0], p.stdout)
            self.assertNoPersonalData(p.stdout + p.stderr, f"export --format {fmt}")
        out = os.path.join(self.tmp, "report")
        for fmt in ("md", "html", "json"):
            self.m("report", "--year", "2026", "--format", fmt, "-o", out + "." + fmt)
            with open(out + "." + fmt, encoding="utf-8") as f:
                self.assertNoPersonalData(f.read(), f"report --format {fmt}")

    def test_doc_and_history_mask(self):
        for cid in self.cases[:40]:
            for kind in ("application", "notice", "cover"):
                p = self.m("doc", cid, "--kind", kind, check=None)
                self.assertNoPersonalData(p.stdout + p.stderr, f"doc {cid} --kind {kind}")
            p = self.m("history", cid)
            self.assertNoPersonalData(p.stdout + p.stderr, f"history {cid}")

    def test_reveal_shows_and_is_recorded(self):
        # A case with an ID number and a phone, found from the files.
        for path in sorted(glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"),
                                     recursive=True)):
            with open(path, encoding="utf-8") as f:
                c = yaml.safe_load(f)
            people = [p for p in c["parties"] if p.get("id_number") and p.get("phone")]
            if people:
                break
        cid, person = c["id"], people[0]
        count = int(git(self.store, "rev-list", "--count", "HEAD"))
        p = self.m("show", cid, "--reveal")
        self.assertIn(person["id_number"], p.stdout)
        self.assertIn(person["phone"], p.stdout)
        p = self.m("doc", cid, "--kind", "application", "--reveal")
        self.assertIn(person["id_number"], p.stdout)
        self.assertEqual(int(git(self.store, "rev-list", "--count", "HEAD")), count + 2)
        log = git(self.store, "log", "-2", "--format=%an <%ae>%n%B%n--")
        self.assertEqual(log.count("Mediate-Action: reveal"), 2)
        self.assertEqual(log.count("Mediate-Case: " + cid), 2)
        self.assertIn("Mediate-Reveal: show", log)
        self.assertIn("Mediate-Reveal: doc --kind application", log)
        self.assertIn("测试员 <tester@example.org>", log)
        # A reveal changes no file: the tree is the parent's.
        self.assertEqual(git(self.store, "rev-parse", "HEAD^{tree}"),
                         git(self.store, "rev-parse", "HEAD~2^{tree}"))
        self.assertEqual(git(self.store, "status", "--porcelain"), "")


class BirthAndSexTest(StoreTestCase):
    ID = "11010519491231002X"  # docs/law.md: valid; born 1949-12-31; sequence 002, even: female

    def intake(self, *extra, check):
        return self.m("intake", "--category", "neighbour", "--source", "application",
                      "--summary", "漏水", "--applicant", "李某", "--applicant-id", self.ID,
                      "--received", "2026-03-05", *extra, check=check)

    def test_agreeing_birth_date_and_sex_are_accepted(self):
        self.assertEqual(with_check_char(self.ID[:17]), self.ID)
        self.intake("--applicant-born", "1949-12-31", "--applicant-sex", "female", check=0)
        with open(glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"),
                            recursive=True)[0], encoding="utf-8") as f:
            c = yaml.safe_load(f)
        self.assertEqual(c["parties"][0]["born"], "1949-12-31")
        self.assertEqual(c["parties"][0]["sex"], "female")
        self.assertIn("no errors", self.m("validate").stdout)

    def test_disagreeing_birth_date_is_refused(self):
        p = self.intake("--applicant-born", "1949-12-30", check=3)
        self.assertIn("parties[0].born", p.stderr)
        self.assertIn("1949-12-31", p.stderr)
        self.assertEqual(self.commits(), "1")
        self.assertClean()

    def test_disagreeing_sex_is_refused(self):
        p = self.intake("--applicant-sex", "male", check=3)
        self.assertIn("parties[0].sex", p.stderr)
        self.assertEqual(self.commits(), "1")

    def test_validate_finds_a_hand_written_disagreement(self):
        self.intake("--applicant-born", "1949-12-31", check=0)
        path = glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"), recursive=True)[0]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace('born: "1949-12-31"', 'born: "1950-01-01"'))
        p = self.m("validate", check=1)
        self.assertIn("parties[0].born", p.stdout)
        self.assertIn("disagrees with the ID number", p.stdout)


if __name__ == "__main__":
    unittest.main()
