"""End to end: the summary line after a refused write counts the errors it has just named
(intake's "N error(s); nothing was registered", a step's "N problem(s) in ID after VERB")."""
import re
import unittest

from mediate_support import StoreTestCase


class ErrorCountTest(StoreTestCase):
    def named(self, stderr, prefix):
        """The diagnostic lines of `stderr` that start with `prefix`."""
        return [line for line in stderr.splitlines() if line.startswith(prefix)]

    def test_intake_counts_its_place_error(self):
        p = self.m("intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", "漏水",
                   "--street", "月球街道", "--applicant", "李某", check=3,
                   env={"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"})
        self.assertEqual(self.named(p.stderr, "intake: "),
                         ["intake: place.street: unknown street 月球街道"])
        self.assertIn("\n1 error(s); nothing was registered", p.stderr)

    def test_a_step_counts_the_problems_it_names(self):
        # Registered and routed on March 5th; assigning with the clock set back to March 1st
        # puts the step before the one it follows: the whole-case check names two problems.
        later = {"MEDIATE_NOW": "2026-03-05T10:00:00+08:00"}
        self.m("intake", "--category", "邻里纠纷", "--source", "当事人申请", "--summary", "漏水",
               "--street", "万柏林街道", "--community", "东风社区", "--applicant", "李某",
               "--received", "2026-03-01T09:00:00+08:00", env=later)
        self.m("route", env=later)
        head = self.commits()
        p = self.m("assign", "WBL-2026-000001", "M-0001", check=3,
                   env={"MEDIATE_NOW": "2026-03-02T10:00:00+08:00"})
        named = self.named(p.stderr, "cases/")
        self.assertEqual(len(named), 2, p.stderr)
        m = re.search(r"(\d+) problem\(s\) in WBL-2026-000001 after assign; nothing written",
                      p.stderr)
        self.assertIsNotNone(m, p.stderr)
        self.assertEqual(int(m.group(1)), 2)
        self.assertEqual(self.commits(), head)


if __name__ == "__main__":
    unittest.main()
