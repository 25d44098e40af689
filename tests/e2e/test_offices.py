"""End to end: the office registry, `office list|add`, `clone --office`, and which office a
desk writes as (docs/offices.md)."""
import glob
import os
import subprocess
import unittest

import yaml

from mediate_support import StoreTestCase, run, git

# The 15 offices of examples/wanbailin/offices.csv, as the issue lists them.
OFFICES = {"WBL", "QF", "XY", "HP", "XH", "WBJ", "DEP", "BJZ", "NH", "DS", "XJY", "XM", "CFX",
           "STG", "WH"}
NOW = {"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"}


def intake_args(summary="楼上卫生间漏水"):
    return ["intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", summary,
            "--street", "小井峪街道", "--applicant", "李某",
            "--received", "2026-03-02T09:30:00+08:00"]


class RegistryTest(StoreTestCase):
    def test_init_writes_the_fifteen_offices(self):
        files = glob.glob(os.path.join(self.store, "offices", "*.yaml"))
        self.assertEqual({os.path.basename(f)[:-5] for f in files}, OFFICES)
        with open(os.path.join(self.store, "offices", "XJY.yaml"), encoding="utf-8") as fh:
            xjy = yaml.safe_load(fh)
        self.assertEqual(xjy["schema"], "office/1")
        self.assertEqual(xjy["name"], "小井峪街道司法所")
        self.assertEqual(xjy["street"], "140109011")
        self.assertEqual(xjy["org"], "S-140109011")
        self.assertEqual(xjy["file_no_word"], "万小人调字")
        self.assertEqual(self.commits(), "1")
        self.assertEqual(self.m("validate").returncode, 0)

    def test_list_marks_this_desk(self):
        p = self.m("office", "list", "--format", "csv", env={"MEDIATE_OFFICE": "XJY"})
        rows = [line.split(",") for line in p.stdout.strip().splitlines()]
        header = rows[0]
        self.assertEqual(header[:2], ["code", "name"])
        codes = [r[0] for r in rows[1:]]
        self.assertEqual(sorted(codes), sorted(OFFICES))
        desk = header.index("desk")
        self.assertEqual([r[0] for r in rows[1:] if r[desk] == "*"], ["XJY"])
        text = self.m("office", "list").stdout
        self.assertIn("this clone writes as WBL", text)  # mediate.yaml's office, no remote

    def test_add_checks_and_commits(self):
        before = self.commits()
        bad = self.m("office", "add", "--code", "xy-1", "--name", "某室", "--word", "万甲人调字",
                     check=2)
        self.assertIn('"xy-1" is not an office code', bad.stderr)
        taken = self.m("office", "add", "--code", "ZX", "--name", "某室", "--word", "万小人调字",
                       check=3)
        self.assertIn("file-number word of office XJY", taken.stderr)
        unknown = self.m("office", "add", "--code", "ZX", "--name", "某室", "--word", "万甲人调字",
                         "--org", "S-NOPE", check=3)
        self.assertIn("unknown organisation", unknown.stderr)
        self.assertEqual(self.commits(), before)
        self.m("office", "add", "--code", "ZX", "--name", "万柏林区劳动争议调解室",
               "--org", "WBL-LABOUR", "--word", "万劳人调字")
        self.assertEqual(int(self.commits()), int(before) + 1)
        msg = git(self.store, "log", "-1", "--format=%B")
        self.assertIn("Mediate-Action: office-add", msg)
        with open(os.path.join(self.store, "offices", "ZX.yaml"), encoding="utf-8") as fh:
            self.assertEqual(yaml.safe_load(fh)["file_no_word"], "万劳人调字")
        # The new office may write at once.
        p = self.m(*intake_args(), env=dict(NOW, MEDIATE_OFFICE="ZX"))
        self.assertIn("ZX-2026-000001", p.stdout)
        self.assertClean()


class OfficeChoiceTest(StoreTestCase):
    def test_malformed_or_unknown_office_is_refused_before_writing(self):
        before = self.commits()
        for code, words in (("wbl-1", "is not an office code"),
                            ("ZZZ", "is not a registered office")):
            p = self.m(*intake_args(), env=dict(NOW, MEDIATE_OFFICE=code), check=2)
            self.assertIn(f'MEDIATE_OFFICE "{code}" {words}', p.stderr)
            self.assertIn("nothing was written", p.stderr)
        git(self.store, "config", "mediate.office", "QQ")
        p = self.m(*intake_args(), env=NOW, check=2)
        self.assertIn('git config mediate.office "QQ" is not a registered office', p.stderr)
        self.assertEqual(self.commits(), before)
        self.assertEqual(glob.glob(os.path.join(self.store, "cases", "*")), [])
        self.assertClean()
        self.assertEqual(self.m("list").returncode, 0)  # reading is not refused

    def test_each_office_allocates_its_own_ids(self):
        self.m(*intake_args("甲"), env=dict(NOW, MEDIATE_OFFICE="XJY"))
        git(self.store, "config", "mediate.office", "HP")
        self.m(*intake_args("乙"), env=NOW)
        self.m(*intake_args("丙"), env=dict(NOW, MEDIATE_OFFICE="XJY"))
        names = sorted(os.path.basename(f) for f in
                       glob.glob(os.path.join(self.store, "cases", "2026", "03", "*.yaml")))
        self.assertEqual(names, ["HP-2026-000001.yaml", "XJY-2026-000001.yaml",
                                 "XJY-2026-000002.yaml"])


class CloneTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.bare = os.path.join(self.tmp, "district.git")
        subprocess.run(["git", "clone", "-q", "--bare", self.store, self.bare], check=True)

    def test_clone_sets_the_office_and_refuses_without_one(self):
        desk = os.path.join(self.tmp, "xjy-desk1")
        old = os.umask(0o022)
        try:
            p = run(["clone", self.bare, desk, "--office", "XJY"], check=0)
        finally:
            os.umask(old)
        # The folder gets the usual mode (0777 less the umask), as git clone gives.
        self.assertEqual(os.stat(desk).st_mode & 0o777, 0o755)
        self.assertIn("writes as office XJY", p.stdout)
        self.assertEqual(git(desk, "config", "mediate.office").strip(), "XJY")
        p = run(["-C", desk] + intake_args(), env=NOW, check=0)
        self.assertIn("XJY-2026-000001", p.stdout)
        # A clone made by git itself has a remote and no office: mediate.yaml's WBL does not count.
        plain = os.path.join(self.tmp, "plain")
        subprocess.run(["git", "clone", "-q", self.bare, plain], check=True)
        head = git(plain, "rev-parse", "HEAD")
        p = run(["-C", plain] + intake_args(), env=NOW)
        self.assertEqual(p.returncode, 2)
        self.assertIn("no office of its own", p.stderr)
        self.assertIn("git config mediate.office CODE", p.stderr)
        self.assertEqual(git(plain, "rev-parse", "HEAD"), head)
        self.assertEqual(git(plain, "status", "--porcelain"), "")
        self.assertEqual(run(["-C", plain, "list"]).returncode, 0)
        # Setting the office is the fix (the intake reserves the desk's first numbers).
        git(plain, "config", "mediate.office", "HP")
        p = run(["-C", plain] + intake_args(), env=NOW, check=0)
        self.assertIn("HP-2026-000001", p.stdout)

    def test_a_bad_office_or_source_leaves_nothing(self):
        for code in ("ZZZ", "xjy"):
            desk = os.path.join(self.tmp, "desk-" + code)
            p = run(["clone", self.bare, desk, "--office", code])
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn(f'--office "{code}"', p.stderr)
            self.assertFalse(os.path.exists(desk))
        p = run(["clone", os.path.join(self.tmp, "no-such.git"), os.path.join(self.tmp, "d"),
                 "--office", "XJY"])
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("no repository at " + os.path.join(self.tmp, "no-such.git"), p.stderr)
        a_file = os.path.join(self.tmp, "a-file")
        open(a_file, "w").close()
        p = run(["clone", self.bare, a_file, "--office", "XJY"])
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("is a file", p.stderr)
        self.assertTrue(os.path.isfile(a_file))
        os.remove(a_file)
        not_store = os.path.join(self.tmp, "not-a-store")
        subprocess.run(["git", "init", "-q", not_store], check=True)
        subprocess.run(["git", "-C", not_store, "-c", "user.name=x", "-c", "user.email=x@x",
                        "commit", "-q", "--allow-empty", "-m", "x"], check=True)
        p = run(["clone", not_store, os.path.join(self.tmp, "d"), "--office", "XJY"])
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("not a mediate store", p.stderr)
        # Nothing but what the test made is left in the folder: no scratch clones.
        self.assertEqual(sorted(os.listdir(self.tmp)), ["district.git", "not-a-store", "store"])
        existing = run(["clone", self.bare, self.store, "--office", "XJY"])
        self.assertEqual(existing.returncode, 3)
        self.assertIn("not empty", existing.stderr)


if __name__ == "__main__":
    unittest.main()
