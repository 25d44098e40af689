"""End to end: one case through the front desk's corrections — `amend`, routing by hand,
`edit` in an editor (a failed save, then a good one), a hand edit committed with git and
`adopt`ed — with `history` naming each corrected field and `audit` clean at the end.

Expected values are what the test typed; masks are worked out by hand."""
import glob
import os
import shutil
import stat
import subprocess
import tempfile
import textwrap
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, MEDIATE, citizen_id, operator_env, run_at

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CASE = "WBL-2026-000001"


def git(repo, *args, env=None):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                          env=env)


class FrontDeskTest(unittest.TestCase):
    def setUp(self):
        self.base = tempfile.mkdtemp(prefix="mediate-desk-")
        self.env = operator_env(self.base, "前台 <desk@example.org>")
        with open(self.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 手工\n\temail = hand@example.org\n")
        self.store = os.path.join(self.base, "S")
        self.at("2026-03-01T08:00:00+08:00", "init", self.store, "--from", EXAMPLE_SETUP,
                store=False)
        self.at("2026-03-02T09:30:00+08:00", "intake", "--received", "2026-03-02T09:30:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                "--street", "140109005", "--applicant", "李某", "--applicant-id",
                citizen_id("14010919800101123"), "--applicant-phone", "13800001234",
                "--respondent", "王某")

    def tearDown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    def at(self, now, *args, code=0, store=True, env=None, stdin=None):
        r = subprocess.run([MEDIATE] + (["-C", self.store] if store else []) + list(args),
                           capture_output=True, text=True, input=stdin, timeout=600,
                           env=dict(self.env, MEDIATE_NOW=now, **(env or {})))
        if code is not None:
            self.assertEqual(r.returncode, code, "%s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def case(self, case_id=CASE):
        [path] = glob.glob(os.path.join(self.store, "cases", "*", "*", case_id + ".yaml"))
        with open(path, encoding="utf-8") as f:
            return path, yaml.load(f, Loader=LOADER)

    def editor(self, body):
        """An EDITOR script: `body` runs with the file as $1 and a call counter $n."""
        path = os.path.join(self.base, "editor.sh")
        with open(path, "w") as f:
            f.write("#!/bin/sh\nc=%s/editor.count\nn=$(cat $c 2>/dev/null || echo 0)\n"
                    "n=$((n+1)); echo $n > $c\n%s\n" % (self.base, textwrap.dedent(body)))
        os.chmod(path, 0o755)
        return path

    def test_amend_route_edit_and_adopt_leave_a_clean_audit(self):
        # Intake with full party data: the applicant's address, ethnicity and agent, an
        # organisation with its legal representative, a third party.
        case = "WBL-2026-000002"
        self.at("2026-03-02T09:40:00+08:00", "intake", "--received", "2026-03-02T09:40:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                "--street", "140109005", "--applicant", "刘某", "--applicant-id",
                citizen_id("14010919800101123"), "--applicant-phone", "13800001234",
                "--applicant-address", "万柏林区东风社区12号楼3单元501",
                "--applicant-ethnicity", "回族",
                "--applicant-agent", "name=张律师,relation=律师,phone=13911110000,authority=一般授权",
                "--respondent", "某物业服务有限公司", "--respondent-kind", "organisation",
                "--respondent-representative", "赵某", "--respondent-representative-title", "经理",
                "--third-party", "孙某", "--third-party-phone", "13600003333")
        _, c = self.case(case)
        self.assertEqual([(p["role"], p["name"]) for p in c["parties"]],
                         [("applicant", "刘某"), ("respondent", "某物业服务有限公司"),
                          ("third_party", "孙某")])
        # amend: a phone, the community, a party added, the date received.
        self.at("2026-03-02T10:00:00+08:00", "amend", case, "--party", "1", "--phone",
                "13911112222", "--community", "140109005003",
                "--add-party", "role=third_party,name=赵某", "--received", "2026-03-01",
                "--reason", "更正电话，补录社区")
        self.at("2026-03-02T11:00:00+08:00", "route", case, "--to", "C-140109005003",
                "--reason", "社区调委会就近调解")
        # edit: the first save breaks the YAML, the second changes the summary.
        ed = self.editor("""
            if [ $n = 1 ]; then echo 'summary: [unclosed' >> "$1"
            else sed -i '/^summary: \\[unclosed$/d; s/^summary: .*/summary: "楼上卫生间漏水"/' "$1"
            fi""")
        r = self.at("2026-03-03T09:00:00+08:00", "edit", case, "--reason", "补充摘要",
                    env={"EDITOR": ed}, stdin="y\n")
        self.assertIn("Edit again?", r.stderr)
        with open(os.path.join(self.base, "editor.count")) as f:
            self.assertEqual(f.read().strip(), "2")
        _, c = self.case(case)
        self.assertEqual(c["summary"], "楼上卫生间漏水")
        e = c["events"][-1]
        self.assertEqual((e["type"], e["reason"]), ("amended", "补充摘要"))
        self.assertEqual(e["changes"], [{"field": "summary", "from": "楼上漏水",
                                         "to": "楼上卫生间漏水"}])
        self.assertEqual(git(self.store, "log", "-1", "--format=%s").stdout.strip(),
                         "edit: %s summary" % case)
        # No copy of the case is left behind.
        self.assertEqual(glob.glob(os.path.join(self.store, ".git", "mediate", "edit", "*")), [])

        # A hand edit with git, then adopt.
        path, _ = self.case(case)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace('people_involved: 0', 'people_involved: 3')
                    if 'people_involved' in text else
                    text.replace('\nplace:', '\npeople_involved: 3\nplace:'))
        git(self.store, "commit", "-qam", "人数补录", env=self.env)
        hand = git(self.store, "rev-parse", "HEAD").stdout.strip()
        audit = self.at("2026-03-03T10:00:00+08:00", "audit", "--format", "csv", code=1)
        self.assertIn("foreign-commit," + hand[:7], audit.stdout)
        self.at("2026-03-03T10:00:00+08:00", "adopt", "--reason", "补登人数")
        _, c = self.case(case)
        e = c["events"][-1]
        self.assertEqual(e["type"], "amended")
        self.assertEqual(e["reason"], "补登人数 (%s by 手工 <hand@example.org>)" % hand[:7])
        self.assertEqual(e["changes"], [{"field": "people_involved", "to": "3"}])
        msg = git(self.store, "log", "-1", "--format=%B").stdout
        self.assertIn("Mediate-Adopts: " + hand, msg)
        self.at("2026-03-03T10:30:00+08:00", "audit")
        self.at("2026-03-03T10:30:00+08:00", "validate")

        # The whole record of corrections, in the case file and in history.
        self.assertEqual(c["received"], "2026-03-01T00:00:00+08:00")
        self.assertEqual(c["events"][0]["at"], "2026-03-01T00:00:00+08:00")
        amended = [e for e in c["events"] if e["type"] == "amended"]
        self.assertEqual([[ch["field"] for ch in e["changes"]] for e in amended], [
            ["received", "place.community", "parties[1].phone", "parties[4]"],
            ["summary"],
            ["people_involved"],
        ])
        self.assertEqual(amended[0]["changes"][2], {"field": "parties[1].phone",
                                                    "from": "138****1234", "to": "139****2222"})
        routed = [e for e in c["events"] if e["type"] == "routed"]
        self.assertEqual((routed[0]["org"], routed[0]["reason"]),
                         ("C-140109005003", "社区调委会就近调解"))
        history = self.at("2026-03-03T11:00:00+08:00", "history", case).stdout
        # Each corrected field with its old and new value, numbers masked.
        for line in ("    received: 2026-03-02T09:40:00+08:00 → 2026-03-01T00:00:00+08:00",
                     "    place.community: – → 140109005003",
                     "    parties[1].phone: 138****1234 → 139****2222",
                     "    parties[4]: – → third_party 赵某",
                     "    summary: 楼上漏水 → 楼上卫生间漏水",
                     "    people_involved: – → 3"):
            self.assertIn(line + "\n", history)
        for words in ("  amend\n", "  route\n", "  edit\n", "  adopt\n"):
            self.assertIn(words, history)
        self.assertNotIn("13911112222", history)
        self.assertNotIn("13800001234", history)

    def test_edit_refuses_what_may_not_change_and_an_unchanged_or_failed_edit(self):
        head = git(self.store, "rev-parse", "HEAD").stdout
        # Changing the status, then giving up.
        ed = self.editor("""sed -i 's/^status: .*/status: "closed"/' "$1" """)
        r = self.at("2026-03-03T09:00:00+08:00", "edit", CASE, env={"EDITOR": ed}, stdin="n\n",
                    code=3)
        self.assertIn("status: may not be changed by hand", r.stderr)
        self.assertEqual(git(self.store, "rev-parse", "HEAD").stdout, head)
        # An editor that changes nothing, and one that fails.
        r = self.at("2026-03-03T09:00:00+08:00", "edit", CASE.lower(),
                    env={"EDITOR": self.editor("true")})
        self.assertIn("no changes", r.stdout)
        r = self.at("2026-03-03T09:00:00+08:00", "edit", CASE,
                    env={"EDITOR": self.editor("""echo x >> "$1"; exit 1""")}, code=3)
        self.assertIn("exited with status 1", r.stderr)
        self.assertEqual(git(self.store, "rev-parse", "HEAD").stdout, head)
        self.assertEqual(git(self.store, "status", "--porcelain").stdout, "")

    def test_the_edit_copy_is_private(self):
        seen = os.path.join(self.base, "seen")
        ed = self.editor("""stat -c '%%a %%n' "$1" "$(dirname "$1")" > %s""" % seen)
        self.at("2026-03-03T09:00:00+08:00", "edit", CASE, env={"EDITOR": ed})
        with open(seen) as f:
            modes = [line.split()[0] for line in f.read().splitlines()]
        self.assertEqual(modes, ["600", "700"])

    def test_a_case_is_found_by_a_party_and_no_number_is_kept_in_the_index(self):
        # A second case, of another party; a session note on the first.
        self.at("2026-03-02T10:00:00+08:00", "intake", "--received", "2026-03-02T10:00:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "噪音扰民",
                "--street", "140109005", "--applicant", "张三", "--applicant-phone",
                "13700005678")
        self.at("2026-03-02T11:00:00+08:00", "route", CASE, "--to", "C-140109005003",
                "--reason", "就近")
        self.at("2026-03-02T11:10:00+08:00", "assign", CASE, "M-0318")
        self.at("2026-03-03T09:00:00+08:00", "session", CASE, "--mode", "on_site", "--note",
                "双方同意分期赔偿")
        ident = citizen_id("14010919800101123")

        def ids(*terms):
            r = self.at("2026-03-04T09:00:00+08:00", "list", *terms, "--format", "csv")
            return sorted(line.split(",")[0] for line in r.stdout.strip().splitlines()[1:])

        one, two = [CASE], ["WBL-2026-000002"]
        self.assertEqual(ids("party:李某"), one)
        self.assertEqual(ids("party:李 某"), one)  # spaces do not count
        self.assertEqual(ids("party:" + ident.lower()), one)  # a lower-case x
        self.assertEqual(ids("party:138-0000-1234"), one)  # dashes dropped
        self.assertEqual(ids("party:13700005678"), two)
        self.assertEqual(ids("party:王某"), one)  # the respondent
        self.assertEqual(ids("party:李"), [])  # a whole name, not a part of one
        self.assertEqual(ids("party:13900000000"), [])
        self.assertEqual(ids("text:张三"), two)  # names are text too
        self.assertEqual(ids("text:分期"), one)  # and the sessions' notes
        # Printed masked.
        shown = self.at("2026-03-04T09:00:00+08:00", "show", CASE).stdout
        self.assertIn("138****1234", shown)
        self.assertNotIn("13800001234", shown)
        # The derived index holds no plain number: not the ID, not the phone.
        folder = os.path.join(self.store, ".git", "mediate")
        for root, _, files in os.walk(folder):
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
                for number in (ident, "13800001234", "13700005678"):
                    self.assertNotIn(number.encode(), data, os.path.join(root, name))

    def test_full_party_data_at_intake_printed_with_care_and_amended(self):
        ident = citizen_id("14010919800101123")  # born 1980-01-01
        agent_id = citizen_id("14010919900202456")
        self.at("2026-03-02T10:00:00+08:00", "intake", "--received", "2026-03-02T10:00:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "装修噪音",
                "--street", "140109005",
                "--applicant", "刘某", "--applicant-id", ident,
                "--applicant-address", "万柏林区东风社区12号楼3单元501",
                "--applicant-ethnicity", "回族", "--applicant-occupation", "教师",
                "--applicant-agent",
                "name=张律师,relation=律师,id=%s,phone=13911112222,authority=特别授权" % agent_id,
                "--respondent", "某装饰公司", "--respondent-kind", "organisation",
                "--respondent-representative", "赵某", "--respondent-representative-title",
                "经理", "--third-party", "孙某", "--third-party-phone", "13600003333")
        case = "WBL-2026-000002"
        [path] = glob.glob(os.path.join(self.store, "cases", "*", "*", case + ".yaml"))
        with open(path, encoding="utf-8") as f:
            c = yaml.load(f, Loader=LOADER)
        a, r, t = c["parties"]
        self.assertEqual((a["address"], a["ethnicity"], a["occupation"]),
                         ("万柏林区东风社区12号楼3单元501", "回族", "教师"))
        self.assertEqual(a["agents"], [{"name": "张律师", "relation": "律师",
                                        "id_number": agent_id, "phone": "13911112222",
                                        "authority": "special"}])
        self.assertEqual((r["kind"], r["representative"], r["representative_title"]),
                         ("organisation", "赵某", "经理"))
        self.assertEqual((t["role"], t["name"], t["phone"]), ("third_party", "孙某", "13600003333"))
        shown = self.at("2026-03-02T10:05:00+08:00", "show", case).stdout
        self.assertIn("住所 万柏林区东风社区…", shown)  # down to the community
        self.assertNotIn("3单元501", shown)
        self.assertIn("46岁", shown)  # 1980-01-01 to 2026-03-02
        self.assertNotIn("1980-01-01", shown)
        self.assertNotIn("回族", shown)  # ethnicity is not printed by default
        self.assertIn("法定代表人 赵某 (经理)", shown)
        self.assertIn("代理人 张律师 (律师, 特别授权)", shown)
        self.assertIn("139****2222", shown)
        self.assertNotIn("13911112222", shown)
        self.assertNotIn(agent_id, shown)
        # Found by the agent, by name and by phone.
        for term in ("party:张律师", "party:139 1111 2222"):
            r2 = self.at("2026-03-02T10:06:00+08:00", "list", term, "--format", "csv")
            self.assertEqual([l.split(",")[0] for l in r2.stdout.strip().splitlines()[1:]],
                             [case], term)
        # --address before --party is the dispute's; after, the party's own.
        self.at("2026-03-02T11:00:00+08:00", "amend", case, "--address", "东风社区8号楼",
                "--party", "1", "--address", "万柏林区和平社区1号", "--occupation", "退休",
                "--reason", "搬家")
        with open(path, encoding="utf-8") as f:
            c = yaml.load(f, Loader=LOADER)
        self.assertEqual(c["place"]["address"], "东风社区8号楼")
        self.assertEqual(c["parties"][0]["address"], "万柏林区和平社区1号")
        self.assertEqual(c["parties"][0]["occupation"], "退休")
        self.assertEqual([ch["field"] for ch in c["events"][-1]["changes"]],
                         ["place.address", "parties[1].address", "parties[1].occupation"])
        self.at("2026-03-02T11:05:00+08:00", "validate")

    def test_a_ledger_brings_the_parties_own_details_and_a_third_party(self):
        ledger = os.path.join(self.base, "ledger.csv")
        with open(ledger, "w", encoding="utf-8") as f:
            f.write("登记日期,案件来源,纠纷类型,申请人,申请人住所,申请人民族,申请人委托代理人,"
                    "申请人代理人电话,被申请人,被申请人法定代表人,被申请人法定代表人职务,"
                    "第三人,第三人电话,纠纷简要情况,所属街道\n"
                    "2026-03-01,当事人申请,邻里纠纷,周某,万柏林区东风社区3号楼1单元2,汉族,"
                    "吴律师,139-2222-3333,某物业服务有限公司,钱某,经理,郑某,13600004444,"
                    "楼道堆物,万柏林街道\n")
        self.at("2026-03-02T12:00:00+08:00", "import", ledger)
        _, c = self.case("WBL-2026-000002")
        a, r, t = c["parties"]
        self.assertEqual((a["name"], a["address"], a["ethnicity"]),
                         ("周某", "万柏林区东风社区3号楼1单元2", "汉族"))
        self.assertEqual(a["agents"], [{"name": "吴律师", "phone": "13922223333"}])
        self.assertEqual((r["kind"], r["representative"], r["representative_title"]),
                         ("organisation", "钱某", "经理"))
        self.assertEqual((t["role"], t["name"], t["phone"]), ("third_party", "郑某", "13600004444"))
        shown = self.at("2026-03-02T12:05:00+08:00", "show", "WBL-2026-000002").stdout
        self.assertIn("法定代表人 钱某 (经理)", shown)
        self.assertIn("139****3333", shown)

    def test_adopt_with_nothing_to_adopt_is_refused(self):
        r = self.at("2026-03-03T09:00:00+08:00", "adopt", code=3)
        self.assertIn("no hand commits", r.stderr)


if __name__ == "__main__":
    unittest.main()
