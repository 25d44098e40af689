"""End to end: sodium_probe.py, the outside reader of what mediate seals, against the
binary. A store gets its key (`mediate key init`) and one case; the probe, with only the
key file, its passphrase and the repository's git objects, unlocks the office's key pair,
opens the epoch key, finds the case's wrapped data key among the blobs and opens the
party's name and ID number to the values the test typed. A wrong passphrase is refused
and a random key unwraps nothing."""
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

import sodium_probe as probe
from mediate_support import EXAMPLE_SETUP, MEDIATE, citizen_id, operator_env

PASS = "探针 passphrase 2026"
NOW = "2026-03-02T09:30:00+08:00"
CASE = "WBL-2026-000001"
NAME = "上官明月"
ID_NUMBER = citizen_id("14010919750615432")
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"


class SodiumProbeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-probe-")
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        self.env = operator_env(home, "测试员 <t@example.org>")
        self.env.pop("XDG_RUNTIME_DIR", None)  # no key kept between commands
        self.key = os.path.join(self.tmp, "WBL.key")
        self.env.update({"MEDIATE_KEY_PASSPHRASE": PASS, "MEDIATE_KEY_FILE": self.key,
                         "MEDIATE_NOW": NOW})
        self.store = os.path.join(self.tmp, "S")
        self.ok("init", self.store, "--from", EXAMPLE_SETUP)
        self.ok("-C", self.store, "key", "init", "--office", "WBL")
        self.ok("-C", self.store, "intake", "--received", NOW, "--source", "application",
                "--category", "neighbour", "--summary", "车位纠纷", "--street", STREET,
                "--community", COMMUNITY, "--grid", GRID, "--applicant", NAME,
                "--applicant-id", ID_NUMBER, "--respondent", "司马建国")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def ok(self, *args):
        r = subprocess.run([MEDIATE] + list(args), capture_output=True, text=True,
                           env=self.env, stdin=subprocess.DEVNULL, timeout=600)
        self.assertEqual(r.returncode, 0, "mediate %s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def git(self, *args):
        return subprocess.run(["git", "-C", self.store] + list(args), capture_output=True,
                              check=True).stdout

    def keys_of_store(self):
        public, secret = probe.unlock_office_key(self.key, PASS)
        text = self.git("show", "HEAD:keys/district.yaml").decode("utf-8")
        return probe.epoch_keys(text, "WBL", public, secret)

    def test_the_probe_opens_the_name_typed_with_the_key_file_and_the_objects_alone(self):
        epochs = self.keys_of_store()
        self.assertEqual(sorted(epochs), [1])  # key init makes epoch 1 only
        self.assertEqual(len(epochs[1]), 32)
        self.assertEqual(self.keys_of_store(), epochs)  # the same key on a second unlock

        # The case file as committed is one of the blobs the probe reads.
        [path] = glob.glob(os.path.join(self.store, "cases", "*", "*", CASE + ".yaml"))
        committed = self.git("show", "HEAD:" + os.path.relpath(path, self.store))
        blobs = list(probe.repo_blobs(self.store))
        self.assertIn(committed, blobs)
        listed = self.git("cat-file", "--batch-all-objects", "--batch-check").split(b"\n")
        self.assertEqual(len(blobs), sum(1 for line in listed if b" blob " in line))
        self.assertNotIn(NAME.encode(), b"".join(blobs))
        self.assertNotIn(ID_NUMBER.encode(), b"".join(blobs))

        # One case, one data key, whether its wrapped form sits in the record or elsewhere.
        [data_key] = probe.recoverable_data_keys([self.store], list(epochs.values()))
        record = yaml.safe_load(committed.decode("utf-8"))
        bound = (record.get("data_key") or {}).get("case") or record["id"]
        self.assertEqual(bound, CASE)
        name = record["parties"][0]["name"]
        self.assertEqual(name["masked"], "上某")
        self.assertEqual(len(name["hash"]), 32)
        self.assertEqual(probe.open_field(data_key, name["sealed"], CASE, "parties[0].name"),
                         NAME)
        number = record["parties"][0]["id_number"]
        self.assertEqual(number["masked"], "*" * 14 + ID_NUMBER[-4:])
        self.assertEqual(
            probe.open_field(data_key, number["sealed"], CASE, "parties[0].id_number"),
            ID_NUMBER)
        # Bound to its case and path: elsewhere it does not open.
        self.assertIsNone(probe.open_field(data_key, name["sealed"], CASE, "parties[1].name"))
        self.assertIsNone(
            probe.open_field(data_key, name["sealed"], "WBL-2026-000002", "parties[0].name"))

    def test_a_wrong_passphrase_raises_and_a_random_key_unwraps_nothing(self):
        with self.assertRaises(ValueError):
            probe.unlock_office_key(self.key, PASS + "x")
        stranger = os.urandom(32)
        self.assertEqual(probe.recoverable_data_keys([self.store], [stranger]), set())
        tokens = [t for blob in probe.repo_blobs(self.store) for t in probe.wrapped_tokens(blob)]
        self.assertTrue(tokens)
        self.assertEqual([probe.unwrap(stranger, t) for t in tokens], [None] * len(tokens))
        # No epoch is sealed to an office the record does not list.
        record = self.git("show", "HEAD:keys/district.yaml").decode("utf-8")
        pair = probe.unlock_office_key(self.key, PASS)
        self.assertEqual(probe.epoch_keys(record, "XJY", *pair), {})
        self.assertEqual(sorted(probe.epoch_keys(record, "WBL", *pair)), [1])

    def test_wrapped_tokens_reads_every_yaml_form(self):
        text = ("data_key: {epoch: 1, case: \"X-1\", wrapped: \"AAA_b-c\"}\n"
                "keys:\n  - wrapped: 'DDD'\n    epoch: 2\n  - wrapped: EEE\n"
                "  - {wrapped: FFF, epoch: 3}\nunwrapped: \"GGG\"\nwrapped:\n  epoch: 4\n"
                "\"wrapped\": \"HHH\"\n")
        self.assertEqual(probe.wrapped_tokens(text.encode() + b"\xff"),
                         ["AAA_b-c", "DDD", "EEE", "FFF", "HHH"])


if __name__ == "__main__":
    unittest.main()
