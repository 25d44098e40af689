"""End to end: the Debian package. `cpack -G DEB` on the build tree makes a .deb whose
paths, control fields and changelog are checked; lintian accepts it (no error); unpacked
into a temporary folder (never installed), its binary prints the package's version and
runs a store from the packaged examples.

Expected paths and fields are written by hand from cmake/package.cmake's decisions."""
import csv
import glob
import gzip
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import MEDIATE

BUILD = os.environ.get("MEDIATE_BUILD_DIR", os.path.dirname(MEDIATE))


def sh(*args, cwd=None, env=None, check=True):
    r = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise AssertionError("%s exited %d\n%s%s" % (args, r.returncode, r.stdout, r.stderr))
    return r


class PackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-package-")
        sh("cpack", "-G", "DEB", "--config", os.path.join(BUILD, "CPackConfig.cmake"),
           "-B", cls.base)
        [cls.deb] = glob.glob(os.path.join(cls.base, "mediate_*.deb"))
        cls.root = os.path.join(cls.base, "root")
        sh("dpkg-deb", "-x", cls.deb, cls.root)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def field(self, name):
        return sh("dpkg-deb", "-f", self.deb, name).stdout.strip()

    def test_the_package_holds_every_path(self):
        listing = sh("dpkg-deb", "-c", self.deb).stdout
        paths = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
        for path in ("/usr/bin/mediate",
                     "/usr/share/mediate/examples/wanbailin/setup.yaml",
                     "/usr/share/mediate/examples/wanbailin/routing.yaml",
                     "/usr/share/mediate/examples/ledgers/ledger-2022.csv",
                     "/usr/share/mediate/examples/ledgers/ledger-2026q1-gb18030.csv",
                     "/usr/share/doc/mediate/copyright",
                     "/usr/share/doc/mediate/changelog.gz",
                     "/usr/share/doc/mediate/zh/README.md",
                     "/usr/share/doc/mediate/zh/01-case.md",
                     "/usr/share/mediate/examples/ledgers/ledger-2026-04.csv",
                     "/usr/share/lintian/overrides/mediate",
                     "/usr/share/locale/zh_CN/LC_MESSAGES/mediate.mo",
                     "/usr/share/man/man1/mediate.1.gz",
                     "/usr/share/man/man1/mediate-intake.1.gz",
                     "/usr/share/man/man1/mediate-sync.1.gz",
                     "/usr/share/man/zh_CN/man1/mediate.1.gz",
                     "/usr/share/man/zh_CN/man1/mediate-intake.1.gz",
                     "/usr/share/bash-completion/completions/mediate",
                     "/usr/share/zsh/vendor-completions/_mediate"):
            self.assertIn(path, paths)
        # Owned by root, as dpkg installs them.
        for line in listing.splitlines():
            self.assertIn(" root/root ", line)

    def test_control_fields(self):
        version = sh(MEDIATE, "--version").stdout.strip()
        self.assertEqual("mediate " + self.field("Version"), version)
        self.assertRegex(self.field("Version"), r"^\d+\.\d+\.\d+(\+git\d+\.g[0-9a-f]{7,})?$")
        self.assertEqual(self.field("Package"), "mediate")
        self.assertEqual(self.field("Section"), "utils")
        self.assertRegex(self.field("Maintainer"), r"^[^<>]+ <[^@<> ]+@[^@<> ]+>$")
        depends = self.field("Depends")
        for lib in ("libgit2-", "libc6", "git", "sensible-utils"):
            self.assertIn(lib, depends)
        self.assertIn("watchman", self.field("Recommends"))
        description = self.field("Description")
        self.assertTrue(description.startswith("people's mediation cases of a district"))
        self.assertIn("人民调解案件管理工具", description)  # the Chinese paragraph

    def test_the_changelog_is_debian_and_reproducible(self):
        path = os.path.join(self.root, "usr/share/doc/mediate/changelog.gz")
        with open(path, "rb") as f:
            raw = f.read()
        # gzip -9n: no file name (FLG bit 3 clear), no time stamp (MTIME 0).
        self.assertEqual(raw[3] & 0x08, 0)
        self.assertEqual(raw[4:8], b"\0\0\0\0")
        text = gzip.decompress(raw).decode("utf-8")
        self.assertTrue(text.startswith("mediate (%s) unstable; urgency=medium\n"
                                        % self.field("Version")), text[:80])
        self.assertIn("\n -- " + self.field("Maintainer") + "  ", text)

    def test_lintian_finds_no_error(self):
        r = sh("lintian", "--fail-on", "error", "--tag-display-limit", "0", self.deb, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertNotIn("E: ", r.stdout)

    def test_the_unpacked_binary_runs_a_store_from_the_packaged_examples(self):
        binary = os.path.join(self.root, "usr/bin/mediate")
        examples = os.path.join(self.root, "usr/share/mediate/examples")
        # Stripped: no symbol table left.
        sections = sh("readelf", "-S", "-W", binary).stdout
        self.assertNotIn(".symtab", sections)
        store = os.path.join(self.base, "store")
        env = dict(os.environ, MEDIATE_USER="测试员 <tester@example.org>", TZ="UTC",
                   MEDIATE_NOW="2026-12-01T09:00:00+08:00")
        sh(binary, "init", store, "--from", os.path.join(examples, "wanbailin"), env=env)
        sh(binary, "-C", store, "import", os.path.join(examples, "ledgers", "ledger-2022.csv"),
           env=env)
        # One case per data row of the ledger, counted from the file itself.
        with open(os.path.join(examples, "ledgers", "ledger-2022.csv"), encoding="utf-8-sig") as f:
            rows = sum(1 for _ in csv.reader(f)) - 1
        stats = sh(binary, "-C", store, "stats", "--format", "csv", env=env).stdout
        self.assertIn("\ntotal,,%d\n" % rows, stats)
        # Chinese from the catalogue beside the binary (usr/share/locale, found from usr/bin).
        r = sh(binary, "shwo", env=dict(env, MEDIATE_LANG="zh_CN", MEDIATE_LOCALEDIR=""),
               check=False)
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith("mediate：未知命令“shwo”；您是不是要用“show”？"),
                        r.stderr)


if __name__ == "__main__":
    unittest.main()
