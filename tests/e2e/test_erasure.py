"""End to end: erasure and revocation of personal data sealed at rest (docs/personal-data.md,
"Where the case keys live", "Erasure", "Revoking a key").

The checks go around the program: tests/e2e/sodium_probe.py opens, with the offices' key
files and libsodium alone, every wrapped key in every git object of every copy — each
clone and the district's server, reachable or not — and the test asks which cases' data
keys come out. After `erase`, a sync of every clone and git's garbage collection, the
erased cases' keys come out of no copy under any office's key, while every other case's
does. After `key revoke`, the revoked office opens what was registered before and nothing
registered since, and after `key rewrap` (and gc) nothing at all."""
import glob
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

import sodium_probe as probe
from mediate_support import EXAMPLE_SETUP, MEDIATE, citizen_id, operator_env
from test_sync import GitServer

PASS = "删除与吊销-2026"
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
OFFICES = ("WBL", "XJY", "WH")


class ErasureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-erase-")
        home = os.path.join(cls.base, "home")
        os.makedirs(home)
        cls.env = operator_env(home, "测试员 <t@example.org>")
        cls.env["MEDIATE_KEY_PASSPHRASE"] = PASS
        cls.env.pop("XDG_RUNTIME_DIR", None)  # no key kept between commands
        with open(cls.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 测试员\n\temail = t@example.org\n"
                    "[init]\n\tdefaultBranch = main\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="t-", dir=self.base)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------

    def key_file(self, office):
        return os.path.join(self.tmp, office + ".key")

    def run_m(self, args, now, office, extra=None):
        e = dict(self.env, MEDIATE_NOW=now, MEDIATE_KEY_FILE=self.key_file(office))
        e.update(extra or {})
        return subprocess.run([MEDIATE] + list(args), capture_output=True, text=True, env=e,
                              timeout=900, stdin=subprocess.DEVNULL)

    def ok(self, args, now, office, code=0, extra=None):
        r = self.run_m(args, now, office, extra)
        self.assertEqual(r.returncode, code, "mediate %s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def district(self):
        """A store with its keys: the district centre (WBL), and offices XJY and WH."""
        store = os.path.join(self.tmp, "S")
        self.ok(["init", store, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00", "WBL")
        self.ok(["-C", store, "key", "init", "--office", "WBL"], "2026-03-01T08:10:00+08:00",
                "WBL")
        for office in ("XJY", "WH"):
            self.ok(["-C", store, "key", "add-office", office, "--key-file",
                     self.key_file(office)], "2026-03-01T08:20:00+08:00", "WBL")
        return store

    def intake(self, desk, office, now, name, id_stem, extra=None):
        r = self.ok(["-C", desk, "intake", "--received", now, "--source", "application",
                     "--category", "neighbour", "--summary", name + "与邻居因漏水发生纠纷",
                     "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                     "--applicant", name, "--applicant-id", citizen_id(id_stem),
                     "--respondent", "邻居甲"], now, office, extra=extra)
        return r

    def record(self, desk, case_id):
        [path] = glob.glob(os.path.join(desk, "cases", "*", "*", case_id + ".yaml"))
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)

    def git(self, repo, *args):
        return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                              check=True, env=self.env).stdout.strip()

    def keys_ref(self, repo):
        r = subprocess.run(["git", "-C", repo, "rev-parse", "-q", "--verify",
                            "refs/mediate/keys"], capture_output=True, text=True)
        return r.stdout.strip()

    def epoch_keys(self, store, office):
        """The epoch keys `office`'s key file opens, from the keys record of `store`."""
        public, secret = probe.unlock_office_key(self.key_file(office), PASS)
        text = self.git(store, "show", "HEAD:keys/district.yaml")
        return probe.epoch_keys(text, office, public, secret)

    def all_epoch_keys(self, store):
        keys = []
        for office in OFFICES:
            keys += list(self.epoch_keys(store, office).values())
        return keys

    def data_key_of(self, desk, case_id, name, candidates):
        """The one candidate data key that opens the case's applicant name to `name`."""
        rec = self.record(desk, case_id)
        sealed = rec["parties"][0]["name"]["sealed"]
        bound = rec["data_key"]["case"]
        found = [k for k in candidates if probe.open_field(k, sealed, bound, "parties[0].name")
                 == name]
        self.assertEqual(len(found), 1, case_id)
        return found[0]

    def collect_garbage(self, repo):
        self.git(repo, "reflog", "expire", "--expire=now", "--all")
        self.git(repo, "gc", "-q", "--prune=now")

    # -- erasure across clones --------------------------------------------------

    def test_after_erase_sync_and_gc_no_copy_opens_the_case_and_every_other_still_does(self):
        template = self.district()
        repos = os.path.join(self.tmp, "srv")
        os.makedirs(repos)
        bare = os.path.join(repos, "district.git")
        subprocess.run(["git", "clone", "-q", "--bare", template, bare], check=True,
                       env=self.env)
        # As docs/offices.md sets the server up: no branch is ever rewritten.
        self.git(bare, "config", "receive.denyNonFastForwards", "true")
        server = GitServer(repos, self.env)
        try:
            url = server.url("district.git")
            xjy, wh = os.path.join(self.tmp, "xjy"), os.path.join(self.tmp, "wh")
            self.ok(["clone", url, xjy, "--office", "XJY"], "2026-03-02T08:00:00+08:00", "XJY")
            self.ok(["clone", url, wh, "--office", "WH"], "2026-03-02T08:00:00+08:00", "WH")
            a, b, c = "XJY-2026-000001", "XJY-2026-000002", "WH-2026-000001"
            names = {a: "欧阳秀英", b: "上官明月", c: "司马长风"}
            self.intake(xjy, "XJY", "2026-03-02T09:30:00+08:00", names[a], "14010919800101123")
            self.intake(xjy, "XJY", "2026-03-02T09:40:00+08:00", names[b], "14010919810202234")
            self.intake(wh, "WH", "2026-03-02T09:50:00+08:00", names[c], "14010919820303345")
            self.ok(["-C", xjy, "withdraw", a, "--reason", "双方已自行和解"],
                    "2026-03-03T10:00:00+08:00", "XJY")
            self.ok(["-C", xjy, "close", a, "--retention", "short"],
                    "2026-03-04T10:00:00+08:00", "XJY")
            # Both desks sync at the same moment: each sends keys the server lacks, and the
            # one whose push finds the server's keys changed unites again.
            procs = [subprocess.Popen(
                [MEDIATE, "-C", desk, "sync"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, env=dict(self.env, MEDIATE_NOW="2026-03-04T18:00:00+08:00",
                                    MEDIATE_KEY_FILE=self.key_file(office)))
                for desk, office in ((xjy, "XJY"), (wh, "WH"))]
            for proc in procs:
                out, err = proc.communicate(timeout=600)
                self.assertEqual(proc.returncode, 0, out + err)
            for desk, office, now in ((wh, "WH", "2026-03-04T18:05:00+08:00"),
                                      (xjy, "XJY", "2026-03-04T18:10:00+08:00")):
                self.ok(["-C", desk, "sync"], now, office)
            # The record names its key; the wrapped key is in no case file.
            rec = self.record(xjy, a)
            self.assertEqual(sorted(rec["data_key"]), ["case", "key"])
            self.assertEqual(rec["data_key"]["case"], a)
            # Every desk holds every case's key once synced: the keys came with the sync.
            every = self.all_epoch_keys(template)
            copies = [xjy, wh, bare]
            before = probe.recoverable_data_keys(copies, every)
            key = {cid: self.data_key_of(xjy if cid != c else wh, cid, names[cid], before)
                   for cid in names}
            for desk in (xjy, wh):
                self.assertEqual(set(key.values()) & probe.recoverable_data_keys([desk], every),
                                 set(key.values()), desk)
            r = self.ok(["-C", wh, "show", a, "--reveal"], "2026-03-05T09:00:00+08:00", "WH")
            self.assertIn(names[a], r.stdout)

            # Refused, nothing written: a closed file within its retention (short: ten years
            # from 1 January after closing, so kept to 2036-12-31), an open case, no basis.
            head, ref = self.git(xjy, "rev-parse", "HEAD"), self.keys_ref(xjy)
            r = self.ok(["-C", xjy, "erase", a, "--reason", "到期"], "2036-12-31T17:00:00+08:00",
                        "XJY", code=3)
            self.assertIn("2036-12-31", r.stderr)
            self.assertIn("--basis", r.stderr)
            r = self.ok(["-C", xjy, "erase", b, "--reason", "当事人申请"],
                        "2026-03-05T10:00:00+08:00", "XJY", code=3)
            self.assertIn("--basis", r.stderr)
            self.assertEqual((self.git(xjy, "rev-parse", "HEAD"), self.keys_ref(xjy)),
                             (head, ref))

            # A: its period over, no basis needed. B: still open, on a basis the desk names.
            r = self.ok(["-C", xjy, "erase", a, "--reason", "保管期限届满"],
                        "2037-01-01T09:00:00+08:00", "XJY")
            self.assertIn(a, r.stdout)
            self.ok(["-C", wh, "erase", b, "--reason", "当事人申请删除",
                     "--basis", "个人信息保护法第四十七条"], "2037-01-01T09:10:00+08:00", "WH")
            erased = self.record(wh, b)["events"][-1]
            self.assertEqual((erased["type"], erased["reason"], erased["basis"], erased["by"]),
                             ("erased", "当事人申请删除", "个人信息保护法第四十七条",
                              "测试员 <t@example.org>"))
            for desk, office, now in ((xjy, "XJY", "2037-01-01T18:00:00+08:00"),
                                      (wh, "WH", "2037-01-01T18:05:00+08:00"),
                                      (xjy, "XJY", "2037-01-01T18:10:00+08:00")):
                self.ok(["-C", desk, "sync"], now, office)
            # The server took the tombstones though it refuses to rewrite any branch.
            for cid in (a, b):
                kid = self.record(xjy, cid)["data_key"]["key"]
                entry = self.git(bare, "show", "refs/mediate/keys:%s/%s" % (kid[:2], kid))
                self.assertIn("erased:", entry)
                self.assertNotIn("wrapped", entry)
            # Until git collects its garbage the old keys are still in the object files.
            self.assertIn(key[a], probe.recoverable_data_keys([xjy], every))
            for repo in copies:
                self.collect_garbage(repo)
            after = probe.recoverable_data_keys(copies, every)
            self.assertNotIn(key[a], after)
            self.assertNotIn(key[b], after)
            self.assertIn(key[c], after)
            # What the desks see: the erasure, no name; the other case opens.
            r = self.ok(["-C", wh, "show", a, "--reveal"], "2037-01-02T09:00:00+08:00", "WH")
            self.assertIn("保管期限届满", r.stdout)
            self.assertNotIn(names[a], r.stdout)
            self.assertIn(names[a][0] + "某", r.stdout)  # the mask stored beside it
            r = self.ok(["-C", xjy, "show", c, "--reveal"], "2037-01-02T09:00:00+08:00", "XJY")
            self.assertIn(names[c], r.stdout)
            # Statistics still count the erased cases: three case files, three cases.
            files = glob.glob(os.path.join(wh, "cases", "*", "*", "*.yaml"))
            r = self.ok(["-C", wh, "stats", "--by", "year", "--format", "json"],
                        "2037-01-02T09:00:00+08:00", "WH", extra={"MEDIATE_KEY_PASSPHRASE": ""})
            rows = json.loads(r.stdout)
            self.assertEqual(len(files), 3)
            self.assertEqual(rows[0], {"year": "2026", "cases": 3})
        finally:
            server.stop()


    # -- revocation ---------------------------------------------------------------

    def test_a_revoked_key_opens_cases_registered_before_until_rewrap_and_none_since(self):
        store = self.district()
        p, q = "WBL-2026-000001", "WBL-2026-000002"
        self.intake(store, "WBL", "2026-03-02T09:30:00+08:00", "欧阳秀英", "14010919800101123")
        self.ok(["-C", store, "key", "revoke", "XJY", "--reason", "笔记本电脑遗失"],
                "2026-03-03T08:00:00+08:00", "WBL")
        self.intake(store, "WBL", "2026-03-03T09:30:00+08:00", "上官明月", "14010919810202234")
        as_xjy = {"MEDIATE_OFFICE": "XJY"}
        # The revoked key: P (epoch 1) opens, Q (epoch 2) does not; it registers nothing.
        r = self.ok(["-C", store, "show", p, "--reveal"], "2026-03-03T10:00:00+08:00", "XJY",
                    extra=as_xjy)
        self.assertIn("欧阳秀英", r.stdout)
        r = self.ok(["-C", store, "show", q, "--reveal"], "2026-03-03T10:00:00+08:00", "XJY",
                    code=3, extra=as_xjy)
        self.assertIn("epoch 2", r.stderr)
        head = self.git(store, "rev-parse", "HEAD")
        r = self.run_m(["-C", store, "intake", "--received", "2026-03-03T10:30:00+08:00",
                        "--source", "application", "--category", "neighbour", "--summary",
                        "x", "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                        "--applicant", "公孙某某", "--respondent", "邻居乙"],
                       "2026-03-03T10:30:00+08:00", "XJY", as_xjy)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("revoked", r.stderr)
        self.assertEqual(self.git(store, "rev-parse", "HEAD"), head)
        # From the objects alone: XJY's key file opens epoch 1 only, so P's key and not Q's.
        xjy_keys = list(self.epoch_keys(store, "XJY").values())
        wbl_keys = list(self.epoch_keys(store, "WBL").values())
        self.assertEqual(len(xjy_keys), 1)
        self.assertEqual(len(wbl_keys), 2)
        k_p = self.data_key_of(store, p, "欧阳秀英",
                               probe.recoverable_data_keys([store], wbl_keys))
        k_q = self.data_key_of(store, q, "上官明月",
                               probe.recoverable_data_keys([store], wbl_keys))
        self.assertEqual(probe.recoverable_data_keys([store], xjy_keys), {k_p})

        # The revoked office changes no key and cannot rewrap; an active one wraps P's key
        # into epoch 2.
        r = self.ok(["-C", store, "key", "revoke", "WBL", "--reason", "x"],
                    "2026-03-04T08:00:00+08:00", "XJY", code=3, extra=as_xjy)
        self.assertIn("was revoked", r.stderr)
        r = self.ok(["-C", store, "erase", p, "--reason", "x", "--basis", "y"],
                    "2026-03-04T08:00:00+08:00", "XJY", code=3, extra=as_xjy)
        self.assertIn("was revoked", r.stderr)
        self.ok(["-C", store, "key", "rewrap"], "2026-03-04T08:00:00+08:00", "XJY", code=3,
                extra=as_xjy)
        r = self.ok(["-C", store, "key", "rewrap"], "2026-03-04T08:00:00+08:00", "WBL")
        self.assertIn("1 case key(s) wrapped anew with epoch 2; 1 already were", r.stdout)
        self.ok(["-C", store, "show", p, "--reveal"], "2026-03-04T09:00:00+08:00", "XJY",
                code=3, extra=as_xjy)
        r = self.ok(["-C", store, "show", p, "--reveal"], "2026-03-04T09:00:00+08:00", "WBL")
        self.assertIn("欧阳秀英", r.stdout)
        self.collect_garbage(store)
        self.assertEqual(probe.recoverable_data_keys([store], xjy_keys), set())
        self.assertEqual(probe.recoverable_data_keys([store], wbl_keys), {k_p, k_q})

    # -- refusals -------------------------------------------------------------------

    def test_erase_refuses_without_a_reason_an_open_case_and_a_plain_store(self):
        store = self.district()
        case = "WBL-2026-000001"
        self.intake(store, "WBL", "2026-03-02T09:30:00+08:00", "欧阳秀英", "14010919800101123")
        head, ref = self.git(store, "rev-parse", "HEAD"), self.keys_ref(store)
        self.assertTrue(ref)
        r = self.ok(["-C", store, "erase", case], "2026-03-05T10:00:00+08:00", "WBL", code=2)
        self.assertIn("--reason", r.stderr)
        r = self.ok(["-C", store, "erase", case, "--reason", "当事人申请"],
                    "2026-03-05T10:00:00+08:00", "WBL", code=3)
        self.assertIn("not closed", r.stderr)
        self.assertIn("nothing was written", r.stderr)
        self.ok(["-C", store, "erase", "WBL-2026-000009", "--reason", "x", "--basis", "y"],
                "2026-03-05T10:00:00+08:00", "WBL", code=3)
        r = self.ok(["-C", store, "erase", case, "--reason", "  ", "--basis", "法院裁定"],
                    "2026-03-05T10:00:00+08:00", "WBL", code=2)
        self.assertIn("--reason", r.stderr)
        r = self.ok(["-C", store, "erase", case, "--reason", "当事人申请", "--basis", " "],
                    "2026-03-05T10:00:00+08:00", "WBL", code=2)
        self.assertIn("--basis", r.stderr)
        # The case keys lost: a write refuses rather than start them anew without the
        # sealed cases' keys, and goes on once the ref is back.
        self.git(store, "update-ref", "-d", "refs/mediate/keys")
        r = self.run_m(["-C", store, "intake", "--received", "2026-03-05T10:30:00+08:00",
                        "--source", "application", "--category", "neighbour", "--summary", "x",
                        "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                        "--applicant", "公孙某某", "--respondent", "邻居乙"],
                       "2026-03-05T10:30:00+08:00", "WBL")
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("refs/mediate/keys", r.stderr)
        self.assertIn("is missing", r.stderr)
        self.assertEqual(self.git(store, "rev-parse", "HEAD"), head)
        self.assertEqual(self.keys_ref(store), "")
        self.git(store, "update-ref", "refs/mediate/keys", ref)
        self.assertEqual((self.git(store, "rev-parse", "HEAD"), self.keys_ref(store)),
                         (head, ref))
        # Erased once; a lookup by the name no longer finds it; a second erasure is refused.
        r = self.ok(["-C", store, "list", "party:欧阳秀英"], "2026-03-05T10:00:00+08:00", "WBL")
        self.assertIn(case, r.stdout)
        self.ok(["-C", store, "erase", case, "--reason", "当事人申请", "--basis", "法院裁定"],
                "2026-03-05T10:00:00+08:00", "WBL")
        r = self.ok(["-C", store, "list", "party:欧阳秀英"], "2026-03-05T10:05:00+08:00", "WBL")
        self.assertNotIn(case, r.stdout)
        r = self.ok(["-C", store, "erase", case, "--reason", "x", "--basis", "y"],
                    "2026-03-05T11:00:00+08:00", "WBL", code=3)
        self.assertIn("erased already", r.stderr)
        # A new personal value cannot be sealed under the destroyed key.
        r = self.ok(["-C", store, "amend", case, "--party", "1", "--phone", "13900001111",
                     "--reason", "补录"], "2026-03-05T12:00:00+08:00", "WBL", code=3)
        self.assertIn("erased", r.stderr)
        # A plain store has no key to destroy.
        plain = os.path.join(self.tmp, "P")
        self.ok(["init", plain, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00", "WBL")
        self.intake(plain, "WBL", "2026-03-02T09:30:00+08:00", "欧阳秀英", "14010919800101123")
        r = self.ok(["-C", plain, "erase", case, "--reason", "x", "--basis", "y"],
                    "2026-03-05T10:00:00+08:00", "WBL", code=3)
        self.assertIn("holds no sealed personal data", r.stderr)

if __name__ == "__main__":
    unittest.main()
