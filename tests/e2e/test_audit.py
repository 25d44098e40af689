"""mediate audit: a clean store is reported clean (exit 0);
uncommitted, hand-edited, deleted and torn files, an unfinished write and
commits made outside mediate are each named (exit 1). audit changes nothing."""
import os
import unittest

from mediate_support import StoreTestCase, git


class AuditTest(StoreTestCase):
    def intake(self):
        self.m("intake", "--category", "neighbour", "--source", "application", "--summary", "漏水",
               "--applicant", "李某", "--received", "2026-03-05")
        return "cases/2026/03/WBL-2026-000001.yaml"

    def audit(self, check):
        before = git(self.store, "status", "--porcelain", "-uall")
        head = git(self.store, "rev-parse", "HEAD")
        p = self.m("audit", "--format", "csv", check=check)
        self.assertEqual(git(self.store, "status", "--porcelain", "-uall"), before)
        self.assertEqual(git(self.store, "rev-parse", "HEAD"), head)
        return p

    def rows(self, p):
        return [l.split(",", 2) for l in p.stdout.splitlines()[1:] if l]

    def test_clean_store(self):
        p = self.audit(0)
        self.assertIn("audit: clean", p.stdout)
        self.intake()
        p = self.audit(0)
        self.assertIn("audit: clean", p.stdout)
        self.assertIn(f"{self.commits()} commits", p.stdout)
        self.assertEqual(self.commits(), "2")  # init, intake
        # Record files counted independently: every .yaml outside .git.
        n = sum(1 for root, dirs, files in os.walk(self.store) if ".git" not in root.split(os.sep)
                for f in files if f.endswith(".yaml"))
        self.assertIn(f"({n} records", p.stdout)

    def test_uncommitted_file(self):
        rel = "cases/2026/03/WBL-2026-000099.yaml"
        os.makedirs(os.path.join(self.store, "cases/2026/03"))
        with open(os.path.join(self.store, rel), "w", encoding="utf-8") as f:
            f.write('schema: "case/1"\n')
        rows = self.rows(self.audit(1))
        self.assertIn(["uncommitted", rel], [r[:2] for r in rows])

    def test_hand_edited_file(self):
        rel = self.intake()
        with open(os.path.join(self.store, rel), "a", encoding="utf-8") as f:
            f.write('note: "改过"\n')
        rows = self.rows(self.audit(1))
        self.assertEqual([r[:2] for r in rows], [["hand-edited", rel]])

    def test_deleted_file(self):
        rel = self.intake()
        os.unlink(os.path.join(self.store, rel))
        rows = self.rows(self.audit(1))
        self.assertEqual([r[:2] for r in rows], [["deleted", rel]])

    def test_torn_file(self):
        rel = self.intake()
        path = os.path.join(self.store, rel)
        with open(path, "rb") as f:
            data = f.read()
        # Cut inside a quoted string: a half-written file.
        cut = data.index(b'summary: "') + len(b'summary: "') + 1
        with open(path, "wb") as f:
            f.write(data[:cut])
        rows = self.rows(self.audit(1))
        kinds = sorted(r[0] for r in rows if r[1] == rel)
        self.assertEqual(kinds, ["hand-edited", "torn"])
        # A temporary file of an interrupted write is torn too.
        tmp = "cases/2026/03/.WBL-2026-000002.yaml.tmp-4242"
        with open(os.path.join(self.store, tmp), "w") as f:
            f.write("schema")
        rows = self.rows(self.audit(1))
        self.assertIn(["torn", tmp], [r[:2] for r in rows])

    def test_commit_made_outside_mediate(self):
        self.intake()
        subprocess_env = dict(os.environ, GIT_AUTHOR_NAME="某人", GIT_AUTHOR_EMAIL="x@example.org",
                              GIT_COMMITTER_NAME="某人", GIT_COMMITTER_EMAIL="x@example.org")
        import subprocess
        subprocess.run(["git", "-C", self.store, "commit", "-q", "--allow-empty", "-m",
                        "手工修改"], check=True, env=subprocess_env)
        short = git(self.store, "rev-parse", "--short=7", "HEAD").strip()
        rows = self.rows(self.audit(1))
        self.assertEqual([r[:2] for r in rows], [["foreign-commit", short]])
        self.assertIn("手工修改", rows[0][2])
        self.assertIn("某人 <x@example.org>", rows[0][2])

    def test_unfinished_write_is_reported_not_rolled_back(self):
        p = self.m("intake", "--category", "neighbour", "--source", "application", "--summary", "x",
                   "--applicant", "李某", env={"MEDIATE_FAULT": "after-rename:1"}, check=None)
        self.assertEqual(p.returncode, -9)
        journal = os.path.join(self.store, ".git", "mediate", "journal")
        self.assertTrue(os.path.exists(journal))
        rows = self.rows(self.m("audit", "--format", "csv", check=1))
        kinds = [r[0] for r in rows]
        self.assertEqual(kinds[0], "unfinished")
        self.assertIn("uncommitted", kinds)  # the renamed file of the cut-off write
        self.assertTrue(os.path.exists(journal))  # audit only reads
        self.m("recover")
        self.assertIn("audit: clean", self.audit(0).stdout)

    def test_table_output_names_everything(self):
        rel = self.intake()
        with open(os.path.join(self.store, rel), "a", encoding="utf-8") as f:
            f.write("# 手改\n")
        p = self.m("audit", check=1)
        self.assertIn("hand-edited", p.stdout)
        self.assertIn(rel, p.stdout)
        self.assertIn("1 finding", p.stderr)


if __name__ == "__main__":
    unittest.main()
