"""End to end: `list` and `export` of a store of 10^5 cases run in constant memory.

The store comes from bench/generate (fixed seed and end date) and is kept between runs
in the build tree (`test-stores/` beside the binary), so only the first run pays for
it (about a minute). Peak resident memory is measured, not a
timing, from GNU time: the target is 150 MB, where holding every row took 239 MB (`list`) and 412 MB
(`export --format csv`). At 10^5 rows the output spills past the in-memory buffer
(8 MiB) into the scratch file, so the sorted read-back from disk is what is checked.
Expected ids come from the case files' names, never from the program's output.

Skipped when the binary is built with the sanitizers (their shadow memory is not the
program's).
"""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from mediate_support import MEDIATE, SOURCE

CASES = 100_000
END = "2026-06-30"
SEED = "7"
LIMIT_KB = 150 * 1024


def sanitized():
    """True when the binary under test carries AddressSanitizer."""
    if os.environ.get("ASAN_OPTIONS") or os.environ.get("UBSAN_OPTIONS"):
        return True
    path = shutil.which(MEDIATE) or MEDIATE
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


def cached_store():
    """The generated store, made once per build tree (rebuilt when half made)."""
    base = os.path.join(os.path.dirname(os.path.abspath(shutil.which(MEDIATE) or MEDIATE)),
                        "test-stores")
    store = os.path.join(base, f"s{CASES}-seed{SEED}-{END}")
    done = store + ".done"
    if not os.path.exists(done):
        shutil.rmtree(store, ignore_errors=True)
        os.makedirs(base, exist_ok=True)
        env = dict(os.environ, MEDIATE=shutil.which(MEDIATE) or MEDIATE)
        subprocess.run([sys.executable, os.path.join(SOURCE, "bench", "generate"),
                        "--store", store, "--cases", str(CASES), "--end", END, "--seed", SEED],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        open(done, "w").close()
    return store


def run_measured(args, cwd):
    """Runs mediate under /usr/bin/time (Debian's `time`, installed by scripts/setup);
    returns (exit code, stdout bytes, stderr text, peak RSS in KB). GNU time forks
    mediate from its own small process, so the peak is mediate's alone (a child
    forked from this test would start with the test's own pages counted)."""
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = os.path.join(tmp, "peak")
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak_file, MEDIATE] + args,
                           cwd=cwd, capture_output=True,
                           env=dict(os.environ, MEDIATE_NOW="2026-07-01T09:00:00+08:00"))
        with open(peak_file, encoding="ascii") as f:
            peak = int(f.read().split()[-1])
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), peak


@unittest.skipIf(sanitized(), "peak memory is not measured under the sanitizers")
class ConstantMemoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.store = cached_store()
        cls.paths = {}
        for dirpath, _, names in os.walk(os.path.join(cls.store, "cases")):
            for n in names:
                if n.endswith(".yaml"):
                    cls.paths[n[:-len(".yaml")]] = os.path.join(dirpath, n)
        cls.ids = sorted(cls.paths)
        # The first read builds the derived index; the measured runs read it.
        code, _, err, _ = run_measured(["stats", "--by", "category"], cls.store)
        assert code == 0, err

    def test_generated_store_has_every_case(self):
        self.assertEqual(len(self.ids), CASES)

    def test_export_csv_streams(self):
        tmp = tempfile.mkdtemp(prefix="mediate-scale-")
        try:
            out = os.path.join(tmp, "all.csv")
            code, _, err, peak = run_measured(["export", "--format", "csv", "-o", out],
                                              self.store)
            self.assertEqual(code, 0, err)
            self.assertLess(peak, LIMIT_KB, f"export --format csv peaked at {peak} KB")
            with open(out, encoding="utf-8-sig", newline="") as f:  # the BOM of a CSV file
                rows = list(csv.DictReader(f))
            self.assertEqual([r["id"] for r in rows], self.ids)
            self.assertEqual({r["schema"] for r in rows}, {"mediate-export/2"})
            self.assertEqual([n for n in os.listdir(tmp)], ["all.csv"])  # no part file left
        finally:
            shutil.rmtree(tmp)

    def test_export_jsonl_streams(self):
        code, out, err, peak = run_measured(["export", "--format", "jsonl"], self.store)
        self.assertEqual(code, 0, err)
        self.assertLess(peak, LIMIT_KB, f"export --format jsonl peaked at {peak} KB")
        ids = [json.loads(line)["id"] for line in out.decode("utf-8").splitlines()]
        self.assertEqual(ids, self.ids)

    def test_list_streams_aligned(self):
        code, out, err, peak = run_measured(["list"], self.store)
        self.assertEqual(code, 0, err)
        self.assertLess(peak, LIMIT_KB, f"list peaked at {peak} KB")
        lines = out.decode("utf-8").splitlines()
        # Header, one line per case, a blank line, the count.
        self.assertEqual(lines[-1], f"{CASES} cases")
        self.assertEqual(lines[-2], "")
        body = lines[1:-2]
        self.assertEqual([line.split(" ", 1)[0] for line in body], self.ids)
        # Aligned: the second column (received, a date) starts at the same place
        # on every line, since the first (an id) has one width.
        starts = {line.index(" 20") for line in body[:1000]}
        self.assertEqual(len(starts), 1)

    def test_list_csv_with_filter_matches_the_files(self):
        # The cases received in 2020, read from the files (`received:` is a time
        # with the store's offset, so its first ten characters are the local date).
        expected = []
        for case_id in self.ids:
            with open(self.paths[case_id], encoding="utf-8") as f:
                for line in f:
                    if line.startswith("received:"):
                        if line.split('"')[1].startswith("2020-"):
                            expected.append(case_id)
                        break
        code, out, err, _ = run_measured(["list", "--year", "2020", "--format", "csv"],
                                         self.store)
        self.assertEqual(code, 0, err)
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"))))
        self.assertEqual([r["id"] for r in rows], expected)
        self.assertGreater(len(expected), 5000)


if __name__ == "__main__":
    unittest.main()
