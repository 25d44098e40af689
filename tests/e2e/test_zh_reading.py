"""The reading commands in Chinese (MEDIATE_LANG=zh_CN): show, history, list, stats, due,
alerts, audit and validate — help, errors, warnings, summaries with measure words and the
human tables, whose headings are Chinese and whose cells show labels only (邻里纠纷, 已分流,
黄), aligned by display width. Codes stay in CSV. English stays English.

The store is seeded in English with three cases whose facts give the expected texts:

  A  邻里纠纷 neighbour, 当事人申请 application, 黄 yellow, received 2026-03-02, then routed
     (已分流); deadline 2026-04-01 (30 days from acceptance), 22 days left on 2026-03-10.
  B  生产经营纠纷 business, 电话求助 phone, 蓝 blue, received 2026-01-05, never routed: its
     deadline 2026-02-04 passed 34 days before 2026-03-10 (24 days of February + 10).
  C  劳动争议纠纷 labour, 当事人申请, 红 red, received 2026-03-09 10:00, never routed: at
     2026-03-10 12:00 it is 26 hours (1 天 2 小时) old, its response time (2 hours, the
     default red risk setting) exceeded by 24 hours (1 天).

Expected texts are written by hand; widths are computed here with unicodedata.
"""
import csv
import os
import re
import unicodedata
import unittest

from mediate_support import StoreTestCase, english_runs, git

NOW = "2026-03-10T12:00:00+08:00"
ZH = {"MEDIATE_LANG": "zh_CN", "MEDIATE_NOW": NOW}
EN = {"MEDIATE_LANG": "en", "MEDIATE_NOW": NOW}
# gettext's own way, as a Chinese desktop sets it: no MEDIATE_LANG.
GETTEXT_ZH = {"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8", "MEDIATE_LANG": "", "MEDIATE_NOW": NOW}

RED_ACTION = "跨部门、可能激化为刑事或群体性事件：立即上报"  # the default red risk setting


def width(text):
    """Terminal columns of text: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_of(line, cell):
    """The display column where `cell` starts in `line` (it must be there)."""
    i = line.index(cell)
    return width(line[:i])


class ZhReadingTest(StoreTestCase):
    def intake(self, category, source, risk, received, applicant, phone, respondent, rphone):
        r = self.m("intake", "--category", category, "--source", source, "--summary", "纠纷",
                   "--street", "140109005", "--community", "140109005003", "--received", received,
                   "--applicant", applicant, "--applicant-phone", phone, "--respondent", respondent,
                   "--respondent-phone", rphone, "--risk", risk,
                   env={"MEDIATE_LANG": "en", "MEDIATE_NOW": "2026-03-09T11:00:00+08:00"})
        return r.stdout.split()[1]  # "registered WBL-2026-000001 …"

    def seed(self):
        a = self.intake("neighbour", "application", "yellow", "2026-03-02", "李某", "13800001234",
                        "王某", "13900002222")
        b = self.intake("business", "phone", "blue", "2026-01-05", "周某", "13600004444",
                        "赵某", "13700003333")
        c = self.intake("labour", "application", "red", "2026-03-09T10:00:00+08:00", "钱某",
                        "13300006666", "孙某", "13200007777")
        self.m("route", a, env={"MEDIATE_LANG": "en", "MEDIATE_NOW": "2026-03-09T11:30:00+08:00"})
        return a, b, c

    def zh(self, *args, check=0, env=ZH):
        p = self.m(*args, check=check, env=env)
        self.assertEqual(english_runs(p.stdout), [], p.stdout)
        self.assertEqual(english_runs(p.stderr), [], p.stderr)
        return p

    def test_validate_reports_schema_problems_in_chinese(self):
        # A case file broken by hand: a number for the summary, an unknown category, no
        # received time. The schema's findings (valijson's words in English) and the
        # record's own checks read in Chinese; the English is valijson's as before.
        a = self.intake("neighbour", "application", "yellow", "2026-03-02", "李某",
                        "13800001234", "王某", "13900002222")
        path = os.path.join(self.store, "cases", "2026", "03", a + ".yaml")
        with open(path, encoding="utf-8") as f:
            lines = [l for l in f.read().splitlines() if not l.startswith("received:")]
        lines = ['category: "nonsense"' if l.startswith("category:") else
                 "summary: 7" if l.startswith("summary:") else l for l in lines]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        p = self.m("validate", check=1, env=ZH)
        self.assertIn(": summary: 值的类型不对；实际为 7 (case.schema.yaml)\n", p.stdout)
        self.assertIn(": （整条记录）: 缺少必填字段“received” (case.schema.yaml)\n", p.stdout)
        self.assertIn(": category: 类别“nonsense”不存在；可用的值：婚姻家庭纠纷、邻里纠纷、", p.stdout)
        self.assertEqual(english_runs(p.stdout + p.stderr), [], p.stdout + p.stderr)
        p = self.m("validate", check=1, env={"MEDIATE_LANG": "en", "MEDIATE_NOW": NOW})
        self.assertIn(": summary: Value type not permitted by 'type' constraint; found 7 "
                      "(case.schema.yaml)\n", p.stdout)
        self.assertIn(": (record): Missing required property 'received'. (case.schema.yaml)\n",
                      p.stdout)

    # --- help -------------------------------------------------------------------------

    def test_help_of_each_command_is_chinese_and_lists_the_values(self):
        expected = {
            "show": ["显示完整的证件号码和电话号码（不打码）",
                     "text（默认）或 yaml（按存储原样输出卷宗）"],
            "history": ["显示当事人个人信息的变更"],
            "list": ["筛选条件：字段:值[,值]、字段:下限..上限、not:字段:值、text:词、open（未结）、"
                     "overdue（逾期）",
                     "  mediate list status:已受理 category:邻里纠纷,劳动争议纠纷",
                     "输出格式：table|csv|json|md|xlsx"],
            "stats": ["category（类别）、source（来源）", "cases（案件数）、concluded（调结数）",
                      "  mediate stats --by 街道,类别 --cross --format csv"],
            "due": ["列出自今天起在此期间内到期的事项以及所有逾期事项：7d（默认）、0d、2w"],
            "alerts": ["类型：risk_response（风险响应超时"],
            "audit": ["table、csv、json、md 或 xlsx", "  hand-edited     手工修改"],
            "validate": ["只输出错误，不输出警告", "要检查的文件或文件夹（默认：整个案件库）"],
        }
        for command, texts in expected.items():
            p = self.zh(command, "--help")
            for text in texts:
                self.assertIn(text, p.stdout, command)

    # --- list ---------------------------------------------------------------------------

    def test_list_shows_chinese_headings_and_labels_only_aligned(self):
        a, b, c = self.seed()
        p = self.zh("list")
        lines = p.stdout.splitlines()
        head = lines[0]
        self.assertEqual(head.split(), ["编号", "受理时间", "类别", "来源", "风险", "状态", "层级",
                                        "调解组织", "街道", "社区", "涉及金额", "期限",
                                        "案情摘要"])
        rows = {line.split()[0]: line for line in lines[1:4]}
        self.assertEqual(sorted(rows), sorted([a, b, c]))
        # Labels only: no code anywhere in the table.
        for code in ("neighbour", "business", "labour", "application", "phone", "yellow", "blue",
                     "red", "received", "routed", "140109005"):
            self.assertNotIn(code, p.stdout)
        want = {a: ("邻里纠纷", "当事人申请", "黄", "已分流"),
                b: ("生产经营纠纷", "电话求助", "蓝", "已受理"),
                c: ("劳动争议纠纷", "当事人申请", "红", "已受理")}
        for case, (category, source, risk, status) in want.items():
            line = rows[case]
            # Each label starts in its heading's column, whatever the width of the labels
            # before it (邻里纠纷 is 8 columns, 生产经营纠纷 12).
            for heading, cell in (("类别", category), ("来源", source), ("风险", risk),
                                  ("状态", status), ("街道", "万柏林街道")):
                self.assertEqual(column_of(line, " " + cell + " ") + 1, column_of(head, heading),
                                 (case, heading, line))
        self.assertEqual(lines[-1], "共 3 件案件")

    def test_list_csv_keeps_codes_and_english_column_names(self):
        a, b, c = self.seed()
        p = self.m("list", "--format", "csv", env=ZH)
        rows = list(csv.DictReader(p.stdout.splitlines()))
        self.assertEqual([r["id"] for r in rows], [a, b, c])
        self.assertEqual([r["category"] for r in rows], ["neighbour", "business", "labour"])
        self.assertEqual([r["status"] for r in rows], ["routed", "received", "received"])
        self.assertEqual(rows[1]["category_label"], "生产经营纠纷")
        self.assertNotIn("status_label", rows[0])  # a label column of the Chinese table only

    def test_list_bad_values_are_refused_in_chinese(self):
        self.seed()
        p = self.zh("list", "status:martian", check=2)
        self.assertEqual(p.stderr,
                         "status:martian: 状态“martian”不存在；可用的值：已受理、已分流、调解中、"
                         "调解成功、调解终止、已撤回、不予受理、已归档\n")
        p = self.zh("list", "category:martian", check=2)
        self.assertTrue(p.stderr.startswith(
            "category:martian: 筛选条件中的类别“martian”不存在；可用的值：婚姻家庭纠纷、邻里纠纷、"),
            p.stderr)
        p = self.zh("list", "--format", "bogus", check=2)
        self.assertEqual(p.stderr,
                         "未知的格式“bogus”；请使用 table、csv、json、jsonl、md 或 xlsx\n")
        # A Chinese label is taken where a code is, and so are the words 未结 and 逾期.
        p = self.zh("list", "status:已受理", "逾期")
        self.assertEqual(p.stdout.splitlines()[-1], "共 1 件案件")

    # --- due, alerts, stats ---------------------------------------------------------------

    def test_due_says_how_many_days_overdue(self):
        a, b, c = self.seed()
        p = self.zh("due")
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0].split(), ["事项", "编号", "类别", "调解组织", "状态", "到期日",
                                            "天数", "情况"])
        self.assertEqual(lines[1].split(), ["调结期限", b, "生产经营纠纷", "已受理", "2026-02-04",
                                            "-34", "逾期", "34", "天"])
        self.assertEqual(lines[-1], "共 1 项，逾期 1 项")
        p = self.zh("due", "--within", "0d", "not:id:" + b)
        self.assertEqual(p.stdout, "自 2026-03-10 起 0 天内没有到期事项，也没有逾期事项\n")
        p = self.zh("due", "--within", "soon", check=2)
        self.assertEqual(p.stderr, "--within soon：期间应写作 7d、0d 或 2w 这样的形式\n")

    def test_alerts_give_their_reasons_in_chinese(self):
        a, b, c = self.seed()
        p = self.zh("alerts")
        out = p.stdout
        self.assertEqual(out.splitlines()[0].split(), ["类型", "案件", "件数", "原因"])
        lines = out.splitlines()
        self.assertEqual(lines[1].split()[:3], ["风险响应超时", c, "1"])
        self.assertEqual(lines[2].split()[:3], ["逾期未结", b, "1"])
        # The reasons start in one column after kinds of different widths.
        self.assertEqual(column_of(lines[1], "红色风险"), column_of(lines[0], "原因"))
        self.assertEqual(column_of(lines[2], "期限 2026"), column_of(lines[0], "原因"))
        self.assertIn("红色风险，受理 1 天 2 小时后仍为“已受理”且未指派调解员；响应时限为 2 小时（"
                      + RED_ACTION + "），已超出 1 天", out)
        self.assertIn("期限 2026-02-04 已过 34 天；仍为“已受理”", out)
        self.assertEqual(out.splitlines()[-1], "共 2 条预警")
        p = self.m("alerts", "--format", "csv", env=ZH)
        self.assertEqual(sorted(r["kind"] for r in csv.DictReader(p.stdout.splitlines())),
                         ["overdue", "risk_response"])

    def test_stats_by_category_shows_labels_and_total(self):
        self.seed()
        p = self.zh("stats", "--by", "category")
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0].split(), ["类别", "案件数"])
        # Vocabulary order: 邻里纠纷 (2nd), 生产经营纠纷 (5th), 劳动争议纠纷 (10th).
        self.assertEqual([line.split() for line in lines[1:5]],
                         [["邻里纠纷", "1"], ["生产经营纠纷", "1"], ["劳动争议纠纷", "1"],
                          ["合计", "3"]])
        # Numbers right-aligned under their heading: each line ends in the same column.
        self.assertEqual({width(line) for line in lines[:5]}, {width(lines[0])})
        # A Chinese heading names the dimension too.
        self.assertEqual(self.zh("stats", "--by", "类别").stdout, p.stdout)
        # A cross table: the column values' labels as headings, totals, the note in Chinese.
        p = self.zh("stats", "--by", "街道,类别", "--cross")
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0].split(), ["街道", "邻里纠纷", "生产经营纠纷", "劳动争议纠纷", "合计"])
        self.assertEqual(lines[1].split(), ["万柏林街道", "1", "1", "1", "3"])
        self.assertEqual(lines[2].split(), ["合计", "1", "1", "1", "3"])
        self.assertEqual(lines[-1], "街道 × 类别：案件数")
        p = self.zh("stats", "--by", "martian", check=2)
        self.assertTrue(p.stderr.startswith("统计维度“martian”不存在；可用的有：category, source"),
                        p.stderr)

    # --- show, history ----------------------------------------------------------------------

    def test_show_labels_and_deadline_line(self):
        a, b, c = self.seed()
        out = self.zh("show", a).stdout
        lines = out.splitlines()
        self.assertTrue(lines[0].startswith(a + "  邻里纠纷      已分流 · "), lines[0])
        self.assertIn("受理时间   2026-03-02 ", out)
        self.assertIn("  当事人申请\n", out)
        self.assertIn("1 申请人       李某", out)
        self.assertIn("2 被申请人     王某", out)
        self.assertIn("风险等级 黄\n", out)
        self.assertIn("期限       2026-04-01  自受理之日起 30 日内调结（2002 年《人民调解工作若干规定》"
                      "第三十三条） · 还剩 22 天\n", out)
        self.assertIn("时间线\n", out)
        self.assertRegex(out, r"\n  2026-03-0\d \d\d:\d\d  受理         ")
        self.assertRegex(out, r"\n  2026-03-09 11:30  分流         ")
        p = self.zh("show", b)
        self.assertIn("期限       2026-02-04  自受理之日起 30 日内调结（2002 年《人民调解工作若干规定》"
                      "第三十三条） · 逾期 34 天\n", p.stdout)
        # An unknown case: refused, naming it.
        for command in ("show", "history"):
            p = self.m(command, "WBL-2026-999999", check=3, env=ZH)
            self.assertEqual(p.stderr, "没有案件 WBL-2026-999999\n")
        p = self.zh("show", a, "--format", "xml", check=2)
        self.assertEqual(p.stderr, "--format xml：请使用 text 或 yaml\n")

    def test_history_lines(self):
        a, b, c = self.seed()
        out = self.zh("history", a).stdout
        self.assertIn("  分流\n", out)
        self.assertIn("    状态：已受理 → 已分流\n", out)
        # An organisation by its name (the store's orgs/ registry), not its code.
        self.assertRegex(out, r"\n    调解组织：– → \S+人民调解委员会\n")
        self.assertIn("    事件：+ 分流\n", out)
        self.assertIn("  受理\n    新建\n", out)

    # --- audit, validate --------------------------------------------------------------------

    def test_audit_clean_and_a_hand_edit(self):
        a, b, c = self.seed()
        commits = int(self.commits())
        p = self.zh("audit")
        self.assertRegex(p.stdout, r"^审计：案件库完好（\d+ 个记录，%d 次提交，均由 mediate 完成）\n$"
                         % commits)
        path = next(f for f in git(self.store, "ls-files", "cases").split() if a in f)
        with open(os.path.join(self.store, path), "a", encoding="utf-8") as f:
            f.write("# 手改\n")
        p = self.zh("audit", check=1)
        self.assertIn("手工修改  " + path + "  与最近一次提交不同（在 mediate 之外修改）", p.stdout)
        self.assertEqual(p.stdout.splitlines()[0].split(), ["类型", "文件或提交", "问题"])
        self.assertRegex(p.stderr, r"审计：在 \d+ 个记录和 %d 次提交中发现 1 个问题" % commits)

    def test_validate_summary_and_a_warning(self):
        self.seed()
        p = self.zh("validate")
        self.assertRegex(p.stdout.splitlines()[-1], r"^已检查 \d+ 个文件：无错误(，\d+ 条警告)?$")
        stray = os.path.join(self.store, "notes.yaml")
        with open(stray, "w", encoding="utf-8") as f:
            f.write("note: 备忘\n")
        p = self.zh("validate", "notes.yaml")
        self.assertEqual(p.stdout, "notes.yaml：警告：不是 mediate 认识的记录（未检查）\n"
                                   "已检查 1 个文件：无错误，1 条警告\n")
        # A field mediate does not know, added by hand to a mediator's file on its last line;
        # the warning points at its value, after "wechat: " (column 9).
        path = sorted(git(self.store, "ls-files", "mediators").split())[0]
        with open(os.path.join(self.store, path), encoding="utf-8") as f:
            line = len(f.read().splitlines()) + 1
        with open(os.path.join(self.store, path), "a", encoding="utf-8") as f:
            f.write("wechat: abc\n")
        p = self.zh("validate", path, check=0)
        self.assertEqual(p.stdout, "%s:%d:9：警告：wechat: 未知字段（原样保留）\n"
                                   "已检查 1 个文件：无错误，1 条警告\n" % (path, line))
        # An error: a tab in the indentation (line 2, column 1), counted with measure words.
        with open(stray, "w", encoding="utf-8") as f:
            f.write("note:\n\tx: 1\n")
        p = self.zh("validate", "notes.yaml", check=1)
        self.assertEqual(p.stdout, "notes.yaml:2:1: 缩进中有制表符；请用空格缩进\n")
        self.assertEqual(p.stderr, "1 个文件中有 1 处错误（已检查 1 个文件）。\n")
        # -q leaves warnings out.
        self.assertEqual(self.zh("validate", "-q", path).stdout, "已检查 1 个文件：无错误，1 条警告\n")

    # --- gettext's variables, and English --------------------------------------------------

    def test_language_variable_alone_turns_chinese_on(self):
        a, b, c = self.seed()
        p = self.zh("due", env=GETTEXT_ZH)
        self.assertEqual(p.stdout.splitlines()[-1], "共 1 项，逾期 1 项")
        self.assertIn("逾期 34 天", p.stdout)

    def test_english_stays_english(self):
        a, b, c = self.seed()
        for env in (EN, {"LC_ALL": "C.UTF-8", "MEDIATE_LANG": "", "MEDIATE_NOW": NOW}):
            p = self.m("due", env=env)
            self.assertIn("34 days overdue", p.stdout)
            self.assertEqual(p.stdout.splitlines()[-1], "1 item, 1 overdue")
            p = self.m("list", env=env)
            self.assertEqual(p.stdout.splitlines()[0].split()[:5],
                             ["id", "received", "category", "类别", "source"])
            self.assertEqual(p.stdout.splitlines()[-1], "3 cases")
            p = self.m("list", "status:martian", check=2, env=env)
            self.assertEqual(p.stderr, 'status:martian: unknown status "martian"; known: received, '
                                       "routed, mediating, agreed, terminated, withdrawn, refused, "
                                       "closed\n")


if __name__ == "__main__":
    unittest.main()
