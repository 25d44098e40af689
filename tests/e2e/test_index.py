"""The derived index: whatever happens to the case files or to the index, `stats`
counts what the files say. Expected counts are read from the case files with PyYAML, not from
mediate. Covers a hand edit (also one that keeps size and mtime), a deleted and a corrupt index,
a checkout of an older commit, concurrent writers, and `mediate index --check|--rebuild|--drop`."""
import collections
import glob
import os
import threading
import unittest

import yaml

from mediate_support import LEDGERS, StoreTestCase, git


class IndexTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.m("import", os.path.join(LEDGERS, "ledger-2026q1.csv"))
        self.index_dir = os.path.join(self.store, ".git", "mediate", "index")

    def files(self):
        return sorted(glob.glob(os.path.join(self.store, "cases", "*", "*", "*.yaml")))

    def expected(self):
        """Cases per category, read from the files themselves."""
        counts = collections.Counter()
        for path in self.files():
            with open(path, encoding="utf-8") as f:
                counts[yaml.safe_load(f)["category"]] += 1
        return dict(counts)

    def stats(self):
        out = self.m("stats", "--by", "category", "--format", "csv").stdout.splitlines()
        self.assertEqual(out[0], "category,category_label,cases")
        counts = {}
        for line in out[1:]:
            code, _, n = line.split(",")
            if code != "total" and int(n) > 0:
                counts[code] = int(n)
        return counts

    def assertStatsMatchFiles(self):
        self.assertEqual(self.stats(), self.expected())

    def test_warm_stats_equal_the_files(self):
        self.assertEqual(len(self.files()), 120)
        self.assertStatsMatchFiles()  # builds the index
        self.assertTrue(glob.glob(os.path.join(self.index_dir, "*.seg")))
        self.assertStatsMatchFiles()  # served by it
        self.m("index", "--check")

    def edit(self, path, old, new, keep_mtime=False):
        st = os.stat(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
        if keep_mtime:
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))

    def case_of(self, category):
        for path in self.files():
            with open(path, encoding="utf-8") as f:
                if yaml.safe_load(f)["category"] == category:
                    return path
        self.fail("no %s case" % category)

    def test_a_hand_edit_is_seen_by_the_next_command(self):
        self.assertStatsMatchFiles()
        before = self.stats()
        self.edit(self.case_of("neighbour"), 'category: "neighbour"', 'category: "labour"')
        after = self.stats()
        self.assertEqual(after["neighbour"], before["neighbour"] - 1)
        self.assertEqual(after.get("labour", 0), before.get("labour", 0) + 1)
        self.assertStatsMatchFiles()
        # The same size and the old mtime: still seen (the index keys on ctime and inode too).
        self.edit(self.case_of("contract"), 'category: "contract"', 'category: "business"',
                  keep_mtime=True)
        self.assertStatsMatchFiles()

    def test_a_deleted_or_corrupt_index_is_rebuilt(self):
        self.assertStatsMatchFiles()
        self.m("index", "--drop")
        self.assertFalse(glob.glob(os.path.join(self.index_dir, "*.seg")))
        self.assertStatsMatchFiles()
        segments = glob.glob(os.path.join(self.index_dir, "*.seg"))
        self.assertTrue(segments)
        for seg in segments:
            with open(seg, "r+b") as f:
                f.seek(0)
                f.write(b"\x00garbage\x00" * 8)
        self.assertStatsMatchFiles()
        self.m("index", "--check")
        self.m("index", "--rebuild")
        self.assertStatsMatchFiles()

    def test_a_checkout_of_an_older_commit_is_seen(self):
        self.assertStatsMatchFiles()
        older = git(self.store, "rev-parse", "HEAD").strip()
        self.m("intake", "--category", "medical", "--source", "application",
               "--summary", "术后感染，患者家属要求医院赔偿", "--applicant", "李某",
               "--received", "2026-03-05")
        with_intake = self.stats()
        self.assertEqual(with_intake.get("medical", 0), self.expected()["medical"])
        git(self.store, "checkout", "-q", older)
        self.assertStatsMatchFiles()
        self.assertEqual(self.stats().get("medical", 0), with_intake.get("medical", 0) - 1)
        git(self.store, "checkout", "-q", "-")
        self.assertEqual(self.stats(), with_intake)

    def test_concurrent_writers_and_readers(self):
        self.assertStatsMatchFiles()
        errors = []

        def writer(i):
            p = self.m("intake", "--category", "neighbour", "--source", "application",
                       "--summary", "楼上漏水 %d" % i, "--applicant", "王某",
                       "--received", "2026-03-%02d" % (i + 1), check=None)
            if p.returncode != 0:
                errors.append(p.stderr)

        def reader():
            p = self.m("stats", "--by", "category", check=None)
            if p.returncode != 0:
                errors.append(p.stderr)

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
        threads += [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(self.files()), 126)
        self.assertStatsMatchFiles()
        self.m("index", "--check")


if __name__ == "__main__":
    unittest.main()
