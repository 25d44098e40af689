// The typical-case library (lib/domain/exemplary.hpp): what a case's free
// texts look like in it. Expected strings are written by hand.
#include <catch2/catch.hpp>

#include "exemplary.hpp"
#include "store_fixture.hpp"

using namespace mediate;

namespace {

Event At(const char* type, const char* when) {
  Event e;
  e.type = type;
  e.at = *Timestamp::Parse(when);
  e.by = "测试员 <t@example.org>";
  return e;
}

}  // namespace

TEST_CASE("the library shows summary, session notes and terms de-identified", "[exemplary]") {
  test::TempDir dir;
  Store store = test::MakeStore(dir, Signature{"测试员", "test@example.org"});
  Case c;
  c.id = "WBL-2026-000001";
  c.received = *Timestamp::Parse("2026-03-01T09:00:00+08:00");
  c.source = "application";
  c.category = "neighbour";
  c.tags = {kExemplaryTag};
  c.place.address = "幸福里3号楼2单元";
  Party a;
  a.role = "applicant";
  a.kind = "person";
  a.name = "张三丰";
  a.phone = "13912345678";
  Party b;
  b.role = "respondent";
  b.kind = "organisation";
  b.name = "太原市恒达物业服务有限公司";
  c.parties = {a, b};
  c.summary = "张三丰家住和平社区5号楼2单元301室，楼上漏水。";
  Event received = At("received", "2026-03-01T09:00:00+08:00");
  Event session = At("session", "2026-03-05T09:00:00+08:00");
  session.payload.Set("note", Value::String("证人李四说晋A·12345常停楼下，恒达物业未处理"));
  Event agreed = At("agreed", "2026-03-06T09:00:00+08:00");
  agreed.payload.Set("terms",
                     Value::Strings({"恒达物业赔偿张师傅3000元", "款项转入6222021234567890"}));
  c.events = {received, session, agreed};

  ExemplaryLibrary lib = BuildExemplaryLibrary({c}, store);
  REQUIRE(lib.included == std::vector<std::string>{"WBL-2026-000001"});
  const std::string& md = lib.markdown;
  CHECK(md.find("张某家住和平社区[已删除]，楼上漏水。") != std::string::npos);
  CHECK(md.find("  - 第1次：证人李某说[已删除]常停楼下，某物业未处理") != std::string::npos);
  CHECK(md.find("- 协议内容：\n  1. 某物业赔偿张某3000元\n  2. 款项转入[已删除]\n") !=
        std::string::npos);
  for (const char* leak : {"张三丰", "李四", "12345", "恒达", "301室", "6222021234567890"})
    CHECK(md.find(leak) == std::string::npos);
}
