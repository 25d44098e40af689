"""End to end: an output file (-o/--output) is never one of the store's own files or
folders (Store::OwnPart): `export -o mediate.yaml` or `report -o cases/…` would overwrite
the settings or drop a stray file among the records. The command is refused (exit 2)
naming the path and the part of the store, and the store is as it was; a path beside the
records or outside the store is written."""
import os
import unittest

from mediate_support import StoreTestCase, git


class OutputPathTest(StoreTestCase):
    def test_the_store_own_files_are_refused_and_others_written(self):
        with open(os.path.join(self.store, "mediate.yaml"), encoding="utf-8") as f:
            settings = f.read()
        head = git(self.store, "rev-parse", "HEAD")
        refused = [
            (["export", "--format", "csv", "-o", os.path.join(self.store, "mediate.yaml")],
             "mediate.yaml"),
            (["export", "--format", "csv", "-o", os.path.join(self.store, "cases", "x.csv")],
             "cases"),
            (["report", "--year", "2025", "-o",
              os.path.join(self.store, ".git", "config")], ".git"),
            (["stats", "--by", "category", "-o",
              os.path.join(self.store, "orgs", "..", "offices", "WBL.yaml")], "offices"),
        ]
        for args, part in refused:
            with self.subTest(args=args):
                p = self.m(*args, check=2)
                self.assertIn("--output " + args[-1], p.stderr)
                self.assertIn("store's " + part, p.stderr)
        with open(os.path.join(self.store, "mediate.yaml"), encoding="utf-8") as f:
            self.assertEqual(f.read(), settings)
        self.assertFalse(os.path.exists(os.path.join(self.store, "cases", "x.csv")))
        self.assertEqual(git(self.store, "rev-parse", "HEAD"), head)
        self.assertClean()
        # Outside the store, and beside its records, the file is written.
        outside = os.path.join(self.tmp, "cases.csv")
        self.m("export", "--format", "csv", "-o", outside)
        with open(outside, encoding="utf-8-sig") as f:
            self.assertIn("received", f.readline())
        beside = os.path.join(self.store, "out.csv")
        self.m("export", "--format", "csv", "-o", beside)
        self.assertTrue(os.path.exists(beside))


if __name__ == "__main__":
    unittest.main()
