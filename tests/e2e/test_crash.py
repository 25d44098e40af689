"""Crash safety: an import killed with SIGKILL at
any durable step leaves a store that the next command shows as before or as
fully changed, never a mix; a file-size limit makes a write exit 4 with the
store unchanged."""
import csv
import glob
import re
import os
import resource
import signal
import unittest

from mediate_support import LEDGERS, StoreTestCase, git, run

ROWS = 8


class CrashTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        # A ledger of the first ROWS rows of the bundled one.
        with open(os.path.join(LEDGERS, "ledger-2026q1.csv"), encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.ledger = os.path.join(self.tmp, "ledger-small.csv")
        with open(self.ledger, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows[:ROWS + 1])
        self.base = git(self.store, "rev-parse", "HEAD").strip()
        self.base_count = int(self.commits())

    def case_files(self):
        return sorted(glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"), recursive=True))

    def check_before_or_after(self, label):
        """The next command recovers; then the store is the old one or the whole import."""
        p = self.m("list", "--format", "csv", check=None)
        self.assertEqual(p.returncode, 0, f"{label}: {p.stderr}")
        listed = [l for l in p.stdout.splitlines()[1:] if l.strip()]
        count = int(self.commits())
        files = self.case_files()
        self.assertEqual(git(self.store, "status", "--porcelain", "--ignored", "-uall"), "",
                         f"{label}: work tree not clean")
        if count == self.base_count:
            state = "unchanged"
            self.assertEqual(files, [], label)
            self.assertEqual(listed, [], label)
        else:
            state = "complete"
            self.assertEqual(count, self.base_count + 1, label)
            self.assertEqual(len(files), ROWS, label)
            self.assertEqual(len(listed), ROWS, label)
            changed = git(self.store, "diff", "--name-only", self.base, "HEAD").split()
            self.assertEqual(len(changed), ROWS, label)
        mdir = os.path.join(self.store, ".git", "mediate")
        for leftover in ("journal", "journal.tmp"):
            self.assertFalse(os.path.exists(os.path.join(mdir, leftover)), f"{label}: {leftover}")
        # A lock left by the killed writer names a dead process: the next writer takes it over.
        lock = os.path.join(mdir, "lock")
        if os.path.exists(lock):
            with open(lock, encoding="utf-8") as f:
                pid = int(re.search(r"^pid (\d+)$", f.read(), re.M).group(1))
            with self.assertRaises(ProcessLookupError, msg=f"{label}: lock held by live {pid}"):
                os.kill(pid, 0)
        self.assertEqual(glob.glob(os.path.join(self.store, "**", ".*.tmp-*"), recursive=True), [],
                         label)
        p = self.m("validate", check=None)
        self.assertEqual(p.returncode, 0, f"{label}: {p.stdout}")
        return state

    def reset(self):
        git(self.store, "reset", "-q", "--hard", self.base)
        git(self.store, "clean", "-q", "-fd")

    def test_sigkill_at_every_durable_step_of_an_import(self):
        kills = 0
        states = {}
        n = 0
        while True:
            n += 1
            p = self.m("import", self.ledger, env={"MEDIATE_FAULT": f"kill-at:{n}"}, check=None)
            if p.returncode == 0:
                break  # past the last durable step: the import completed
            self.assertEqual(p.returncode, -signal.SIGKILL, f"kill-at:{n}: {p.stderr}")
            kills += 1
            states[n] = self.check_before_or_after(f"kill-at:{n}")
            self.reset()
            self.assertLess(n, 200)
        self.assertGreaterEqual(kills, 20, "fewer than 20 kill points in an import")
        # Both outcomes occur: early kills leave the old store, late ones the new.
        self.assertEqual(states[1], "unchanged")
        self.assertEqual(states[kills], "complete")
        self.assertIn("unchanged", states.values())
        # After the last kill point the import itself completes normally.
        self.assertEqual(self.check_before_or_after("no kill"), "complete")

    def test_named_fault_points(self):
        for point, expect in (("after-journal", "unchanged"), ("after-temp", "unchanged"),
                              ("after-rename:3", "unchanged"), ("after-dir-sync", "unchanged"),
                              ("after-objects", "unchanged"), ("after-ref", "complete"),
                              ("after-commit", "complete")):
            with self.subTest(point=point):
                p = self.m("import", self.ledger, env={"MEDIATE_FAULT": point}, check=None)
                self.assertEqual(p.returncode, -signal.SIGKILL, p.stderr)
                self.assertEqual(self.check_before_or_after(point), expect)
                self.reset()

    def test_recover_command_after_a_kill(self):
        p = self.m("import", self.ledger, env={"MEDIATE_FAULT": "after-rename:4"}, check=None)
        self.assertEqual(p.returncode, -signal.SIGKILL)
        self.assertTrue(os.path.exists(os.path.join(self.store, ".git", "mediate", "journal")))
        self.assertEqual(len(self.case_files()), 4)  # the torn state a crash leaves
        self.m("recover")
        self.assertEqual(self.case_files(), [])
        self.assertClean()

    def test_file_size_limit_exits_4_with_the_store_unchanged(self):
        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

        summary = "楼上卫生间漏水致楼下天花板受损" * 150  # a case file well over 4 KB
        p = run(["-C", self.store, "intake", "--category", "neighbour", "--source", "application",
                 "--summary", summary, "--applicant", "李某", "--received", "2026-03-05"],
                preexec=limit)
        self.assertEqual(p.returncode, 4, p.stderr)
        self.assertIn("File too large", p.stderr)
        self.assertEqual(int(self.commits()), self.base_count)
        self.assertEqual(self.case_files(), [])
        self.assertClean()
        self.assertFalse(os.path.exists(os.path.join(self.store, ".git", "mediate", "journal")))
        # Without the limit the same intake goes through.
        p = run(["-C", self.store, "intake", "--category", "neighbour", "--source", "application",
                 "--summary", summary, "--applicant", "李某", "--received", "2026-03-05"], check=0)
        self.assertEqual(len(self.case_files()), 1)


if __name__ == "__main__":
    unittest.main()
