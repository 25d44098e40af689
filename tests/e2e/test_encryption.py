"""End to end: personal data encrypted at rest (docs/personal-data.md). A district store
gets its keys (`mediate key init`, `key add-office`); two street offices clone it from a
real `git daemon` on 127.0.0.1 and register, import the 2022 ledger, amend, edit, sync and
run into a conflict. Then the whole clone directory — work tree, every file under .git and
every git object (`git cat-file --batch-all-objects --batch`) — of both desks and of the
server holds none of the parties' ID numbers, phones, addresses or full names. The test
knows them from its own input: the values it typed and the ledger's cells, read here with
Python's csv module.

With the key, `show --reveal`, `doc --reveal` and `party:` give the values typed; without
it, `stats`, `list`, `route`, `due` and `report` work and print masked values; a wrong
passphrase or a key file readable by others is refused with nothing written."""
import csv
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, MEDIATE, citizen_id, operator_env
from test_sync import GitServer

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PASS = "门前三包-2026"
STREET_XJY, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
MEDIATOR = "M-0318"  # an active mediator of C-140109005003 (examples/wanbailin/mediators.csv)

# The parties the desks register by hand: full names, ID numbers, phones, addresses.
APPLICANT = "欧阳秀英"
APPLICANT_ID = citizen_id("14010919800101123")
APPLICANT_PHONE = "13812340001"
APPLICANT_ADDRESS = "万柏林区千峰南路十八号院"
RESPONDENT = "司马建国"
RESPONDENT_PHONE = "13987650002"
AGENT = "诸葛律明"
AGENT_PHONE = "13611112222"
AMENDED_PHONE = "13755556666"  # the applicant's phone after `amend`
EDITED_PHONE = "15044443333"   # the respondent's phone typed in plain in `edit`
XJY_PHONE = "18611110007"      # the conflict: each desk amends the same phone
WH_PHONE = "18622220008"
SUMMARY = "欧阳秀英与司马建国因院内停车位归属发生争执"
NOTE = "欧阳秀英称车位系其父购买"


def git(repo, *args, env=None, binary=False):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True,
                          text=not binary, env=env)


def ledger_secrets(path):
    """The ID numbers and phones of every party of a ledger, read from its cells."""
    numbers = set()
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for col, cell in row.items():
                if col and ("证件号码" in col or "电话" in col) and cell and cell.strip():
                    numbers.add(cell.strip())
    return numbers


def number_windows(blob):
    """Every 11- and 18-character window of every run of digits (and X) of 11 or more in
    `blob`: where a phone or ID number would be, in whatever surrounds it."""
    found = set()
    for m in re.finditer(rb"[0-9X]{11,}", blob):
        run = m.group().decode()
        for n in (11, 18):
            for i in range(0, len(run) - n + 1):
                found.add(run[i:i + n])
    return found


def everything_in(directory):
    """The bytes of every file under `directory` and, for each git repository there (a
    work tree's .git or a bare repository), every object's content uncompressed."""
    blobs = []
    repos = set()
    for root, dirs, files in os.walk(directory):
        if os.path.basename(root) == ".git" or (
                "objects" in dirs and "refs" in dirs and os.path.exists(
                    os.path.join(root, "HEAD"))):
            repos.add(root)
        for name in files:
            p = os.path.join(root, name)
            if os.path.islink(p):
                continue
            with open(p, "rb") as f:
                blobs.append(f.read())
    for repo in repos:
        p = subprocess.run(["git", "--git-dir", repo, "cat-file", "--batch-all-objects",
                            "--batch"], capture_output=True, check=True)
        blobs.append(p.stdout)
    return b"\n".join(blobs)


class EncryptionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-crypt-")
        cls.home = os.path.join(cls.base, "home")
        os.makedirs(cls.home)
        cls.env = operator_env(cls.home, "测试员 <t@example.org>")
        cls.env["MEDIATE_KEY_PASSPHRASE"] = PASS
        with open(cls.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 测试员\n\temail = t@example.org\n"
                    "[init]\n\tdefaultBranch = main\n")
        # No key is kept between commands unless a test asks (key_cache.hpp).
        cls.env.pop("XDG_RUNTIME_DIR", None)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="t-", dir=self.base)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_m(self, args, now, env=None, stdin=None):
        e = dict(self.env, MEDIATE_NOW=now)
        e.update(env or {})
        return subprocess.run([MEDIATE] + list(args), capture_output=True, text=True, env=e,
                              timeout=900, input=stdin)

    def ok(self, args, now, env=None, code=0, stdin=None):
        r = self.run_m(args, now, env, stdin)
        self.assertEqual(r.returncode, code, "mediate %s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def key_env(self, office):
        return {"MEDIATE_KEY_FILE": os.path.join(self.tmp, office + ".key")}

    def district(self):
        """A store with its keys: the district centre (WBL) and offices XJY and WH."""
        store = os.path.join(self.tmp, "S")
        self.ok(["init", store, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00")
        self.ok(["-C", store, "key", "init", "--office", "WBL"], "2026-03-01T08:10:00+08:00",
                self.key_env("WBL"))
        for office in ("XJY", "WH"):
            self.ok(["-C", store, "key", "add-office", office, "--key-file",
                     self.key_env(office)["MEDIATE_KEY_FILE"]], "2026-03-01T08:20:00+08:00",
                    self.key_env("WBL"))
        return store

    def intake(self, desk, office, now):
        return self.ok(["-C", desk, "intake", "--received", now, "--source", "application",
                        "--category", "neighbour", "--summary", SUMMARY, "--street", STREET_XJY,
                        "--community", COMMUNITY, "--grid", GRID, "--applicant", APPLICANT, "--applicant-id", APPLICANT_ID,
                        "--applicant-phone", APPLICANT_PHONE, "--applicant-address",
                        APPLICANT_ADDRESS,
                        "--applicant-agent", "name=%s,relation=律师,phone=%s" % (AGENT,
                                                                                 AGENT_PHONE),
                        "--respondent", RESPONDENT, "--respondent-phone", RESPONDENT_PHONE],
                       now, self.key_env(office))

    def case_file(self, desk, case_id):
        [path] = glob.glob(os.path.join(desk, "cases", "*", "*", case_id + ".yaml"))
        with open(path, encoding="utf-8") as f:
            return path, f.read()

    # -- the scan -----------------------------------------------------------------

    def test_no_copy_of_a_desk_or_the_server_holds_a_citizens_data(self):
        template = self.district()
        repos = os.path.join(self.tmp, "srv")
        os.makedirs(repos)
        bare = os.path.join(repos, "district.git")
        subprocess.run(["git", "clone", "-q", "--bare", template, bare], check=True,
                       env=self.env)
        server = GitServer(repos, self.env)
        try:
            url = server.url("district.git")
            xjy = os.path.join(self.tmp, "xjy")
            wh = os.path.join(self.tmp, "wh")
            self.ok(["clone", url, xjy, "--office", "XJY"], "2026-03-02T08:00:00+08:00",
                    self.key_env("XJY"))
            self.ok(["clone", url, wh, "--office", "WH"], "2026-03-02T08:00:00+08:00",
                    self.key_env("WH"))
            case = "XJY-2026-000001"
            self.intake(xjy, "XJY", "2026-03-02T09:30:00+08:00")
            # Routing and assignment need no key: they add no personal value.
            self.ok(["-C", xjy, "route", case], "2026-03-02T11:00:00+08:00",
                    {"MEDIATE_KEY_PASSPHRASE": ""})
            self.ok(["-C", xjy, "assign", case, MEDIATOR], "2026-03-02T14:00:00+08:00",
                    {"MEDIATE_KEY_PASSPHRASE": ""})
            self.ok(["-C", xjy, "session", case, "--mode", "on_site", "--note", NOTE],
                    "2026-03-03T09:30:00+08:00", self.key_env("XJY"))
            self.ok(["-C", xjy, "amend", case, "--party", "1", "--phone", AMENDED_PHONE,
                     "--reason", "电话登记有误"], "2026-03-03T10:00:00+08:00",
                    self.key_env("XJY"))
            # edit: the respondent's phone typed in plain over its sealed value.
            editor = os.path.join(self.tmp, "editor.sh")
            with open(editor, "w") as f:
                f.write("#!/bin/sh\npython3 - \"$1\" <<'EOF'\nimport re, sys\n"
                        "p = sys.argv[1]\ns = open(p, encoding='utf-8').read()\n"
                        "lines = s.split('\\n')\n"
                        "for i, l in enumerate(lines):\n"
                        "    if 'role: \"respondent\"' in l:\n"
                        "        lines[i] = re.sub(r'phone: \\{[^}]*\\}', "
                        "'phone: \"%s\"', l)\n"
                        "open(p, 'w', encoding='utf-8').write('\\n'.join(lines))\nEOF\n"
                        % EDITED_PHONE)
            os.chmod(editor, 0o755)
            self.ok(["-C", xjy, "edit", case, "--reason", "补录被申请人电话"],
                    "2026-03-03T11:00:00+08:00", dict(self.key_env("XJY"), EDITOR=editor),
                    stdin="y\n")
            ledger = os.path.join(LEDGERS, "ledger-2022.csv")
            self.ok(["-C", xjy, "import", ledger], "2026-03-04T09:00:00+08:00",
                    self.key_env("XJY"))
            self.ok(["-C", xjy, "sync"], "2026-03-04T18:00:00+08:00", self.key_env("XJY"))
            self.ok(["-C", wh, "sync"], "2026-03-04T18:05:00+08:00", self.key_env("WH"))
            # The conflict: both desks amend the applicant's phone offline.
            self.ok(["-C", xjy, "amend", case, "--party", "1", "--phone", XJY_PHONE,
                     "--reason", "申请人换号"], "2026-03-05T09:00:00+08:00",
                    self.key_env("XJY"))
            self.ok(["-C", wh, "amend", case, "--party", "1", "--phone", WH_PHONE,
                     "--reason", "申请人换号"], "2026-03-05T09:10:00+08:00", self.key_env("WH"))
            self.ok(["-C", xjy, "sync"], "2026-03-05T18:00:00+08:00", self.key_env("XJY"))
            self.ok(["-C", wh, "sync"], "2026-03-05T18:05:00+08:00", self.key_env("WH"))
            _, text = self.case_file(wh, case)
            self.assertIn("conflicts:", text)  # the merge recorded the two phones

            # The values the desks typed, and every number of the ledger.
            secrets = {APPLICANT_ID, APPLICANT_PHONE, RESPONDENT_PHONE, AGENT_PHONE,
                       AMENDED_PHONE, EDITED_PHONE, XJY_PHONE, WH_PHONE}
            ledger_numbers = ledger_secrets(ledger)
            self.assertGreater(len(ledger_numbers), 6000)  # 3,100 rows, two parties each
            texts = [APPLICANT, RESPONDENT, AGENT, APPLICANT_ADDRESS, SUMMARY, NOTE]
            for where in (xjy, wh, repos):
                blob = everything_in(where)
                self.assertGreater(len(blob), 100000, where)
                windows = number_windows(blob)
                self.assertEqual(sorted(windows & secrets), [], where)
                self.assertEqual(sorted(windows & ledger_numbers), [], where)
                for t in texts:
                    self.assertNotIn(t.encode(), blob, where)
            # The other desk reads the case with its own key.
            r = self.ok(["-C", wh, "show", case, "--reveal"], "2026-03-06T09:00:00+08:00",
                        self.key_env("WH"))
            self.assertIn(APPLICANT_ID, r.stdout)
            self.assertIn(APPLICANT, r.stdout)
        finally:
            server.stop()

    # -- with and without the key ----------------------------------------------------

    def test_with_the_key_the_values_and_without_it_masks(self):
        store = self.district()
        case = "WBL-2026-000001"
        self.intake(store, "WBL", "2026-03-02T09:30:00+08:00")
        key = self.key_env("WBL")
        _, text = self.case_file(store, case)
        self.assertNotIn(APPLICANT_ID, text)
        self.assertIn("**************" + APPLICANT_ID[-4:], text)
        # With the key.
        r = self.ok(["-C", store, "show", case, "--reveal"], "2026-03-03T09:00:00+08:00", key)
        for v in (APPLICANT, APPLICANT_ID, APPLICANT_PHONE, RESPONDENT):
            self.assertIn(v, r.stdout)
        r = self.ok(["-C", store, "doc", case, "--kind", "application", "--reveal"],
                    "2026-03-03T09:00:00+08:00", key)
        self.assertIn(APPLICANT, r.stdout)
        self.assertIn(APPLICANT_ID, r.stdout)
        for term in ("party:" + APPLICANT_ID, "party:" + APPLICANT_PHONE, "party:" + APPLICANT,
                     "party:" + AGENT):
            r = self.ok(["-C", store, "list", term, "--format", "csv"],
                        "2026-03-03T09:00:00+08:00", key)
            self.assertIn(case, r.stdout, term)
        r = self.ok(["-C", store, "list", "party:13000000000", "--format", "csv"],
                    "2026-03-03T09:00:00+08:00", key)
        self.assertNotIn(case, r.stdout)
        # Without: no passphrase and no key file at all.
        bare = {"MEDIATE_KEY_PASSPHRASE": "", "MEDIATE_KEY_FILE": os.path.join(self.tmp, "none")}
        for args in (["stats"], ["list"], ["due"], ["report", "--year", "2026"],
                     ["route", case], ["show", case]):
            r = self.ok(["-C", store] + args, "2026-03-03T10:00:00+08:00", bare)
            for v in (APPLICANT, APPLICANT_ID, APPLICANT_PHONE, RESPONDENT):
                self.assertNotIn(v, r.stdout, args)
        r = self.ok(["-C", store, "list", "--format", "csv"], "2026-03-03T10:00:00+08:00", bare)
        self.assertIn(case, r.stdout)
        r = self.ok(["-C", store, "show", case], "2026-03-03T10:00:00+08:00", bare)
        self.assertIn("欧某", r.stdout)  # the masked applicant
        self.assertIn(APPLICANT_ID[-4:], r.stdout)
        # --reveal without the key is refused.
        r = self.run_m(["-C", store, "show", case, "--reveal"], "2026-03-03T10:00:00+08:00", bare)
        self.assertNotEqual(r.returncode, 0)
        self.assertNotIn(APPLICANT_ID, r.stdout)

    def test_a_wrong_passphrase_or_a_loose_key_file_writes_nothing(self):
        store = self.district()
        head = git(store, "rev-parse", "HEAD").stdout
        key = self.key_env("WBL")
        wrong = dict(key, MEDIATE_KEY_PASSPHRASE="not the passphrase")
        r = self.run_m(["-C", store, "intake", "--received", "2026-03-02T09:30:00+08:00",
                        "--source", "application", "--category", "neighbour", "--summary",
                        SUMMARY, "--street", STREET_XJY, "--applicant", APPLICANT,
                        "--applicant-id", APPLICANT_ID], "2026-03-02T09:30:00+08:00", wrong)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("passphrase", r.stderr)
        self.assertEqual(git(store, "rev-parse", "HEAD").stdout, head)
        self.assertEqual(glob.glob(os.path.join(store, "cases", "*", "*", "*.yaml")), [])
        os.chmod(key["MEDIATE_KEY_FILE"], 0o644)
        r = self.run_m(["-C", store, "intake", "--received", "2026-03-02T09:30:00+08:00",
                        "--source", "application", "--category", "neighbour", "--summary",
                        SUMMARY, "--street", STREET_XJY, "--applicant", APPLICANT],
                       "2026-03-02T09:30:00+08:00", key)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(key["MEDIATE_KEY_FILE"], r.stderr)
        self.assertIn("chmod", r.stderr)
        self.assertEqual(git(store, "rev-parse", "HEAD").stdout, head)
        self.assertEqual(git(store, "status", "--porcelain").stdout, "")

    def test_text_search_reads_the_sealed_summaries_with_the_key(self):
        store = self.district()
        case = "WBL-2026-000001"
        self.intake(store, "WBL", "2026-03-02T09:30:00+08:00")
        key = self.key_env("WBL")
        r = self.ok(["-C", store, "list", "text:停车位", "--format", "csv"],
                    "2026-03-03T09:00:00+08:00", key)
        self.assertIn(case, r.stdout)
        r = self.ok(["-C", store, "list", "text:菜市场", "--format", "csv"],
                    "2026-03-03T09:00:00+08:00", key)
        self.assertNotIn(case, r.stdout)
        r = self.run_m(["-C", store, "list", "text:停车位"], "2026-03-03T09:00:00+08:00",
                       {"MEDIATE_KEY_PASSPHRASE": "", "MEDIATE_KEY_FILE": key["MEDIATE_KEY_FILE"]})
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("text:", r.stderr)
        # The index the search did not use still holds no plain summary.
        blob = everything_in(os.path.join(store, ".git", "mediate"))
        self.assertNotIn(SUMMARY.encode(), blob)

    def test_the_key_is_kept_for_the_session_and_locked_on_demand(self):
        store = self.district()
        runtime = os.path.join(self.tmp, "run")
        os.makedirs(runtime, mode=0o700)
        key = dict(self.key_env("WBL"), XDG_RUNTIME_DIR=runtime)
        self.ok(["-C", store, "intake", "--received", "2026-03-02T09:30:00+08:00", "--source",
                 "application", "--category", "neighbour", "--summary", SUMMARY, "--street",
                 STREET_XJY, "--applicant", APPLICANT], "2026-03-02T09:40:00+08:00", key)
        kept = os.path.join(runtime, "mediate", "WBL.unlocked")
        self.assertTrue(os.path.exists(kept))
        self.assertEqual(os.stat(kept).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(os.path.dirname(kept)).st_mode & 0o777, 0o700)
        with open(self.key_env("WBL")["MEDIATE_KEY_FILE"], "rb") as f, open(kept, "rb") as k:
            self.assertNotIn(f.read(), k.read())
        # Kept: a wrong passphrase is never asked for.
        wrong = dict(key, MEDIATE_KEY_PASSPHRASE="wrong")
        r = self.run_m(["-C", store, "intake", "--received", "2026-03-02T09:35:00+08:00",
                        "--source", "application", "--category", "neighbour", "--summary",
                        SUMMARY, "--street", STREET_XJY, "--applicant", RESPONDENT],
                       "2026-03-02T09:50:00+08:00", wrong)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(glob.glob(os.path.join(store, "cases", "*", "*", "WBL-2026-000002.yaml")))
        self.ok(["-C", store, "key", "lock"], "2026-03-02T10:00:00+08:00", key)
        self.assertFalse(os.path.exists(kept))
        r = self.run_m(["-C", store, "show", "WBL-2026-000001", "--reveal"],
                       "2026-03-02T10:10:00+08:00", wrong)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("passphrase", r.stderr)
        # Not kept at all with MEDIATE_KEY_IDLE_MINUTES=0.
        self.ok(["-C", store, "show", "WBL-2026-000001", "--reveal"], "2026-03-02T10:20:00+08:00",
                dict(key, MEDIATE_KEY_IDLE_MINUTES="0"))
        self.assertFalse(os.path.exists(kept))

    def test_plain_values_are_refused_by_the_merge_and_the_rejects_file_stays_out(self):
        store = self.district()
        case = "WBL-2026-000001"
        self.intake(store, "WBL", "2026-03-02T09:30:00+08:00")
        path, sealed = self.case_file(store, case)
        rel = os.path.relpath(path, store)
        # Theirs: the respondent's phone typed back in plain by hand.
        theirs = re.sub(r'(role: "respondent".*?)phone: \{[^}]*\}', r'\1phone: "13600001111"',
                        sealed)
        self.assertNotEqual(theirs, sealed)
        files = {}
        for name, text in (("O", sealed), ("A", sealed), ("B", theirs)):
            files[name] = os.path.join(self.tmp, name + ".yaml")
            with open(files[name], "w", encoding="utf-8") as f:
                f.write(text)
        r = self.run_m(["-C", store, "merge-file", files["O"], files["A"], files["B"], rel],
                       "2026-03-03T09:00:00+08:00", self.key_env("WBL"))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("parties[1].phone", r.stderr)
        with open(files["A"], encoding="utf-8") as f:
            self.assertEqual(f.read(), sealed)  # ours kept
        # A rejects file inside the store is refused before anything is read.
        ledger = os.path.join(self.tmp, "ledger.csv")
        with open(os.path.join(LEDGERS, "ledger-2022.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines(True)
        with open(ledger, "w", encoding="utf-8") as f:
            f.writelines(lines[:3])
        head = git(store, "rev-parse", "HEAD").stdout
        r = self.run_m(["-C", store, "import", ledger, "--skip-invalid", "--rejects",
                        os.path.join(store, "r.csv")], "2026-03-03T09:00:00+08:00",
                       self.key_env("WBL"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--rejects", r.stderr)
        self.assertEqual(git(store, "rev-parse", "HEAD").stdout, head)
        self.assertFalse(os.path.exists(os.path.join(store, "r.csv")))

    def test_consultations_are_sealed_too(self):
        store = self.district()
        key = self.key_env("WBL")
        bare = {"MEDIATE_KEY_PASSPHRASE": "", "MEDIATE_KEY_FILE": os.path.join(self.tmp, "none")}
        self.ok(["-C", store, "consult", "--name", APPLICANT, "--phone", APPLICANT_PHONE,
                 "--id-number", APPLICANT_ID, "--category", "邻里纠纷", "--question", NOTE,
                 "--advice", "可申请社区调解"], "2026-03-02T09:00:00+08:00", key)
        [path] = glob.glob(os.path.join(store, "consultations", "*", "*.yaml"))
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for v in (APPLICANT, APPLICANT_PHONE, APPLICANT_ID, NOTE):
            self.assertNotIn(v, text)
        r = self.ok(["-C", store, "consult", "list", "--format", "csv"],
                    "2026-03-02T09:10:00+08:00", bare)
        self.assertIn("WBL-ZX-2026-000001", r.stdout)
        for v in (APPLICANT, APPLICANT_PHONE, APPLICANT_ID):
            self.assertNotIn(v, r.stdout)
        self.ok(["-C", store, "validate"], "2026-03-02T09:10:00+08:00", bare)
        # It becomes a case with the visitor's own name and numbers.
        self.ok(["-C", store, "consult", "--to-case", "WBL-ZX-2026-000001", "--respondent",
                 RESPONDENT, "--community", COMMUNITY], "2026-03-02T10:00:00+08:00", key)
        _, text = self.case_file(store, "WBL-2026-000001")
        self.assertNotIn(APPLICANT_ID, text)
        r = self.ok(["-C", store, "show", "WBL-2026-000001", "--reveal"],
                    "2026-03-02T10:10:00+08:00", key)
        self.assertIn(APPLICANT, r.stdout)
        self.assertIn(APPLICANT_ID, r.stdout)
        with open(path, encoding="utf-8") as f:
            self.assertIn('case: "WBL-2026-000001"', f.read())

    def test_the_same_ledger_imported_again_is_recognised_and_repeats_alerted(self):
        store = self.district()
        key = self.key_env("WBL")
        ledger = os.path.join(self.tmp, "ledger.csv")
        with open(os.path.join(LEDGERS, "ledger-2022.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines(True)
        with open(ledger, "w", encoding="utf-8") as f:
            f.writelines(lines[:21])  # 20 rows
        self.ok(["-C", store, "import", ledger], "2026-03-02T09:00:00+08:00", key)
        before = git(store, "rev-list", "--count", "HEAD").stdout
        r = self.ok(["-C", store, "import", ledger], "2026-03-02T09:10:00+08:00", key)
        self.assertIn("20", r.stdout + r.stderr)
        self.assertEqual(git(store, "rev-list", "--count", "HEAD").stdout, before)
        # Two cases of one applicant (the ID number of row 1), registered by hand.
        first_id = next(csv.reader(lines[1:2]))[5]
        for at in ("2026-03-03T09:00:00+08:00", "2026-03-04T09:00:00+08:00"):
            self.ok(["-C", store, "intake", "--received", at, "--source", "application",
                     "--category", "neighbour", "--summary", SUMMARY, "--street", STREET_XJY,
                     "--applicant", APPLICANT, "--applicant-id", first_id], at, key)
        # Without any key, alerts finds the party repeated: three cases by one hash.
        bare = {"MEDIATE_KEY_PASSPHRASE": "", "MEDIATE_KEY_FILE": os.path.join(self.tmp, "none")}
        r = self.ok(["-C", store, "alerts", "--format", "csv"], "2026-03-05T09:00:00+08:00", bare)
        self.assertIn("*" * 14 + first_id[-4:], r.stdout)
        self.assertNotIn(first_id, r.stdout)

    # -- converting a plain store ------------------------------------------------

    def test_encrypt_seals_a_plain_store_in_one_commit(self):
        store = os.path.join(self.tmp, "P")
        self.ok(["init", store, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00")
        key = self.key_env("WBL")
        self.ok(["-C", store, "key", "init", "--office", "WBL"], "2026-03-01T08:10:00+08:00", key)
        self.ok(["-C", store, "encrypt"], "2026-03-01T08:20:00+08:00", key)  # empty: exit 0
        plain = os.path.join(self.tmp, "Q")
        self.ok(["init", plain, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00")
        self.intake(plain, "WBL", "2026-03-02T09:30:00+08:00")
        _, text = self.case_file(plain, "WBL-2026-000001")
        self.assertIn(APPLICANT_ID, text)  # a plain store keeps it plain
        self.ok(["-C", plain, "key", "init", "--office", "WBL"], "2026-03-02T10:00:00+08:00",
                dict(key, MEDIATE_KEY_FILE=os.path.join(self.tmp, "Q.key")))
        before = int(git(plain, "rev-list", "--count", "HEAD").stdout)
        self.ok(["-C", plain, "encrypt"], "2026-03-02T10:10:00+08:00",
                {"MEDIATE_KEY_FILE": os.path.join(self.tmp, "Q.key")})
        self.assertEqual(int(git(plain, "rev-list", "--count", "HEAD").stdout), before + 1)
        # Once is enough: nothing is plain any more, nothing is committed.
        qkey = {"MEDIATE_KEY_FILE": os.path.join(self.tmp, "Q.key")}
        self.ok(["-C", plain, "encrypt"], "2026-03-02T10:15:00+08:00", qkey)
        self.assertEqual(int(git(plain, "rev-list", "--count", "HEAD").stdout), before + 1)
        # history shows the summary sealed on both sides, not the old plain text.
        r = self.ok(["-C", plain, "history", "WBL-2026-000001"], "2026-03-02T10:16:00+08:00",
                    {"MEDIATE_KEY_PASSPHRASE": ""})
        self.assertNotIn(SUMMARY, r.stdout)
        self.assertNotIn("sealed:", r.stdout)
        self.assertNotIn("data_key", r.stdout)
        path, text = self.case_file(plain, "WBL-2026-000001")
        for v in (APPLICANT, APPLICANT_ID, APPLICANT_PHONE, APPLICANT_ADDRESS, SUMMARY):
            self.assertNotIn(v, text)
        # The older commit still holds the plain value (docs/personal-data.md says so).
        rel = os.path.relpath(path, plain)
        self.assertIn(APPLICANT_ID, git(plain, "show", "HEAD~1:" + rel).stdout)
        r = self.ok(["-C", plain, "show", "WBL-2026-000001", "--reveal"],
                    "2026-03-02T10:20:00+08:00", {"MEDIATE_KEY_FILE": os.path.join(self.tmp,
                                                                                   "Q.key")})
        self.assertIn(APPLICANT_ID, r.stdout)


if __name__ == "__main__":
    unittest.main()
