"""End to end: `mediate intake`, `mediate route` and `mediate assign` in Chinese
(MEDIATE_LANG=zh_CN; LANGUAGE=zh_CN under LC_ALL=C.UTF-8) and still in English under
LC_ALL=C.UTF-8 and MEDIATE_LANG=en: help with the values of enumerated options listed from
the vocabulary (Chinese labels), progress lines with measure words, errors, warnings, the
routing rules' reasons and the reasons of automatic assignment.

The store is `mediate init S --from examples/wanbailin`. Three cases are registered:
1 and 2 邻里纠纷 in 东风社区 (万柏林街道), 3 邻里纠纷 with no place. By the example rules
(examples/wanbailin/routing.yaml) cases 1 and 2 go to the community's committee
C-140109005003 东风社区人民调解委员会 (rule default-community; no other rule's condition
holds) and case 3 cannot be routed (no community). That committee's active mediators who
list 邻里纠纷 (neighbour) among their specialties are M-0318 高敏 and M-0321 赵强
(examples/wanbailin/mediators.csv; M-0317 and M-0319 do not list it, M-0320 is retired), so
assignment by rule gives case 1 to M-0318 (no open cases either, lowest id) and case 2 to
M-0321 (M-0318 now holds one). Expected texts are written by hand."""
import os
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import EXAMPLE_SETUP, MEDIATE, OPERATOR, english_runs, git, isolated_env

LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR", "LOCPATH")
ZH = {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}
ZH_BY_LANGUAGE = {"LANGUAGE": "zh_CN", "LC_ALL": "C.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}
NOW = "2026-03-02T09:30:00+08:00"

CATEGORIES = ("婚姻家庭纠纷、邻里纠纷、房屋宅基地纠纷、合同纠纷、生产经营纠纷、损害赔偿纠纷、"
              "山林土地纠纷、征地拆迁纠纷、环境污染纠纷、劳动争议纠纷、消费纠纷、医疗纠纷、"
              "道路交通事故纠纷、物业纠纷、其他纠纷")
SOURCES = ("当事人申请、电话求助、网上申请、网格排查、法院委派、法院委托、公安移送、信访转办、"
           "政府指派、商会转办")
# Cases 1 and 2: 邻里纠纷 in 东风社区; case 1 at yellow risk.
IN_DONGFENG = ["--category", "邻里纠纷", "--source", "当事人申请", "--summary", "楼上漏水",
               "--street", "万柏林街道", "--community", "东风社区"]
NO_COMMUNITY = ("规则“default-community”分流至案件所在社区的人民调解委员会，"
                "但案件未记录社区（place.community）")


class ZhIntakeRouteAssignTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-zh-intake-")
        env = isolated_env(cls.base, NOW)
        cls.env = {k: v for k, v in env.items() if k not in LANGUAGE_VARIABLES}
        cls.template = os.path.join(cls.base, "S")
        p = subprocess.run([MEDIATE, "init", cls.template, "--from", EXAMPLE_SETUP, "--as",
                            OPERATOR], capture_output=True, text=True, env=dict(cls.env, **EN))
        if p.returncode != 0:
            shutil.rmtree(cls.base, ignore_errors=True)
            raise AssertionError(p.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.base, ignore_errors=True)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="store-", dir=self.base)
        self.store = os.path.join(self.tmp, "S")
        shutil.copytree(self.template, self.store, symlinks=True)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def m(self, language, *args):
        """Runs mediate in the store with only the language variables of `language`."""
        return subprocess.run([MEDIATE, "-C", self.store, "--as", OPERATOR] + list(args),
                              capture_output=True, text=True, env=dict(self.env, **language),
                              timeout=600)

    def head(self):
        return git(self.store, "rev-parse", "--short=7", "HEAD").strip()

    def assertChinese(self, p, allowed=()):
        self.assertEqual(english_runs(p.stdout, allowed), [], p.stdout)
        self.assertEqual(english_runs(p.stderr, allowed), [], p.stderr)

    def register_three(self, language):
        """Cases 1 to 3 (the module's docstring); case 2's applicant, a person, is given a
        legal representative, which is an organisation's (a warning)."""
        r1 = self.m(language, "intake", *IN_DONGFENG, "--risk", "黄", "--applicant", "李某")
        self.assertEqual(r1.returncode, 0, r1.stderr)
        h1 = self.head()
        r2 = self.m(language, "intake", *IN_DONGFENG, "--applicant", "王某",
                    "--applicant-representative", "王某某")
        self.assertEqual(r2.returncode, 0, r2.stderr)
        h2 = self.head()
        r3 = self.m(language, "intake", "--category", "neighbour", "--source", "application",
                    "--summary", "噪音扰民", "--applicant", "赵某")
        self.assertEqual(r3.returncode, 0, r3.stderr)
        return (r1, h1), (r2, h2), (r3, self.head())

    # -- help ---------------------------------------------------------------

    def test_help_in_chinese_lists_the_values_of_the_vocabulary(self):
        expected = {
            "intake": ["纠纷类别，代码或名称：" + CATEGORIES, "来源，代码或名称：" + SOURCES,
                       "风险等级：红、橙、黄、蓝", "申请人类型：自然人、单位（默认：自然人）",
                       "被申请人出生日期，YYYY-MM-DD（须与公民身份号码一致）",
                       "第三人的委托代理人：name=…[,relation=律师,id=…,phone=…,"
                       "authority=一般授权|特别授权]；可重复给出多名",
                       "检查并显示将分配的案件编号；不写入任何内容", "示例："],
            "route": ["只分流这些筛选条件选中的已受理案件", "显示将作出的分流；不写入任何内容",
                      "人工分流的理由（与 --to 同用）",
                      "--dry-run 和 --explain 的输出格式：table、csv、json、md"],
            "assign": ["按规则为每件已分流但尚无调解员的案件指派调解员（限筛选条件选中的案件）",
                       "这些调解员由当事人选择（《人民调解法》第十九条）；默认：指定",
                       "--auto 的输出格式：table、csv、json、md"],
        }
        for command, texts in expected.items():
            p = self.m(ZH, command, "--help")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stderr, "")
            for text in texts:
                self.assertIn(text, p.stdout, command)
            # md and csv are format names, as typed.
            self.assertChinese(p, allowed=["table", "csv", "json", "md"])

    def test_help_in_english_lists_the_codes(self):
        p = self.m(EN, "intake", "--help")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("risk: red, orange, yellow, blue", p.stdout)
        self.assertIn("applicant's kind: person, organisation (default: person)", p.stdout)
        p = self.m({"MEDIATE_LANG": "en"}, "route", "--help")
        self.assertIn("print the routing it would make; write nothing", p.stdout)

    # -- intake, route, assign in Chinese -----------------------------------

    def test_office_day_in_chinese(self):
        (r1, h1), (r2, h2), (r3, h3) = self.register_three(ZH)
        self.assertEqual(r1.stdout, f"已登记 WBL-2026-000001 邻里纠纷（{h1}）\n")
        self.assertEqual(r1.stderr, "")
        self.assertEqual(r2.stdout, f"已登记 WBL-2026-000002 邻里纠纷（{h2}）\n")
        # The warning names the field and says what is wrong, in Chinese.
        self.assertIn("parties[0].representative: 法定代表人只属于单位当事人；该当事人是自然人",
                      r2.stderr)
        self.assertEqual(r3.stdout, f"已登记 WBL-2026-000003 邻里纠纷（{h3}）\n")
        for p in (r1, r2, r3):
            self.assertChinese(p)

        # Every rule tried for case 1, with the facts in labels.
        p = self.m(ZH, "route", "--explain", "WBL-2026-000001")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(), ["#", "规则", "结果", "理由"])
        self.assertEqual([l.split() for l in lines[1:]], [
            ["1", "red-to-centre", "不匹配", "风险等级为黄；规则要求红"],
            ["2", "medical", "不匹配", "类别为邻里纠纷；规则要求医疗纠纷"],
            ["3", "labour", "不匹配", "类别为邻里纠纷；规则要求劳动争议纠纷"],
            ["4", "property", "不匹配", "类别为邻里纠纷；规则要求物业纠纷"],
            ["5", "commerce", "不匹配", "类别为邻里纠纷；规则要求合同纠纷或生产经营纠纷"],
            ["6", "default-community", "匹配", "无条件：所有案件均匹配", "→", "C-140109005003",
             "东风社区人民调解委员会"],
        ])
        self.assertChinese(p, allowed=["red-to-centre", "default-community", "medical", "labour",
                                       "property", "commerce"])

        # The plan: labels only, and the case that cannot be routed on stderr.
        p = self.m(ZH, "route", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(),
                         ["编号", "类别", "风险等级", "规则", "组织编号", "组织", "层级", "说明"])
        self.assertEqual(lines[1].split(), ["WBL-2026-000001", "邻里纠纷", "黄", "default-community",
                                            "C-140109005003", "东风社区人民调解委员会", "社区/村"])
        self.assertEqual(lines[2].split(), ["WBL-2026-000002", "邻里纠纷", "default-community",
                                            "C-140109005003", "东风社区人民调解委员会", "社区/村"])
        self.assertEqual(lines[3], "将分流 2 件案件（试运行：未写入任何内容）；"
                                   "另有 1 件案件无法分流，仍为已受理（见上文）")
        self.assertEqual(p.stderr, f"WBL-2026-000003：未分流：{NO_COMMUNITY}；仍为已受理\n")
        self.assertChinese(p, allowed=["default-community"])
        self.assertEqual(self.head(), h3)

        # The routing, in one commit.
        p = self.m(ZH, "route")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, f"已分流 2 件案件，一次提交（{self.head()}）；"
                                   "另有 1 件案件无法分流，仍为已受理（见上文）\n")
        self.assertEqual(p.stderr, f"WBL-2026-000003：未分流：{NO_COMMUNITY}；仍为已受理\n")
        self.assertChinese(p, allowed=["default-community"])

        # Case 3 by hand; first to an organisation that does not exist.
        p = self.m(ZH, "route", "WBL-2026-000003", "--to", "火星调委会", "--reason", "当事人要求")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stderr, "--to 火星调委会：没有这个调解组织（请给出其编号或全称；"
                                   "“mediate org list”可列出全部调解组织）\n")
        self.assertChinese(p)
        p = self.m(ZH, "route", "WBL-2026-000003", "--to", "WBL-CENTRE", "--reason", "当事人要求")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "已将 WBL-2026-000003 人工分流至 WBL-CENTRE "
                                   f"万柏林区非诉讼纠纷调解中心（区），提交 {self.head()}\n")
        self.assertChinese(p)

        # Assignment by rule: every candidate of the committee, and why.
        p = self.m(ZH, "assign", "--auto", "--dry-run", "--explain", "org:C-140109005003")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(), ["案件", "调解员", "姓名", "等级", "擅长", "组内在办",
                                            "在办", "结果", "理由"])
        rows = [l.split(None, 8) for l in lines[1:-1]]
        self.assertEqual(rows[:4], [
            ["WBL-2026-000001", "M-0317", "郝平涛", "未定级", "否", "0", "0", "非优先",
             "不擅长邻里纠纷；擅长者优先"],
            ["WBL-2026-000001", "M-0318", "高敏", "未定级", "是", "0", "0", "选中",
             "擅长邻里纠纷的调解员：M-0318 高敏 在该组中在办案件最少（0 件），"
             "全部在办案件数（0 件）与他人相同，且编号最小"],
            ["WBL-2026-000001", "M-0319", "蔡晓晓", "未定级", "否", "0", "0", "非优先",
             "不擅长邻里纠纷；擅长者优先"],
            ["WBL-2026-000001", "M-0321", "赵强", "未定级", "是", "0", "0", "-",
             "该组在办案件 0 件，全部在办 0 件"],
        ])
        self.assertEqual(rows[5][:8], ["WBL-2026-000002", "M-0318", "高敏", "未定级", "是", "1",
                                       "1", "-"])
        self.assertEqual(rows[7], ["WBL-2026-000002", "M-0321", "赵强", "未定级", "是", "0", "0",
                                   "选中", "擅长邻里纠纷的调解员：M-0321 赵强 在该组中在办案件最少（0 件）"])
        self.assertEqual(lines[-1], "将指派 2 件案件（试运行：未写入任何内容）")
        self.assertChinese(p)

        p = self.m(ZH, "assign", "--auto", "org:C-140109005003")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.rstrip("\n").split("\n")
        self.assertEqual(lines[0].split(), ["案件", "类别", "组织编号", "等级要求", "调解员", "姓名",
                                            "候选范围"])
        self.assertEqual(lines[1].split(), ["WBL-2026-000001", "邻里纠纷", "C-140109005003", "-",
                                            "M-0318", "高敏", "擅长邻里纠纷的调解员"])
        self.assertEqual(lines[-1], f"已指派 2 件案件，一次提交（{self.head()}）")
        self.assertChinese(p)

        # Nothing left to do.
        p = self.m(ZH, "route")
        self.assertEqual(p.stdout, "没有要分流的案件：没有已受理的案件\n")
        p = self.m(ZH, "assign", "--auto", "org:C-140109005003")
        self.assertEqual(p.stdout, "没有需要指派的案件：没有符合筛选条件且尚无调解员的已分流案件\n")

    def test_errors_in_chinese(self):
        head = self.head()
        # A value of an enumerated option that the vocabulary does not know.
        p = self.m(ZH, "intake", *IN_DONGFENG, "--risk", "紫", "--applicant", "李某")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertEqual(p.stdout, "")
        self.assertEqual(p.stderr, "登记: --risk: 风险等级“紫”不存在；可用的值：红、橙、黄、蓝\n"
                                   "1 处错误；未登记任何案件\n")
        self.assertChinese(p)
        # Chinese labels and codes are both accepted; a party's kind too.
        p = self.m(ZH, "intake", *IN_DONGFENG, "--applicant", "某公司", "--applicant-kind", "法人")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("登记: --applicant-kind: 应为自然人、单位之一，而不是“法人”\n", p.stderr)
        self.assertChinese(p)
        p = self.m(ZH, "route", "--format", "pdf")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stderr, "未知的输出格式“pdf”；可用 table、csv、json 或 md\n")
        p = self.m(ZH, "assign")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(p.stderr, "请给出案件编号（或使用 --auto）\n")
        self.assertEqual(self.head(), head)
        # An unknown case is refused, naming it (the message itself is the store's).
        p = self.m(ZH, "route", "--explain", "WBL-2026-999999")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("WBL-2026-999999", p.stderr)

    def test_chinese_by_language_under_c_utf8(self):
        p = self.m(ZH_BY_LANGUAGE, "intake", *IN_DONGFENG, "--applicant", "李某", "--dry-run")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, "将登记为 WBL-2026-000001（邻里纠纷）；未写入任何内容\n")
        self.assertChinese(p)
        p = self.m(ZH_BY_LANGUAGE, "route")
        self.assertEqual(p.stdout, "没有要分流的案件：没有已受理的案件\n")

    # -- English ------------------------------------------------------------

    def test_english_is_unchanged(self):
        (r1, h1), _, _ = self.register_three(EN)
        self.assertEqual(r1.stdout, f"registered WBL-2026-000001 邻里纠纷 ({h1})\n")
        p = self.m(EN, "route")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout, f"routed 2 cases in one commit ({self.head()}); 1 case could "
                                   "not be routed and stay received (see above)\n")
        self.assertEqual(p.stderr, 'WBL-2026-000003: not routed: rule "default-community" routes '
                                   "to the community committee of the case's place, but the case "
                                   "has no community (place.community); it stays received\n")
        p = self.m({"MEDIATE_LANG": "en"}, "assign", "--auto", "org:C-140109005003")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.rstrip("\n").split("\n")[-1],
                         f"assigned 2 cases in one commit ({self.head()})")
        p = self.m(EN, "intake", *IN_DONGFENG, "--risk", "purple", "--applicant", "李某")
        self.assertEqual(p.stderr, 'intake: --risk: unknown risk "purple"; known: red, orange, '
                                   "yellow, blue\n1 error(s); nothing was registered\n")


if __name__ == "__main__":
    unittest.main()
