"""Typical cases: `tag ID exemplary`, `untag`, and
`exemplary export` — a Markdown library with names reduced to 某, no ID or
phone numbers, no addresses, and no sensitive case (PIPL Art. 28)."""
import glob
import os
import re
import unittest

import yaml

from mediate_support import LEDGERS, StoreTestCase, git

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐")


def with_check_char(first17):
    s = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS))
    return first17 + "10X98765432"[s % 11]


def reduced_person(name):
    for k in COMPOUND:
        if name.startswith(k):
            return k + "某"
    return name[0] + "某"


class ExemplaryTest(StoreTestCase):
    def setUp(self):
        super().setUp()
        self.m("import", os.path.join(LEDGERS, "ledger-2026q1.csv"))
        self.m("route")

    def load_cases(self):
        out = {}
        for path in glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as f:
                c = yaml.safe_load(f)
            out[c["id"]] = c
        return out

    def intake(self, *args):
        p = self.m("intake", "--source", "application", "--received", "2026-03-20", *args)
        return re.search(r"registered (\S+)", p.stdout).group(1)

    def test_export_removes_personal_data_and_sensitive_cases(self):
        # A case whose summary names its parties and a phone, with an address.
        plain = self.intake("--category", "neighbour", "--summary",
                            "张三丰与太原市万柏林区恒达物业服务有限公司因漏水争执，张三丰电话13912345678",
                            "--applicant", "张三丰", "--applicant-phone", "13912345678",
                            "--respondent", "太原市万柏林区恒达物业服务有限公司",
                            "--respondent-kind", "organisation", "--address", "幸福里3号楼2单元")
        medical = self.intake("--category", "medical", "--summary", "手术后遗症赔偿争议",
                              "--applicant", "王五")
        child_id = with_check_char("14010920150601123")  # born 2015-06-01: 10 years old
        child = self.intake("--category", "damages", "--summary", "校园伤害",
                            "--applicant", "赵小明", "--applicant-id", child_id)
        cases = self.load_cases()
        imported = sorted(i for i, c in cases.items() if "import" in c)
        # Imported cases with persons and organisations, and with ID numbers and phones.
        chosen = [i for i in imported
                  if any(p.get("id_number") and p.get("phone") for p in cases[i]["parties"])][:5]
        chosen += [i for i in imported
                   if any(p["kind"] == "organisation" for p in cases[i]["parties"])][:3]
        chosen = [i for i in dict.fromkeys(chosen) if cases[i]["category"] != "medical"]
        tagged = chosen + [plain, medical, child]
        for cid in tagged:
            p = self.m("tag", cid, "exemplary")
            self.assertIn("+exemplary", p.stdout)
        self.assertIn("sensitive", self.m("tag", child, "exemplary", "x1").stderr)
        self.assertIn("sensitive  minor", self.m("show", child).stdout)
        self.assertIn("sensitive  health", self.m("show", medical).stdout)
        self.assertNotIn("sensitive", self.m("show", plain).stdout)
        # Each tag is one commit with mediate's trailers.
        log = git(self.store, "log", "-1", "--format=%B", "--", "cases")
        self.assertIn("Mediate-Action: tag", log)

        out = os.path.join(self.tmp, "library.md")
        p = self.m("exemplary", "export", "-o", out)
        with open(out, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(f"left out {medical}", p.stderr)
        self.assertIn(f"left out {child}", p.stderr)
        self.assertIn("health", p.stderr)
        self.assertIn("minor", p.stderr)

        cases = self.load_cases()
        expected_in = [c for c in tagged if c not in (medical, child)]
        for cid in expected_in:
            self.assertIn(cid, text)
        for cid in (medical, child):
            self.assertNotIn(cid, text)
        self.assertNotIn("手术后遗症", text)
        self.assertNotIn("赵小明", text)
        # Nothing personal from any case file.
        for cid, c in cases.items():
            for party in c["parties"]:
                for key in ("id_number", "phone", "credit_code"):
                    if party.get(key):
                        self.assertNotIn(party[key], text, f"{cid} {key}")
                name = party["name"]
                short = reduced_person(name) if party["kind"] == "person" else None
                if short != name:
                    self.assertNotIn(name, text, f"{cid} full name")
            addr = (c.get("place") or {}).get("address")
            if addr:
                self.assertNotIn(addr, text)
        self.assertIsNone(re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text))
        self.assertIsNone(re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", text))
        # Names are reduced, not just deleted.
        self.assertIn("张某", text)
        self.assertIn("某有限公司", text)
        self.assertIn(f"共 {len(expected_in)} 件", text)

        # untag takes a case out again.
        self.m("untag", plain, "exemplary")
        p = self.m("exemplary", "export")
        self.assertNotIn(plain, p.stdout)
        self.assertIn(expected_in[0], p.stdout)
        self.assertClean()

    def test_tag_twice_changes_nothing(self):
        cid = sorted(self.load_cases())[0]
        self.m("tag", cid, "exemplary")
        n = self.commits()
        p = self.m("tag", cid, "exemplary")
        self.assertIn("nothing to change", p.stdout)
        self.assertEqual(self.commits(), n)
        self.m("tag", cid, "Not Valid", check=2)
        self.m("tag", "WBL-2026-999999", "exemplary", check=3)


if __name__ == "__main__":
    unittest.main()
