"""End to end: the filter refuses codes the store does not know, takes a mediator by name and
a case id alone, and may follow or precede the options (lib/domain/labels.hpp, query.hpp)."""
import csv
import io
import os
import shutil
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, LEDGERS, run

NOW = {"MEDIATE_NOW": "2026-04-15T10:00:00+08:00"}


def mediators_csv():
    """The example's mediator register, read straight from its CSV: id -> (name, org)."""
    with open(os.path.join(EXAMPLE_SETUP, "mediators.csv"), encoding="utf-8") as fh:
        return {r["id"]: (r["name"], r["org"]) for r in csv.DictReader(fh)}


def ids_of(csv_text):
    return [r["id"] for r in csv.DictReader(io.StringIO(csv_text))]


class FilterTest(unittest.TestCase):
    """One store for every test (they only read): the example, the first-quarter ledger
    imported and routed, and one case assigned to a mediator whose name no one else has."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-filters-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        cls.m_("import", os.path.join(LEDGERS, "ledger-2026q1.csv"))
        cls.m_("route")
        routed = list(csv.DictReader(io.StringIO(
            cls.m_("list", "status:routed", "--format", "csv").stdout)))
        cls.register = mediators_csv()
        names = [n for n, _ in cls.register.values()]
        # The first routed case whose organisation has an active mediator with a unique name.
        for row in routed:
            for mid, (name, org) in sorted(cls.register.items()):
                if org == row["org"] and names.count(name) == 1:
                    p = cls.m_("assign", row["id"], mid, check=None)
                    if p.returncode == 0:
                        cls.case, cls.mid, cls.name = row["id"], mid, name
                        return
        raise AssertionError("no case could be assigned")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def m_(cls, *args, check=0):
        return run(["-C", cls.store] + list(args), check=check, env=NOW)

    def refused(self, *args):
        p = self.m_(*args, check=None)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stdout, "")
        return p.stderr

    def test_unknown_codes_are_refused_naming_field_and_value(self):
        err = self.refused("list", "category:martian")
        self.assertIn('category:martian: unknown category "martian"', err)
        self.assertIn("known: ", err)
        self.assertIn("neighbour", err)
        err = self.refused("stats", "--by", "category", "source:owl")
        self.assertIn('source:owl: unknown source "owl"', err)
        err = self.refused("list", "street:月球街道")
        self.assertIn('street:月球街道: unknown street "月球街道"', err)
        err = self.refused("due", "org:NO-SUCH-ORG")
        self.assertIn('org:NO-SUCH-ORG: unknown organisation "NO-SUCH-ORG"', err)
        self.assertIn("mediate org list", err)
        err = self.refused("export", "mediator:M-9999")
        self.assertIn('mediator:M-9999: unknown mediator "M-9999"', err)
        self.assertIn("mediate mediator list", err)
        err = self.refused("list", "mediator:无此人")
        self.assertIn('unknown mediator "无此人"', err)

    def test_free_text_still_answers_nothing(self):
        p = self.m_("list", "text:外星人入侵", "--format", "csv")
        self.assertEqual(ids_of(p.stdout), [])

    def test_a_mediator_by_name_is_that_mediator(self):
        by_id = self.m_("list", "mediator:" + self.mid, "--format", "csv").stdout
        self.assertEqual(ids_of(by_id), [self.case])
        by_name = self.m_("list", "mediator:" + self.name, "--format", "csv").stdout
        self.assertEqual(by_name, by_id)
        lower = self.m_("list", "mediator:" + self.mid.lower(), "--format", "csv").stdout
        self.assertEqual(lower, by_id)

    def test_a_name_several_mediators_share_is_refused_listing_them(self):
        names = [n for n, _ in self.register.values()]
        shared = sorted(n for n in set(names) if names.count(n) > 1)[0]
        err = self.refused("list", "mediator:" + shared)
        same = sorted((mid, org) for mid, (n, org) in self.register.items() if n == shared)
        self.assertIn(f"{len(same)} mediators are named {shared}", err)
        for mid, org in same:
            self.assertIn(f"  {mid} ({org} ", err)

    def test_an_org_by_its_full_name(self):
        by_id = self.m_("list", "org:WBL-CENTRE", "--format", "csv").stdout
        by_name = self.m_("list", "org:万柏林区非诉讼纠纷调解中心", "--format", "csv").stdout
        self.assertEqual(by_name, by_id)

    def test_a_case_id_alone_selects_that_case(self):
        for term in (self.case, self.case.lower()):
            p = self.m_("list", term, "--format", "csv")
            self.assertEqual(ids_of(p.stdout), [self.case])
        # Two ids: either one.
        p = self.m_("list", "WBL-2026-000001", "wbl-2026-000002", "--format", "csv")
        self.assertEqual(ids_of(p.stdout), [])  # AND of two different ids
        p = self.m_("list", "id:wbl-2026-000001,WBL-2026-000002", "--format", "csv")
        self.assertEqual(ids_of(p.stdout), ["WBL-2026-000001", "WBL-2026-000002"])

    def test_route_takes_a_case_id_alone(self):
        # Every case is routed already; a received one would be re-routed. The dry run
        # of one routed id says there is nothing to route rather than refusing the id.
        p = self.m_("route", "--dry-run", "wbl-2026-000002", check=None)
        self.assertNotIn("neither field:value", p.stderr)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_filters_may_follow_the_options(self):
        before = self.m_("stats", "open", "--by", "category", "--format", "csv").stdout
        after = self.m_("stats", "--by", "category", "open", "--format", "csv").stdout
        self.assertEqual(after, before)
        open_cases = len(ids_of(self.m_("list", "open", "--format", "csv").stdout))
        total = [r for r in csv.reader(io.StringIO(after)) if r and r[0] == "total"]
        self.assertEqual(int(total[0][-1]), open_cases)
        # Two dimensions still split on the comma; a filter after them still filters.
        two = self.m_("stats", "--by", "street,category", "org:WBL-CENTRE", "--format", "csv")
        self.assertEqual(two.returncode, 0)
        p = self.m_("list", "--format", "csv", "mediator:" + self.name)
        self.assertEqual(ids_of(p.stdout), [self.case])


if __name__ == "__main__":
    unittest.main()
