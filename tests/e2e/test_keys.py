"""End to end: the keys of personal data — `mediate key init|list|add-office|revoke|
export-recovery`, the keys record keys/district.yaml and the offices' key files
(docs/personal-data.md, "Keys")."""
import base64
import os
import pty
import stat
import subprocess
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, MEDIATE, OPERATOR, StoreTestCase, git, run

PASS = "长城 long passphrase 2026"
NOW = "2026-12-07T10:00:00+08:00"


def b64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class KeysTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.key = os.path.join(self.tmp, "home", "wbl.key")
        self.env = {"MEDIATE_KEY_FILE": self.key, "MEDIATE_KEY_PASSPHRASE": PASS,
                    "MEDIATE_NOW": NOW, "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
                    "MEDIATE_OFFICE": "WBL"}

    def k(self, *args, check=0, env=None, **kw):
        """mediate key ARGS with this desk's key file and passphrase (no terminal: stdin
        is a pipe), `env` on top."""
        return self.m("key", *args, check=check, env=dict(self.env, **(env or {})), stdin="",
                      **kw)

    def record(self):
        with open(os.path.join(self.store, "keys", "district.yaml"), encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def key_file(self, path):
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def init(self):
        self.k("init")
        return self.record()

    def test_init_commits_one_office_and_epoch_1(self):
        before = int(self.commits())
        p = self.k("init")
        self.assertIn("key init: WBL", p.stdout)
        self.assertEqual(int(self.commits()), before + 1)
        msg = git(self.store, "log", "-1", "--format=%B")
        self.assertIn("Mediate-Action: key-init", msg)
        self.assertIn("Mediate-Office: WBL", msg)
        self.assertEqual(git(self.store, "log", "-1", "--format=", "--name-only").split(),
                         ["keys/district.yaml"])
        rec = self.record()
        self.assertEqual(rec["schema"], "keys/1")
        self.assertEqual(list(rec["offices"]), ["WBL"])
        self.assertEqual(rec["offices"]["WBL"]["added"], NOW)
        self.assertEqual(rec["offices"]["WBL"]["by"], "测试员 <tester@example.org>")
        self.assertEqual([e["epoch"] for e in rec["epochs"]], [1])
        self.assertEqual(list(rec["epochs"][0]["sealed"]), ["WBL"])
        # crypto_box_seal of 64 bytes: a 32-byte ephemeral key, 64 bytes, a 16-byte tag.
        self.assertEqual(len(b64(rec["epochs"][0]["sealed"]["WBL"])), 32 + 64 + 16)
        # The key file: mode 600, the record's public key, the secret locked.
        self.assertEqual(mode(self.key), 0o600)
        kf = self.key_file(self.key)
        self.assertEqual(kf["schema"], "office-key/1")
        self.assertEqual(kf["office"], "WBL")
        self.assertEqual(kf["public_key"], rec["offices"]["WBL"]["public_key"])
        self.assertEqual(len(b64(kf["public_key"])), 32)
        self.assertGreater(len(b64(kf["secret"])), 32)  # salt, nonce, tag: never the raw key
        self.assertEqual(self.m("validate").returncode, 0)
        self.assertClean()
        # Again: refused, nothing written.
        again = self.k("init", check=3)
        self.assertIn("already encrypted", again.stderr)
        self.assertIn("key add-office", again.stderr)
        self.assertEqual(int(self.commits()), before + 1)

    def test_two_inits_with_one_passphrase_lock_differently(self):
        self.init()
        other = os.path.join(self.tmp, "store2")
        run(["init", other, "--from", EXAMPLE_SETUP], check=0)
        key2 = os.path.join(self.tmp, "home", "wbl2.key")
        run(["-C", other, "key", "init"], env=dict(self.env, MEDIATE_KEY_FILE=key2), stdin="",
            check=0)
        a, b = self.key_file(self.key), self.key_file(key2)
        self.assertNotEqual(a["secret"], b["secret"])
        self.assertNotEqual(a["public_key"], b["public_key"])

    def test_init_without_a_passphrase_or_terminal_asks_nothing_and_writes_nothing(self):
        before = self.commits()
        env = dict(self.env)
        del env["MEDIATE_KEY_PASSPHRASE"]
        p = self.m("key", "init", env=env, stdin="", check=2)
        self.assertIn("MEDIATE_KEY_PASSPHRASE", p.stderr)
        self.assertIn("not a terminal", p.stderr)
        self.assertEqual(self.commits(), before)
        self.assertFalse(os.path.exists(self.key))
        self.assertFalse(os.path.exists(os.path.join(self.store, "keys")))

    def test_passphrase_from_a_file(self):
        pfile = os.path.join(self.tmp, "pass.txt")
        with open(pfile, "w", encoding="utf-8") as fh:
            fh.write(PASS + "\nignored second line\n")
        self.init()
        env = {k: v for k, v in self.env.items() if k != "MEDIATE_KEY_PASSPHRASE"}
        env["MEDIATE_KEY_PASSPHRASE_FILE"] = pfile
        out = os.path.join(self.tmp, "rec.key")
        p = self.m("key", "export-recovery", "--out", out, env=dict(
            env, MEDIATE_RECOVERY_PASSPHRASE="另一个 recovery phrase"), stdin="", check=0)
        self.assertIn("epochs 1", p.stdout)

    def test_a_loose_key_file_is_refused_by_every_command_that_needs_it(self):
        self.init()
        self.k("add-office", "QF", "--key-file", os.path.join(self.tmp, "qf.key"))
        os.chmod(self.key, 0o644)
        before = self.commits()
        xjy = os.path.join(self.tmp, "xjy.key")
        out = os.path.join(self.tmp, "recovery.key")
        for args in (["add-office", "XJY", "--key-file", xjy], ["revoke", "QF", "--reason", "x"],
                     ["export-recovery", "--out", out]):
            p = self.k(*args, check=3, env={"MEDIATE_RECOVERY_PASSPHRASE": "r"})
            self.assertIn(f"{self.key} is readable by others (mode 0644): run chmod 600 "
                          f"{self.key}", p.stderr)
        self.assertEqual(self.commits(), before)
        self.assertFalse(os.path.exists(xjy))
        self.assertFalse(os.path.exists(out))
        self.assertNotIn("revoked", self.record()["offices"]["QF"])
        os.chmod(self.key, 0o640)  # group only: refused too
        p = self.k("add-office", "XJY", "--key-file", xjy, check=3)
        self.assertIn("(mode 0640): run chmod 600", p.stderr)
        self.assertEqual(self.commits(), before)
        self.assertClean()

    def test_a_wrong_passphrase_is_refused_and_nothing_is_written(self):
        self.init()
        before = self.commits()
        qf = os.path.join(self.tmp, "qf.key")
        p = self.k("add-office", "QF", "--key-file", qf,
                   env={"MEDIATE_KEY_PASSPHRASE": "not it"}, check=3)
        self.assertIn("wrong passphrase", p.stderr)
        self.assertIn(self.key, p.stderr)
        self.assertEqual(self.commits(), before)
        self.assertFalse(os.path.exists(qf))

    def test_add_office_then_revoke_seals_epoch_2_to_active_offices_only(self):
        first = self.init()
        qf = os.path.join(self.tmp, "qf.key")
        xjy = os.path.join(self.tmp, "xjy.key")
        before = self.commits()
        inside = os.path.join(self.store, "qf.key")
        p = self.k("add-office", "QF", "--key-file", inside, check=2)
        self.assertIn("inside the store", p.stderr)
        self.assertFalse(os.path.exists(inside))
        self.assertEqual(self.commits(), before)
        p = self.k("add-office", "QF", "--key-file", qf)
        self.assertIn("sealed epochs 1", p.stdout)
        self.k("add-office", "XJY", "--key-file", xjy)
        self.assertEqual(mode(qf), 0o600)
        rec = self.record()
        self.assertEqual(sorted(rec["offices"]), ["QF", "WBL", "XJY"])
        self.assertEqual(sorted(rec["epochs"][0]["sealed"]), ["QF", "WBL", "XJY"])
        # WBL's sealed secret is untouched by adding offices.
        self.assertEqual(rec["epochs"][0]["sealed"]["WBL"], first["epochs"][0]["sealed"]["WBL"])
        self.assertEqual(self.key_file(qf)["public_key"], rec["offices"]["QF"]["public_key"])
        # QF's desk opens the store with its own key file.
        qf_env = {"MEDIATE_KEY_FILE": qf, "MEDIATE_OFFICE": "QF",
                  "MEDIATE_RECOVERY_PASSPHRASE": "r"}
        self.k("export-recovery", "--out", os.path.join(self.tmp, "qf-rec.key"), env=qf_env)

        before = int(self.commits())
        p = self.k("revoke", "QF", "--reason", "笔记本电脑遗失")
        self.assertIn("epoch 2", p.stdout)
        self.assertEqual(int(self.commits()), before + 1)
        self.assertIn("Mediate-Action: key-revoke", git(self.store, "log", "-1", "--format=%B"))
        rec = self.record()
        self.assertEqual([e["epoch"] for e in rec["epochs"]], [1, 2])
        self.assertEqual(sorted(rec["epochs"][1]["sealed"]), ["WBL", "XJY"])
        self.assertEqual(sorted(rec["epochs"][0]["sealed"]), ["QF", "WBL", "XJY"])
        self.assertEqual(rec["offices"]["QF"]["revoked"], NOW)
        self.assertEqual(rec["offices"]["QF"]["revoked_reason"], "笔记本电脑遗失")
        self.assertNotIn("revoked", rec["offices"]["XJY"])
        # The revoked desk still opens what was sealed to it before (epoch 1), not epoch 2;
        # XJY opens both epochs.
        qf2 = os.path.join(self.tmp, "qf2.key")
        self.k("export-recovery", "--out", qf2, env=qf_env)
        self.assertEqual(sorted(self.key_file(qf2)["epochs"]), ["1"])
        out = os.path.join(self.tmp, "xjy-rec.key")
        self.k("export-recovery", "--out", out,
               env={"MEDIATE_KEY_FILE": xjy, "MEDIATE_OFFICE": "XJY",
                    "MEDIATE_RECOVERY_PASSPHRASE": "r"})
        self.assertEqual(sorted(self.key_file(out)["epochs"]), ["1", "2"])  # keys quoted
        # Refused: again, an unknown code, the last active office.
        before = self.commits()
        self.assertIn("already revoked", self.k("revoke", "QF", "--reason", "x", check=3).stderr)
        self.assertIn("holds no key", self.k("revoke", "HP", "--reason", "x", check=3).stderr)
        self.k("revoke", "XJY", "--reason", "调离")
        self.assertIn("last active key", self.k("revoke", "WBL", "--reason", "x", check=3).stderr)
        self.assertEqual(int(self.commits()), int(before) + 1)
        self.assertEqual([e["epoch"] for e in self.record()["epochs"]], [1, 2, 3])
        self.assertEqual(list(self.record()["epochs"][2]["sealed"]), ["WBL"])
        listing = self.k("list").stdout
        self.assertIn("current epoch: 3", listing)
        self.assertIn("QF  added", listing)
        self.assertIn("epochs 1;", listing)  # QF holds epoch 1 only
        self.assertIn(self.key, listing)
        self.assertNotIn(self.key_file(self.key)["secret"], listing)
        self.assertEqual(self.m("validate").returncode, 0)
        self.assertClean()

    def test_export_recovery_writes_a_private_file_outside_the_store_only(self):
        self.init()
        env = {"MEDIATE_RECOVERY_PASSPHRASE": "恢复 phrase"}
        inside = os.path.join(self.store, "recovery.key")
        p = self.k("export-recovery", "--out", inside, env=env, check=2)
        self.assertIn("inside the store", p.stderr)
        self.assertFalse(os.path.exists(inside))
        out = os.path.join(self.tmp, "recovery.key")
        self.k("export-recovery", "--out", out, env=env)
        self.assertEqual(mode(out), 0o600)
        rec = self.key_file(out)
        self.assertEqual(rec["schema"], "recovery-key/1")
        self.assertEqual(list(rec["epochs"]), ["1"])
        # 64 bytes locked: salt 16, nonce 24, MAC 16.
        self.assertEqual(len(b64(rec["epochs"]["1"])), 16 + 24 + 16 + 64)
        again = self.k("export-recovery", "--out", out, env=env, check=3)
        self.assertIn("never replaced", again.stderr)
        self.assertClean()


    def test_the_merge_driver_merges_the_keys_record_by_office(self):
        self.init()
        path = os.path.join(self.store, "keys", "district.yaml")
        with open(path, encoding="utf-8") as fh:
            base = fh.read()
        self.k("add-office", "QF", "--key-file", os.path.join(self.tmp, "qf.key"))
        with open(path, encoding="utf-8") as fh:
            ours = fh.read()
        # Theirs: another desk gave HP a key (a public key of 32 bytes 0x01, a sealed text).
        rec = yaml.safe_load(base)
        rec["offices"]["HP"] = {"public_key": "AQEB" * 10 + "AQE", "added": NOW,
                                "by": "李某 <li@example.org>"}
        rec["epochs"][0]["sealed"]["HP"] = "c2VhbGVkIHRvIEhQ"
        files = {}
        for name, text in (("O", base), ("A", ours), ("B", yaml.safe_dump(rec, allow_unicode=True))):
            files[name] = os.path.join(self.tmp, name)
            with open(files[name], "w", encoding="utf-8") as fh:
                fh.write(text)
        self.m("merge-file", files["O"], files["A"], files["B"], "keys/district.yaml")
        merged = self.key_file(files["A"])
        self.assertEqual(sorted(merged["offices"]), ["HP", "QF", "WBL"])
        self.assertEqual(sorted(merged["epochs"][0]["sealed"]), ["HP", "QF", "WBL"])
        self.assertEqual(merged["epochs"][0]["sealed"]["HP"], "c2VhbGVkIHRvIEhQ")
        # Two different epochs 2: a conflict, ours left as it was.
        rec["epochs"].append({"epoch": 2, "started": NOW, "by": "李某 <li@example.org>",
                              "sealed": {"HP": "eA"}})
        mine = yaml.safe_load(ours)
        mine["epochs"].append({"epoch": 2, "started": "2026-12-08T10:00:00+08:00",
                               "by": "测试员 <tester@example.org>", "sealed": {"WBL": "eQ"}})
        ours2 = yaml.safe_dump(mine, allow_unicode=True)
        for name, text in (("A", ours2), ("B", yaml.safe_dump(rec, allow_unicode=True))):
            with open(files[name], "w", encoding="utf-8") as fh:
                fh.write(text)
        p = self.m("merge-file", files["O"], files["A"], files["B"], "keys/district.yaml",
                   check=1)
        self.assertIn("epoch 2 differs on the two sides", p.stderr)
        with open(files["A"], encoding="utf-8") as fh:
            self.assertEqual(fh.read(), ours2)
        with open(os.path.join(self.store, ".gitattributes"), encoding="utf-8") as fh:
            self.assertIn("keys/district.yaml merge=mediate\n", fh.read())

    def on_terminal(self, args, answers):
        """Runs mediate -C store ARGS with a terminal as stdin, typing each of `answers`
        once its prompt (ending ": ") is on stderr. Returns (exit status, stderr, what the
        terminal showed)."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("MEDIATE_KEY_PASSPHRASE")}
        env.update(self.env, MEDIATE_USER=OPERATOR, TZ="UTC")
        env.pop("MEDIATE_KEY_PASSPHRASE")
        master, slave = pty.openpty()
        p = subprocess.Popen([MEDIATE, "-C", self.store] + args, stdin=slave,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        os.close(slave)
        err = b""
        for answer in answers:
            while not err.endswith(b": "):
                chunk = p.stderr.read1(256)
                if not chunk:
                    break
                err += chunk
            os.write(master, answer.encode() + b"\n")
            err += b"|"
        out, rest = p.communicate(timeout=120)
        shown = b""
        try:
            while True:
                chunk = os.read(master, 1024)
                if not chunk:
                    break
                shown += chunk
        except OSError:
            pass
        os.close(master)
        return p.returncode, (err + rest).decode(), shown.decode(errors="replace")

    def test_the_passphrase_is_asked_on_the_terminal_twice_without_echo(self):
        before = self.commits()
        code, err, shown = self.on_terminal(["key", "init"], ["秘密 one", "秘密 two"])
        self.assertEqual(code, 2, err)
        self.assertIn("the two passphrases differ", err)
        self.assertEqual(self.commits(), before)
        self.assertFalse(os.path.exists(self.key))
        code, err, shown = self.on_terminal(["key", "init"], ["秘密 pass", "秘密 pass"])
        self.assertEqual(code, 0, err)
        self.assertIn("a new passphrase for the key file of WBL: |", err)
        self.assertIn("the same passphrase again: |", err)
        self.assertNotIn("秘密", shown)  # echo off
        self.assertEqual(int(self.commits()), int(before) + 1)
        # The passphrase typed opens the key: asked once to read it.
        out = os.path.join(self.tmp, "rec.key")
        env = dict(self.env, MEDIATE_KEY_PASSPHRASE="秘密 pass", MEDIATE_RECOVERY_PASSPHRASE="r")
        self.m("key", "export-recovery", "--out", out, env=env, stdin="")
        self.assertEqual(mode(out), 0o600)

if __name__ == "__main__":
    unittest.main()
