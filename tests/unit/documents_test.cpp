// lib/report/documents.cpp and doc_*.cpp: every document of a case file,
// filled from a case that has what it needs, checked against expected
// lines written by hand; what is missing drafted as blanks and listed;
// single documents refused when incomplete; personal data masked unless
// revealed.
#include <catch2/catch.hpp>

#include <string>

#include "case_file.hpp"
#include "lifecycle.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

// The blank signature line every signer gets (no name filled in).
const std::string kSignTail = "：________　日期：____年__月__日";

struct Fixture {
  Settings settings;
  AreaRegistry areas;
  OrgRegistry orgs;
  MediatorRegistry mediators;
  OfficeRegistry offices;
  Case c;

  Fixture() {
    settings.time_zone = *TimeZone::Find("Asia/Shanghai");
    settings.file_no_word = "万人调字";
    settings.vocab = Vocabulary::Builtin();
    Organisation o;
    o.id = "C-140109005003";
    o.name = "东风社区人民调解委员会";
    o.kind = "community_committee";
    o.level = "community";
    orgs[o.id] = o;
    Mediator m;
    m.id = "M-0307";
    m.name = "张振胜";
    mediators[m.id] = m;
    c.id = "WBL-2026-000042";
    c.received = *Timestamp::Parse("2026-03-02T09:30:00+08:00");
    c.source = "application";
    c.category = "neighbour";
    c.summary = "楼上漏水";
    c.amount = Money::FromFen(1230000);
    c.parties.push_back({"applicant", "person", "李某", "11010519491231002X", "", "13800001234"});
    c.parties[0].address = "太原市万柏林区东风社区12号楼3单元";
    c.parties.push_back(
        {"respondent", "organisation", "太原某物业服务有限公司", "", "91110105MA00000012", ""});
    c.parties[1].address = "太原市万柏林区千峰南路8号";
    c.parties[1].representative = "赵某";
    c.parties[1].representative_title = "经理";
    Add("received", {});
    Add("routed", {{"org", "C-140109005003"}, {"level", "community"}});
    Event& a = Add("assigned", {});
    a.payload.Set("mediators", Value::Strings({"M-0307"}));
  }
  Event& Add(const char* type, std::vector<std::pair<const char*, const char*>> payload) {
    Event e;
    e.at = c.received;
    e.type = type;
    e.by = "王某 <wang@example.org>";
    for (auto [k, v] : payload) e.payload.Set(k, Value::String(v));
    c.events.push_back(e);
    return c.events.back();
  }
  // A session, a complete written agreement, a confirmation application,
  // performance, a return visit, and the file closed.
  void Agree() {
    Event& s = Add("session", {{"date", "2026-03-04"},
                               {"mode", "on_site"},
                               {"note", "李某称楼上漏水致天花板受损；物业公司同意赔偿维修费"}});
    s.payload.Set("participants", Value::Strings({"李某", "赵某"}));
    Event& e = Add("agreed", {{"date", "2026-03-05"},
                              {"form", "written"},
                              {"effective", "2026-03-05"},
                              {"facts", "楼上卫生间漏水致楼下天花板受损，双方就维修费用争执"},
                              {"amount", "12300.00"},
                              {"manner", "一次性银行转账"},
                              {"place", "东风社区调委会"},
                              {"performance_deadline", "2026-03-20"}});
    e.payload.Set("terms", Value::Strings({"物业公司赔偿李某维修费12300元", "双方再无其他争议"}));
    e.payload.Set("signed_by", Value::Strings({"李某", "太原某物业服务有限公司"}));
    e.payload.Set("mediator_signed", Value::Bool(true));
    e.payload.Set("sealed", Value::Bool(true));
    Add("confirmation",
        {{"result", "applied"}, {"court", "万柏林区人民法院"}, {"applied", "2026-03-10"}});
    Add("performance", {{"date", "2026-03-20"}, {"performance", "full"}});
    Add("visited", {{"date", "2026-03-25"},
                    {"visitor", "刘某"},
                    {"method", "phone"},
                    {"performance", "full"},
                    {"satisfaction", "satisfied"}});
    Add("closed", {{"date", "2026-03-26"}, {"retention", "long"}});
  }
  DocumentContext Ctx(bool reveal = false) {
    return {&settings, &areas, &orgs, &mediators, &offices, reveal};
  }
  std::string Md(const std::string& kind, bool reveal = true, int session = 0) {
    auto doc = BuildDocument(c, kind, Ctx(reveal), session);
    REQUIRE(doc.ok());
    return RenderDocumentMarkdown(*doc);
  }
};

void CheckAll(const std::string& text, std::initializer_list<std::string> items) {
  for (const auto& item : items) CHECK_THAT(text, Contains(item));
}

}  // namespace

TEST_CASE("documents show the stored file number, else the one derived from the id",
          "[documents]") {
  Fixture f;
  f.Agree();
  // Not stored: derived from WBL-2026-000042 with the store's word (no office record).
  CHECK_THAT(f.Md("agreement"), Contains("# 人民调解协议书\n\n（2026）万人调字第42号\n"));
  Office wbl;
  wbl.code = "WBL";
  wbl.file_no_word = "万中人调字";
  f.offices["WBL"] = wbl;
  CHECK_THAT(f.Md("agreement"), Contains("# 人民调解协议书\n\n（2026）万中人调字第42号\n"));
  // Stored: shown as stored on every document, the cover's 卷号 too.
  f.c.file_no = "（2025）万人调字第7号";
  CHECK_THAT(f.Md("agreement"), Contains("# 人民调解协议书\n\n（2025）万人调字第7号\n"));
  CHECK_THAT(f.Md("cover"), Contains("- **卷号**：（2025）万人调字第7号\n"));
  CHECK(ChineseDate(*Date::Parse("2026-03-05")) == "2026年3月5日");
}

TEST_CASE("document kinds by code or Chinese name", "[documents]") {
  CHECK(DocumentKinds() ==
        std::vector<std::string>{"cover", "application", "receipt", "notice", "refusal", "session",
                                 "agreement", "termination", "confirmation", "visit", "back"});
  CHECK(ResolveDocumentKind("agreement") == "agreement");
  CHECK(ResolveDocumentKind("协议书") == "agreement");
  CHECK(ResolveDocumentKind("调解协议书") == "agreement");
  CHECK(ResolveDocumentKind("口头协议登记") == "agreement");
  CHECK(ResolveDocumentKind("调解笔录") == "session");
  CHECK(ResolveDocumentKind("不予受理告知书") == "refusal");
  CHECK(ResolveDocumentKind("受理通知书") == "receipt");
  CHECK(ResolveDocumentKind("回执") == "receipt");
  CHECK(ResolveDocumentKind("司法确认申请书") == "confirmation");
  CHECK(ResolveDocumentKind("回访记录") == "visit");
  CHECK(ResolveDocumentKind("卷内目录") == "cover");
  CHECK(ResolveDocumentKind("封底") == "back");
  CHECK(ResolveDocumentKind("poster").empty());
  Fixture f;
  auto bad = BuildDocument(f.c, "poster", f.Ctx());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kUsage);
  auto zh = BuildDocument(f.c, "告知书", f.Ctx());
  REQUIRE(zh.ok());
  CHECK(zh->kind == "notice");
}

TEST_CASE("the written agreement holds every Art. 29 item, blanks to sign", "[documents]") {
  Fixture f;
  f.Agree();
  std::string md = f.Md("agreement");
  CheckAll(
      md,
      {"# 人民调解协议书\n\n（2026）万人调字第42号\n",
       "- **申请人**：李某（自然人），公民身份号码：11010519491231002X，住址："
       "太原市万柏林区东风社区12号楼3单元，联系电话：13800001234\n",
       "- **被申请人**：太原某物业服务有限公司（单位），统一社会信用代码：91110105MA00000012"
       "，法定代表人（负责人）：赵某（经理），住所地：太原市万柏林区千峰南路8号\n",
       "楼上卫生间漏水致楼下天花板受损，双方就维修费用争执",
       "1. 物业公司赔偿李某维修费12300元\n2. 双方再无其他争议\n",
       "- **金额**：人民币壹万贰仟叁佰元整（¥12,300.00）\n", "- **履行方式**：一次性银行转账\n",
       "- **履行地点**：东风社区调委会\n", "- **履行期限**：2026年3月20日前\n",
       "本协议一式三份，当事人各执一份，人民调解委员会留存一份。",
       "申请人（签名、盖章或按指印）" + kSignTail, "被申请人（签名、盖章或按指印）" + kSignTail,
       "人民调解员（签名）" + kSignTail, "东风社区人民调解委员会（印章）　日期：____年__月__日"});
  CHECK_THAT(md, !Contains("一式3份"));
  // Signature lines are blanks: no name is filled in after the colon.
  CHECK_THAT(md, !Contains("：李某\n"));
  CHECK_THAT(md, !Contains("：张振胜"));
  auto doc = BuildDocument(f.c, "agreement", f.Ctx(true));
  REQUIRE(doc.ok());
  CHECK(doc->missing.empty());
  std::string html = RenderDocumentHtml(*doc);
  CHECK_THAT(html, Contains("<h1>人民调解协议书</h1>"));
  CHECK_THAT(html, Contains("<li>双方再无其他争议</li>"));

  // Masked by default, and said so.
  std::string m = f.Md("agreement", false);
  CHECK_THAT(m, !Contains("11010519491231002X"));
  CHECK_THAT(m, Contains("110105\\*\\*\\*\\*\\*\\*\\*\\*002X"));
  CHECK_THAT(m, Contains("住址：太原市万柏林区东风社区…，"));
  CHECK_THAT(m, Contains("住所地：太原市万柏林区千峰南…"));
  CHECK_THAT(m, Contains("--reveal"));
}

TEST_CASE("an oral agreement is recorded on the oral-agreement form", "[documents]") {
  Fixture f;
  Event& e = f.Add("agreed", {{"date", "2026-03-05"}, {"form", "oral"}});
  e.payload.Set("terms", Value::Strings({"李某自行维修，物业公司不再追究"}));
  std::string md = f.Md("口头协议登记");
  CheckAll(md,
           {"# 人民调解口头协议登记表\n", "1. 李某自行维修，物业公司不再追究\n",
            "达成日期：2026年3月5日。", "第三十条", "记录人（人民调解员）（签名）" + kSignTail});
  CHECK_THAT(md, !Contains("一式"));
}

TEST_CASE("the intake documents: application, receipt, notice", "[documents]") {
  Fixture f;
  std::string app = f.Md("application");
  CheckAll(app, {"# 人民调解受理登记表\n", "- **受理日期**：2026年3月2日\n",
                 "- **案件来源**：当事人申请\n", "- **纠纷类型**：邻里纠纷\n",
                 "- **纠纷简要情况**：楼上漏水\n",
                 "- **涉及金额**：人民币壹万贰仟叁佰元整（¥12,300.00）\n",
                 "申请人（签名）" + kSignTail, "登记人（签名）" + kSignTail});
  std::string receipt = f.Md("受理通知书");
  CheckAll(receipt,
           {"# 人民调解受理通知书\n\n（2026）万人调字第42号\n", "李某：\n",
            "你（单位）于2026年3月2日申请调解的与太原某物业服务有限公司之间的邻里纠纷，经审查，"
            "符合人民调解的受理条件，东风社区人民调解委员会决定受理（《人民调解法》第十七条）。"
            "本案由人民调解员张振胜主持调解。",
            "## 回执\n\n（2026）万人调字第42号受理通知书已收到。\n", "收件人（签名）" + kSignTail});
  std::string notice = f.Md("notice");
  CheckAll(notice, {"要求调解公开进行或者不公开进行", "申请人签收（签名）" + kSignTail,
                    "被申请人签收（签名）" + kSignTail});
}

TEST_CASE("a session record per session: who took part, what was said", "[documents]") {
  Fixture f;
  f.Agree();
  Event& second = f.Add("session", {{"date", "2026-03-05"}, {"note", "双方确认赔偿方案"}});
  second.payload.Set("participants", Value::Strings({"李某"}));
  std::string first = f.Md("调解笔录", true, 1);
  CheckAll(first, {"# 调解笔录\n\n（2026）万人调字第42号\n", "- **次数**：第一次\n",
                   "- **时间**：2026年3月4日\n", "- **调解方式**：现场\n",
                   "- **调解组织**：东风社区人民调解委员会\n", "- **人民调解员**：张振胜\n",
                   "- **参加人**：李某、赵某\n", "- **记录人**：________\n",
                   "李某称楼上漏水致天花板受损；物业公司同意赔偿维修费\n",
                   "参加人（签名）" + kSignTail + "\n\n参加人（签名）" + kSignTail,
                   "记录人（签名）" + kSignTail});
  std::string latest = f.Md("session");
  CheckAll(latest, {"- **次数**：第二次\n", "- **参加人**：李某\n", "双方确认赔偿方案"});
  auto none = BuildDocument(f.c, "session", f.Ctx(), 3);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kUsage);
}

TEST_CASE("refusal, termination, confirmation, visit, cover, back cover", "[documents]") {
  Fixture f;
  SECTION("refusal: the reason and where to go instead (2002 Provisions Art. 22)") {
    f.c.events.resize(1);
    f.Add("refused", {{"reason", "已向人民法院起诉并已立案"}, {"go_to", "万柏林区人民法院"}});
    std::string md = f.Md("不予受理告知书");
    CheckAll(md, {"# 不予受理告知书\n\n（2026）万人调字第42号\n",
                  "你（单位）于2026年3月2日申请调解的与太原某物业服务有限公司之间的邻里纠纷，"
                  "因已向人民法院起诉并已立案，依照司法部《人民调解工作若干规定》第二十二条的规定，"
                  "本委员会不予受理。",
                  "请你（单位）向万柏林区人民法院申请解决。", "当事人签收（签名）" + kSignTail});
    auto contents = CaseFileContents(f.c, f.settings);
    std::vector<std::string> kinds;
    for (const auto& e : contents) kinds.push_back(e.kind);
    CHECK(kinds == std::vector<std::string>{"cover", "application", "refusal", "back"});
  }
  SECTION("termination") {
    f.Add("terminated", {{"date", "2026-03-20"}, {"reason", "双方分歧过大"}});
    std::string md = f.Md("终止调解告知书");
    CheckAll(md,
             {"李某、太原某物业服务有限公司：\n",
              "你们之间的邻里纠纷，经本委员会调解，因双方分歧过大，调解不成，本委员会决定终止调解"
              "（《人民调解法》第二十六条）。",
              "当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。",
              "申请人签收（签名）" + kSignTail});
  }
  SECTION("the agreed case's file") {
    f.Agree();
    std::string conf = f.Md("司法确认申请书");
    CheckAll(conf,
             {"# 司法确认申请书\n", "- **申请人一**：李某（自然人）",
              "- **申请人二**：太原某物业服务有限公司",
              "请求人民法院确认申请人于2026年3月5日经东风社区人民调解委员会主持调解达成的（2026）"
              "万人调字第42号调解协议有效。",
              "《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条",
              "此致\n\n万柏林区人民法院\n", "申请人一（签名、盖章或按指印）" + kSignTail,
              "申请人二（签名、盖章或按指印）" + kSignTail});
    std::string visit = f.Md("回访记录");
    CheckAll(visit,
             {"- **协议编号**：（2026）万人调字第42号\n", "- **回访日期**：2026年3月25日\n",
              "- **回访方式**：电话\n", "- **回访人**：刘某\n", "- **协议履行情况**：已履行\n",
              "- **当事人满意度**：满意\n", "- **是否起诉**：否\n", "- **有无再次激化风险**：无\n",
              "回访人（签名）" + kSignTail, "被回访人（签名）" + kSignTail});
    std::string cover = f.Md("cover");
    CheckAll(cover,
             {"# 人民调解卷宗\n", "- **卷号**：（2026）万人调字第42号\n",
              "- **人民调解员**：张振胜\n", "- **调解结果**：调解成功\n",
              "- **受理日期**：2026年3月2日\n", "- **结案日期**：2026年3月5日\n",
              "- **立卷人**：王某\n", "- **立卷日期**：2026年3月26日\n", "- **保管期限**：长期\n",
              "## 卷内目录\n\n"
              "| 序号 | 文件名称 | 日期 | 备注 |\n"
              "|---|---|---|---|\n"
              "| 1 | 卷宗封面 | 2026年3月26日 |   |\n"
              "| 2 | 人民调解受理登记表 | 2026年3月2日 |   |\n"
              "| 3 | 人民调解受理通知书 | 2026年3月2日 |   |\n"
              "| 4 | 人民调解权利义务告知书 | 2026年3月2日 |   |\n"
              "| 5 | 调解笔录（第一次） | 2026年3月4日 |   |\n"
              "| 6 | 人民调解协议书 | 2026年3月5日 |   |\n"
              "| 7 | 司法确认申请书 | 2026年3月10日 |   |\n"
              "| 8 | 人民调解回访记录 | 2026年3月25日 |   |\n"
              "| 9 | 卷宗封底 | 2026年3月26日 |   |\n"});
    std::string back = f.Md("封底");
    CheckAll(back, {"# 卷宗封底（备考表）\n", "本卷共有文件九件。", "立卷人（签名）" + kSignTail,
                    "检查人（签名）" + kSignTail});
    auto contents = CaseFileContents(f.c, f.settings);
    REQUIRE(contents.size() == 9);
    CHECK(CaseFileName(contents[5], "md") == "06-agreement.md");
    CHECK(CaseFileName(contents[8], "html") == "09-back.html");
  }
}

TEST_CASE("an incomplete document is drafted with blanks and refused alone", "[documents]") {
  Fixture f;
  auto none = BuildDocument(f.c, "agreement", f.Ctx());
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kRejected);
  CHECK(none.status().diagnostics().at(0).message == "missing an agreement (mediate agree)");

  Event& e = f.Add("agreed", {{"form", "written"}, {"manner", "现金"}});
  e.payload.Set("signed_by", Value::Strings({"李某"}));
  f.c.parties[1].credit_code.clear();
  f.c.parties[1].representative.clear();
  f.c.parties[0].address.clear();
  auto draft = DraftDocument(f.c, "agreement", f.Ctx());
  REQUIRE(draft.ok());
  CHECK(draft->missing ==
        std::vector<std::string>{
            "missing the agreed terms (Law Art. 29; agree --terms)",
            "missing the address of 李某 (the parties' basic information, Law Art. 29; amend "
            "--party N --address)",
            "missing the ID number or credit code of 太原某物业服务有限公司 (the parties' basic "
            "information, Law Art. 29)",
            "missing the representative of 太原某物业服务有限公司 (the parties' basic information, "
            "Law Art. 29; amend --party N --representative)",
            "missing the main facts, points in dispute and responsibilities (Law Art. 29; agree "
            "--facts)",
            "missing the place of performance (2002 Provisions Art. 35; agree --place)",
            "missing the time limit of performance (Law Art. 29; agree --deadline)",
            "missing the signature of 太原某物业服务有限公司 (Law Art. 29)",
            "missing the mediator's signature (Law Art. 29)",
            "missing the committee's seal (Law Art. 29)"});
  std::string md = RenderDocumentMarkdown(*draft);
  CheckAll(md, {"住址：________，", "统一社会信用代码：________，法定代表人（负责人）：________，",
                "1. ________\n", "- **履行方式**：现金\n", "- **履行地点**：________\n",
                "- **履行期限**：________\n"});
  auto refused = BuildDocument(f.c, "agreement", f.Ctx());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().diagnostics().size() == 10);
  CHECK_THAT(refused.status().message(), Contains("10 required item(s) missing"));
}

TEST_CASE("the cover's table of contents as printable HTML", "[documents]") {
  Fixture f;
  f.Agree();
  auto doc = BuildDocument(f.c, "cover", f.Ctx());
  REQUIRE(doc.ok());
  std::string html = RenderDocumentHtml(*doc);
  CheckAll(html, {"<h1>人民调解卷宗</h1>",
                  "<tr><th>序号</th><th>文件名称</th><th>日期</th><th>备注</th></tr>",
                  "<tr><td>5</td><td>调解笔录（第一次）</td><td>2026年3月4日</td><td></td></tr>"});
}
