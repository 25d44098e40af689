"""End to end: file numbers (卷号) stored at acceptance in each office's own style, shown by
show, export and the documents, checked by validate, and the one-time migration `mediate
file-numbers` (docs/offices.md; renumber: test_duplicate_ids.py). Expected numbers are
written out by hand: （YYYY）<the office's word>第N号, the year and sequence of the case id,
full-width brackets."""
import csv
import io
import os
import re
import unittest

import yaml

from mediate_support import LEDGERS, StoreTestCase, git

NOW = {"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"}
XJY = dict(NOW, MEDIATE_OFFICE="XJY")

CONFLICT = """conflicts:
  - field: "amount"
    reason: "changed on both desks"
    ours: {value: "4500.00", by: "乙 <b@x>", at: "2026-03-04T10:00:00+08:00"}
    theirs: {value: "4000.00", by: "甲 <a@x>", at: "2026-03-04T11:00:00+08:00"}
    merged_by: "乙 <b@x>"
    merged_at: "2026-03-04T12:00:00+08:00"
"""


def intake_args(summary):
    return ["intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", summary,
            "--street", "小井峪街道", "--applicant", "李某", "--amount", "3000",
            "--received", "2026-03-02T09:30:00+08:00"]


class FileNumberTest(StoreTestCase):
    def case_path(self, case_id):
        return os.path.join(self.store, "cases", "2026", "03", case_id + ".yaml")

    def case(self, case_id):
        with open(self.case_path(case_id), encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def edit(self, case_id, change):
        path = self.case_path(case_id)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(change(text))

    def commit_by_hand(self):
        git(self.store, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam",
            "by hand")

    def drop_file_no(self, case_id):
        self.edit(case_id, lambda t: re.sub(r'(?m)^file_no: .*\n', "", t))

    def test_intake_stores_the_number_of_its_office(self):
        self.m(*intake_args("一"), env=XJY)
        self.m(*intake_args("二"), env=XJY)
        self.m(*intake_args("三"), env=NOW)  # the store's own office, WBL
        self.assertEqual(self.case("XJY-2026-000001")["file_no"], "（2026）万小人调字第1号")
        self.assertEqual(self.case("XJY-2026-000002")["file_no"], "（2026）万小人调字第2号")
        self.assertEqual(self.case("WBL-2026-000001")["file_no"], "（2026）万人调字第1号")
        self.assertIn("file no    （2026）万小人调字第2号\n",
                      self.m("show", "XJY-2026-000002", env=NOW).stdout)
        rows = list(csv.DictReader(io.StringIO(
            self.m("export", "--format", "csv", env=NOW).stdout.lstrip("\ufeff"))))
        self.assertEqual({r["id"]: r["file_no"] for r in rows},
                         {"WBL-2026-000001": "（2026）万人调字第1号",
                          "XJY-2026-000001": "（2026）万小人调字第1号",
                          "XJY-2026-000002": "（2026）万小人调字第2号"})
        doc = self.m("doc", "XJY-2026-000002", "--kind", "application", env=NOW).stdout
        self.assertTrue(doc.startswith("# 人民调解受理登记表\n\n（2026）万小人调字第2号\n"), doc)
        self.assertEqual(self.m("validate", env=NOW).returncode, 0)

    def test_import_stores_numbers(self):
        with open(os.path.join(LEDGERS, "ledger-2026q1.csv"), encoding="utf-8") as fh:
            head = fh.read().splitlines()[:4]  # the header and rows 1-3
        ledger = os.path.join(self.tmp, "three.csv")
        with open(ledger, "w", encoding="utf-8") as fh:
            fh.write("\n".join(head) + "\n")
        self.m("import", ledger, env=XJY)
        numbers = {}
        for root, _, files in os.walk(os.path.join(self.store, "cases")):
            for f in files:
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    c = yaml.safe_load(fh)
                numbers[c["id"]] = c["file_no"]
        self.assertEqual(numbers, {"XJY-2026-000001": "（2026）万小人调字第1号",
                                   "XJY-2026-000002": "（2026）万小人调字第2号",
                                   "XJY-2026-000003": "（2026）万小人调字第3号"})

    def test_adopt_gives_a_case_added_by_hand_its_number(self):
        self.m(*intake_args("一"), env=XJY)
        with open(self.case_path("XJY-2026-000001"), encoding="utf-8") as fh:
            text = fh.read()
        text = re.sub(r'(?m)^file_no: .*\n', "", text).replace("XJY-2026-000001", "XJY-2026-000005")
        with open(self.case_path("XJY-2026-000005"), "w", encoding="utf-8") as fh:
            fh.write(text)
        git(self.store, "add", "cases")
        self.commit_by_hand()
        self.m("adopt", env=XJY)
        self.assertEqual(self.case("XJY-2026-000005")["file_no"], "（2026）万小人调字第5号")
        self.assertEqual(self.case("XJY-2026-000001")["file_no"], "（2026）万小人调字第1号")
        self.assertClean()

    def test_migration_writes_the_missing_ones_in_one_commit(self):
        for summary in ("一", "二", "三"):
            self.m(*intake_args(summary), env=XJY)
        self.m(*intake_args("四"), env=NOW)
        for case_id in ("XJY-2026-000001", "XJY-2026-000003", "WBL-2026-000001"):
            self.drop_file_no(case_id)
        self.commit_by_hand()
        before = self.commits()
        # Not stored yet: still shown, derived the same way.
        self.assertIn("file no    （2026）万小人调字第3号\n",
                      self.m("show", "XJY-2026-000003", env=NOW).stdout)

        dry = self.m("file-numbers", "--dry-run", env=NOW)
        self.assertEqual(dry.stdout,
                         "WBL-2026-000001  （2026）万人调字第1号\n"
                         "XJY-2026-000001  （2026）万小人调字第1号\n"
                         "XJY-2026-000003  （2026）万小人调字第3号\n"
                         "would give 3 cases their file numbers; nothing written\n")
        self.assertEqual(self.commits(), before)
        self.assertNotIn("file_no", self.case("XJY-2026-000001"))

        done = self.m("file-numbers", env=NOW)
        head = git(self.store, "rev-parse", "--short=7", "HEAD").strip()
        self.assertEqual(done.stdout, "gave 3 cases their file numbers (%s)\n" % head)
        self.assertEqual(int(self.commits()), int(before) + 1)
        message = git(self.store, "log", "-1", "--format=%B")
        self.assertTrue(message.startswith("file-numbers: 3 cases\n"), message)
        self.assertIn("Mediate-Action: file-numbers\n", message)
        self.assertIn("Mediate-Case: XJY-2026-000003\n", message)
        changed = git(self.store, "show", "--name-only", "--format=", "HEAD").split()
        self.assertEqual(sorted(changed), ["cases/2026/03/WBL-2026-000001.yaml",
                                           "cases/2026/03/XJY-2026-000001.yaml",
                                           "cases/2026/03/XJY-2026-000003.yaml"])
        self.assertEqual(self.case("XJY-2026-000001")["file_no"], "（2026）万小人调字第1号")
        self.assertEqual(self.case("XJY-2026-000002")["file_no"], "（2026）万小人调字第2号")
        self.assertEqual(self.case("XJY-2026-000003")["file_no"], "（2026）万小人调字第3号")
        self.assertEqual(self.case("WBL-2026-000001")["file_no"], "（2026）万人调字第1号")
        self.assertClean()
        self.assertEqual(self.m("validate", env=NOW).returncode, 0)

        again = self.m("file-numbers", env=NOW)
        self.assertEqual(again.stdout, "every case has its file number; nothing to do\n")
        self.assertEqual(int(self.commits()), int(before) + 1)

    def test_migration_skips_a_case_holding_a_conflict(self):
        self.m(*intake_args("一"), env=XJY)
        self.m(*intake_args("二"), env=XJY)
        self.drop_file_no("XJY-2026-000001")
        self.drop_file_no("XJY-2026-000002")
        self.edit("XJY-2026-000002",
                  lambda t: t.replace('\nreceived:', "\n" + CONFLICT + "received:", 1))
        self.commit_by_hand()
        before = self.commits()
        done = self.m("file-numbers", env=NOW)
        self.assertIn("skipped XJY-2026-000002: it holds a conflict a merge recorded; settle it "
                      "with mediate resolve, then run mediate file-numbers again\n", done.stderr)
        self.assertTrue(done.stdout.startswith("gave 1 case its file number ("), done.stdout)
        self.assertEqual(int(self.commits()), int(before) + 1)
        self.assertEqual(self.case("XJY-2026-000001")["file_no"], "（2026）万小人调字第1号")
        self.assertNotIn("file_no", self.case("XJY-2026-000002"))
        again = self.m("file-numbers", env=NOW)
        self.assertIn("skipped XJY-2026-000002", again.stderr)
        self.assertEqual(again.stdout, "no other case lacks its file number; nothing written\n")
        self.assertEqual(int(self.commits()), int(before) + 1)

    def test_validate_names_a_malformed_number_and_warns_of_another_sequence(self):
        self.m(*intake_args("一"), env=XJY)
        rel = "cases/2026/03/XJY-2026-000001.yaml"
        self.edit("XJY-2026-000001", lambda t: t.replace("（2026）万小人调字第1号",
                                                         "(2026)万小人调字第1号"))
        p = self.m("validate", rel, env=NOW, check=1)
        self.assertRegex(p.stdout, re.escape(rel) + r":\d+:\d+: .*file_no")
        self.assertIn('"(2026)万小人调字第1号" is not a file number', p.stdout)
        self.edit("XJY-2026-000001", lambda t: t.replace("(2026)万小人调字第1号",
                                                         "（2025）万小人调字第7号"))
        p = self.m("validate", rel, env=NOW, check=0)
        self.assertIn("（2025）万小人调字第7号 has year 2025 and number 7, the case id "
                      "XJY-2026-000001 year 2026 and number 1", p.stdout)


if __name__ == "__main__":
    unittest.main()
