"""import, amend, edit, init and export in Chinese: their help with no English left
(english_runs), a ledger with one bad row whose rejects file gives its reason in Chinese and
is read back by import once corrected, counts with measure words (件 案件, 行), amend with a
bad value and a good one, edit through an EDITOR script, init's errors, export's error; the
same commands in English under C.UTF-8. Expected texts are written by hand."""
import csv
import glob
import os
import re
import subprocess

import yaml

from mediate_support import EXAMPLE_SETUP, MEDIATE, OPERATOR, StoreTestCase, english_runs

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR", "LOCPATH")
ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}
COMMIT = "（[0-9a-f]{7}）"

HEADER = ["序号", "登记日期", "案件来源", "纠纷类型", "申请人", "申请人电话", "纠纷简要情况",
          "所属街道", "所属社区"]
GOOD = ["1", "2026-01-05", "当事人申请", "邻里纠纷", "刘某", "13800001234", "楼上漏水",
        "和平街道", "西线社区"]
BAD = ["2", "2026-01-06", "当事人申请", "外星纠纷", "王某", "13800005678", "邻居装修噪音扰民",
       "和平街道", "西线社区"]
# The dispute categories of docs/law.md, in its order: the known labels of an error.
CATEGORIES = ["婚姻家庭纠纷", "邻里纠纷", "房屋宅基地纠纷", "合同纠纷", "生产经营纠纷",
              "损害赔偿纠纷", "山林土地纠纷", "征地拆迁纠纷", "环境污染纠纷", "劳动争议纠纷",
              "消费纠纷", "医疗纠纷", "道路交通事故纠纷", "物业纠纷", "其他纠纷"]
# The output options every table command shares (cli/reading.cpp): not these commands' own.
SHARED = ("  --format FORMAT ", "  -o,--output FILE ", "  --no-bom ")


class ZhImportTest(StoreTestCase):
    def run_in(self, language, *args, code=None, cwd=None, env=None, stdin=None, store=True):
        """mediate [-C store] ARGS with only the language variables of `language`."""
        e = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
        e.update(language)
        e.update({"MEDIATE_USER": OPERATOR, "TZ": "UTC"})
        e.update(env or {})
        p = subprocess.run([MEDIATE] + (["-C", self.store] if store else []) + list(args),
                           env=e, cwd=cwd, input=stdin, capture_output=True, text=True)
        if code is not None:
            self.assertEqual(p.returncode, code, f"{args}\n{p.stdout}\n{p.stderr}")
        return p

    def zh(self, *args, **kw):
        return self.run_in(ZH, *args, **kw)

    def assertChinese(self, text, allowed=()):
        self.assertEqual(english_runs(text, allowed), [], text)

    def assertHelp(self, args, expected, allowed=()):
        p = self.zh(*args, "--help", code=0)
        for text in expected:
            self.assertIn(text, p.stdout)
        own = [line for line in p.stdout.splitlines() if not line.startswith(SHARED)]
        self.assertChinese("\n".join(own), allowed)
        self.assertEqual(p.stderr, "")

    def write_ledger(self, name, rows):
        work = os.path.join(self.tmp, "work")
        os.makedirs(work, exist_ok=True)
        with open(os.path.join(work, name), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([HEADER] + rows)
        return work

    def case_file(self):
        [path] = glob.glob(os.path.join(self.store, "cases", "*", "*", "*.yaml"))
        with open(path, encoding="utf-8") as f:
            return os.path.basename(path)[:-5], yaml.safe_load(f)

    def test_help(self):
        self.assertHelp(["import"], ["含化解层级、调解结果、结案日期等列时，一并迁入办理经过",
                                     "台账的编码：utf-8 或 gb18030（默认自动识别）",
                                     "导入有效的行；被拒的行连同错误原因写入一个文件"])
        self.assertHelp(["amend"], ["更正原因（必填）", "新的纠纷类别（填 \"\" 清空）",
                                    "该当事人的新电话（跟在 --party N 之后）",
                                    "已分流的案件不会重新分流。"], allowed=["id"])
        self.assertHelp(["edit"], ["修改原因，记入更正记录", "用 $VISUAL 或 $EDITOR 打开卷宗文件。"],
                        allowed=["id"])
        self.assertHelp(["init"], ["示例："])
        # The example's filter term is typed as it is (a code).
        self.assertHelp(["export"], ["完整写出证件号码、统一社会信用代码和电话号码",
                                     "期间按受理日期选取案件（案件库的时区）。"],
                        allowed=["category", "labour", "open"])

    def test_import_refuses_a_bad_row_in_chinese(self):
        work = self.write_ledger("ledger.csv", [GOOD, BAD])
        reason = ("“纠纷类型”列：未知的标签“外星纠纷”\n  可用的标签：" + "、".join(CATEGORIES))
        # Without --skip-invalid: nothing imported, the reason and the count in Chinese.
        p = self.zh("import", "ledger.csv", cwd=work, code=3)
        self.assertEqual(p.stderr, "ledger.csv:3: “纠纷类型”列: 未知的标签“外星纠纷”\n"
                                   "  可用的标签：" + "、".join(CATEGORIES) + "\n"
                                   "1 行中共有 1 处错误；未导入任何案件。\n")
        self.assertEqual(p.stdout, "")
        # With --skip-invalid: the good row imported, the bad one written with its reason.
        p = self.zh("import", "--skip-invalid", "ledger.csv", cwd=work, code=0)
        self.assertRegex(p.stdout, "^已从 ledger.csv 导入 1 件案件，一次提交" + COMMIT +
                         "；0 件以前已导入，跳过；1 行被拒，已写入 ledger.rejects.csv，"
                         "改正后可重新导入\n$")
        self.assertChinese(p.stdout + p.stderr)
        with open(os.path.join(work, "ledger.rejects.csv"), encoding="utf-8-sig",
                  newline="") as f:
            rows = list(csv.reader(f))
        # The headers stay as the ledger wrote them (import reads them back); the reason
        # column is 导入错误 in every language.
        self.assertEqual(rows, [["导入错误"] + HEADER, [reason] + BAD])
        self.assertChinese(rows[1][0])
        # Corrected as a person would in a spreadsheet, the file imports with no warning.
        rows[1][1 + HEADER.index("纠纷类型")] = "邻里纠纷"
        with open(os.path.join(work, "ledger.rejects.csv"), "w", encoding="utf-8-sig",
                  newline="") as f:
            csv.writer(f).writerows(rows)
        p = self.zh("import", "ledger.rejects.csv", cwd=work, code=0)
        self.assertEqual(p.stderr, "")
        self.assertRegex(p.stdout, "^已从 ledger.rejects.csv 导入 1 件案件，一次提交" + COMMIT +
                         "；0 件以前已导入，跳过\n$")
        # Again: every row was imported before.
        p = self.zh("import", "ledger.rejects.csv", cwd=work, code=0)
        self.assertEqual(p.stdout, "没有要导入的案件：ledger.rejects.csv 的全部 1 行以前已导入"
                                   "；1 件以前已导入，跳过\n")
        # The same under LANGUAGE=zh_CN with C.UTF-8 and no MEDIATE_LANG; a header naming
        # one column twice.
        with open(os.path.join(work, "twice.csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([HEADER + ["纠纷类别"], GOOD + ["邻里纠纷"]])
        p = self.run_in({"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}, "import", "twice.csv",
                        cwd=work, code=3)
        self.assertEqual(p.stderr, "twice.csv:1: “纠纷类别”列: 纠纷类型列重复（前面已有“纠纷类型”）\n"
                                   "表头有 1 处错误；未导入任何案件。\n")
        # Bad options.
        p = self.zh("import", "--encoding", "big5", "ledger.csv", cwd=work, code=2)
        self.assertEqual(p.stderr, "未知的编码“big5”：请给出 utf-8 或 gb18030\n")
        p = self.zh("import", "--rejects", "x.csv", "ledger.csv", cwd=work, code=2)
        self.assertEqual(p.stderr, "--rejects 须与 --skip-invalid 同用\n")

    def test_dry_run_and_english(self):
        work = self.write_ledger("good.csv", [GOOD])
        p = self.zh("import", "--dry-run", "good.csv", cwd=work, code=0)
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0].split(), ["编号", "序号", "受理时间", "类别", "地点", "申请人"])
        self.assertEqual(lines[-1], "将从 good.csv 导入 1 件案件；0 件以前已导入，跳过（试运行：未写入）")
        self.assertChinese(p.stdout, allowed=["WBL"])
        # English unchanged.
        p = self.run_in(EN, "import", "--dry-run", "good.csv", cwd=work, code=0)
        self.assertEqual(p.stdout.splitlines()[-1], "would import 1 case from good.csv; "
                         "0 skipped as already imported (dry run: nothing written)")
        work = self.write_ledger("ledger.csv", [GOOD, BAD])
        p = self.run_in(EN, "import", "ledger.csv", cwd=work, code=3)
        self.assertTrue(p.stderr.startswith(
            "ledger.csv:3: column 纠纷类型 (category): unknown label \"外星纠纷\"\n"
            "  known labels: 婚姻家庭纠纷, 邻里纠纷, "), p.stderr)
        self.assertTrue(p.stderr.endswith("\n1 error in 1 row; nothing was imported.\n"))

    def test_amend_and_edit(self):
        work = self.write_ledger("good.csv", [GOOD])
        self.run_in(EN, "import", "good.csv", cwd=work, code=0)
        case, record = self.case_file()
        self.assertEqual(record["summary"], "楼上漏水")
        # amend: a bad value, a party that is not there, a good value.
        p = self.zh("amend", case, "--category", "火星纠纷", "--reason", "更正类别", code=2)
        self.assertEqual(p.stderr, "--category：未知的纠纷类别“火星纠纷”；可用："
                         + "、".join(CATEGORIES) + "\n")
        p = self.zh("amend", case, "--party", "3", "--phone", "13900001111", "--reason", "更正",
                    code=2)
        self.assertEqual(p.stderr, f"--party 3：{case} 有 1 名当事人（1-1，按“mediate show”列出的顺序）\n")
        p = self.zh("amend", case, "--category", "物业纠纷", "--reason", "更正类别", code=0)
        self.assertRegex(p.stdout, f"^已更正 {case}{COMMIT}：\n"
                         "  category: 邻里纠纷 → 物业纠纷\n$")
        p = self.zh("amend", case, "--category", "物业纠纷", "--reason", "更正类别", code=3)
        self.assertEqual(p.stderr, f"无需修改：{case} 已是所给的值；未写入\n")
        p = self.run_in(EN, "amend", case, "--category", "neighbour", "--reason", "x", code=0)
        self.assertRegex(p.stdout, f"^amended {case} \\([0-9a-f]{{7}}\\):\n"
                         "  category: property_management → neighbour\n$")
        # English unchanged.
        p = self.run_in(EN, "amend", case, "--category", "火星纠纷", "--reason", "x", code=2)
        self.assertTrue(p.stderr.startswith(
            "--category: unknown category \"火星纠纷\"; known: 婚姻家庭纠纷, 邻里纠纷, "))

        # edit through an EDITOR script: the summary changed, with the default reason.
        editor = os.path.join(self.tmp, "editor.sh")
        with open(editor, "w") as f:
            f.write("#!/bin/sh\nsed -i 's/^summary: .*/summary: 楼上卫生间漏水/' \"$1\"\n")
        os.chmod(editor, 0o755)
        p = self.zh("edit", case, env={"EDITOR": editor}, code=0)
        self.assertRegex(p.stdout, f"^已修改 {case}{COMMIT}：\n  summary: 楼上漏水 → 楼上卫生间漏水\n$")
        _, record = self.case_file()
        self.assertEqual(record["summary"], "楼上卫生间漏水")
        self.assertEqual((record["events"][-1]["type"], record["events"][-1]["reason"]),
                         ("amended", "手工修改（mediate edit）"))
        # An edit of what may not change, given up.
        with open(editor, "w") as f:
            f.write("#!/bin/sh\nsed -i 's/^status: .*/status: closed/' \"$1\"\n")
        p = self.zh("edit", case, env={"EDITOR": editor}, stdin="n\n", code=3)
        self.assertIn("status: 不能手工修改；由办理流程命令维护（由办理记录推导）\n", p.stderr)
        self.assertIn("修改了 1 个不可修改的字段；未写入\n重新编辑？[Y/n] ", p.stderr)
        self.assertTrue(p.stderr.endswith(f"{case} 未修改：未写入\n"), p.stderr)
        self.assertChinese(p.stderr)
        # An editor that fails.
        with open(editor, "w") as f:
            f.write("#!/bin/sh\nexit 4\n")
        p = self.zh("edit", case, env={"EDITOR": editor}, code=3)
        self.assertEqual(p.stderr, f"编辑器（{editor}）退出，状态码 4；未写入\n")
        p = self.run_in(EN, "edit", case, env={"EDITOR": editor}, code=3)
        self.assertEqual(p.stderr, f"the editor ({editor}) exited with status 4; nothing was written\n")

    def test_init_and_export_errors(self):
        empty = os.path.join(self.tmp, "empty")
        os.mkdir(empty)
        target = os.path.join(self.tmp, "new-store")
        p = self.zh("init", target, "--from", empty, store=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stderr, f"{empty} 不是设置文件夹：其中没有 setup.yaml\n")
        p = self.zh("init", self.store, "--from", EXAMPLE_SETUP, store=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stderr, f"{self.store} 已存在且不为空；请另选一个新文件夹\n")
        p = self.run_in(EN, "init", self.store, "--from", EXAMPLE_SETUP, store=False)
        self.assertEqual(p.stderr,
                         f"{self.store} already exists and is not empty; choose a new folder\n")
        p = self.zh("export", "--format", "pdf", code=2)
        self.assertEqual(p.stderr, "未知的导出格式“pdf”；export 可导出 csv、jsonl、json 或 xlsx\n")
        # A successful export keeps its stable English columns.
        p = self.zh("export", "--format", "csv", code=0)
        self.assertTrue(p.stdout.lstrip("\ufeff").startswith("schema,id,file_no,received,"),
                        p.stdout[:80])


if __name__ == "__main__":
    import unittest
    unittest.main()
