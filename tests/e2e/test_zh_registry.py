"""The registry and team commands in Chinese (org, mediator, training, review, filing,
consult, tag/untag, exemplary): their help with the vocabulary's labels, an error, a success
and a warning of each, counts with measure words, no English left (english_runs); the same
commands in English under C.UTF-8. Expected texts are written by hand; figures come from
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
# The next roster id after the seed's highest (M-0836 → M-0837), as `mediator add` picks it.
NEXT_ID = "M-%04d" % (max(int(m["id"][2:]) for m in MEDIATORS) + 1)
COMMIT = r"[（(][0-9a-f]{7}[）)]"


class ZhRegistryTest(StoreTestCase):
    def run_in(self, language, *args, code=None):
        """mediate -C store ARGS with only the language variables of `language`."""
        p = run_in_language(self.store, language, args)
        if code is not None:
            self.assertEqual(p.returncode, code, f"{args}\n{p.stdout}\n{p.stderr}")
        return p

    def zh(self, *args, code=None):
        return self.run_in(ZH, *args, code=code)

    def assertChinese(self, text, allowed=()):
        self.assertEqual(english_runs(text, allowed), [], text)

    def assertHelp(self, args, expected, allowed=()):
        """`mediate ARGS --help` in Chinese holds each of `expected`; no English but the
        words of `allowed` (CLI11 shows a positional argument by its name and type:
        `id TEXT`)."""
        p = self.zh(*args, "--help", code=0)
        for text in expected:
            self.assertIn(text, p.stdout)
        # The output options the table commands share (cli/reading.cpp) are translated
        # with that file, not here.
        own = [line for line in p.stdout.splitlines()
               if not line.startswith(("  --format FORMAT ", "  -o,--output FILE ", "  --no-bom "))]
        self.assertChinese("\n".join(own), allowed)
        self.assertEqual(p.stderr, "")

    def intake(self, *args):
        p = self.run_in(EN, "intake", "--source", "application", "--received", "2026-03-20",
                        *args, code=0)
        return re.search(r"registered (\S+)", p.stdout).group(1)

    def test_help_lists_the_vocabulary_in_chinese(self):
        self.assertHelp(["org"], ["调解组织名录，含成员数和专职人数", "登记调解组织",
                                  "撤销调解组织（须已无在职成员）"])
        self.assertHelp(["org", "list"],
                        ["只列出该类型：非诉讼纠纷调解中心、调解协会、街道调委会、村居调委会、"])
        self.assertHelp(["org", "add"], ["层级：网格、社区/村、街道/乡镇、区、市",
                                         "调解组织编号（字母、数字、-）"])
        # The examples type `mediate mediator list` before an id and a format code.
        self.assertHelp(["mediator"], ["调解员名册（电话号码打码，除非加 --reveal）",
                                       "记录一次等级评定：评定人、日期、依据"], allowed=["list"])
        self.assertHelp(["mediator", "add"], ["职务：主任、委员、聘任调解员", "专兼职：专职、兼职",
                                              "性别：男或女"], allowed=["list"])
        self.assertHelp(["training", "add"], ["培训类型：调解理论、专题实务、新媒体运用、心理重建",
                                              "主办层级：网格、社区/村、街道/乡镇、区、市"])
        # The examples type `mediate review check` before a filter term and a format code.
        self.assertHelp(["review"], ["自动核查卷宗的类型化问题（发现问题时退出码为 1）"],
                        allowed=["check"])
        self.assertHelp(["review", "add"],
                        ["类型化问题（可重复）：超期调结且无延期记录、口头协议分期履行、调解成功未回访"],
                        allowed=["check", "id"])
        # The values of --list are typed as they are (codes).
        self.assertHelp(["filing"], ["备案年度", "完整显示电话号码（报送法院的版本）"],
                        allowed=["committees", "mediators", "problems"])
        self.assertHelp(["consult"], ["与 --to-case 同用：风险等级：红、橙、黄、蓝",
                                      "纠纷类别：婚姻家庭纠纷、邻里纠纷、房屋宅基地纠纷、"])
        self.assertHelp(["tag"], ["标签：exemplary（典型案例，即优秀调解案例），或自定义标签"],
                        allowed=["id", "tags"])
        self.assertHelp(["untag"], ["案件编号，例如 WBL-2026-000042"], allowed=["id", "tags"])
        self.assertHelp(["exemplary", "export"], ["输出优秀调解案例库（Markdown）"])

    def test_org(self):
        p = self.zh("org", "list", "--kind", "火星调委会", code=2)
        self.assertTrue(p.stderr.startswith(
            "未知的组织类型“火星调委会”；可用：非诉讼纠纷调解中心、调解协会、街道调委会、"), p.stderr)
        self.assertChinese(p.stderr)
        p = self.zh("org", "show", "NOPE-1")
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stderr, "没有调解组织 NOPE-1（见“mediate org list”）\n")
        p = self.zh("org", "add", "--id", "C-140109005099", "--name", "新社区人民调解委员会",
                    "--kind", "村居调委会", "--level", "社区", "--street", "140109005",
                    "--parent", "S-140109005", code=0)
        self.assertRegex(p.stdout, "^已登记调解组织 C-140109005099 新社区人民调解委员会" + COMMIT + "\n$")
        p = self.zh("org", "retire", "C-140109005003", code=3)
        self.assertEqual(p.stderr, "C-140109005003 不能撤销：仍有 4 名在职调解员属于该组织"
                                   "（用“mediate mediator edit ID --org …”调走或让其退出）\n")
        # Under LANGUAGE=zh_CN with C.UTF-8, no MEDIATE_LANG: Chinese too.
        p = self.run_in({"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}, "org", "show", "NOPE-1")
        self.assertEqual(p.stderr, "没有调解组织 NOPE-1（见“mediate org list”）\n")
        # English unchanged.
        p = self.run_in(EN, "org", "show", "NOPE-1")
        self.assertEqual(p.stderr, "no organisation NOPE-1 (see 'mediate org list')\n")

    def test_mediator(self):
        p = self.zh("mediator", "add", "--name", "张三", "--sex", "男", "--born", "1970-05-01",
                    "--org", "WBL-CENTRE", "--role", "主席", code=3)
        self.assertEqual(p.stderr, f"{NEXT_ID}: role: 职务“主席”不存在；可用的值：主任、委员、聘任调解员\n"
                                   "1 处错误；未写入\n")
        self.assertChinese(p.stderr)
        p = self.zh("mediator", "add", "--name", "张三", "--sex", "男", "--born", "1970-05-01",
                    "--org", "WBL-CENTRE", "--role", "委员", "--employment", "兼职", code=0)
        self.assertRegex(p.stdout, f"^已登记调解员 {NEXT_ID} 张三" + COMMIT + "\n$")
        # --status in Chinese: the active mediators of the seed and the one added.
        p = self.zh("mediator", "list", "--status", "在职", "--format", "csv", code=0)
        rows = list(csv.DictReader(p.stdout.splitlines()))
        self.assertEqual(len(rows), len([m for m in MEDIATORS if m["status"] == "active"]) + 1)
        p = self.zh("mediator", "list", "--status", "sometimes", code=2)
        self.assertEqual(p.stderr, "--status 应为 active（在职）、retired（已退出）或 all（全部）\n")
        # 东风社区 has four active members (mediators.csv), one of them its chair: two
        # members leave, and the committee falls below three (Law Art. 8).
        members = [m for m in MEDIATORS
                   if m["org"] == "C-140109005003" and m["status"] == "active"]
        self.assertEqual(len(members), 4)
        leaving = [m for m in members if m["role"] != "chair"][:2]
        p = self.zh("mediator", "retire", leaving[0]["id"], "--date", "2026-03-01", code=0)
        self.assertRegex(p.stdout, f"^调解员 {leaving[0]['id']} {leaving[0]['name']} 已退出名册"
                         + COMMIT + "\n$")
        p = self.zh("mediator", "retire", leaving[1]["id"], "--date", "2026-03-01", code=0)
        self.assertIn("警告：C-140109005003 东风社区人民调解委员会 现有委员 2 名；"
                      "人民调解委员会由三至九名委员组成（《人民调解法》第八条）\n", p.stderr)
        self.assertChinese(p.stderr)
        p = self.zh("mediator", "retire", leaving[1]["id"], code=3)
        self.assertEqual(p.stderr, f"{leaving[1]['id']} 已撤销或退出\n")
        # English: the commit's subject, as before.
        p = self.run_in(EN, "mediator", "show", "M-9999")
        self.assertEqual(p.stderr, "no mediator M-9999 (see 'mediate mediator list')\n")

    def test_training(self):
        p = self.zh("training", "add", "--date", "2026-03-05", "--kind", "跳舞", "--title", "调解技巧",
                    "--hours", "3", "--attendees", "M-0001,M-0002", code=3)
        self.assertEqual(p.stderr, "mediate training add: --kind: 未知的培训类型“跳舞”；"
                                   "可用：调解理论、专题实务、新媒体运用、心理重建\n"
                                   "1 处错误；未写入\n")
        self.assertChinese(p.stderr)
        p = self.zh("training", "add", "--id", "T-2026-901", "--date", "2026-03-05",
                    "--kind", "理论", "--level", "区", "--title", "调解技巧", "--hours", "3",
                    "--attendees", "M-0001,M-0002", code=0)
        self.assertRegex(p.stdout, "^已登记培训 T-2026-901 调解技巧（参训 2 人次，3 小时）"
                         + COMMIT + "\n$")
        p = self.zh("training", "show", "T-2026-901", code=0)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[:5], ["T-2026-901  2026-03-05  调解理论", "题目      调解技巧",
                                     "层级      区", "时长      3 小时", "参训      2 人次"])
        self.assertChinese(p.stdout)
        p = self.zh("training", "show", "T-1999-001")
        self.assertEqual(p.stderr, "没有培训 T-1999-001（见“mediate training list”）\n")
        p = self.zh("training", "stats", "--years", "2022", "--from", "2022-01-01", code=2)
        self.assertEqual(p.stderr, "请给出 --year(s) 或 --from/--to，不能同时给出\n")
        p = self.run_in(EN, "training", "show", "T-2026-901", code=0)
        self.assertIn("title      调解技巧\n", p.stdout)

    def test_review_tag_and_exemplary(self):
        p = self.zh("review", "add", "WBL-2026-999999", "--score", "80")
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stderr, "案件库中没有案件 WBL-2026-999999\n")
        case = self.intake("--category", "neighbour", "--summary", "楼上漏水", "--applicant", "李四")
        p = self.zh("review", "add", case, "--finding", "火星问题", code=3)
        self.assertIn("未知的类型化问题“火星问题”；可用：超期调结且无延期记录、", p.stderr)
        self.assertChinese(p.stderr)
        p = self.zh("review", "add", case, "--score", "85", "--finding", "调解成功未回访",
                    "--date", "2026-04-01", code=0)
        self.assertRegex(p.stdout, f"^已记录 {case} 的评查结果：类型化问题 1 个，个性化问题 0 个"
                         + COMMIT + "\n$")
        p = self.zh("review", "sample", "--rate", "两成", code=2)
        self.assertEqual(p.stderr, "--rate “两成”不是比例（应为 10% 或 0.1，最多 100%）\n")

        p = self.zh("tag", case, "坏标签", code=2)
        self.assertEqual(p.stderr, "标签“坏标签”应为 1 至 40 个字符，只含 a-z、0-9、- 和 _\n")
        p = self.zh("tag", case, "exemplary", code=0)
        self.assertRegex(p.stdout, f"^{case}：\\+exemplary" + COMMIT + "\n$")
        p = self.zh("tag", case, "exemplary", code=0)
        self.assertEqual(p.stdout, f"{case}：无需修改\n")
        medical = self.intake("--category", "medical", "--summary", "手术后遗症赔偿争议",
                              "--applicant", "王五")
        p = self.zh("tag", medical, "exemplary", code=0)
        self.assertEqual(p.stderr, f"警告：{medical} 含敏感个人信息（健康信息；《个人信息保护法》第二十八条），"
                                   "导出典型案例时不会收录\n")
        p = self.zh("exemplary", "export", "-o", os.path.join(self.tmp, "案例.md"), code=0)
        self.assertEqual(p.stderr, f"未收录 {medical}：含敏感个人信息（健康信息；《个人信息保护法》第二十八条）\n"
                                   f"已导出 1 件典型案例到 {os.path.join(self.tmp, '案例.md')}\n")
        p = self.run_in(EN, "exemplary", "export", code=0)
        self.assertIn("exported 1 typical case(s)\n", p.stderr)

    def test_filing_and_consult(self):
        p = self.zh("filing", "--year", "2025", "--list", "everything", code=2)
        self.assertEqual(p.stderr, "--list 应为 committees、mediators 或 problems\n")
        # --list by its Chinese name: the mediators' list as csv, the same as by its code.
        by_code = self.zh("filing", "--year", "2025", "--list", "mediators", "--format", "csv",
                          code=0)
        by_name = self.zh("filing", "--year", "2025", "--list", "调解员", "--format", "csv",
                          code=0)
        self.assertEqual(by_name.stdout, by_code.stdout)
        self.assertGreater(len(by_code.stdout.splitlines()), 1)
        p = self.zh("filing", "--year", "2025", code=0)
        first = p.stdout.splitlines()[0]
        self.assertRegex(first, r"^万柏林区 2025 年度备案登记：\d+ 个调委会，\d+ 名调解员，\d+ 条待补正事项$")
        self.assertIn("\n待补正事项\n", p.stdout)

        p = self.zh("consult", "--name", "李某", "--question", "楼上漏水怎么办",
                    "--advice", "可申请社区调解", "--category", "火星纠纷", code=3)
        self.assertTrue(p.stderr.startswith("未知的纠纷类别“火星纠纷”；可用：婚姻家庭纠纷、邻里纠纷、"),
                        p.stderr)
        self.assertChinese(p.stderr)
        p = self.zh("consult", "--name", "李某", "--question", "楼上漏水怎么办", code=3)
        self.assertEqual(p.stderr, "mediate consult: --advice: 必填：给出的答复意见\n"
                                   "1 处错误；未登记\n")
        p = self.zh("consult", "--name", "李某", "--question", "楼上漏水怎么办",
                    "--advice", "可申请社区调解", "--category", "邻里纠纷", code=0)
        m = re.match(r"^已登记咨询 (\S+-ZX-\d{4}-\d{6}) 李某" + COMMIT + "\n$", p.stdout)
        self.assertIsNotNone(m, p.stdout)
        p = self.zh("consult", "list", code=0)
        self.assertTrue(p.stdout.endswith("共 1 条咨询记录，其中 0 条已转为案件\n"), p.stdout)
        p = self.run_in(EN, "consult", "list", code=0)
        self.assertTrue(p.stdout.endswith("1 consultation, 0 turned into cases\n"), p.stdout)


if __name__ == "__main__":
    unittest.main()
