"""Freshness of the derived index through Watchman: with a private Watchman server running, a
warm read lists and stats only the case folders Watchman reports changed (the index's
watchman-state file says how the last scan went), and `list`/`stats` still see a hand edit, a
deleted file, a new file, a checkout of an older commit and a concurrent mediate write; the same
with `git config mediate.watchman false`, which writes no Watchman state at all; and a broken
`watchman` on PATH changes nothing but the speed. Expected counts are read from the case files
with PyYAML, not from mediate. Skipped when watchman is not installed (scripts/setup installs
it)."""
import collections
import glob
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

import yaml

from mediate_support import LEDGERS, StoreTestCase, git

WATCHMAN = shutil.which("watchman")


def watchman(sock, *args, timeout=30):
    return subprocess.run([WATCHMAN, "--sockname=" + sock, "--no-spawn", "--no-local"] +
                          list(args), capture_output=True, text=True, timeout=timeout)


@unittest.skipUnless(WATCHMAN, "watchman is not installed (scripts/setup installs it)")
class WatchmanServer:
    """Starts a Watchman server of its own for the class (its socket, state, log and pid files
    in a temporary directory), points every mediate run at it through WATCHMAN_SOCK, and shuts
    it down at the end. The watchman 4.9 CLI ignores WATCHMAN_SOCK (later versions read it), so
    a `watchman` first on PATH hands it over as --sockname; mediate runs `watchman` from PATH."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wm_dir = tempfile.mkdtemp(prefix="mediate-watchman-")
        cls.sock = os.path.join(cls.wm_dir, "sock")
        bin_dir = os.path.join(cls.wm_dir, "bin")
        os.mkdir(bin_dir)
        with open(os.path.join(bin_dir, "watchman"), "w", encoding="utf-8") as f:
            # Each run of the CLI leaves a line in `calls` (reads that know the socket start none).
            f.write('#!/bin/sh\necho "$*" >> %s\nexec %s --sockname="$WATCHMAN_SOCK" "$@"\n'
                    % (os.path.join(cls.wm_dir, "calls"), WATCHMAN))
        os.chmod(os.path.join(bin_dir, "watchman"), 0o755)
        cls.old_env = {k: os.environ.get(k) for k in ("WATCHMAN_SOCK", "PATH")}
        os.environ["WATCHMAN_SOCK"] = cls.sock  # inherited by mediate and its watchman child
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ["PATH"]
        cls.daemon = subprocess.Popen(
            [WATCHMAN, "--foreground", "--sockname=" + cls.sock,
             "--statefile=" + os.path.join(cls.wm_dir, "state"),
             "--logfile=" + os.path.join(cls.wm_dir, "log"),
             "--pidfile=" + os.path.join(cls.wm_dir, "pid")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Ready when this very server answers on the socket (a client must never start
        # another one in the meantime).
        deadline = time.time() + 30
        while True:
            p = watchman(cls.sock, "get-pid", timeout=10)
            if p.returncode == 0 and '"pid": %d' % cls.daemon.pid in p.stdout:
                break
            if time.time() > deadline or cls.daemon.poll() is not None:
                cls.stop()
                raise RuntimeError("the watchman server did not start: " + p.stdout + p.stderr)
            time.sleep(0.1)

    @classmethod
    def stop(cls):
        try:
            watchman(cls.sock, "shutdown-server", timeout=30)
            cls.daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            cls.daemon.kill()
            cls.daemon.wait()
        finally:
            for k, v in cls.old_env.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            shutil.rmtree(cls.wm_dir, ignore_errors=True)

    @classmethod
    def tearDownClass(cls):
        cls.stop()
        super().tearDownClass()


class HandEditsMixin:
    """What every mode must get right: stats equal what the files say after each change."""

    def setUp(self):
        super().setUp()
        self.configure()
        self.m("import", os.path.join(LEDGERS, "ledger-2026q1.csv"))
        self.index_dir = os.path.join(self.store, ".git", "mediate", "index")
        self.state_file = os.path.join(self.index_dir, "watchman-state")

    def configure(self):
        pass

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
        p = self.m("stats", "--by", "category", "--format", "csv")
        self.assertEqual(p.stderr, "")  # nothing about Watchman, whatever happens
        out = p.stdout.splitlines()
        self.assertEqual(out[0], "category,category_label,cases")
        counts = {}
        for line in out[1:]:
            code, _, n = line.split(",")
            if code != "total" and int(n) > 0:
                counts[code] = int(n)
        return counts

    def listed_ids(self):
        p = self.m("list", "--format", "csv")
        self.assertEqual(p.stderr, "")
        lines = p.stdout.splitlines()
        col = lines[0].split(",").index("id")
        return sorted(line.split(",")[col] for line in lines[1:])

    def file_ids(self):
        ids = []
        for path in self.files():
            with open(path, encoding="utf-8") as f:
                ids.append(yaml.safe_load(f)["id"])
        return sorted(ids)

    def assertReadsMatchFiles(self):
        self.assertEqual(self.stats(), self.expected())
        self.assertEqual(self.listed_ids(), self.file_ids())

    def month_folders(self):
        return sorted({os.path.dirname(p) for p in self.files()})

    def case_of(self, category):
        for path in self.files():
            with open(path, encoding="utf-8") as f:
                if yaml.safe_load(f)["category"] == category:
                    return path
        self.fail("no %s case" % category)

    def edit(self, path, old, new):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))

    def after_change(self, folders_changed):
        """Called after each change (reads done): checks how the last scan went."""

    def warm_up(self):
        self.assertReadsMatchFiles()  # writes the index (and, with Watchman, the first clock)
        self.assertReadsMatchFiles()

    def test_hand_edit_deleted_and_new_files_are_seen(self):
        self.assertEqual(len(self.files()), 120)
        self.warm_up()
        self.after_change(0)

        # A hand edit.
        before = self.stats()
        self.edit(self.case_of("neighbour"), 'category: "neighbour"', 'category: "labour"')
        after = self.stats()
        self.assertEqual(after["neighbour"], before["neighbour"] - 1)
        self.assertEqual(after.get("labour", 0), before.get("labour", 0) + 1)
        self.assertReadsMatchFiles()
        self.after_change(1)

        # A deleted file.
        gone = self.case_of("contract")
        with open(gone, encoding="utf-8") as f:
            text = f.read()
        os.remove(gone)
        self.assertEqual(len(self.files()), 119)
        self.assertReadsMatchFiles()
        self.after_change(1)

        # A new file (the same case written back under its name).
        with open(gone, "w", encoding="utf-8") as f:
            f.write(text)
        self.assertEqual(len(self.files()), 120)
        self.assertReadsMatchFiles()
        self.after_change(1)

    def test_a_checkout_of_an_older_commit_is_seen(self):
        self.warm_up()
        older = git(self.store, "rev-parse", "HEAD").strip()
        self.m("intake", "--category", "medical", "--source", "application",
               "--summary", "术后感染，患者家属要求医院赔偿", "--applicant", "李某",
               "--received", "2026-03-05")
        with_intake = self.stats()
        self.assertEqual(with_intake.get("medical", 0), self.expected()["medical"])
        self.assertReadsMatchFiles()
        git(self.store, "checkout", "-q", older)
        self.assertReadsMatchFiles()
        self.assertEqual(self.stats().get("medical", 0), with_intake.get("medical", 0) - 1)
        git(self.store, "checkout", "-q", "-")
        self.assertEqual(self.stats(), with_intake)
        self.assertReadsMatchFiles()

    def test_a_concurrent_write_is_seen(self):
        self.warm_up()
        errors = []

        def writer(i):
            p = self.m("intake", "--category", "neighbour", "--source", "application",
                       "--summary", "楼上漏水 %d" % i, "--applicant", "王某",
                       "--received", "2026-03-%02d" % (i + 1), check=None)
            if p.returncode != 0:
                errors.append(p.stderr)

        def reader():
            p = self.m("stats", "--by", "category", check=None)
            if p.returncode != 0 or p.stderr:
                errors.append(p.stderr)

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
        threads += [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(self.files()), 124)
        self.assertReadsMatchFiles()
        self.m("index", "--check")


class WithWatchmanTest(WatchmanServer, HandEditsMixin, StoreTestCase):
    def last_scan(self):
        with open(self.state_file, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], "mediate watchman state 1")
        scan = [line for line in lines if line.startswith("last-scan ")]
        self.assertEqual(len(scan), 1)
        words = scan[0].split(" ")
        fields = dict(w.split("=", 1) for w in words[2:5])
        return words[1], {k: int(v) for k, v in fields.items()}

    def after_change(self, folders_changed):
        # The reads just made (stats, then list) each asked Watchman; the second saw no change.
        method, counts = self.last_scan()
        n = len(self.month_folders())
        self.assertEqual(method, "watchman")
        self.assertEqual(counts, {"folders": n, "unchanged": n, "walked": 0})

    def test_a_warm_read_stats_only_the_changed_folder(self):
        folders = self.month_folders()
        self.assertEqual(len(folders), 3)  # 2026/01, 02, 03
        self.assertReadsMatchFiles()
        self.assertEqual(self.last_scan()[0], "watchman")
        with open(self.state_file, encoding="utf-8") as f:
            state = f.read()
        self.assertIn("\nstore %s\n" % os.path.realpath(self.store), state)
        # Every folder's segment is vouched for by the state.
        for folder in folders:
            self.assertRegex(state, r"\nfolder [0-9a-f]{16} %s\n" %
                             os.path.relpath(folder, os.path.join(self.store, "cases")))
        self.stats()
        self.assertEqual(self.last_scan(), ("watchman", {"folders": 3, "unchanged": 3,
                                                         "walked": 0}))
        self.edit(self.case_of("neighbour"), 'category: "neighbour"', 'category: "labour"')
        self.assertEqual(self.stats(), self.expected())
        self.assertEqual(self.last_scan(), ("watchman", {"folders": 3, "unchanged": 2,
                                                         "walked": 1}))
        # A new month folder is listed, and walked. (The copy gets an id of its own:
        # one id in two files is refused, docs/robustness.md.)
        os.makedirs(os.path.join(self.store, "cases", "2025", "12"))
        source = self.case_of("labour")
        copy = os.path.join(self.store, "cases", "2025", "12", "WBL-2025-000001.yaml")
        shutil.copy(source, copy)
        self.edit(copy, 'id: "%s"' % os.path.basename(source)[:-5], 'id: "WBL-2025-000001"')
        self.assertEqual(self.stats(), self.expected())
        self.assertEqual(self.last_scan(), ("watchman", {"folders": 4, "unchanged": 3,
                                                         "walked": 1}))
        # `index --status` tells a maintainer the same.
        self.assertEqual(self.m("index", "--status").stdout.splitlines()[1],
                         "last check for changed files: watchman folders=4 unchanged=3 walked=1")

    def cli_runs(self):
        try:
            with open(os.path.join(self.wm_dir, "calls"), encoding="utf-8") as f:
                return len(f.read().splitlines())
        except FileNotFoundError:
            return 0

    def test_warm_reads_ask_the_socket_without_starting_watchman(self):
        self.assertReadsMatchFiles()  # the first read asked the CLI, which told it the socket
        with open(self.state_file, encoding="utf-8") as f:
            self.assertIn("\nsock %s\n" % self.sock, f.read())
        runs = self.cli_runs()
        self.assertGreater(runs, 0)
        self.edit(self.case_of("neighbour"), 'category: "neighbour"', 'category: "labour"')
        self.assertEqual(self.stats(), self.expected())
        self.assertEqual(self.last_scan(), ("watchman", {"folders": 3, "unchanged": 2,
                                                         "walked": 1}))
        self.assertEqual(self.cli_runs(), runs)
        # A socket nobody listens on (the server moved): the CLI is asked, and the socket
        # learnt again.
        with open(self.state_file, encoding="utf-8") as f:
            state = f.read()
        with open(self.state_file, "w", encoding="utf-8") as f:
            f.write(state.replace("\nsock %s\n" % self.sock, "\nsock %s.gone\n" % self.sock))
        self.edit(self.case_of("labour"), 'category: "labour"', 'category: "contract"')
        self.assertEqual(self.stats(), self.expected())
        self.assertEqual(self.last_scan()[0], "watchman")
        self.assertGreater(self.cli_runs(), runs)
        with open(self.state_file, encoding="utf-8") as f:
            self.assertIn("\nsock %s\n" % self.sock, f.read())

    def test_index_drop_removes_the_clock(self):
        self.assertReadsMatchFiles()
        self.assertTrue(os.path.exists(self.state_file))
        self.m("index", "--drop")
        self.assertFalse(os.path.exists(self.state_file))
        self.assertEqual(self.stats(), self.expected())
        with open(self.state_file, encoding="utf-8") as f:
            self.assertIn("\nlast-scan walk folders=3 unchanged=0 walked=3 reason=no clock stored\n",
                          f.read())
        self.m("index", "--rebuild")
        self.assertFalse(os.path.exists(self.state_file))


class WatchmanOffTest(WatchmanServer, HandEditsMixin, StoreTestCase):
    """git config mediate.watchman false: the stat walk as before, no state written."""

    def configure(self):
        git(self.store, "config", "mediate.watchman", "false")

    def after_change(self, folders_changed):
        self.assertFalse(os.path.exists(self.state_file))
        self.assertEqual(self.m("index", "--status").stdout.splitlines()[1],
                         "last check for changed files: a walk of every case folder (Watchman "
                         "turned off: git config mediate.watchman)")


class BrokenWatchmanTest(HandEditsMixin, StoreTestCase):
    """A `watchman` on PATH that answers nonsense: every read walks, nothing is shown."""

    def setUp(self):
        self.bin = tempfile.mkdtemp(prefix="mediate-fake-watchman-")
        fake = os.path.join(self.bin, "watchman")
        with open(fake, "w", encoding="utf-8") as f:
            f.write("#!/bin/sh\ncat >/dev/null\necho 'not json'\necho oops >&2\nexit 3\n")
        os.chmod(fake, 0o755)
        self.old_path = os.environ["PATH"]
        os.environ["PATH"] = self.bin + os.pathsep + self.old_path
        super().setUp()

    def tearDown(self):
        os.environ["PATH"] = self.old_path
        shutil.rmtree(self.bin, ignore_errors=True)
        super().tearDown()

    def after_change(self, folders_changed):
        self.assertFalse(os.path.exists(self.state_file))


if __name__ == "__main__":
    unittest.main()
