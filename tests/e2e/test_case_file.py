"""`mediate doc ID --all -o DIR` over cases imported from the 2022 ledger
(docs/law.md, "The case file"): one file per document the case's outcome
calls for, named NN-kind in the order of the table of contents; a document
missing required items is still written, with blank lines where they go,
and what is missing is listed on standard error (exit 0). The ledger
records no session, no terms, no addresses and no retention period, so those
are what the migrated files lack."""
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, LEDGERS, isolated_env

MEDIATE = os.environ.get("MEDIATE", "mediate")
LEDGER = os.path.join(LEDGERS, "ledger-2022.csv")
OPERATOR = "测试员 <t@example.org>"
BLANK_SIGN = "：________　日期：____年__月__日"


class CaseFileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-casefile-")
        cls.store = os.path.join(cls.tmp, "store")
        cls.env = isolated_env(cls.tmp, "2026-04-15T10:00:00+08:00")
        for args in (["init", cls.store, "--from", EXAMPLE_SETUP],
                     ["-C", cls.store, "import", LEDGER]):
            r = subprocess.run([MEDIATE, "--as", OPERATOR] + args, capture_output=True,
                               text=True, env=cls.env, timeout=900)
            assert r.returncode == 0, r.stderr
        # Ledger rows (序号) → case ids, from the files' import provenance.
        cls.ids = {}
        for path in glob.glob(os.path.join(cls.store, "cases", "2022", "01", "*.yaml")):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            m = re.search(r"^import: \{file: \"ledger-2022\.csv\", row: (\d+),", text,
                          re.MULTILINE)
            if m:
                cls.ids[int(m.group(1))] = os.path.basename(path)[:-5]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def mediate(self, *args):
        return subprocess.run([MEDIATE, "--as", OPERATOR, "-C", self.store] + list(args),
                              capture_output=True, text=True, env=self.env, timeout=300)

    def read(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    def test_agreed_case_with_confirmation_and_visit(self):
        # Ledger row 14: 沈某某 v 郑某, 22,400 yuan, agreed in writing on
        # 2022-01-02, visited 2022-01-30, confirmed by a court 2022-02-02.
        cid = self.ids[14]
        seq = int(cid.rsplit("-", 1)[1])
        out = os.path.join(self.tmp, "file-14")
        r = self.mediate("doc", cid, "--all", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), [
            "01-cover.md", "02-application.md", "03-receipt.md", "04-notice.md",
            "05-session.md", "06-agreement.md", "07-confirmation.md", "08-visit.md",
            "09-back.md"])
        err = r.stderr
        for line in (
                "05-session.md: missing a session record (mediate session)",
                "06-agreement.md: missing the agreed terms (Law Art. 29; agree --terms)",
                "06-agreement.md: missing the address of 沈某某 (the parties' basic "
                "information, Law Art. 29; amend --party N --address)",
                "06-agreement.md: missing the manner of performance (Law Art. 29; agree "
                "--manner)",
                "07-confirmation.md: missing the court applied to (confirm --court)",
                "08-visit.md: missing the visitor (visit --visitor)",
                "01-cover.md: missing the retention period (close --retention)"):
            self.assertIn(os.path.join(out, line) + "\n", err)
        self.assertNotIn("02-application.md:", err)
        self.assertIn("wrote 9 documents of %s to %s; " % (cid, out), err)
        self.assertIn("personal data is masked", err)

        number = "（2022）万人调字第%d号" % seq
        agreement = self.read(os.path.join(out, "06-agreement.md"))
        for item in ("# 人民调解协议书\n\n" + number + "\n", "沈某某", "郑某",
                     "住址：________", "1. ________\n", "- **履行方式**：________\n",
                     "- **履行地点**：________\n", "- **履行期限**：________\n",
                     "本协议一式三份", "申请人（签名、盖章或按指印）" + BLANK_SIGN,
                     "人民调解员（签名）" + BLANK_SIGN):
            self.assertIn(item, agreement)
        application = self.read(os.path.join(out, "02-application.md"))
        self.assertIn("- **涉及金额**：人民币贰万贰仟肆佰元整（¥22,400.00）\n", application)
        self.assertIn("- **受理日期**：2022年1月2日\n", application)
        cover = self.read(os.path.join(out, "01-cover.md"))
        for item in ("- **卷号**：" + number + "\n", "- **保管期限**：________\n",
                     "| 6 | 人民调解协议书 | 2022年1月2日 |   |\n",
                     "| 7 | 司法确认申请书 | 2022年2月2日 |   |\n",
                     "| 8 | 人民调解回访记录 | 2022年1月30日 |   |\n",
                     "| 9 | 卷宗封底 | 2022年2月2日 |   |\n"):
            self.assertIn(item, cover)
        self.assertIn("本卷共有文件九件。", self.read(os.path.join(out, "09-back.md")))
        # Masked: the ledger's ID numbers appear in no file.
        with open(LEDGER, encoding="utf-8") as f:
            row = [line for line in f if line.startswith("14,")][0].split(",")
        for path in glob.glob(os.path.join(out, "*")):
            self.assertNotIn(row[5], self.read(path))
        # Nothing in the store changed.
        st = subprocess.run(["git", "-C", self.store, "status", "--porcelain"],
                            capture_output=True, text=True, env=self.env)
        self.assertEqual(st.stdout, "")

    def test_terminated_case_as_html(self):
        # Ledger row 13: terminated at grid level on 2022-02-18.
        cid = self.ids[13]
        out = os.path.join(self.tmp, "file-13")
        r = self.mediate("doc", cid, "--all", "-o", out, "--format", "html")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(out)), [
            "01-cover.html", "02-application.html", "03-receipt.html", "04-notice.html",
            "05-session.html", "06-termination.html", "07-back.html"])
        self.assertIn(os.path.join(out, "06-termination.html") +
                      ": missing the reason for the termination (terminate --reason)\n",
                      r.stderr)
        html = self.read(os.path.join(out, "06-termination.html"))
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn("<h1>终止人民调解告知书</h1>", html)
        self.assertIn("因________，调解不成", html)

    def test_reveal_is_recorded(self):
        cid = self.ids[14]
        out = os.path.join(self.tmp, "revealed")
        r = self.mediate("doc", cid, "--all", "-o", out, "--reveal")
        self.assertEqual(r.returncode, 0, r.stderr)
        log = subprocess.run(["git", "-C", self.store, "log", "-1", "--format=%B"],
                             capture_output=True, text=True, env=self.env).stdout
        self.assertIn("Mediate-Action: reveal", log)
        self.assertIn("Mediate-Reveal: doc --all", log)
        self.assertIn("Mediate-Case: " + cid, log)

    def test_kinds_by_chinese_name_and_usage(self):
        cid = self.ids[14]
        r = self.mediate("doc", cid, "--kind", "司法确认申请书")
        self.assertEqual(r.returncode, 3, r.stderr)  # the court is missing: refused alone
        self.assertIn("missing the court applied to", r.stderr)
        r = self.mediate("doc", cid, "--kind", "受理登记表")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("# 人民调解受理登记表", r.stdout)
        r = self.mediate("doc", cid, "--kind", "海报")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown document kind \"海报\"", r.stderr)
        self.assertIn("agreement 人民调解协议书", r.stderr)
        r = self.mediate("doc", cid, "--all")
        self.assertEqual(r.returncode, 2)
        self.assertIn("give -o DIR", r.stderr)
        r = self.mediate("doc", "--help")
        self.assertEqual(r.returncode, 0)
        for name in ("协议书", "调解笔录", "不予受理告知书", "司法确认申请书", "卷内目录", "--all"):
            self.assertIn(name, r.stdout)


if __name__ == "__main__":
    unittest.main()
