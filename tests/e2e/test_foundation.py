"""End to end: init, intake round trips, validate refusals, history, exit codes."""
import glob
import os
import unittest

import yaml

from mediate_support import StoreTestCase, run, git, EXAMPLE_SETUP


class InitTest(StoreTestCase):
    def test_init_creates_registries_in_one_commit(self):
        self.assertEqual(self.commits(), "1")
        self.assertClean()
        # 14 streets of Wanbailin (140109) in the divisions CSV.
        self.assertEqual(len(glob.glob(os.path.join(self.store, "areas", "*.yaml"))), 14)
        self.assertEqual(len(glob.glob(os.path.join(self.store, "orgs", "*.yaml"))), 173)
        self.assertEqual(len(glob.glob(os.path.join(self.store, "mediators", "*.yaml"))), 836)
        grids = 0
        for f in glob.glob(os.path.join(self.store, "areas", "*.yaml")):
            with open(f, encoding="utf-8") as fh:
                doc = yaml.safe_load(fh)
            for c in doc["communities"]:
                grids += len(c["grids"])
                for g in c["grids"]:
                    self.assertIsInstance(g["code"], str)
        self.assertEqual(grids, 1899)
        author = git(self.store, "log", "-1", "--format=%an <%ae>").strip()
        self.assertEqual(author, "测试员 <tester@example.org>")

    def test_init_reads_a_setup_saved_by_chinese_excel(self):
        # Chinese Excel saves "CSV（逗号分隔）" in GB18030: the names arrive as written.
        import csv
        import shutil
        setup = os.path.join(self.tmp, "setup-gb18030")
        shutil.copytree(EXAMPLE_SETUP, setup)
        for name in ("mediators.csv", "orgs.csv", "grids.csv"):
            path = os.path.join(setup, name)
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
            with open(path, "w", encoding="gb18030", newline="") as f:
                f.write(text)
        with open(os.path.join(EXAMPLE_SETUP, "mediators.csv"), encoding="utf-8-sig") as f:
            first = next(csv.DictReader(f))
        store = os.path.join(self.tmp, "from-gb18030")
        run(["init", store, "--from", setup], check=0)
        with open(os.path.join(store, "mediators", first["id"] + ".yaml"), encoding="utf-8") as f:
            record = yaml.safe_load(f)
        self.assertEqual(record["name"], first["name"])
        self.assertNotIn("\ufffd", record["name"])

    def test_init_refuses_a_non_empty_folder(self):
        p = run(["init", self.store, "--from", EXAMPLE_SETUP])
        self.assertEqual(p.returncode, 3)
        self.assertIn("not empty", p.stderr)

    def test_commands_outside_a_store_say_so(self):
        p = run(["list"], cwd=self.tmp)
        self.assertEqual(p.returncode, 3)
        self.assertIn("not a mediate store", p.stderr)
        # -C .. from inside the store names the folder above it, which is none.
        p = run(["-C", "..", "list"], cwd=self.store)
        self.assertEqual(p.returncode, 3)
        self.assertIn(f"no mediate.yaml in {os.path.realpath(self.tmp)} or any parent", p.stderr)

    def test_usage_errors_exit_2(self):
        self.assertEqual(self.m("stats", "--by", "nonsense", check=None).returncode, 2)
        self.assertEqual(self.m("list", "catgory:labour", check=None).returncode, 2)
        self.assertEqual(run(["frobnicate"]).returncode, 2)
        missing = os.path.join(self.tmp, "no-such-store")
        p = run(["-C", missing, "list"])
        self.assertEqual(p.returncode, 2)
        self.assertIn("-C " + missing + ": no such directory", p.stderr)


class IntakeTest(StoreTestCase):
    def intake_tricky(self):
        return self.m("intake", "--category", "邻里纠纷", "--source", "当事人申请",
                      "--summary", "楼上卫生间漏水", "--street", "万柏林街道",
                      "--community", "东风社区", "--applicant", "NO",
                      "--applicant-phone", "03516012345", "--address", "007号",
                      "--received", "2026-03-02T09:30:00+08:00",
                      env={"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"})

    def test_tricky_strings_round_trip(self):
        out = self.intake_tricky().stdout
        self.assertIn("WBL-2026-000001", out)
        path = os.path.join(self.store, "cases", "2026", "03", "WBL-2026-000001.yaml")
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)  # a YAML 1.1 reader
        party = doc["parties"][0]
        self.assertEqual(party["name"], "NO")
        # Typed 03516012345: kept as a landline is, one dash after the area code (as import does).
        self.assertEqual(party["phone"], "0351-6012345")
        self.assertEqual(doc["place"]["address"], "007号")
        self.assertEqual(doc["place"]["street"], "140109005")
        self.assertEqual(doc["status"], "received")
        # 2026-03-02 + 30 days (2002 Provisions Art. 33) = 2026-04-01.
        self.assertEqual(doc["deadline"], "2026-04-01")
        self.assertEqual(self.commits(), "2")
        msg = git(self.store, "log", "-1", "--format=%B")
        self.assertIn("Mediate-Action: intake", msg)
        self.assertIn("Mediate-Case: WBL-2026-000001", msg)
        shown = self.m("show", "WBL-2026-000001", "--reveal").stdout
        for s in ("NO", "0351-6012345", "007号"):
            self.assertIn(s, shown)
        masked = self.m("show", "WBL-2026-000001").stdout
        self.assertNotIn("0351-6012345", masked)
        # The reveal is recorded: one empty commit (docs/robustness.md).
        self.assertEqual(self.commits(), "3")
        self.assertIn("Mediate-Action: reveal", git(self.store, "log", "-1", "--format=%B"))
        self.assertClean()

    def test_ids_are_sequential_per_office_and_year(self):
        self.intake_tricky()
        self.intake_tricky()
        p = self.m("intake", "--category", "labour", "--source", "application", "--summary", "x",
                   "--applicant", "张某", "--received", "2025-12-31",
                   env={"MEDIATE_OFFICE": "XY", "MEDIATE_NOW": "2026-03-05T10:00:00+08:00"})
        self.assertIn("XY-2025-000001", p.stdout)
        ids = sorted(os.path.basename(f)[:-5]
                     for f in glob.glob(os.path.join(self.store, "cases", "*", "*", "*.yaml")))
        self.assertEqual(ids, ["WBL-2026-000001", "WBL-2026-000002", "XY-2025-000001"])

    def test_bad_intake_writes_nothing(self):
        p = self.m("intake", "--category", "外星纠纷", "--source", "当事人申请", "--summary", "x",
                   "--applicant", "李某", check=3)
        self.assertIn("外星纠纷", p.stderr)
        p = self.m("intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", "x",
                   "--applicant", "李某", "--applicant-id", "140109198001011234", check=3)
        # 140109198001011234: weighted sum mod 11 = 4 → check character 9, not 4.
        self.assertIn("expected 9", p.stderr)
        self.assertEqual(self.commits(), "1")
        self.assertClean()

    def test_implausible_intakes_are_refused_and_phones_normalised(self):
        base = ["intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", "x",
                "--applicant", "李某"]
        now = {"MEDIATE_NOW": "2026-03-02T09:00:00+08:00"}
        for args, words in (
                (["--received", "1900-01-01"], "before 1980-01-01"),
                (["--received", "1979-06-01"], "before 1980-01-01"),
                # Later the same day than now: in the future all the same.
                (["--received", "2026-03-02T23:59:00+08:00"], "is in the future"),
                (["--people", "-3"], "-3 is not a number of people"),
        ):
            p = self.m(*(base + args), check=3, env=now)
            self.assertIn(words, p.stderr, args)
        self.assertEqual(self.commits(), "1")
        self.assertClean()
        # Full-width digits and dashes: the phone is kept as 13800001234.
        p = self.m(*(base + ["--applicant-phone", "１３８-００００-１２３４"]), env=now)
        [path] = glob.glob(os.path.join(self.store, "cases", "2026", "03", "*.yaml"))
        with open(path, encoding="utf-8") as f:
            self.assertEqual(yaml.safe_load(f)["parties"][0]["phone"], "13800001234")

    def test_intake_from_yaml_on_stdin(self):
        case = ('source: "phone"\ncategory: "labour"\nsummary: "欠薪"\n'
                'parties:\n  - {role: "applicant", kind: "person", name: "赵某"}\n')
        p = self.m("intake", "--file", "-", stdin=case,
                   env={"MEDIATE_NOW": "2026-02-01T01:00:00+08:00"})
        self.assertIn("WBL-2026-000001", p.stdout)
        # 01:00 on 1 February in Shanghai is still 31 January in UTC: the store's zone decides.
        self.assertTrue(os.path.exists(os.path.join(
            self.store, "cases", "2026", "02", "WBL-2026-000001.yaml")))

    def test_reading_commands_leave_the_store_clean(self):
        self.intake_tricky()
        for args in (["list"], ["stats", "--by", "category"], ["show", "WBL-2026-000001"],
                     ["validate"], ["history", "WBL-2026-000001"]):
            self.m(*args)
        self.assertClean()
        self.assertEqual(self.commits(), "2")


class ValidateTest(StoreTestCase):
    def write(self, rel, text):
        path = os.path.join(self.store, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return rel

    GOOD = ('schema: "case/1"\n'                                  # 1
            'id: "WBL-2026-000042"\n'                             # 2
            'received: "2026-03-02T09:30:00+08:00"\n'             # 3
            'source: "application"\n'                             # 4
            'category: "neighbour"\n'                             # 5
            'summary: "楼上漏水"\n'                                # 6
            'parties:\n'                                          # 7
            '  - {role: "applicant", kind: "person", name: "李某"}\n'  # 8
            'status: "received"\n'                                # 9
            'mediators: []\n'                                     # 10
            'deadline: "2026-04-01"\n'                            # 11
            'events:\n'                                           # 12
            '  - {at: "2026-03-02T09:30:00+08:00", type: "received", by: "王某 <w@x.org>"}\n')

    def test_a_good_hand_written_case_validates(self):
        rel = self.write("cases/2026/03/WBL-2026-000042.yaml", self.GOOD)
        p = self.m("validate", rel)
        self.assertIn("no errors", p.stdout)

    def test_duplicate_key_is_refused_with_its_line(self):
        text = self.GOOD.replace('summary: "楼上漏水"\n', 'summary: "楼上漏水"\ncategory: "labour"\n')
        rel = self.write("cases/2026/03/WBL-2026-000042.yaml", text)
        p = self.m("validate", rel, check=1)
        self.assertIn(rel + ":7:1: ", p.stdout)
        self.assertIn('duplicate key "category" (first at line 5)', p.stdout)

    def test_alias_is_refused_with_its_line(self):
        text = self.GOOD.replace('summary: "楼上漏水"\n', 'summary: &s "楼上漏水"\nnote: *s\n')
        rel = self.write("cases/2026/03/WBL-2026-000042.yaml", text)
        p = self.m("validate", rel, check=1)
        self.assertIn(rel + ":6:", p.stdout)

    def test_state_must_agree_with_events(self):
        text = self.GOOD.replace('status: "received"', 'status: "mediating"')
        rel = self.write("cases/2026/03/WBL-2026-000042.yaml", text)
        p = self.m("validate", rel, check=1)
        self.assertIn(rel + ":9:", p.stdout)
        self.assertIn('events say "received"', p.stdout)

    def test_unquoted_code_that_yaml11_would_change_is_refused(self):
        text = self.GOOD.replace('parties:\n', 'file_no: 0123\nparties:\n')
        rel = self.write("cases/2026/03/WBL-2026-000042.yaml", text)
        p = self.m("validate", rel, check=1)
        self.assertIn("file_no", p.stdout)

    def test_list_names_an_unreadable_case_and_goes_on(self):
        self.write("cases/2026/03/WBL-2026-000042.yaml", self.GOOD)
        self.write("cases/2026/03/WBL-2026-000043.yaml", "schema: [\n")
        p = self.m("list", "--format", "csv")
        self.assertIn("WBL-2026-000042", p.stdout)
        self.assertIn("WBL-2026-000043.yaml", p.stderr)
        p = self.m("list", "--keep-going", "--format", "csv")
        self.assertIn("WBL-2026-000042", p.stdout)
        self.assertIn("WBL-2026-000043.yaml", p.stderr)


class HistoryTest(StoreTestCase):
    def test_history_lists_commits_and_changed_fields(self):
        self.m("intake", "--category", "labour", "--source", "application", "--summary", "欠薪",
               "--applicant", "赵某", "--street", "万柏林街道", "--community", "东风社区")
        self.m("route")
        out = self.m("history", "WBL-2026-000001").stdout
        lines = out.splitlines()
        self.assertIn("route", lines[0])
        self.assertIn("测试员 <tester@example.org>", lines[0])
        self.assertIn("status: received → routed", out)
        self.assertIn("org: – → WBL-LABOUR", out)
        self.assertIn("intake", out)
        self.assertIn("created", out)


if __name__ == "__main__":
    unittest.main()
