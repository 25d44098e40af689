"""The lifecycle steps in Chinese (docs/translation.md): `mediate session`, `agree`,
`confirm`, `visit` and `close` under MEDIATE_LANG=zh_CN — their help with the valid values
of the enumerated options as Chinese labels, the line each prints on success with the
step's and the status's labels, the library's refusals (an unknown value, a date before
the step it follows, a written agreement lacking its terms, a step the case's state does
not allow, an unknown case), a warning, the same under LANGUAGE=zh_CN with LC_ALL=C.UTF-8,
and English still under C.UTF-8 and MEDIATE_LANG=en.

One case of the example store (examples/wanbailin): 邻里纠纷 received 2026-03-02 09:30 in
东风社区, routed by the example rules to the community committee C-140109005003 (level
community, 社区/村) and assigned to its mediator M-0318 高敏 on 2026-03-03. Expected texts
are written by hand from the glossary and the vocabulary (schemas/vocab.yaml: status
mediating 调解中, agreed 调解成功; level community 社区/村), never copied from the
program's output."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, citizen_id, english_runs, operator_env

OPERATOR = "测试员 <t@example.org>"
ID = "WBL-2026-000001"
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR")
MEDIATE = os.environ.get("MEDIATE", "mediate")
ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}
COMMIT = r"（[0-9a-f]{7}）"


class ZhStepsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-zh-steps-")
        cls.env = operator_env(cls.base, OPERATOR)
        cls.template = os.path.join(cls.base, "S")
        steps = [
            ("2026-02-01T08:00:00+08:00", ["init", cls.template, "--from", EXAMPLE_SETUP]),
            ("2026-03-02T09:30:00+08:00",
             ["-C", cls.template, "intake", "--received", "2026-03-02T09:30:00+08:00",
              "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
              "--street", "140109005", "--community", "140109005003", "--grid",
              "140109005003011", "--applicant", "李某", "--applicant-id",
              citizen_id("14010919800101123"), "--applicant-phone", "13800001234",
              "--respondent", "王某", "--respondent-id", citizen_id("14010919751212004")]),
            ("2026-03-02T11:00:00+08:00", ["-C", cls.template, "route", "id:" + ID]),
            ("2026-03-03T09:00:00+08:00", ["-C", cls.template, "assign", ID, "M-0318"]),
        ]
        for now, args in steps:
            r = cls.run_in(EN, now, args)
            if r.returncode != 0:
                shutil.rmtree(cls.base, ignore_errors=True)
                raise AssertionError("mediate %s: %s%s" % (args, r.stdout, r.stderr))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    @classmethod
    def run_in(cls, language, now, args):
        env = {k: v for k, v in cls.env.items() if k not in LANGUAGE_VARIABLES}
        env.update(language)
        env["MEDIATE_NOW"] = now
        return subprocess.run([MEDIATE] + list(args), env=env, capture_output=True, text=True,
                              timeout=600)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="store-", dir=self.base)
        self.store = os.path.join(self.tmp, "S")
        shutil.copytree(self.template, self.store, symlinks=True)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def m(self, language, now, *args):
        return self.run_in(language, now, ["-C", self.store] + list(args))

    def head(self):
        return subprocess.run(["git", "-C", self.store, "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()

    def assertChinese(self, p, allowed=()):
        self.assertEqual(english_runs(p.stdout, allowed), [], p.stdout)
        self.assertEqual(english_runs(p.stderr, allowed), [], p.stderr)

    def assertRefused(self, p, before):
        self.assertEqual(p.returncode, 3, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(self.head(), before)

    # -- help -------------------------------------------------------------

    def test_help_lists_the_values_in_chinese(self):
        wanted = {
            "session": ["调解方式：现场、电话、视频、网上", "调解日期（默认今天）",
                        "案件编号，例如 WBL-2026-000042",
                        "检查这一步并显示结果；不写入任何内容"],
            "agree": ["协议形式（《人民调解法》第二十八条）：书面、口头", "履行期限",
                      "示例：", "--form 书面"],
            "confirm": ["结果：已申请、已确认、驳回、撤回申请（撤回申请：当事人撤回了司法确认申请）",
                        "事项类型：身份关系、确权、其他（不予确认的事项会给出警告）"],
            "visit": ["回访方式：现场、电话、视频、网上", "协议履行情况：已履行、分期履行、未履行",
                      "当事人满意度：满意、基本满意、不满意"],
            "close": ["卷宗封面的保管期限：永久、长期、短期（默认：案件库按案件结果设置的保管期限）"],
        }
        for command, texts in wanted.items():
            with self.subTest(command=command):
                p = self.m(ZH, "2026-03-04T10:00:00+08:00", command, "--help")
                self.assertEqual(p.returncode, 0, p.stderr)
                for text in texts:
                    self.assertIn(text, p.stdout)
                # "id TEXT": the positional's name and value type stay as typed, as option
                # names do ("--form TEXT").
                self.assertChinese(p, allowed=["id"])

    # -- success, warnings ------------------------------------------------

    def test_session_agree_and_the_steps_after(self):
        p = self.m(ZH, "2026-03-04T15:00:00+08:00", "session", ID, "--mode", "电话")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, "^调解：" + ID + " 2026-03-04 电话；现为调解中 · 社区/村" +
                         COMMIT + "\n$")
        self.assertEqual(p.stderr, "")
        self.assertChinese(p)
        # An oral agreement performed in instalments: recorded, with a warning.
        p = self.m(ZH, "2026-03-05T16:00:00+08:00", "agree", ID, "--form", "口头", "--terms",
                   "分两次赔偿", "--amount", "3500", "--instalments")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertRegex(lines[0], "^达成协议：" + ID + " 口头 3500.00 元；现为调解成功 · 社区/村" +
                         COMMIT + "$")
        # Effective the day it was made; 30 days to apply for confirmation: 2026-04-04.
        self.assertEqual(lines[1:], [
            "提示：2026-03-05 生效（《人民调解法》第三十条）；可在 2026-04-04 前申请司法确认"
            "（《人民调解法》第三十三条）"])
        self.assertIn("--form: 口头协议分期履行：涉及权利义务的应当制作书面协议（2002年《规定》第三十四条）"
                      "；已记录，案件质量评查将予标记", p.stderr)
        self.assertChinese(p)
        # The court: its name from orgs.csv.
        p = self.m(ZH, "2026-03-06T10:00:00+08:00", "confirm", ID, "--result", "已申请",
                   "--court", "WBL-COURT", "--matter", "其他")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, "^司法确认：" + ID + " 已申请 太原市万柏林区人民法院；现为调解成功 · "
                         "社区/村" + COMMIT + "\n$")
        # The oral agreement: the court confirms a written one.
        self.assertIn("--result: 该协议为口头协议；人民法院确认的是书面协议（《人民调解法》第三十三条）",
                      p.stderr)
        self.assertChinese(p)
        p = self.m(ZH, "2026-03-25T10:00:00+08:00", "visit", ID, "--method", "现场",
                   "--performance", "分期履行", "--satisfaction", "基本满意")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, "^回访：" + ID + " 2026-03-25 现场 分期履行；现为调解成功 · 社区/村" +
                         COMMIT + "\n$")
        self.assertChinese(p)

    def test_dry_run_and_close(self):
        before = self.head()
        p = self.m(ZH, "2026-03-04T15:00:00+08:00", "session", ID, "--mode", "video",
                   "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "调解：" + ID + " 2026-03-04 视频；将变为调解中 · 社区/村"
                         "（试运行：未写入任何内容）\n")
        self.assertEqual(self.head(), before)
        self.assertChinese(p)
        # Terminated, then closed with the store's retention for a terminated case.
        self.m(EN, "2026-03-10T09:00:00+08:00", "terminate", ID, "--reason", "双方分歧过大")
        p = self.m(ZH, "2026-03-11T09:00:00+08:00", "close", ID, "--retention", "短期")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.splitlines()[1:], ["提示：保管期限：短期"])
        self.assertRegex(p.stdout, "^归档：" + ID + " 调解不成功，保管期限短期；现为已归档 · 社区/村" +
                         COMMIT + "\n")
        self.assertChinese(p)

    # -- errors -----------------------------------------------------------

    def test_unknown_value_and_early_date(self):
        before = self.head()
        p = self.m(ZH, "2026-03-04T15:00:00+08:00", "session", ID, "--mode", "飞鸽传书",
                   "--date", "2026-03-01")
        self.assertRefused(p, before)
        self.assertEqual(p.stderr.splitlines(), [
            ID + ": --mode: 未知的值“飞鸽传书”；可用的值：现场、电话、视频、网上",
            # The assignment (2026-03-03) is the step a session follows.
            ID + ": --date: 2026-03-01 早于其前一步“指派调解员”的日期（2026-03-03）",
            "发现 2 个问题；调解未予记录，未写入任何内容",
        ])
        self.assertChinese(p)
        p = self.m(ZH, "2026-03-04T15:00:00+08:00", "confirm", ID, "--result", "done")
        self.assertRefused(p, before)
        self.assertChinese(p)

    def test_written_agreement_without_its_terms(self):
        before = self.head()
        p = self.m(ZH, "2026-03-05T16:00:00+08:00", "agree", ID, "--form", "书面", "--terms",
                   "赔偿3500元", "--signed-by", "李某")
        self.assertRefused(p, before)
        for text in [
                ID + ": 书面协议: 缺少履行方式（--manner）（《人民调解法》第二十九条；2002年《规定》第三十五条）",
                ID + ": 书面协议: 缺少王某 的签名（--signed-by）（《人民调解法》第二十九条；"
                "2002年《规定》第三十五条）",
                ID + ": 书面协议: 缺少人民调解委员会印章（--sealed）（《人民调解法》第二十九条；"
                "2002年《规定》第三十五条）"]:
            self.assertIn(text, p.stderr.splitlines())
        self.assertChinese(p)

    def test_a_step_the_state_does_not_allow(self):
        self.m(EN, "2026-03-05T16:00:00+08:00", "agree", ID, "--form", "oral", "--terms", "赔偿")
        before = self.head()
        p = self.m(ZH, "2026-03-06T10:00:00+08:00", "close", ID)
        self.assertRefused(p, before)
        self.assertEqual(
            p.stderr,
            ID + " 的状态为“调解成功”：可以进行的步骤：司法确认、履行、回访、免回访；\n"
            "归档需要已记录履行情况（mediate perform），并已回访（mediate visit）或记录不回访的原因"
            "（《人民调解法》第三十一条）。\n")
        self.assertChinese(p)
        p = self.m(ZH, "2026-03-06T10:00:00+08:00", "session", ID, "--mode", "现场")
        self.assertRefused(p, before)
        self.assertIn("调解需要案件处于调解中。", p.stderr)
        self.assertChinese(p)

    def test_unknown_case(self):
        before = self.head()
        p = self.m(ZH, "2026-03-04T15:00:00+08:00", "visit", "WBL-2026-000999", "--method",
                   "电话", "--performance", "已履行")
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stdout, "")
        self.assertEqual(self.head(), before)
        self.assertEqual(p.stderr, "没有案件 WBL-2026-000999\n")
        self.assertEqual(english_runs(p.stderr), [])

    def test_busy_store(self):
        # A live process (sleep) holds the store lock, as another writer would: the step
        # waits MEDIATE_LOCK_WAIT seconds, then exits 4 naming the holder.
        sleeper = subprocess.Popen(["sleep", "60"])
        self.addCleanup(lambda: (sleeper.kill(), sleeper.wait()))
        d = os.path.join(self.store, ".git", "mediate")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "lock"), "w", encoding="utf-8") as f:
            f.write(f"mediate route by 王某 <wang@example.org>\npid {sleeper.pid}\n"
                    f"host {socket.gethostname()}\nsince 2026-03-05T09:00:00+0800\n")
        before = self.head()
        p = self.m(dict(ZH, MEDIATE_LOCK_WAIT="1"), "2026-03-04T15:00:00+08:00", "session", ID,
                   "--mode", "现场")
        self.assertEqual(p.returncode, 4, p.stderr)
        self.assertEqual(p.stderr,
                         "案件库正忙：mediate route by 王某 <wang@example.org>；请稍后再试\n")
        self.assertEqual(self.head(), before)
        self.assertChinese(p)

    # -- other ways to choose the language ----------------------------------

    def test_language_variable_with_c_utf8(self):
        p = self.m({"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}, "2026-03-04T15:00:00+08:00",
                   "session", ID, "--mode", "online", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "调解：" + ID + " 2026-03-04 网上；将变为调解中 · 社区/村"
                         "（试运行：未写入任何内容）\n")
        self.assertChinese(p)

    def test_english_stays_english(self):
        p = self.m(EN, "2026-03-04T15:00:00+08:00", "session", ID, "--mode", "电话")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stdout, "^session: " + ID +
                         r" 2026-03-04 phone; now mediating · community \([0-9a-f]{7}\)\n$")
        p = self.m({"MEDIATE_LANG": "en", "LANG": "zh_CN.UTF-8"}, "2026-03-04T15:00:00+08:00",
                   "close", ID)
        self.assertEqual(p.returncode, 3)
        # Mediating: it may be (re)assigned, agreed, terminated, withdrawn, escalated (a
        # street level is above community) or extended, or have a session recorded.
        self.assertEqual(
            p.stderr,
            ID + ' is "mediating": it can be assigned, agreed, terminated, withdrawn, escalated '
            "or extended, or have a session recorded;\nclose needs an agreement with performance "
            "and a return visit, a termination, a refusal or a withdrawal.\n")
        p = self.m(EN, "2026-03-04T15:00:00+08:00", "session", "--help")
        self.assertIn("how it was held: on_site 现场, phone 电话, video 视频, online 网上", p.stdout)


if __name__ == "__main__":
    unittest.main()
