"""The registry tables in Chinese show labels, not codes: `mediator list`, `org list`,
`office list`, `training list`, `consult list`, `mediator stats`, `review check` and the
filing problems under MEDIATE_LANG=zh_CN, while their csv and the English tables keep the
codes; the annual report, a Chinese document, shows labels in every language. Each row's expected labels are looked up by hand
from the codes of examples/wanbailin/*.csv (the vocabulary's Chinese names, DOMAIN terms)."""
import csv
import os
import unittest

from mediate_support import EXAMPLE_SETUP, StoreTestCase, run_in_language

ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"MEDIATE_LANG": "en", "LC_ALL": "C.UTF-8"}
# The Chinese names of the codes these rows use (schemas/vocab.yaml, written out here).
SEX = {"male": "男", "female": "女"}
ROLE = {"chair": "主任", "member": "委员", "engaged": "聘任调解员"}
EMPLOYMENT = {"full_time": "专职", "part_time": "兼职"}
STATUS = {"active": "在职", "retired": "离任"}
LEVEL = {"grid": "网格", "community": "社区/村", "street": "街道/乡镇", "district": "区"}


def rows_of(name):
    with open(os.path.join(EXAMPLE_SETUP, name), encoding="utf-8-sig", newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


class ZhTablesTest(StoreTestCase):
    def run_in(self, language, *args):
        p = run_in_language(self.store, language, args)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def row(self, text, first):
        for line in text.splitlines():
            if line.split()[:1] == [first]:
                return line.split()
        self.fail(f"no row {first} in\n{text}")

    def test_mediator_list_shows_labels(self):
        m = rows_of("mediators.csv")["M-0552"]
        zh = self.run_in(ZH, "mediator", "list", "--org", m["org"])
        self.assertEqual(self.row(zh, "M-0552")[:7],
                         ["M-0552", m["name"], SEX[m["sex"]], m["org"], ROLE[m["role"]],
                          EMPLOYMENT[m["employment"]], "否"])
        self.assertIn(STATUS[m["status"]], self.row(zh, "M-0552"))
        for code in (m["sex"], m["role"], m["employment"], m["status"], "false"):
            self.assertNotIn(code, zh)
        en = self.run_in(EN, "mediator", "list", "--org", m["org"])
        self.assertEqual(self.row(en, "M-0552")[2:7], [m["sex"], m["org"], m["role"],
                                                        m["employment"], "false"])
        csv_zh = self.run_in(ZH, "mediator", "list", "--org", m["org"], "--format", "csv")
        self.assertEqual(csv_zh.splitlines()[0].lstrip("\ufeff"),
                         "id,name,sex,born,org,role,employment,grade,graded,specialties,"
                         "lecturer,honours,filed,status,phone")

    def test_org_office_and_training_lists_show_labels(self):
        org = rows_of("orgs.csv")["WBL-CENTRE"]
        zh = self.run_in(ZH, "org", "list")
        row = self.row(zh, "WBL-CENTRE")
        self.assertIn(LEVEL[org["level"]], row)
        self.assertIn("在册", row)
        self.assertNotIn(org["kind"], row)
        self.assertNotIn("active", zh)
        self.assertIn("active", self.row(self.run_in(EN, "org", "list"), "WBL-CENTRE"))

        offices = self.run_in(ZH, "office", "list")
        self.assertIn("在用", self.row(offices, "WBL"))
        self.assertNotIn("active", offices)

        t = rows_of("trainings.csv")["T-2020-023"]
        zh = self.run_in(ZH, "training", "list")
        row = self.row(zh, "T-2020-023")
        self.assertEqual(row[:2], ["T-2020-023", t["date"]])
        self.assertIn(LEVEL[t["level"]], row)
        self.assertNotIn(t["level"], row)
        self.assertNotIn(t["kind"], row)
        self.assertIn(t["level"], self.row(self.run_in(EN, "training", "list"), "T-2020-023"))

    def test_mediator_stats_name_their_dimensions(self):
        active = [m for m in rows_of("mediators.csv").values() if m["status"] == "active"]
        women = sum(1 for m in active if m["sex"] == "female")
        zh = self.run_in(ZH, "mediator", "stats").splitlines()
        self.assertEqual(zh[0].split(), ["维度", "名称", "调解员"])
        self.assertEqual(zh[1].split(), ["在册", "在册调解员", str(len(active))])
        self.assertIn(["性别", "女", str(women)], [line.split() for line in zh])
        en = self.run_in(EN, "mediator", "stats").splitlines()
        self.assertIn(["sex", "female", "女", str(women)], [line.split() for line in en])

    def test_review_check_names_each_finding(self):
        # The automatic findings, as schemas/vocab.yaml's review_finding list names them.
        findings = {"over_time_limit": "超期调结且无延期记录", "oral_instalments": "口头协议分期履行",
                    "no_return_visit": "调解成功未回访"}
        zh = self.run_in(ZH, "review", "check")
        lines = [line.split() for line in zh.splitlines()]
        for code, name in findings.items():
            self.assertNotIn(code, zh)
            self.assertIn([name, "0"], lines)  # a fresh store: no case, no finding
        self.assertIn(["合计", "0"], lines)
        self.assertIn(["over_time_limit", findings["over_time_limit"], "0"],
                      [line.split() for line in self.run_in(EN, "review", "check").splitlines()])

    def test_filing_problems_name_the_field(self):
        zh = self.run_in(ZH, "filing", "--year", "2026")
        # Committees of the example without a full-time mediator: a staffing problem.
        self.assertIn("人员配备", zh)
        self.assertNotIn("members", zh)
        self.assertIn("members", self.run_in(EN, "filing", "--year", "2026"))

    def test_the_report_is_a_chinese_document_in_every_language(self):
        self.run_in(EN, "intake", "--source", "application", "--category", "neighbour",
                    "--received", "2026-03-02", "--summary", "楼上漏水", "--street", "140109011",
                    "--applicant", "李某")
        for language in (EN, ZH):
            md = self.run_in(language, "report", "--year", "2026", "--format", "md")
            self.assertIn("| 邻里纠纷 | 1 |", md)
            self.assertIn("| 合计 |", md)
            self.assertNotIn("neighbour", md)
            self.assertNotIn("| total |", md)

    def test_consult_list_headings_are_chinese(self):
        zh = self.run_in(ZH, "consult", "list")
        self.assertEqual(zh.splitlines()[0].split(),
                         ["编号", "日期", "姓名", "电话", "类别", "咨询问题", "转介至", "案件"])


if __name__ == "__main__":
    unittest.main()
