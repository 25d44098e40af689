"""Several writers on one store: none loses an update, IDs
are distinct, a writer that cannot get the lock in time exits 4 naming the
holder, and a busy git index is detected before anything is written."""
import os
import re
import socket
import subprocess
import threading
import time
import unittest

from mediate_support import StoreTestCase, git


class ConcurrencyTest(StoreTestCase):
    def intake(self, worker, i, env=None):
        return self.m("intake", "--category", "neighbour", "--source", "application",
                      "--summary", f"并发受理 {worker}-{i}", "--applicant", f"测试{worker}某",
                      "--received", "2026-03-05", check=None, env=env)

    def test_two_times_twenty_parallel_intakes(self):
        base = int(self.commits())
        results = {}

        def worker(w):
            results[w] = [self.intake(w, i) for i in range(20)]

        threads = [threading.Thread(target=worker, args=(w,)) for w in ("A", "B")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ids = []
        for w, ps in results.items():
            for p in ps:
                self.assertEqual(p.returncode, 0, p.stderr)
                m = re.search(r"registered (WBL-2026-\d{6})", p.stdout)
                self.assertTrue(m, p.stdout)
                ids.append(m.group(1))
        self.assertEqual(len(ids), 40)
        self.assertEqual(len(set(ids)), 40, "IDs allocated by parallel writers must be distinct")
        # 40 commits, one case file each, and 40 case files on disk.
        self.assertEqual(int(self.commits()), base + 40)
        files = []
        for root, _, names in os.walk(os.path.join(self.store, "cases")):
            files += [n[:-5] for n in names if n.endswith(".yaml")]
        self.assertEqual(sorted(files), sorted(ids))
        log = git(self.store, "log", f"-{40}", "--name-only", "--format=@%s")
        commits = [c for c in log.split("@") if c.strip()]
        self.assertEqual(len(commits), 40)
        for c in commits:
            lines = [l for l in c.splitlines() if l.strip()]
            self.assertTrue(lines[0].startswith("intake: "), lines[0])
            self.assertEqual(len(lines), 2, c)  # subject + exactly one path
        # Every summary made it (no update lost).
        summaries = set()
        for root, _, names in os.walk(os.path.join(self.store, "cases")):
            for n in names:
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    summaries.update(re.findall(r"并发受理 [AB]-\d+", f.read()))
        self.assertEqual(len(summaries), 40)
        p = self.m("validate")
        self.assertIn("no errors", p.stdout)
        self.assertClean()

    def hold_lock(self, holder):
        """A live process (sleep) holding the store lock, as a writer would."""
        sleeper = subprocess.Popen(["sleep", "60"])
        self.addCleanup(lambda: (sleeper.kill(), sleeper.wait()))
        d = os.path.join(self.store, ".git", "mediate")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "lock"), "w", encoding="utf-8") as f:
            f.write(f"{holder}\npid {sleeper.pid}\nhost {socket.gethostname()}\n"
                    f"since 2026-03-05T09:00:00+0800\n")
        return sleeper

    def test_second_writer_waits_then_exits_4_naming_the_holder(self):
        self.hold_lock("mediate import by 王某 <wang@example.org>")
        base = self.commits()
        t0 = time.monotonic()
        p = self.intake("C", 1, env={"MEDIATE_LOCK_WAIT": "2"})
        elapsed = time.monotonic() - t0
        self.assertEqual(p.returncode, 4, p.stderr)
        self.assertIn("mediate import by 王某 <wang@example.org>", p.stderr)
        self.assertIn("busy", p.stderr)
        self.assertGreaterEqual(elapsed, 2.0)  # it waited the bounded time…
        self.assertLess(elapsed, 30.0)          # …and no longer
        self.assertEqual(self.commits(), base)
        self.assertFalse(os.path.exists(os.path.join(self.store, "cases")))

    def test_a_writer_that_gets_the_lock_in_time_succeeds(self):
        sleeper = self.hold_lock("mediate route by 王某 <wang@example.org>")
        lock = os.path.join(self.store, ".git", "mediate", "lock")
        threading.Timer(1.0, lambda: os.unlink(lock)).start()
        p = self.intake("D", 1, env={"MEDIATE_LOCK_WAIT": "20"})
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_a_dead_holders_lock_is_taken_over(self):
        sleeper = self.hold_lock("mediate intake by 李某 <li@example.org>")
        sleeper.kill()
        sleeper.wait()
        p = self.intake("E", 1, env={"MEDIATE_LOCK_WAIT": "2"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertClean()

    def test_git_index_lock_is_detected_before_writing(self):
        base = self.commits()
        open(os.path.join(self.store, ".git", "index.lock"), "w").close()
        p = self.intake("F", 1)
        self.assertEqual(p.returncode, 4, p.stderr)
        self.assertIn("index.lock", p.stderr)
        self.assertEqual(self.commits(), base)
        self.assertFalse(os.path.exists(os.path.join(self.store, "cases")))


if __name__ == "__main__":
    unittest.main()
