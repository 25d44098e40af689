"""The interface's language (docs/translation.md): Chinese under MEDIATE_LANG=zh_CN,
under LC_ALL=zh_CN.UTF-8 on a machine where that locale is not installed, under
LANGUAGE=zh_CN with LC_ALL=C.UTF-8; English under C.UTF-8 and MEDIATE_LANG=en. CLI11's
words (help labels, parse errors) in our translation, an unknown command with the nearest
command suggested, the catalogue found by MEDIATE_LOCALEDIR and beside a copied program,
--version the same in both. Expected texts written by hand."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from mediate_support import MEDIATE, SOURCE, english_runs

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR", "LOCPATH")
# The catalogue the default build target makes, beside the program (bin/../share/locale).
BUILT_MO = os.path.join(os.path.dirname(os.path.realpath(MEDIATE)), "..", "share", "locale",
                        "zh_CN", "LC_MESSAGES", "mediate.mo")
C_UTF8 = "/usr/lib/locale/C.utf8"  # Debian's compiled C.UTF-8


def run(args, **variables):
    """Runs mediate with args and only the language variables given."""
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env.update(variables)
    return subprocess.run([MEDIATE] + list(args), env=env, capture_output=True, text=True)


ZH_SHWO = ("mediate：未知命令“shwo”；您是不是要用“show”？\n"
           "运行“mediate --help”查看所有命令\n")
EN_SHWO = ('mediate: unknown command "shwo"; did you mean "show"?\n'
           'run "mediate --help" to see the commands\n')
# Lines of `mediate --help`; a description starts in column 31 (CLI11's width of 30),
# counting a Chinese character as two columns.
ZH_HELP = [
    "mediate — 以 git 保存的全区人民调解案件",
    "用法: mediate [选项] 命令",
    "选项:",
    "  -h,--help                   显示此帮助信息并退出",
    "  --version                   显示程序版本信息并退出",
    "  -C STORE                    在 STORE 处的案件库中运行（默认：当前目录）",
    "命令:",
    "  show                        显示一件案件的卷宗",
    "  close                       结案归档",
]
EN_HELP = [
    "mediate — people's mediation (人民调解) cases of a district, kept in git",
    "Usage: mediate [OPTIONS] SUBCOMMAND",
    "Options:",
    "  -h,--help                   Print this help message and exit",
    "  --version                   Display program version information and exit",
    "  -C STORE                    run in the store at STORE (default: the current directory)",
    "Subcommands:",
    "  show                        show one case file",
    "  close                       close the case file (归档)",
]

# The office-day commands and their summaries in the command table (cli/command_table.cpp),
# the first line of their English help.
OFFICE_DAY = [
    ("intake", "register one case (统一受理) from flags, a YAML file or stdin"),
    ("route", "route cases (分流) by rules/routing.yaml; --explain ID shows why"),
    ("assign", "assign mediators (Law Art. 19), or a grid worker at grid level"),
    ("session", "record a mediation session"),
    ("agree", "record the mediation agreement (Law Arts. 28-30)"),
    ("confirm", "record judicial confirmation: applied, confirmed, rejected (Law Art. 33)"),
    ("visit", "record the return visit (Law Art. 31), or --none with a reason"),
    ("close", "close the case file (归档)"),
    ("show", "show one case file"),
    ("history", "the git history of a case, with the fields each change made"),
    ("list", "list cases matching a filter"),
    ("stats", "count cases by dimensions"),
    ("due", "what is due or overdue: conclusion, judicial confirmation, return visits"),
    ("alerts", "early warnings: high risk, deadlines, repeated and mass disputes"),
    ("audit", "integrity of the store: uncommitted, torn or hand-edited files, foreign commits"),
    ("validate", "check records: schema, references, check characters, timeline"),
]


class LanguageTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-lang-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def assertHelp(self, p, lines):
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stderr, "")
        got = p.stdout.splitlines()
        for line in lines:
            self.assertIn(line, got)

    def no_zh_locale(self):
        """glibc's LOCPATH naming a directory that holds C.UTF-8 only: a machine where
        zh_CN.UTF-8 is not generated (whether or not this one has it). Checked."""
        if not os.path.isdir(C_UTF8):
            self.skipTest(f"no {C_UTF8} to simulate a machine with C.UTF-8 only")
        locales = os.path.join(self.tmp, "locales")
        os.makedirs(locales)
        os.symlink(C_UTF8, os.path.join(locales, "C.utf8"))
        probe = ("import locale, sys\n"
                 "locale.setlocale(locale.LC_ALL, 'C.UTF-8')\n"
                 "try:\n    locale.setlocale(locale.LC_ALL, 'zh_CN.UTF-8')\n"
                 "except locale.Error:\n    sys.exit(0)\nsys.exit(1)\n")
        p = subprocess.run([sys.executable, "-c", probe], env=dict(os.environ, LOCPATH=locales))
        self.assertEqual(p.returncode, 0, "the simulated machine has zh_CN.UTF-8")
        return locales

    def test_the_build_makes_the_catalogue_beside_the_program(self):
        self.assertTrue(os.path.isfile(BUILT_MO), BUILT_MO)

    def test_unknown_command_suggests_the_nearest_in_both_languages(self):
        p = run(["shwo"], MEDIATE_LANG="zh_CN")
        self.assertEqual((p.returncode, p.stdout, p.stderr), (2, "", ZH_SHWO))
        p = run(["shwo"], LC_ALL="C.UTF-8")
        self.assertEqual((p.returncode, p.stdout, p.stderr), (2, "", EN_SHWO))
        # Nothing near: no suggestion.
        p = run(["frobnicate"], LC_ALL="C.UTF-8")
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, 'mediate: unknown command "frobnicate"\n'
                                   'run "mediate --help" to see the commands\n')
        # A command group's own commands: "mediator lsit" → "mediator list".
        p = run(["mediator", "lsit"], MEDIATE_LANG="zh_CN")
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stderr, "mediate mediator：未知命令“lsit”；您是不是要用“list”？\n"
                                   "运行“mediate mediator --help”查看所有命令\n")
        p = run([], LC_ALL="C.UTF-8")
        self.assertEqual((p.returncode, p.stderr), (2, "mediate: no command given\n"
                                                       'run "mediate --help" to see the commands\n'))

    def test_help_in_chinese_by_mediate_lang(self):
        self.assertHelp(run(["--help"], MEDIATE_LANG="zh_CN", LC_ALL="C.UTF-8"), ZH_HELP)

    def test_help_in_chinese_by_a_locale_this_machine_does_not_have(self):
        locales = self.no_zh_locale()
        self.assertHelp(run(["--help"], LOCPATH=locales, LC_ALL="zh_CN.UTF-8"), ZH_HELP)
        self.assertHelp(run(["--help"], LOCPATH=locales, LANG="zh_CN.UTF-8"), ZH_HELP)
        p = run(["shwo"], LOCPATH=locales, LC_ALL="zh_CN.UTF-8")
        self.assertEqual((p.returncode, p.stderr), (2, ZH_SHWO))
        # And on this machine as it is, installed or not.
        self.assertHelp(run(["--help"], LC_ALL="zh_CN.UTF-8"), ZH_HELP)

    def test_office_day_help_is_chinese_alike_under_every_switch(self):
        # The help of each office-day command: no run of English words (the positional's
        # name `id` is exempt, as option names are), and the same text whichever way
        # Chinese was chosen; in English it differs and names the command's summary.
        locales = self.no_zh_locale()
        for command, english_summary in OFFICE_DAY:
            zh = run([command, "--help"], MEDIATE_LANG="zh_CN")
            self.assertEqual((zh.returncode, zh.stderr), (0, ""), command)
            self.assertEqual(english_runs(zh.stdout, allowed=["id"]), [], command)
            by_language = run([command, "--help"], LANGUAGE="zh_CN", LC_ALL="C.UTF-8")
            by_locale = run([command, "--help"], LOCPATH=locales, LC_ALL="zh_CN.UTF-8")
            self.assertEqual(by_language.stdout, zh.stdout, command)
            self.assertEqual(by_locale.stdout, zh.stdout, command)
            en = run([command, "--help"], LC_ALL="C.UTF-8")
            self.assertEqual(en.stdout.splitlines()[0], english_summary, command)
            self.assertNotEqual(en.stdout, zh.stdout, command)

    def test_office_day_runs_are_chinese_alike_under_every_switch(self):
        # The reading commands on the example store, a bad filter, an unknown case and a
        # refused step: the same Chinese whichever way it was chosen, no English run, and
        # English under C.UTF-8.
        locales = self.no_zh_locale()
        store = os.path.join(self.tmp, "store")
        env = {"MEDIATE_USER": "测试员 <t@example.org>", "HOME": self.tmp, "TZ": "UTC",
               "MEDIATE_NOW": "2026-04-01T09:00:00+08:00"}
        setup = os.path.join(SOURCE, "examples", "wanbailin")
        ledger = os.path.join(SOURCE, "examples", "ledgers", "ledger-2026q1.csv")
        for args in (["init", store, "--from", setup], ["-C", store, "import", ledger],
                     ["-C", store, "route"]):
            p = run(args, MEDIATE_LANG="en", **env)
            self.assertEqual(p.returncode, 0, p.stderr)
        runs = [["list", "category:neighbour"], ["stats", "--by", "category"], ["due"],
                ["alerts"], ["show", "WBL-2026-000001"], ["history", "WBL-2026-000001"],
                ["list", "status:martian"], ["show", "WBL-2026-999999"],
                ["close", "WBL-2026-000001"], ["validate"]]
        for args in runs:
            args = ["-C", store] + args
            zh = run(args, MEDIATE_LANG="zh_CN", **env)
            by_language = run(args, LANGUAGE="zh_CN", LC_ALL="C.UTF-8", **env)
            by_locale = run(args, LOCPATH=locales, LC_ALL="zh_CN.UTF-8", **env)
            for other in (by_language, by_locale):
                self.assertEqual((other.returncode, other.stdout, other.stderr),
                                 (zh.returncode, zh.stdout, zh.stderr), args)
            self.assertEqual(english_runs(zh.stdout + zh.stderr), [], zh.stdout + zh.stderr)
            en = run(args, LC_ALL="C.UTF-8", **env)
            self.assertEqual(en.returncode, zh.returncode, args)
            self.assertNotEqual(en.stdout + en.stderr, zh.stdout + zh.stderr, args)
        p = run(["-C", store, "show", "WBL-2026-999999"], MEDIATE_LANG="zh_CN", **env)
        self.assertEqual(p.stderr, "没有案件 WBL-2026-999999\n")

    def test_the_other_step_commands_help_in_chinese(self):
        # escalate, extend, terminate, withdraw, refuse, perform: their options and the values
        # perform takes, as labels.
        for command in ("escalate", "extend", "terminate", "withdraw", "refuse", "perform"):
            zh = run([command, "--help"], MEDIATE_LANG="zh_CN")
            self.assertEqual((zh.returncode, zh.stderr), (0, ""), command)
            self.assertEqual(english_runs(zh.stdout, allowed=["id", "performance"]), [], command)
        zh = run(["perform", "--help"], MEDIATE_LANG="zh_CN").stdout
        self.assertIn("协议履行情况：已履行、分期履行、未履行", zh)
        self.assertIn("  --reason 文本               终止调解的原因（必填）",
                      run(["terminate", "--help"], MEDIATE_LANG="zh_CN").stdout.splitlines())

    def test_init_counts_with_measure_words(self):
        # The Wanbailin set-up: 14 streets, 138 communities, 1,899 grids, 173 organisations,
        # 836 mediators (README; the district's published figures).
        setup = os.path.join(SOURCE, "examples", "wanbailin")
        env = {"MEDIATE_USER": "测试员 <t@example.org>", "HOME": self.tmp}
        zh = run(["init", os.path.join(self.tmp, "zh"), "--from", setup], MEDIATE_LANG="zh_CN",
                 **env)
        self.assertEqual(zh.returncode, 0, zh.stderr)
        self.assertTrue(zh.stdout.startswith("已为万柏林区（140109）新建案件库 "), zh.stdout)
        self.assertIn("：14 个街道、138 个社区、1899 个网格、173 个调解组织、", zh.stdout)
        self.assertIn("、836 名调解员、", zh.stdout)
        self.assertEqual(english_runs(zh.stdout), [], zh.stdout)
        en = run(["init", os.path.join(self.tmp, "en"), "--from", setup], LC_ALL="C.UTF-8",
                 **env)
        self.assertIn(": 14 streets, 138 communities, 1899 grids, 173 organisations, ", en.stdout)

    def test_help_in_chinese_by_language_under_c_utf8(self):
        self.assertHelp(run(["--help"], LANGUAGE="zh_CN", LC_ALL="C.UTF-8"), ZH_HELP)

    def test_help_in_english(self):
        self.assertHelp(run(["--help"], LC_ALL="C.UTF-8"), EN_HELP)
        self.assertHelp(run(["--help"]), EN_HELP)  # no language variable at all
        # Plain C means untranslated even with LANGUAGE (GNU gettext's rule);
        # MEDIATE_LANG=en overrides a Chinese locale.
        self.assertHelp(run(["--help"], LANGUAGE="zh_CN", LC_ALL="C"), EN_HELP)
        self.assertHelp(run(["--help"], MEDIATE_LANG="en", LC_ALL="zh_CN.UTF-8"), EN_HELP)

    def test_a_command_help_in_chinese(self):
        p = run(["show", "--help"], MEDIATE_LANG="zh_CN")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        self.assertIn("显示一件案件的卷宗", lines)
        self.assertIn("用法: mediate show [选项] id", lines)
        self.assertIn("参数:", lines)
        self.assertIn("选项:", lines)
        self.assertIn("  -h,--help                   显示此帮助信息并退出", lines)
        self.assertNotIn("Options:", lines)

    def test_parse_errors_in_both_languages(self):
        cases = [
            (["filing"],
             "mediate filing：缺少必需的选项 --year\n运行“mediate filing --help”查看用法\n",
             "mediate filing: option --year is required\n"
             'run "mediate filing --help" for its usage\n'),
            (["show"],
             "mediate show：缺少必需的参数 id\n运行“mediate show --help”查看用法\n",
             "mediate show: argument id is required\n"
             'run "mediate show --help" for its usage\n'),
            (["filing", "--year", "abc"],
             "mediate filing：--year 的取值“abc”无效\n运行“mediate filing --help”查看用法\n",
             'mediate filing: invalid value "abc" for --year\n'
             'run "mediate filing --help" for its usage\n'),
            (["show", "--frob", "X"],
             "mediate show：未知选项 --frob\n运行“mediate show --help”查看用法\n",
             "mediate show: unknown option --frob\n"
             'run "mediate show --help" for its usage\n'),
            (["stats", "--by"],
             "mediate stats：选项 --by 缺少取值（DIM[,DIM]）\n运行“mediate stats --help”查看用法\n",
             "mediate stats: option --by needs a value (DIM[,DIM])\n"
             'run "mediate stats --help" for its usage\n'),
            (["sync", "--rounds", "99"],
             "mediate sync：--rounds 应在 1 到 50 之间，而不是 99\n"
             "运行“mediate sync --help”查看用法\n",
             "mediate sync: --rounds must be from 1 to 50, not 99\n"
             'run "mediate sync --help" for its usage\n'),
            (["index", "--rebuild", "--drop"],
             "mediate index：--rebuild,--check,--drop,--status 只能给出一个，而不是 2 个\n"
             "运行“mediate index --help”查看用法\n",
             "mediate index: give only one of --rebuild,--check,--drop,--status, not 2\n"
             'run "mediate index --help" for its usage\n'),
            (["show", "a", "b", "c"],
             "mediate show：多余的参数：b c\n运行“mediate show --help”查看用法\n",
             "mediate show: unexpected arguments: b c\n"
             'run "mediate show --help" for its usage\n'),
        ]
        for args, zh, en in cases:
            with self.subTest(args=args):
                p = run(args, MEDIATE_LANG="zh_CN")
                self.assertEqual((p.returncode, p.stdout, p.stderr), (2, "", zh))
                p = run(args, LC_ALL="C.UTF-8")
                self.assertEqual((p.returncode, p.stdout, p.stderr), (2, "", en))

    def test_mediate_localedir_overrides(self):
        # A catalogue of one message: the help flag's description.
        po = os.path.join(self.tmp, "one.po")
        with open(po, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Print this help message and exit"\nmsgstr "帮助（另一目录）"\n')
        mine = os.path.join(self.tmp, "locale")
        os.makedirs(os.path.join(mine, "zh_CN", "LC_MESSAGES"))
        subprocess.run(["msgfmt", "-o", os.path.join(mine, "zh_CN", "LC_MESSAGES", "mediate.mo"),
                        po], check=True)
        p = run(["--help"], MEDIATE_LANG="zh_CN", MEDIATE_LOCALEDIR=mine)
        lines = p.stdout.splitlines()
        self.assertIn("  -h,--help                   帮助（另一目录）", lines)
        self.assertIn("Usage: mediate [OPTIONS] SUBCOMMAND", lines)  # not in that catalogue
        # Only there: a directory without a catalogue means English.
        p = run(["--help"], MEDIATE_LANG="zh_CN", MEDIATE_LOCALEDIR=self.tmp)
        self.assertHelp(p, EN_HELP)

    def test_a_package_finds_its_catalogue_beside_the_program(self):
        pkg = os.path.join(self.tmp, "pkg")
        os.makedirs(os.path.join(pkg, "bin"))
        os.makedirs(os.path.join(pkg, "share", "locale", "zh_CN", "LC_MESSAGES"))
        shutil.copy2(os.path.realpath(MEDIATE), os.path.join(pkg, "bin", "mediate"))
        shutil.copy2(BUILT_MO, os.path.join(pkg, "share", "locale", "zh_CN", "LC_MESSAGES"))
        p = subprocess.run([os.path.join(pkg, "bin", "mediate"), "--help"],
                           env=dict(os.environ, MEDIATE_LANG="zh_CN"), capture_output=True,
                           text=True)
        self.assertHelp(p, ZH_HELP)
        os.remove(os.path.join(pkg, "share", "locale", "zh_CN", "LC_MESSAGES", "mediate.mo"))
        installed = "/usr/local/share/locale/zh_CN/LC_MESSAGES/mediate.mo"
        if not os.path.exists(installed):  # else the install prefix's catalogue applies
            p = subprocess.run([os.path.join(pkg, "bin", "mediate"), "--help"],
                               env=dict(os.environ, MEDIATE_LANG="zh_CN"), capture_output=True,
                               text=True)
            self.assertHelp(p, EN_HELP)

    def test_version_is_the_same_in_both_languages(self):
        # The release in CMakeLists.txt's project(VERSION), with +gitN.gHASH between releases.
        with open(os.path.join(SOURCE, "CMakeLists.txt"), encoding="utf-8") as f:
            release = re.search(r"project\(mediate VERSION (\S+)", f.read()).group(1)
        for env in ({"MEDIATE_LANG": "zh_CN"}, {"LC_ALL": "C.UTF-8"}, {"LANGUAGE": "zh_CN"}):
            p = run(["--version"], **env)
            self.assertEqual((p.returncode, p.stderr), (0, ""))
            self.assertRegex(p.stdout,
                             r"^mediate %s(\+git\d+\.g[0-9a-f]{7,})?\n$" % re.escape(release))


if __name__ == "__main__":
    unittest.main()
