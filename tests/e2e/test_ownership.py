"""End to end: a store another system user owns. git's ownership check (safe.directory)
refuses it, and a write says so with the fix instead of "no git repository"
(lib/store/git_handles.hpp GitOpenError). Needs root, to give a copy of a store away."""
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, MEDIATE, OPERATOR, run

OTHER_UID = 12345


def intake(store, home):
    env = dict(os.environ, MEDIATE_USER=OPERATOR, HOME=home, TZ="UTC",
               MEDIATE_NOW="2026-03-05T10:00:00+08:00", GIT_CONFIG_NOSYSTEM="1")
    env.pop("GIT_CONFIG_GLOBAL", None)
    return subprocess.run([MEDIATE, "-C", store, "intake", "--category", "邻里纠纷", "--source",
                           "当事人申请", "--summary", "楼上漏水", "--street", "万柏林街道",
                           "--applicant", "李某"], capture_output=True, text=True, env=env)


def head(store):
    return subprocess.run(["git", "-c", "safe.directory=*", "-C", store, "rev-parse", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


@unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0,
                     "giving a store to another user needs root")
class OwnershipTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-owner-")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.home)
        self.store = os.path.join(self.tmp, "store")
        run(["init", self.store, "--from", EXAMPLE_SETUP], check=0)
        for root, dirs, files in os.walk(self.store):
            for name in dirs + files:
                os.lchown(os.path.join(root, name), OTHER_UID, OTHER_UID)
        os.lchown(self.store, OTHER_UID, OTHER_UID)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_write_names_the_ownership_check_and_the_fix(self):
        before = head(self.store)
        p = intake(self.store, self.home)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertNotIn("no git repository", p.stderr)
        self.assertIn(f"belongs to system user {OTHER_UID}", p.stderr)
        self.assertIn("ownership check (safe.directory)", p.stderr)
        self.assertIn(f"\n  git config --global --add safe.directory {self.store}\n", p.stderr)
        self.assertEqual(head(self.store), before)

    def test_the_fix_it_names_works(self):
        with open(os.path.join(self.home, ".gitconfig"), "w", encoding="utf-8") as f:
            f.write(f"[safe]\n\tdirectory = {self.store}\n")
        before = head(self.store)
        p = intake(self.store, self.home)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("registered WBL-2026-000001", p.stdout)
        self.assertNotEqual(head(self.store), before)


if __name__ == "__main__":
    unittest.main()
