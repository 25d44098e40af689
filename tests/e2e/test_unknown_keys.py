"""End-to-end: keys a record does not know survive every rewrite, at every level.

A store is made with `mediate init S --from examples/wanbailin` (MEDIATE_SOURCE_DIR
= repo root) and one case registered with `mediate intake`. Keys this version does
not know are then planted by hand, as a person with an editor would, and committed
with git:

  the case's top level    case_officer: "老张", archive_box: 17
  its applicant (party)   nationality: "CN"             (before `kind`)
  its place               building: "3号楼", floor: 12, rooms: {a: "101", b: "102"}
  its received event      weather: "rain"             (before `channel`)
  a mediator record       wechat: "wx-0318", certificates: ["调解员证", "心理咨询师"]
  an organisation record  founded: "1985-06-01"

Then `route`, `assign`, `session`, `extend`, `tag`, `terminate`, `close`,
`mediator edit`, `org edit` and `mediator rate` rewrite those files; after each
the files are read back with PyYAML and every planted key must still be there
with its value (a plain number stays a number, a quoted one a string), after
the keys mediate knows, in the order planted (an event's own keys keep their
order among themselves); and `validate` must name each planted key with its
path as a warning at the key's value (line and column counted here from the
file's text) and exit 0. `audit` is not asserted: the hand commit is foreign.

Everything expected is written here by hand from what was planted.
"""

import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP as SETUP
from mediate_support import citizen_id, operator_env, run_at

OPERATOR = "测试员 <t@example.org>"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# 万柏林街道 / 东风社区 / 第11网格 and the community committee of 东风社区 with one
# of its active mediators (examples/wanbailin: orgs.csv, mediators.csv).
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
COMMUNITY_ORG, MEDIATOR = "C-140109005003", "M-0318"
CASE_ID = "WBL-2026-000001"
CASE_FILE = "cases/2026/03/WBL-2026-000001.yaml"
MEDIATOR_FILE = "mediators/M-0318.yaml"
ORG_FILE = "orgs/C-140109005003.yaml"


# What is planted, and what each must read back as.
CASE_TOP = {"case_officer": "老张", "archive_box": 17}
PARTY = {"nationality": "CN"}
PLACE = {"building": "3号楼", "floor": 12, "rooms": {"a": "101", "b": "102"}}
EVENT = {"weather": "rain"}
MEDIATOR_KEYS = {"wechat": "wx-0318", "certificates": ["调解员证", "心理咨询师"]}
ORG_KEYS = {"founded": "1985-06-01"}

# The warnings validate gives: file, path, and the text that starts the value
# (to find its line and column in the file).
WARNINGS = [
    (CASE_FILE, "case_officer", 'case_officer: "'),
    (CASE_FILE, "archive_box", "archive_box: 17"),
    (CASE_FILE, "parties[0].nationality", 'nationality: "'),
    (CASE_FILE, "place.building", 'building: "'),
    (CASE_FILE, "place.floor", "floor: 12"),
    (CASE_FILE, "place.rooms", "rooms: {"),
    (CASE_FILE, "events[0].weather", 'weather: "'),
    (MEDIATOR_FILE, "wechat", 'wechat: "'),
    (MEDIATOR_FILE, "certificates", "certificates: ["),
    (ORG_FILE, "founded", 'founded: "'),
]


class UnknownKeysTest(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="mediate-keys-")
        self.env = operator_env(self.base, OPERATOR)
        self.store = os.path.join(self.base, "S")
        self.step("2026-01-31T08:00:00+08:00", "init", self.store, "--from", SETUP, in_store=False)
        self.step("2026-03-02T09:30:00+08:00", "intake", "--received", "2026-03-02T09:30:00+08:00",
                  "--source", "application", "--category", "neighbour", "--summary", "邻里漏水纠纷",
                  "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                  "--applicant", "李某", "--applicant-id", citizen_id("14010919800101123"),
                  "--applicant-phone", "13800001234", "--respondent", "王某")
        self.plant()

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    # -- helpers ----------------------------------------------------------

    def mediate(self, now, *args, in_store=True):
        prefix = ["-C", self.store] if in_store else []
        return run_at(self.env, now, prefix + list(args))

    def step(self, now, *args, in_store=True):
        r = self.mediate(now, *args, in_store=in_store)
        self.assertEqual(r.returncode, 0, "%s\n%s%s" % (args, r.stdout, r.stderr))
        return r

    def git(self, *args):
        r = subprocess.run(["git", "-C", self.store, "-c", "user.name=手工", "-c",
                            "user.email=hand@example.org"] + list(args),
                           capture_output=True, text=True, env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout

    def text(self, rel):
        with open(os.path.join(self.store, rel), encoding="utf-8") as f:
            return f.read()

    def edit(self, rel, old, new):
        text = self.text(rel)
        self.assertEqual(text.count(old), 1, "%s in %s:\n%s" % (old, rel, text))
        with open(os.path.join(self.store, rel), "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def load(self, rel):
        return yaml.load(self.text(rel), Loader=LOADER)

    def plant(self):
        """Adds the unknown keys by hand, inside the known ones, and commits them."""
        self.edit(CASE_FILE, 'id: "%s"\n' % CASE_ID,
                  'id: "%s"\ncase_officer: "老张"\narchive_box: 17\n' % CASE_ID)
        self.edit(CASE_FILE, '{role: "applicant", kind: ',
                  '{role: "applicant", nationality: "CN", kind: ')
        self.edit(CASE_FILE, "place: {",
                  'place: {building: "3号楼", floor: 12, rooms: {a: "101", b: "102"}, ')
        self.edit(CASE_FILE, 'type: "received"', 'type: "received", weather: "rain"')
        self.edit(MEDIATOR_FILE, 'id: "%s"\n' % MEDIATOR,
                  'id: "%s"\nwechat: "wx-0318"\ncertificates: ["调解员证", "心理咨询师"]\n' % MEDIATOR)
        self.edit(ORG_FILE, 'id: "%s"\n' % COMMUNITY_ORG,
                  'id: "%s"\nfounded: "1985-06-01"\n' % COMMUNITY_ORG)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "hand edit: fields a later version knows")

    def assert_tail(self, mapping, planted, what):
        """`planted` is in `mapping` with its values, as its last keys, in order."""
        keys = list(mapping)
        self.assertEqual(keys[-len(planted):], list(planted), "%s: %s" % (what, mapping))
        for k, v in planted.items():
            self.assertEqual(mapping[k], v, "%s.%s" % (what, k))
            self.assertIs(type(mapping[k]), type(v), "%s.%s" % (what, k))

    def assert_case_kept(self, after):
        c = self.load(CASE_FILE)
        self.assert_tail(c, CASE_TOP, "after " + after + ": the case")
        applicant = c["parties"][0]
        self.assertEqual(applicant["role"], "applicant")
        self.assert_tail(applicant, PARTY, "after " + after + ": parties[0]")
        self.assertEqual(c["place"]["street"], STREET)
        self.assert_tail(c["place"], PLACE, "after " + after + ": place")
        received = c["events"][0]
        self.assertEqual(received["type"], "received")
        self.assertEqual(received["weather"], "rain", "after " + after + ": events[0]")
        # An event is written as at, type, by, then its own keys in the order
        # read, known (channel) or not (weather): planted before `channel`, it
        # stays before it.
        self.assertEqual(list(received), ["at", "type", "by", "weather", "channel"], received)
        return c

    def assert_registries_kept(self, after, org_rewritten):
        """The planted keys are in both records with their values; last in the mediator (it
        has been rewritten) and in the organisation once it has been rewritten too."""
        self.assert_tail(self.load(MEDIATOR_FILE), MEDIATOR_KEYS, "after " + after + ": mediator")
        org = self.load(ORG_FILE)
        if org_rewritten:
            self.assert_tail(org, ORG_KEYS, "after " + after + ": org")
        else:
            self.assertEqual(list(org)[2], "founded", org)  # where it was planted
            self.assertEqual(org["founded"], ORG_KEYS["founded"])

    def where(self, rel, start):
        """file:line:column of the value after `start` (a key and what opens its value),
        counted in characters from the file's text, 1-based."""
        for n, line in enumerate(self.text(rel).split("\n"), 1):
            i = line.find(start)
            if i >= 0:
                key_end = line.index(":", i) + 2  # past ": "
                return "%s:%d:%d" % (rel, n, key_end + 1)
        self.fail("%s not in %s" % (start, rel))

    def assert_validate_warns(self, after):
        """`validate` exits 0 and names each planted key, and only those, as unknown."""
        r = self.mediate("2026-03-20T09:00:00+08:00", "validate")
        self.assertEqual(r.returncode, 0, "after %s:\n%s%s" % (after, r.stdout, r.stderr))
        lines = r.stdout.splitlines()
        expected = ["%s: warning: %s: unknown field (kept as is)" % (self.where(rel, start), path)
                    for rel, path, start in WARNINGS]
        for line in expected:
            self.assertIn(line, lines, "after %s:\n%s" % (after, r.stdout))
        self.assertEqual(sorted(l for l in lines if "unknown field" in l), sorted(expected),
                         "after " + after)
        self.assertIn(" files checked: no errors, ", lines[-1])

    # -- the test ---------------------------------------------------------

    def test_planted_keys_are_warned_about_and_accepted_by_the_schema(self):
        # Before any rewrite: no schema error on place.building (it was
        # `additionalProperties: false`), one warning per planted key.
        self.assert_validate_warns("planting")
        r = self.mediate("2026-03-02T10:00:00+08:00", "validate", "--quiet", CASE_FILE)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "1 files checked: no errors, 7 warnings\n")

    def test_every_rewrite_keeps_the_unknown_keys(self):
        steps = [
            ("route", "2026-03-02T11:00:00+08:00", ["route", "id:" + CASE_ID]),
            ("assign", "2026-03-03T09:00:00+08:00", ["assign", CASE_ID, MEDIATOR]),
            ("session", "2026-03-04T15:00:00+08:00", ["session", CASE_ID, "--mode", "on_site"]),
            ("extend", "2026-03-05T09:00:00+08:00",
             ["extend", CASE_ID, "--to", "2026-05-29", "--consent", "--reason", "双方同意"]),
            ("tag", "2026-03-05T10:00:00+08:00", ["tag", CASE_ID, "exemplary"]),
            ("terminate", "2026-03-06T10:00:00+08:00",
             ["terminate", CASE_ID, "--reason", "分歧过大"]),
            ("close", "2026-03-07T10:00:00+08:00", ["close", CASE_ID]),
        ]
        for name, now, args in steps:
            with self.subTest(step=name):
                before = self.git("rev-parse", "HEAD")
                self.step(now, *args)
                self.assertNotEqual(self.git("rev-parse", "HEAD"), before, name + " committed")
                self.assert_case_kept(name)
                self.assert_validate_warns(name)
        # The steps did happen: the file was rewritten each time.
        c = self.load(CASE_FILE)
        self.assertEqual([e["type"] for e in c["events"]],
                         ["received", "routed", "assigned", "session", "extended", "terminated",
                          "closed"])
        self.assertEqual(c["tags"], ["exemplary"])
        self.assertEqual(c["status"], "closed")

    def test_registry_edits_keep_the_unknown_keys(self):
        self.step("2026-03-02T11:00:00+08:00", "mediator", "edit", MEDIATOR,
                  "--phone", "13900001111")
        m = self.load(MEDIATOR_FILE)
        self.assertEqual(m["phone"], "13900001111")
        self.assert_registries_kept("mediator edit", org_rewritten=False)
        self.assert_validate_warns("mediator edit")

        self.step("2026-03-02T11:10:00+08:00", "org", "edit", COMMUNITY_ORG,
                  "--name", "东风社区人民调解委员会（新）")
        o = self.load(ORG_FILE)
        self.assertEqual(o["name"], "东风社区人民调解委员会（新）")
        self.assert_registries_kept("org edit", org_rewritten=True)
        self.assert_validate_warns("org edit")

        self.step("2026-03-02T11:20:00+08:00", "mediator", "rate", MEDIATOR, "--grade", "2",
                  "--basis", "区调解协会2026年第1号评定决定")
        m = self.load(MEDIATOR_FILE)
        self.assertEqual(m["grade"], 2)
        self.assert_registries_kept("mediator rate", org_rewritten=True)
        self.assert_validate_warns("mediator rate")


if __name__ == "__main__":
    unittest.main()
