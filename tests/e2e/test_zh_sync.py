"""The desk and repair commands in Chinese (sync, clone, office, conflicts, resolve,
merge-file, setup-git, index, recover): their help with no English left (english_runs), an
error and a successful run of each with the Chinese a reader should see, written by hand;
the same commands still in English under C.UTF-8. `sync` and `clone` run against a bare
repository made here with `git init --bare` and used as a file:// remote."""
import os
import subprocess
import tempfile
import unittest
from unittest import mock

from mediate_support import MEDIATE, OPERATOR, StoreTestCase, english_runs, git

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR", "LOCPATH")
ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}
COMMIT = r"（[0-9a-f]{7}）"


class ZhSyncTest(StoreTestCase):
    def run_in(self, language, *args, store=None, code=None):
        """mediate -C STORE ARGS with only the language variables of `language`."""
        env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
        env.update(language)
        env.update({"MEDIATE_USER": OPERATOR, "TZ": "UTC"})
        p = subprocess.run([MEDIATE, "-C", store or self.store] + list(args), env=env,
                           capture_output=True, text=True)
        if code is not None:
            self.assertEqual(p.returncode, code, f"{args}\n{p.stdout}\n{p.stderr}")
        return p

    def zh(self, *args, store=None, code=None):
        return self.run_in(ZH, *args, store=store, code=code)

    def assertChinese(self, text, allowed=()):
        self.assertEqual(english_runs(text, allowed), [], text)

    def bare_server(self):
        """A bare repository whose HEAD is main (the store's branch), as a file:// URL."""
        server = os.path.join(self.tmp, "server.git")
        subprocess.run(["git", "init", "-q", "--bare", server], check=True)
        subprocess.run(["git", "-C", server, "symbolic-ref", "HEAD", "refs/heads/main"],
                       check=True)
        return "file://" + server

    def test_help_of_each_command_is_chinese(self):
        expected = {
            ("sync",): ["不显示进度行", "“mediate conflicts”列出冲突，“mediate resolve”解决冲突。"],
            ("clone",): ["新副本所在的文件夹（须不存在或为空）", "失败时不留下任何文件。"],
            ("office",): ["受理机构名册；* 标出本副本的受理机构", "登记一个受理机构"],
            ("office", "list"): ["受理机构名册；* 标出本副本的受理机构"],
            ("office", "add"): ["它服务的街道（代码或名称）", "文书字号：如 万小人调字"],
            ("conflicts",): ["有冲突记录时退出码为 1。逐条解决："],
            ("resolve",): ["冲突所在的字段（案件有多处冲突时须指明）", "理由（记入 resolved 事件）"],
            ("merge-file",): ["对方版本（%B）", "由 git 调用，不要手工运行"],
            ("setup-git",): ["此后“git pull”和“git merge”会按时间线合并案件文件。"],
            ("index",): ["对索引做什么", "解析所用的线程数（默认：全部核心）"],
            ("recover",): ["崩溃后可手工运行，查看回滚了什么。"],
        }
        for args, texts in expected.items():
            with self.subTest(args=args):
                p = self.zh(*args, "--help", code=0)
                for text in texts:
                    self.assertIn(text, p.stdout)
                # The shared output options (cli/reading.cpp) are translated there;
                # CLI11 names positional arguments as typed (url, dir, base, ours …),
                # and the examples are command lines (office add, --office XJY, CODE).
                own = [line for line in p.stdout.splitlines()
                       if not line.startswith(("  --format FORMAT ", "  -o,--output FILE ",
                                               "  --no-bom "))]
                self.assertChinese("\n".join(own),
                                   allowed=("url", "dir", "base", "ours", "theirs", "path", "id",
                                            "ours|theirs", "git", "pull", "merge", "ssh",
                                            "agent", "setup", "office", "add", "xjy", "XJY",
                                            "CODE", "URL", "DIR"))
                self.assertEqual(p.stderr, "")

    def test_index(self):
        index_dir = os.path.join(os.path.realpath(self.store), ".git", "mediate", "index")
        p = self.zh("index", "--rebuild", code=0)
        self.assertEqual(p.stdout, "索引已重建：0 件案件\n")
        p = self.zh("index", "--check", code=0)
        self.assertEqual(p.stdout.splitlines(), [
            "索引：" + index_dir,
            "案件文件：            0",
            "索引段：              0（0 个不可用）",
            "条目：                0",
            "  有效（已使用）：    0",
            "  过期（已重新解析）：0",
            "  无对应文件：        0",
            "未编入索引的文件：    0",
            "无法读取的文件：      0",
            "不一致：              0"])
        p = self.zh("index", "--drop", code=0)
        self.assertEqual(p.stdout, "索引已删除\n")
        # CLI11's own error for the option group is translated by cli/parse_error.cpp;
        # this one is the library's: no git directory beside a store is not reachable
        # here, so the error is --status's answer when Watchman is turned off.
        subprocess.run(["git", "-C", self.store, "config", "mediate.watchman", "false"],
                       check=True)
        p = self.zh("index", "--status", code=0)
        self.assertEqual(p.stdout.splitlines()[1], "上次检查改动文件的方式：逐个遍历每个案件文件夹"
                         "（Watchman 已关闭：git config mediate.watchman）")
        p = self.run_in(EN, "index", "--check", code=0)
        self.assertIn("mismatches:          0\n", p.stdout)

    def test_recover_and_setup_git(self):
        p = self.zh("recover", code=0)
        self.assertEqual(p.stdout, "没有需要恢复的内容\n")
        p = self.run_in(EN, "recover", code=0)
        self.assertEqual(p.stdout, "nothing to recover\n")
        p = self.zh("setup-git", code=0)
        self.assertEqual(p.stdout, "合并驱动已注册；.gitattributes 中已有它\n")
        # Without its lines in .gitattributes, setup-git adds them in one commit.
        os.remove(os.path.join(self.store, ".gitattributes"))
        git(self.store, "commit", "-q", "-a", "-m", "drop .gitattributes")
        p = self.zh("setup-git", code=0)
        self.assertRegex(p.stdout, "^合并驱动已注册；已更新 .gitattributes" + COMMIT + "\n$")
        # git's own refusal while an operation is unfinished is the library's error.
        open(os.path.join(self.store, ".git", "MERGE_HEAD"), "w").write(
            git(self.store, "rev-parse", "HEAD"))
        p = self.zh("setup-git", code=4)
        self.assertEqual(p.stderr, "此案件库中有一次未完成的 git merge：请解决冲突，用“git add”加入"
                                   "文件并运行“git merge --continue”，或用“git merge --abort”放弃"
                                   "合并；然后再运行本命令（未写入任何内容）\n")

    def test_office(self):
        p = self.zh("office", "list", code=0)
        self.assertTrue(p.stdout.rstrip("\n").endswith("本副本以 WBL 的身份写入"), p.stdout)
        p = self.zh("office", "add", "--code", "xj", "--name", "测试", "--word", "测字", code=2)
        self.assertEqual(p.stderr, "“xj”不是受理机构代码：应为一个大写字母，后接 1 至 5 个大写字母"
                                   "或数字（如 XJY）\n")
        p = self.zh("office", "add", "--code", "XY", "--name", "测试", "--word", "测字", code=3)
        self.assertEqual(p.stderr, "受理机构 XY 已登记（见“mediate office list”）\n")
        p = self.zh("office", "add", "--code", "ZZ", "--name", "测试街道司法所", "--word",
                    "万测人调字", "--dry-run", code=0)
        self.assertEqual(p.stdout, "将登记受理机构 ZZ 测试街道司法所；未写入\n")
        p = self.zh("office", "add", "--code", "ZZ", "--name", "测试街道司法所", "--word",
                    "万测人调字", code=0)
        self.assertRegex(p.stdout, "^已登记受理机构 ZZ 测试街道司法所" + COMMIT + "\n$")
        # The commit message stays English (shared history).
        self.assertEqual(git(self.store, "log", "-1", "--format=%s").strip(),
                         "office add: ZZ 测试街道司法所")
        p = self.run_in(EN, "office", "add", "--code", "xj", "--name", "x", "--word", "x", code=2)
        self.assertIn("\"xj\" is not an office code", p.stderr)

    def test_conflicts_and_resolve(self):
        p = self.zh("conflicts", code=0)
        self.assertEqual(p.stderr, "")
        self.assertChinese(p.stdout)
        p = self.zh("resolve", "WBL-2026-000001", "--take", "mine", code=2)
        self.assertEqual(p.stderr, "--take 只能是 ours（本方）或 theirs（对方），不能是“mine”\n")
        p = self.zh("resolve", "WBL-2026-000001", "--take", "本方", code=3)
        self.assertEqual(p.stderr, "没有案件 WBL-2026-000001\n")

    def test_merge_file_of_a_file_it_does_not_merge(self):
        empty = os.path.join(self.tmp, "empty")
        open(empty, "w").close()
        p = self.zh("merge-file", empty, empty, empty, "notes/readme.txt", code=1)
        self.assertEqual(p.stderr, "notes/readme.txt 不是合并驱动负责合并的记录\n"
                                   "notes/readme.txt 未能合并：请手工解决，然后运行“mediate validate”\n")

    def test_sync_and_clone(self):
        # A day outside December: the desks reserve numbers of this year only.
        patcher = mock.patch.dict(os.environ, {"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"})
        patcher.start()
        self.addCleanup(patcher.stop)
        p = self.zh("sync", code=3)
        self.assertEqual(p.stderr, "此案件库没有可同步的远程仓库“origin”：请用“mediate clone URL "
                                   "DIR --office CODE”建立工作台副本，或用“git remote add origin "
                                   "URL”添加区服务器\n")
        url = self.bare_server()
        git(self.store, "remote", "add", "origin", url)
        git(self.store, "config", "mediate.office", "WBL")
        # Its first sync reserves this desk's numbers: the store holds no WBL case or
        # consultation and no training of 2026, and mediators up to M-0836.
        p = self.zh("sync", "-q", code=0)
        self.assertEqual(p.stdout, "origin 没有新内容；服务器已有本工作台的全部工作\n"
                                   "为本工作台预留编号：WBL-2026-000001 至 WBL-2026-000020\n"
                                   "为本工作台预留编号：WBL-ZX-2026-000001 至 WBL-ZX-2026-000020\n"
                                   "为本工作台预留编号：T-2026-001 至 T-2026-005\n"
                                   "为本工作台预留编号：M-0837 至 M-0841\n")

        desk = os.path.join(self.tmp, "desk")
        p = self.zh("clone", url, desk, "--office", "XY", code=0)
        self.assertEqual(p.stdout, f"已将 {url} 复制到 {os.path.realpath(desk)}；"
                                   "本工作台以受理机构 XY 的身份写入\n"
                                   "为本工作台预留编号：XY-2026-000001 至 XY-2026-000020\n"
                                   "为本工作台预留编号：XY-ZX-2026-000001 至 XY-ZX-2026-000020\n"
                                   "为本工作台预留编号：T-2026-006 至 T-2026-010\n"
                                   "为本工作台预留编号：M-0842 至 M-0846\n")
        p = self.zh("clone", url, desk, "--office", "XY", code=3)
        self.assertEqual(p.stderr, f"{desk} 已存在且不为空；请另选一个新文件夹\n")
        missing = os.path.join(self.tmp, "no-such-store")
        p = self.zh("clone", missing, os.path.join(self.tmp, "d2"), "--office", "XY", code=3)
        self.assertEqual(p.stderr, f"{missing} 处没有仓库（应为本机路径，或区服务器的 ssh:// 或 "
                                   "https:// 地址）\n")
        p = self.run_in(EN, "clone", missing, os.path.join(self.tmp, "d2"), "--office", "XY",
                        code=3)
        self.assertEqual(p.stderr, f"no repository at {missing} (a path on this machine, or an "
                                   "ssh:// or https:// URL of the district's server)\n")

        # One office added at the centre reaches the desk as one file.
        self.zh("office", "add", "--code", "ZZ", "--name", "测试街道司法所", "--word",
                "万测人调字", code=0)
        self.zh("sync", "-q", code=0)
        p = self.zh("sync", "-q", store=desk, code=0)
        self.assertEqual(p.stdout, "已从 origin 取得 1 个文件；服务器已有本工作台的全部工作\n")
        p = self.run_in(EN, "sync", "-q", store=desk, code=0)
        self.assertEqual(p.stdout, "nothing new from origin; the server has this desk's work\n")


if __name__ == "__main__":
    unittest.main()
