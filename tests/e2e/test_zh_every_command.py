"""Every command in Chinese: the help of each command and subcommand the program has, and one
error of each command, run with MEDIATE_LANG=zh_CN, hold no run of untranslated English words
(english_runs). The commands are listed by the program's own completion (`__complete`), so a
command added later is checked too; ERRORS must name an error for each of them, or the test
says which command has none.
"""
import os
import subprocess
import tempfile
import shutil
import unittest

from mediate_support import EXAMPLE_SETUP, MEDIATE, OPERATOR, english_runs, run

ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8", "LANGUAGE": "", "LANG": ""}
NO_CASE = "WBL-2026-999999"

# One mistake a member of staff could make with each command, run in a fresh store. The
# words of the mistake itself (a bad value typed in English) are allowed in the output.
ERRORS = {
    "init": (["init", "新库", "--from", "没有这个文件夹"], ()),
    "clone": (["clone", "没有这个仓库", "副本", "--office", "XJY"], ()),
    "sync": (["sync"], ()),
    "intake": (["intake", "--source", "当事人申请", "--category", "邻居纠纷"], ()),
    "import": (["import", "没有这个台账.csv"], ()),
    "amend": (["amend", NO_CASE, "--summary", "新摘要", "--reason", "更正"], ()),
    "edit": (["edit", NO_CASE, "--reason", "更正"], ()),
    "adopt": (["adopt", "0000000"], ()),
    "route": (["route", "--explain", NO_CASE], ()),
    "show": (["show", NO_CASE], ()),
    "list": (["list", "街:小井峪"], ()),
    "stats": (["stats", "--by", "天气"], ()),
    "validate": (["validate", "没有这个文件.yaml"], ()),
    "history": (["history", NO_CASE], ()),
    "recover": (["recover", "--frob"], ()),
    "index": (["index"], ()),
    "assign": (["assign", NO_CASE, "M-0001"], ()),
    "session": (["session", NO_CASE, "--mode", "现场"], ()),
    "escalate": (["escalate", NO_CASE, "--reason", "复杂"], ()),
    "extend": (["extend", NO_CASE, "--days", "15", "--reason", "双方同意"], ()),
    "agree": (["agree", NO_CASE, "--form", "口头"], ()),
    "terminate": (["terminate", NO_CASE, "--reason", "调解不成"], ()),
    "withdraw": (["withdraw", NO_CASE, "--reason", "撤回"], ()),
    "refuse": (["refuse", NO_CASE, "--reason", "不属于调解范围", "--referred-to", "法院"], ()),
    "confirm": (["confirm", NO_CASE, "--applied"], ()),
    "perform": (["perform", NO_CASE, "--status", "已履行"], ()),
    "visit": (["visit", NO_CASE, "--method", "电话"], ()),
    "close": (["close", NO_CASE], ()),
    "due": (["due", "--within", "三天"], ()),
    "doc": (["doc", NO_CASE, "--kind", "协议书"], ()),
    "office": (["office", "add", "--code", "小井峪", "--name", "小井峪街道司法所"], ()),
    "key": (["key", "revoke", "ABC", "--reason", "遗失"], ()),
    "conflicts": (["conflicts", "多余"], ()),
    "resolve": (["resolve", NO_CASE, "--take", "本方"], ()),
    "setup-git": (["setup-git", "多余"], ()),
    "merge-file": (["merge-file", "无", "无", "无", "无"], ()),
    "org": (["org", "show", "C-000000000000"], ()),
    "mediator": (["mediator", "show", "M-9999"], ()),
    "training": (["training", "show", "T-9999"], ()),
    "review": (["review", "add", NO_CASE], ()),
    "filing": (["filing", "--year", "去年"], ()),
    "audit": (["audit", "多余"], ()),
    "tag": (["tag", NO_CASE, "典型"], ()),
    "untag": (["untag", NO_CASE, "典型"], ()),
    "exemplary": (["exemplary", "--format", "pdf"], ("pdf",)),
    "export": (["export", "--format", "pdf"], ("pdf",)),
    "report": (["report", "--format", "pdf"], ("pdf",)),
    "consult": (["consult", "--to-case", "CON-9999"], ()),
    "alerts": (["alerts", "街:小井峪"], ()),
    "renumber": (["renumber", NO_CASE, "--path", "cases/无.yaml", "--reason", "重复"], ()),
    "file-numbers": (["file-numbers", "多余"], ()),
    "encrypt": (["encrypt"], ()),
    "erase": (["erase", NO_CASE, "--reason", "保管期限届满", "--basis", "法院裁定"], ()),
    "help": (["help", "没有这个命令"], ()),
}


class EveryCommandTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-zh-every-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def zh(self, args, cwd=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "MEDIATE_"))}
        env.update(ZH)
        env.update({"MEDIATE_USER": OPERATOR, "TZ": "UTC", "EDITOR": "true"})
        return subprocess.run([MEDIATE] + args, env=env, cwd=cwd or self.store,
                              capture_output=True, text=True, timeout=120)

    def names(self, path):
        """The subcommands of `mediate PATH` as completion offers them."""
        out = self.zh(["__complete", "--"] + path + [""]).stdout
        return [line.split("\t")[0] for line in out.splitlines()
                if line and not line.startswith("-")]

    def commands(self):
        tops = self.names([])
        self.assertIn("intake", tops)
        every = [[t] for t in tops]
        for top in tops:
            subs = [s for s in self.names([top]) if s not in tops]
            every += [[top, s] for s in subs if not s[0].isdigit() and ":" not in s]
        return tops, every

    def test_every_help_is_chinese(self):
        _, every = self.commands()
        self.assertGreater(len(every), 60)
        for path in [[]] + every:
            with self.subTest(command=" ".join(path)):
                p = self.zh(path + ["--help"])
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertEqual(english_runs(p.stdout + p.stderr), [], p.stdout)

    def test_one_error_of_every_command_is_chinese(self):
        tops, _ = self.commands()
        self.assertEqual(sorted(set(tops) - set(ERRORS)), [], "commands without an error here")
        for name in tops:
            args, allowed = ERRORS[name]
            with self.subTest(command=name):
                p = self.zh(args, cwd=self.tmp if name in ("init", "clone") else None)
                self.assertNotEqual(p.returncode, 0, p.stdout)
                self.assertNotEqual(p.stderr.strip(), "")
                self.assertEqual(english_runs(p.stdout + p.stderr, allowed), [], p.stderr)


if __name__ == "__main__":
    unittest.main()
