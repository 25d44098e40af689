"""The typical-case library de-identifies free text: `exemplary export` over
every case of a store holding the 2022 ledger, every one tagged exemplary by
a hand edit (git commit + `adopt`), with summaries, session notes, agreement
facts and terms written by this test through `amend`, `session`, `agree`
and YAML edits. They name people who are not parties (next to an age or a
kinship word), the parties, their agent, an organisation's representative
and the mediator, and hold licence plates in each form, bank cards, ID
numbers, a credit code, phones and street addresses (PIPL Art. 28, 51;
People's Mediation Law Art. 15). The library must hold none of them — each
planted value is searched for, and each pattern by regex — while the
ordinary sentences planted beside them survive."""
import glob
import os
import re
import unittest

import yaml

from mediate_support import LEDGERS, StoreTestCase, citizen_id, git, run

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# examples/wanbailin: 万柏林街道 / 东风社区 / 第11网格, and M-0318 (高敏) of
# that community's committee (mediators.csv).
PLACE = ["--street", "140109005", "--community", "140109005003", "--grid", "140109005003011"]
MEDIATOR, MEDIATOR_NAME = "M-0318", "高敏"

ID_A = citizen_id("14010919800101123")
ID_PLANTED = citizen_id("14010919750505321")
CREDIT = "91140109MA0H12345X"

# Ordinary sentences that must come through unchanged.
HARMLESS = ["双方当事人在调解员主持下互谅互让。", "2022年赔偿金额12000元。", "邻居关系和睦如初。",
            "经网格员某某劝说，双方握手言和。"]

# Summaries for imported cases: (text, values that must not appear, what must appear instead).
SUMMARIES = [
    ("其子郑小龙（14岁）在小区玩耍时被划伤，证人冯德明说看见了。" + HARMLESS[0],
     ["郑小龙", "小龙", "冯德明", "德明"], ["其子郑某（14岁）", "证人冯某说"]),
    ("女儿蒋雨涵(女，9岁)的自行车被晋A·5K123撞坏，车主电话13987654321，另一辆晋A 12345停在"
     "迎泽大街88号。" + HARMLESS[1],
     ["蒋雨涵", "雨涵", "5K123", "13987654321", "A 12345", "迎泽大街", "88号"],
     ["女儿蒋某(女，9岁)"]),
    ("邻居潘玉林，70周岁，家住和平社区5号楼2单元301室，其妻韩秀英称噪音扰民，座机0351-6012345。"
     + HARMLESS[2],
     ["潘玉林", "玉林", "韩秀英", "秀英", "5号楼", "2单元", "301室", "6012345"],
     ["邻居潘某，70周岁，家住和平社区[已删除]，其妻韩某称"]),
    ("年仅8岁的贾小宝被新能源车晋AD12345剐蹭，车主身份证" + ID_PLANTED + "，旧证140109750505321，"
     "联系(0351)7654321。",
     ["贾小宝", "小宝", "AD12345", ID_PLANTED, "140109750505321", "7654321"], ["年仅8岁的贾某"]),
    ("母亲欧阳春花将欠款转入6222 0212 3456 7890 123，另一卡6217000011112222333，手机139 8765 4321，"
     "货车晋K·88888。" + HARMLESS[3],
     ["欧阳春花", "春花", "6222 0212", "6217000011112222333", "8765", "88888"], ["母亲欧阳某"]),
]
# Set with `amend --summary`.
AMENDED = ("邹建华之子在千峰南路12号院7栋502室门前停放晋A12345，统一社会信用代码" + CREDIT + "。",
           ["邹建华", "建华", "千峰南路", "12号院", "7栋", "502室", "A12345", CREDIT], ["邹某之子"])
# Terms put into an imported case's agreed event by the YAML edit.
TERMS = (["被申请人向申请人转账至卡号6222021234567890123", "由证人冯国栋监督，车辆晋A12345归还"],
         ["6222021234567890123", "冯国栋", "国栋"], ["由证人冯某监督，车辆[已删除]归还"])

# The case registered by this test: its parties, agent, representative and
# mediator named in its own texts.
FRESH_SUMMARY = "李建国家住和平社区9号楼1单元202室，楼上恒达物业管理的水管漏水，李师傅多次找恒达公司未果。"
FRESH_NOTE = ("调解员高敏主持，李建国的代理人周文涛（周律师）到场，老李称建国一家受损，孙宏伟代表恒达物业到场。"
              + HARMLESS[0])
FRESH_FACTS = "恒达物业未及时维修，致李建国家中受损，李建国住康乐巷7号"
FRESH_TERMS = ["太原市万柏林区恒达物业服务有限公司赔偿李建国3500元", "款项转入李建国银行卡6222 0212 3456 7890"]
FRESH_GONE = ["李建国", "建国", "9号楼", "1单元", "202室", "恒达", "李师傅", "老李", "周文涛", "文涛",
              "周律师", MEDIATOR_NAME, "孙宏伟", "宏伟", "康乐巷", "13611112222", "13733334444"]
FRESH_KEPT = ["李某家住和平社区[已删除]，楼上某物业管理的水管漏水，李某多次找某公司未果。",
              "调解员高某主持，李某的代理人周某（周某）到场，李某称某一家受损，孙某代表某物业到场。",
              "1. 某有限公司赔偿李某3500元", "2. 款项转入李某银行卡[已删除]"]

PATTERNS = [
    r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])", r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])",
    r"(?<!\d)1[3-9]\d{9}(?!\d)", r"1[3-9]\d[ -]\d{4}[ -]\d{4}", r"0\d{2,3}-\d{7,8}",
    r"[（(]0\d{2,3}[)）]\d{7,8}", r"(?<!\d)\d{16,19}(?!\d)", r"\d{4}(?:[ -]\d{4}){3}",
    "[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新][A-Z][·• .-]?[A-Z0-9]{5,6}",
    r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])",
    r"\d+号楼", r"\d+单元", r"\d+室", r"[路街巷]\d+号", r"\d+栋",
]


def adult(case):
    """True when no party of `case` could be under 14 (the ID's birth year) and it is no
    medical case: it stays in the library (PIPL Art. 28)."""
    if case["category"] == "medical" or case.get("sensitive"):
        return False
    return all(p.get("id_number") and int(p["id_number"][6:10]) < 2000
               for p in case["parties"] if p["kind"] == "person")


class ExemplaryDeidentifyTest(StoreTestCase):
    def has(self, lib, value, present=True):
        """Fails naming `value` (not the whole library) when it is (not) in `lib`."""
        if (value in lib) != present:
            at = lib.find(value)
            self.fail(f"{value!r} {'missing from' if present else 'found in'} the library"
                      + ("" if at < 0 else f": …{lib[max(0, at - 80):at + 80]}…"))

    def at(self, now, *args):
        return self.m(*args, env={"MEDIATE_NOW": now})

    def cases(self):
        out = {}
        for path in glob.glob(os.path.join(self.store, "cases", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as f:
                out[yaml.load(f, Loader=LOADER)["id"]] = path
        return out

    def register_fresh(self):
        p = self.at("2026-03-02T09:30:00+08:00", "intake", "--received", "2026-03-02T09:30:00+08:00",
                    "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                    *PLACE, "--address", "和平社区9号楼1单元202室", "--applicant", "李建国",
                    "--applicant-id", ID_A, "--applicant-phone", "13611112222",
                    "--applicant-address", "太原市万柏林区东风社区康乐巷7号",
                    "--applicant-agent", "name=周文涛,relation=律师,phone=13733334444",
                    "--respondent", "太原市万柏林区恒达物业服务有限公司",
                    "--respondent-kind", "organisation", "--respondent-id", CREDIT,
                    "--respondent-representative", "孙宏伟")
        cid = re.search(r"registered (\S+)", p.stdout).group(1)
        self.at("2026-03-02T11:00:00+08:00", "route", "id:" + cid)
        self.at("2026-03-02T12:00:00+08:00", "amend", cid, "--summary", FRESH_SUMMARY,
                "--reason", "补充情况")
        self.at("2026-03-03T09:00:00+08:00", "assign", cid, MEDIATOR, "--chosen-by-parties")
        self.at("2026-03-04T15:00:00+08:00", "session", cid, "--mode", "on_site",
                "--participant", "李建国,孙宏伟", "--note", FRESH_NOTE)
        self.at("2026-03-05T16:00:00+08:00", "agree", cid, "--form", "written",
                "--facts", FRESH_FACTS, "--terms", FRESH_TERMS[0], "--terms", FRESH_TERMS[1],
                "--amount", "3500", "--manner", "一次性银行转账", "--place", "东风社区调委会",
                "--deadline", "2026-03-20", "--signed-by", "all", "--mediator-signed", "--sealed")
        return cid

    def test_library_of_the_2022_ledger_holds_no_planted_personal_data(self):
        p = self.m("import", os.path.join(LEDGERS, "ledger-2022.csv"))
        self.assertIn("imported 3,100 cases", p.stdout)
        fresh = self.register_fresh()

        # One hand commit: every case tagged exemplary, planted summaries and terms.
        paths = self.cases()
        records = {}
        for cid, path in paths.items():
            with open(path, encoding="utf-8") as f:
                records[cid] = yaml.load(f, Loader=LOADER)
        chosen = [cid for cid in sorted(paths) if cid != fresh and adult(records[cid])
                  and any(e["type"] == "agreed" for e in records[cid]["events"])][:7]
        self.assertEqual(len(chosen), 7)
        planted = dict(zip(chosen, SUMMARIES))
        terms_case, amended_case = chosen[5], chosen[6]
        for cid, path in paths.items():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.assertNotIn("\ntags:", text)
            text = text.replace("\nevents:", '\ntags: ["exemplary"]\nevents:', 1)
            if cid in planted:
                text = re.sub(r'(?m)^summary: .*$', lambda _m: "summary: " + yaml_str(planted[cid][0]), text,
                              count=1)
            if cid == terms_case:
                text, n = re.subn(r'(type: "agreed", [^\n]*?)\}\n',
                                  lambda m: m.group(1) + ", terms: [" +
                                  ", ".join(yaml_str(t) for t in TERMS[0]) + "]}\n", text, count=1)
                self.assertEqual(n, 1)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        git(self.store, "-c", "user.name=手工", "-c", "user.email=hand@example.org",
            "commit", "-qam", "典型案例：全部入选，补充情况")
        p = self.m("adopt", "--reason", "选编典型案例")
        self.assertIn("3101 case(s) got an amended event", p.stdout)
        self.m("amend", amended_case, "--summary", AMENDED[0], "--reason", "补充情况")

        out = os.path.join(self.tmp, "library.md")
        p = self.m("exemplary", "export", "-o", out)
        with open(out, encoding="utf-8") as f:
            lib = f.read()
        left_out = re.findall(r"left out (\S+):", p.stderr)
        included = int(re.search(r"exported (\d+) typical case", p.stderr).group(1))
        self.assertEqual(included + len(left_out), 3101)
        self.has(lib, f"共 {included} 件")
        for cid in chosen + [fresh]:
            self.has(lib, f"| 案件编号 | {cid} |")

        # Every planted value is gone; what stands in for it is there.
        for text, gone, kept in SUMMARIES + [AMENDED, TERMS]:
            for v in gone:
                self.has(lib, v, False)
            for v in kept:
                self.has(lib, v)
        for v in FRESH_GONE:
            self.has(lib, v, False)
        for v in FRESH_KEPT:
            self.has(lib, v)
        # And every pattern, in the whole library.
        for pattern in PATTERNS:
            found = re.search(pattern, lib)
            self.assertIsNone(found, f"{pattern}: {found and lib[found.start() - 80:found.end() + 20]}")
        # The parties' own numbers and full names, of every case.
        for cid, path in self.cases().items():
            with open(path, encoding="utf-8") as f:
                c = yaml.load(f, Loader=LOADER)
            for party in c["parties"]:
                for key in ("id_number", "phone", "credit_code"):
                    if party.get(key):
                        self.has(lib, party[key], False)
                if party["kind"] == "organisation" and "某" not in party["name"]:
                    self.has(lib, party["name"], False)
        # Ordinary words survive: the text was not simply deleted.
        for sentence in HARMLESS:
            self.has(lib, sentence)
        self.has(lib, "楼上夜间噪音扰民，双方发生口角并有轻微肢体冲突")  # a ledger summary
        self.assertClean()


def yaml_str(s):
    """`s` as a double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    unittest.main()
