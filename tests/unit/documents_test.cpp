// lib/report/documents.cpp: the standard documents, filled from a case; refused
// listing what is missing; personal data masked unless revealed.
#include <catch2/catch.hpp>

#include <string>

#include "documents.hpp"
#include "lifecycle.hpp"
#include "lifecycle_steps.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

struct Fixture {
  Settings settings;
  AreaRegistry areas;
  OrgRegistry orgs;
  MediatorRegistry mediators;
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
    c.parties.push_back({"applicant", "person", "李某", "11010519491231002X", "", "13800001234"});
    c.parties.push_back(
        {"respondent", "organisation", "太原某物业服务有限公司", "", "91110105MA00000012", ""});
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
  DocumentContext Ctx(bool reveal = false) {
    return {&settings, &areas, &orgs, &mediators, reveal};
  }
};

}  // namespace

TEST_CASE("the file number follows (YYYY)万人调字第N号", "[documents]") {
  Fixture f;
  CHECK(FileNumber(f.c, f.settings) == "(2026)万人调字第42号");
  f.settings.file_no_word.clear();
  CHECK(FileNumber(f.c, f.settings) == "(2026)人调字第42号");
  f.c.file_no = "(2026)万人调字第7号";
  CHECK(FileNumber(f.c, f.settings) == "(2026)万人调字第7号");
  CHECK(ChineseDate(*Date::Parse("2026-03-05")) == "2026年3月5日");
}

TEST_CASE("a complete written agreement holds every Art. 29 item", "[documents]") {
  Fixture f;
  Event& e = f.Add("agreed", {{"date", "2026-03-05"},
                              {"form", "written"},
                              {"effective", "2026-03-05"},
                              {"facts", "楼上卫生间漏水致楼下天花板受损，双方就维修费用争执"},
                              {"amount", "3500.00"},
                              {"manner", "一次性银行转账"},
                              {"place", "东风社区调委会"},
                              {"performance_deadline", "2026-03-20"}});
  e.payload.Set("terms", Value::Strings({"物业公司赔偿李某维修费3500元", "双方再无其他争议"}));
  e.payload.Set("signed_by", Value::Strings({"李某", "太原某物业服务有限公司"}));
  e.payload.Set("mediator_signed", Value::Bool(true));
  e.payload.Set("sealed", Value::Bool(true));
  auto doc = BuildDocument(f.c, "agreement", f.Ctx(true));
  REQUIRE(doc.ok());
  std::string md = RenderDocumentMarkdown(*doc);
  for (const char* item :
       {"人民调解协议书", "(2026)万人调字第42号", "李某", "11010519491231002X",
        "太原某物业服务有限公司", "91110105MA00000012", "楼上卫生间漏水致楼下天花板受损",
        "1. 物业公司赔偿李某维修费3500元", "2. 双方再无其他争议", "3500.00元", "一次性银行转账",
        "东风社区调委会", "2026年3月20日前", "张振胜", "东风社区人民调解委员会（印章）",
        "本协议一式3份", "2026年3月5日"})
    CHECK_THAT(md, Contains(item));
  std::string html = RenderDocumentHtml(*doc);
  CHECK_THAT(html, Contains("<h1>人民调解协议书</h1>"));
  CHECK_THAT(html, Contains("<li>双方再无其他争议</li>"));

  // Masked by default, and said so.
  auto masked = BuildDocument(f.c, "agreement", f.Ctx(false));
  REQUIRE(masked.ok());
  std::string m = RenderDocumentMarkdown(*masked);
  CHECK_THAT(m, !Contains("11010519491231002X"));
  CHECK_THAT(m, Contains("110105\\*\\*\\*\\*\\*\\*\\*\\*002X"));
  CHECK_THAT(m, Contains("--reveal"));
}

TEST_CASE("an incomplete agreement is refused listing what is missing", "[documents]") {
  Fixture f;
  auto none = BuildDocument(f.c, "agreement", f.Ctx());
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().kind() == ErrorKind::kRejected);
  CHECK(none.status().diagnostics().at(0).message == "missing an agreement (mediate agree)");

  Event& e = f.Add("agreed", {{"form", "written"}, {"manner", "现金"}});
  e.payload.Set("signed_by", Value::Strings({"李某"}));
  f.c.parties[1].credit_code.clear();
  auto doc = BuildDocument(f.c, "agreement", f.Ctx());
  REQUIRE_FALSE(doc.ok());
  std::vector<std::string> missing;
  Status refused = doc.status();
  for (const auto& d : refused.diagnostics()) missing.push_back(d.message);
  CHECK(missing == std::vector<std::string>{
                       "missing the agreed terms (Law Art. 29; agree --terms)",
                       "missing the ID number or credit code of 太原某物业服务有限公司 (the "
                       "parties' basic information, Law Art. 29)",
                       "missing the main facts, points in dispute and responsibilities (Law Art. "
                       "29; agree --facts)",
                       "missing the place of performance (2002 Provisions Art. 35; agree --place)",
                       "missing the time limit of performance (Law Art. 29; agree --deadline)",
                       "missing the signature of 太原某物业服务有限公司 (Law Art. 29)",
                       "missing the mediator's signature (Law Art. 29)",
                       "missing the committee's seal (Law Art. 29)"});
  CHECK_THAT(doc.status().message(), Contains("8 required item(s) missing"));
}

TEST_CASE("the other documents", "[documents]") {
  Fixture f;
  REQUIRE(BuildDocument(f.c, "application", f.Ctx()).ok());
  auto notice = BuildDocument(f.c, "notice", f.Ctx());
  REQUIRE(notice.ok());
  CHECK_THAT(RenderDocumentMarkdown(*notice), Contains("要求调解公开进行或者不公开进行"));
  CHECK_FALSE(BuildDocument(f.c, "termination", f.Ctx()).ok());
  CHECK_FALSE(BuildDocument(f.c, "visit", f.Ctx()).ok());
  CHECK_FALSE(BuildDocument(f.c, "cover", f.Ctx()).ok());
  auto bad = BuildDocument(f.c, "poster", f.Ctx());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kUsage);

  f.Add("terminated", {{"date", "2026-03-20"}, {"reason", "双方分歧过大"}});
  auto t = BuildDocument(f.c, "termination", f.Ctx());
  REQUIRE(t.ok());
  std::string md = RenderDocumentMarkdown(*t);
  CHECK_THAT(md, Contains("因双方分歧过大"));
  CHECK_THAT(md, Contains("第二十六条"));
  f.Add("closed", {{"date", "2026-03-25"}, {"retention", "long"}});
  auto cover = BuildDocument(f.c, "cover", f.Ctx());
  REQUIRE(cover.ok());
  md = RenderDocumentMarkdown(*cover);
  for (const char* item : {"(2026)万人调字第42号", "张振胜", "2026年3月2日", "2026年3月20日",
                           "王某", "2026年3月25日", "长期", "调解不成功"})
    CHECK_THAT(md, Contains(item));
}
