"""End to end: a CSV file written with -o starts with the UTF-8 byte order mark (so Chinese
Excel opens it ungarbled), standard output never does, and --no-bom leaves it out
(lib/report/table_writer.hpp FilePreamble, cli/reading.hpp WriteOutputFile)."""
import csv
import io
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, LEDGERS, MEDIATE, OPERATOR, run

NOW = "2026-04-15T10:00:00+08:00"
BOM = b"\xef\xbb\xbf"

# Reading commands with --format csv and -o, over both writers: the streamed rows (list,
# export) and the whole table (stats, due, org list, mediator list, filing).
COMMANDS = [
    ["list", "open"],
    ["export"],
    ["stats", "--by", "category"],
    ["due"],
    ["org", "list"],
    ["mediator", "list"],
    ["filing", "--year", "2025", "--list", "committees"],
]


class SpreadsheetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-bom-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        env = {"MEDIATE_NOW": NOW}
        run(["-C", cls.store, "import", os.path.join(LEDGERS, "ledger-2026q1.csv")], check=0,
            env=env)
        run(["-C", cls.store, "route"], check=0, env=env)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def raw(self, *args):
        """stdout as bytes (no newline translation); fails unless exit 0."""
        env = dict(os.environ, MEDIATE_USER=OPERATOR, MEDIATE_NOW=NOW, TZ="UTC")
        p = subprocess.run([MEDIATE, "-C", self.store] + list(args), capture_output=True,
                           env=env)
        self.assertEqual(p.returncode, 0, p.stderr.decode("utf-8", "replace"))
        return p.stdout

    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def test_csv_files_start_with_the_bom_and_stdout_never(self):
        for i, cmd in enumerate(COMMANDS):
            with self.subTest(cmd=" ".join(cmd)):
                out = self.raw(*cmd, "--format", "csv")
                self.assertFalse(out.startswith(BOM))
                self.assertGreater(len(out.splitlines()), 1)  # a header and rows
                path = os.path.join(self.tmp, f"out{i}.csv")
                self.raw(*cmd, "--format", "csv", "-o", path)
                data = self.read(path)
                self.assertEqual(data[:3], BOM)
                self.assertEqual(data[3:], out)
                # Read back as Excel does (the BOM says UTF-8): the same rows.
                with open(path, encoding="utf-8-sig", newline="") as f:
                    from_file = list(csv.reader(f))
                self.assertEqual(from_file,
                                 list(csv.reader(io.StringIO(out.decode("utf-8"), newline=""))))

    def test_no_bom_writes_the_bare_csv(self):
        for i, cmd in enumerate(COMMANDS):
            with self.subTest(cmd=" ".join(cmd)):
                out = self.raw(*cmd, "--format", "csv")
                path = os.path.join(self.tmp, f"bare{i}.csv")
                self.raw(*cmd, "--format", "csv", "--no-bom", "-o", path)
                self.assertEqual(self.read(path), out)

    def test_other_formats_get_no_bom(self):
        for fmt in ("json", "md", "table"):
            with self.subTest(fmt=fmt):
                path = os.path.join(self.tmp, "stats." + fmt)
                out = self.raw("stats", "--by", "category", "--format", fmt)
                self.raw("stats", "--by", "category", "--format", fmt, "-o", path)
                self.assertEqual(self.read(path), out)
        path = os.path.join(self.tmp, "all.jsonl")
        self.raw("export", "--format", "jsonl", "-o", path)
        self.assertEqual(self.read(path)[:1], b"{")


if __name__ == "__main__":
    unittest.main()
