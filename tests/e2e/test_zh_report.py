"""Documents, reports, the filing list, the org and mediator cards, adopt and renumber in
Chinese: each command's help with no English left (english_runs), a document's missing items
and the report's and filing list's notes as a Chinese reader should see them, the cards with
labels (街道调委会, 在册, 男, 聘任调解员), one error of each command; the same commands
still in English under C.UTF-8. Expected texts are written by hand; figures come from
examples/wanbailin/*.csv read here."""
import csv
import os
import re
import unittest

from mediate_support import (EXAMPLE_SETUP, StoreTestCase, english_runs,
                             run_in_language)

ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}

with open(os.path.join(EXAMPLE_SETUP, "mediators.csv"), encoding="utf-8", newline="") as f:
    MEDIATORS = list(csv.DictReader(f))
ACTIVE = [m for m in MEDIATORS if m["status"] == "active"]
UNGRADED = [m for m in ACTIVE if not m["grade"]]

CASE = "WBL-2026-000001"
LAW29 = "（《人民调解法》第二十九条）"
# What an agreement document of a case just registered lacks, in the order the document
# asks for them: the agreement itself, its terms, the applicant's ID number and address
# (the parties' basic information), the facts, the manner, place and time of performance,
# the mediator.
AGREEMENT_MISSING = [
    "缺少调解协议（mediate agree）",
    "缺少协议内容（《人民调解法》第二十九条；agree --terms）",
    "缺少李某的公民身份号码或统一社会信用代码（当事人基本情况，《人民调解法》第二十九条）",
    "缺少李某的住址或住所地（当事人基本情况，《人民调解法》第二十九条；amend --party N --address）",
    "缺少纠纷的主要事实、争议事项及各方责任（《人民调解法》第二十九条；agree --facts）",
    "缺少履行方式（《人民调解法》第二十九条；agree --manner）",
    "缺少履行地点（2002年《规定》第三十五条；agree --place）",
    "缺少履行期限（《人民调解法》第二十九条；agree --deadline）",
    "缺少人民调解员姓名（mediate assign）",
]


class ZhReportTest(StoreTestCase):
    def run_in(self, language, *args, code=None):
        """mediate -C store ARGS with only the language variables of `language`."""
        p = run_in_language(self.store, language, args)
        if code is not None:
            self.assertEqual(p.returncode, code, f"{args}\n{p.stdout}\n{p.stderr}")
        return p

    def zh(self, *args, code=None):
        return self.run_in(ZH, *args, code=code)

    def en(self, *args, code=None):
        return self.run_in(EN, *args, code=code)

    def assertChinese(self, text, allowed=()):
        self.assertEqual(english_runs(text, allowed), [], text)

    def intake(self):
        self.en("intake", "--source", "application", "--received", "2026-03-20", "--category",
                "neighbour", "--summary", "邻居漏水", "--applicant", "李某", "--street",
                "140109003", code=0)

    def card(self, text):
        """The lines of a card as (label, value) pairs."""
        return [tuple(re.split(r"\s{2,}", line, maxsplit=1)) for line in text.splitlines()]

    def test_help_of_every_command_is_chinese(self):
        # Words allowed: subcommand names and codes in the examples of the footers, and the
        # positional arguments CLI11 names as declared (id, tags, ID).
        commands = {
            ("doc",): (), ("report",): ("FORMAT", "html"),
            ("filing",): ("mediators", "problems", "xlsx", "csv"),
            ("training",): (), ("training", "add"): (), ("training", "import"): (),
            ("training", "stats"): (), ("training", "due"): (),
            ("mediator",): ("list", "WBL", "csv"), ("mediator", "show"): ("list", "WBL", "csv"),
            ("mediator", "rate"): ("list", "WBL", "csv"),
            ("review",): ("check", "received", "csv"), ("review", "add"): ("check", "received", "csv"),
            ("exemplary",): ("ID", "exemplary"), ("tag",): ("id", "tags"), ("untag",): ("id", "tags"),
            ("org",): (), ("org", "show"): (), ("org", "add"): (), ("org", "retire"): (),
            ("consult",): (), ("assign",): (), ("route",): (), ("validate",): (), ("due",): (),
            ("adopt",): (), ("renumber",): ()}
        for args, allowed in commands.items():
            p = self.zh(*args, "--help", code=0)
            self.assertChinese(p.stdout, allowed)
            self.assertEqual(p.stderr, "")
        doc = self.zh("doc", "--help", code=0).stdout
        self.assertIn("文书：下列代码或中文名称，例如 agreement、协议书、调解笔录", doc)
        self.assertIn("文书种类（--kind 可用代码或中文名称），按卷宗中的顺序：", doc)
        self.assertIn("md（默认）或 html", doc)
        self.assertIn("筛选条件，与 list 和 stats 相同", self.zh("report", "--help").stdout)
        adopt = self.zh("adopt", "--help", code=0).stdout
        self.assertIn("要采纳的手工提交（提交编号，至少 4 位）；默认：audit 列为外来提交的全部提交",
                      adopt)
        self.assertIn("只检查并列出将采纳的提交，不写入", adopt)
        renumber = self.zh("renumber", "--help", code=0).stdout
        self.assertIn("两个文件共用的案件编号，例如 WBL-2026-000001", renumber)
        self.assertIn("要重新编号的文件（默认：受理较晚的案件）", renumber)

    def test_a_documents_missing_items_are_chinese(self):
        self.intake()
        p = self.zh("doc", CASE, "--kind", "协议书", code=3)
        expected = [f"{CASE}: 人民调解协议书: {m}" for m in AGREEMENT_MISSING]
        lines = p.stderr.splitlines()
        self.assertEqual(lines[:len(expected)], expected, p.stderr)
        self.assertIn(f"无法制作 {CASE} 的人民调解协议书：缺少 9 项必备内容；未写入任何内容", lines)
        self.assertChinese(p.stderr)
        self.assertEqual(p.stdout, "")
        # A document whose content is all there: written, masked, with the note in Chinese.
        ok = self.zh("doc", CASE, "--kind", "登记表", code=0)
        self.assertIn("# 人民调解受理登记表", ok.stdout)
        self.assertIn("> 个人信息已遮蔽；打印正式文书请加 --reveal。", ok.stdout)
        self.assertEqual(ok.stderr, "提示：个人信息已遮蔽；打印正式文书请加 --reveal\n")
        self.assertChinese(ok.stdout + ok.stderr)
        bad = self.zh("doc", CASE, "--kind", "agreement", "--format", "pdf", code=2)
        self.assertEqual(bad.stderr.strip(), "--format 应为 md 或 html，而不是“pdf”")
        none = self.zh("doc", CASE, code=2)
        self.assertEqual(none.stderr.strip(), "请给出 --kind KIND 或 --all（见 --help）")
        # English is unchanged.
        en = self.en("doc", CASE, "--kind", "agreement", code=3)
        self.assertIn(f"{CASE}: agreement: missing the agreed terms (Law Art. 29; agree --terms)",
                      en.stderr)
        self.assertIn(f"cannot make the agreement document of {CASE}: 9 required item(s) missing;"
                      " nothing written", en.stderr)

    def test_report_notes_are_chinese(self):
        p = self.zh("report", "--year", "2026", "--format", "md", code=0)
        self.assertIn(f"在职调解员 {len(ACTIVE)} 名中，{len(UNGRADED)} 名未评定等级", p.stdout)
        self.assertChinese(p.stdout)
        bad = self.zh("report", "--format", "md", code=2)
        self.assertEqual(bad.stderr.strip(), "报告需要 --year、--quarter、--month 或 --from/--to")
        fmt = self.zh("report", "--year", "2026", "--format", "pdf", code=2)
        self.assertEqual(fmt.stderr.strip(), "未知的格式“pdf”；请使用 html、md 或 json")
        en = self.en("report", "--year", "2026", "--format", "md", code=0)
        self.assertIn(f"{len(UNGRADED)} of {len(ACTIVE)} active mediators are not graded",
                      en.stdout)

    def test_filing_problems_are_chinese(self):
        # A mediator without a phone: the filing list asks for it.
        self.en("mediator", "add", "--name", "韩某", "--sex", "female", "--born", "1980-05-01",
                "--org", "S-140109003", "--role", "member", "--employment", "part_time", code=0)
        added = max(int(m["id"][2:]) for m in MEDIATORS) + 1
        mid = "M-%04d" % added
        p = self.zh("filing", "--year", "2026", "--list", "problems", "--format", "csv", code=0)
        rows = list(csv.reader(p.stdout.lstrip("\ufeff").splitlines()))
        self.assertIn([mid, f"mediators/{mid}.yaml", "phone", "未填写联系电话"], rows)
        table = self.zh("filing", "--year", "2026", code=0)
        problems = sum(1 for r in rows[1:] if r)
        self.assertIn(f"备案前需补全或更正 {problems} 项", table.stdout)
        self.assertChinese(table.stdout, ("members", "phone"))
        en = self.en("filing", "--year", "2026", "--list", "problems", "--format", "csv", code=0)
        self.assertIn(f"{mid},mediators/{mid}.yaml,phone,phone is missing", en.stdout)

    def test_org_and_mediator_cards_show_labels(self):
        members = [m for m in ACTIVE if m["org"] == "S-140109003"]
        women = sum(1 for m in members if m["sex"] == "female")
        full = sum(1 for m in members if m["employment"] == "full_time")
        org = self.card(self.zh("org", "show", "S-140109003", code=0).stdout)
        self.assertIn(("类型", "街道调委会"), org)
        self.assertIn(("层级", "街道/乡镇"), org)
        self.assertIn(("街道", "和平街道"), org)
        self.assertIn(("上级", "万柏林区非诉讼纠纷调解中心"), org)
        self.assertIn(("状态", "在册"), org)
        self.assertIn(("人数", f"{len(members)} 人（女性 {women} 人，专职 {full} 人）"), org)
        self.assertChinese("\n".join(v for _, v in org))
        m1 = next(m for m in MEDIATORS if m["id"] == "M-0001")
        card = self.card(self.zh("mediator", "show", "M-0001", code=0).stdout)
        self.assertIn(("姓名", m1["name"]), card)
        self.assertIn(("性别", "男"), card)       # male
        self.assertIn(("职务", "聘任调解员"), card)  # engaged
        self.assertIn(("专兼职", "专职"), card)     # full_time
        self.assertIn(("等级", "三级"), card)       # 3
        self.assertIn(("所在组织", "万柏林区非诉讼纠纷调解中心"), card)
        self.assertIn(("擅长", "合同纠纷、生产经营纠纷"), card)  # contract;business
        self.assertIn(("状态", "在职"), card)
        self.assertChinese(self.zh("mediator", "show", "M-0001").stdout)
        self.assertEqual(self.zh("org", "show", "NOPE", code=3).stderr.strip(),
                         "没有调解组织 NOPE（见“mediate org list”）")
        en = self.en("org", "show", "S-140109003", code=0).stdout
        self.assertIn(f"members       {len(members)} ({women} women, {full} full-time)", en)
        self.assertIn("kind          street_committee  街道调委会", en)
        self.assertIn("sex           male", self.en("mediator", "show", "M-0001").stdout)

    def test_route_to_a_retired_organisation_names_its_status(self):
        self.en("org", "add", "--id", "B-TEST", "--name", "测试调解室", "--kind", "brand_room",
                "--level", "street", "--street", "140109003", "--parent", "S-140109003", code=0)
        self.en("org", "retire", "B-TEST", code=0)
        self.intake()
        p = self.zh("route", CASE, "--to", "B-TEST", "--reason", "就近", code=2)
        self.assertEqual(p.stderr.strip(), "--to B-TEST：测试调解室 已撤销；请分流至在用的调解组织")
        en = self.en("route", CASE, "--to", "B-TEST", "--reason", "x", code=2)
        self.assertEqual(en.stderr.strip(),
                         "--to B-TEST: 测试调解室 is retired; route to an active organisation")

    def test_adopt_and_renumber_errors_are_chinese(self):
        p = self.zh("adopt", code=3)
        self.assertEqual(p.stderr.strip(), "没有可采纳的手工提交：每个提交都由 mediate 生成或已被采纳"
                                           "（见“mediate audit”）")
        self.intake()
        r = self.zh("renumber", CASE, code=3)
        self.assertEqual(r.stderr.strip(),
                         f"{CASE} 只有一个文件（cases/2026/03/{CASE}.yaml）：renumber 用于为共用"
                         "同一编号的两个文件之一分配新编号；无需操作")
        bad = self.zh("renumber", "XX")
        self.assertEqual(bad.stderr.strip(), "XX 不是案件编号（形如 WBL-2026-000042）")
        # Chinese chosen by LANGUAGE alone.
        lang = self.run_in({"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}, "adopt", code=3)
        self.assertEqual(lang.stderr, p.stderr)
        en = self.en("adopt", code=3)
        self.assertEqual(en.stderr.strip(), "no hand commits to adopt: every commit was made by "
                                            "mediate or is adopted already ('mediate audit')")


if __name__ == "__main__":
    unittest.main()
