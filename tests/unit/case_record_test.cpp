#include <catch2/catch.hpp>

#include <map>

#include "case_record.hpp"
#include "lifecycle.hpp"
#include "schema.hpp"
#include "settings.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

Case SampleCase() {
  Case c;
  c.id = "WBL-2026-000042";
  c.file_no = "（2026）万人调字第42号";
  c.received = *Timestamp::Parse("2026-03-02T09:30:00+08:00");
  c.source = "application";
  c.category = "neighbour";
  c.summary = "楼上卫生间漏水致楼下天花板受损";
  c.amount = Money::FromFen(350000);
  c.people_involved = 2;
  c.place = {"140109005", "140109005001", "140109005001007", "007号"};
  c.parties.push_back({"applicant", "person", "NO", "11010519491231002X", "", "03516012345"});
  c.parties.push_back(
      {"respondent", "organisation", "太原某物业服务有限公司", "", "91110105MA00000012", ""});
  c.risk = "yellow";
  c.state = {"received", "", "", {}, *Date::Parse("2026-04-01")};
  Event e;
  e.at = c.received;
  e.type = "received";
  e.by = "王某 <wang@example.org>";
  c.events.push_back(e);
  return c;
}

}  // namespace

TEST_CASE("a case survives emit and strict load unchanged", "[case_record]") {
  Case c = SampleCase();
  std::string text = EmitYaml(CaseToValue(c));
  // Every string is quoted, so "007号", "NO" and "03516012345" stay strings.
  CHECK(text.find("name: \"NO\"") != std::string::npos);
  CHECK(text.find("phone: \"03516012345\"") != std::string::npos);
  CHECK(text.find("amount: \"3500.00\"") != std::string::npos);
  auto v = ParseYaml(text, "x.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  Case back = CaseFromValue(*v, "x.yaml", Vocabulary::Builtin(), &sink);
  CHECK_FALSE(sink.has_errors());
  CHECK(back.id == c.id);
  CHECK(back.file_no == c.file_no);
  CHECK(back.received == c.received);
  CHECK(back.amount == Money::FromFen(350000));
  CHECK(back.place.address == "007号");
  REQUIRE(back.parties.size() == 2);
  CHECK(back.parties[0].name == "NO");
  CHECK(back.parties[0].phone == "03516012345");
  CHECK(back.parties[1].credit_code == "91110105MA00000012");
  CHECK(back.state.deadline.ToString() == "2026-04-01");
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].by == "王某 <wang@example.org>");
  CHECK(EmitYaml(CaseToValue(back)) == text);
}

TEST_CASE("case records report missing and unknown fields with their place", "[case_record]") {
  const char* text =
      "schema: \"case/1\"\n"
      "id: \"WBL-2026-000042\"\n"
      "received: \"2026-03-02T09:30:00+08:00\"\n"
      "source: \"application\"\n"
      "category: \"alien\"\n"
      "summary: \"x\"\n"
      "parties: []\n"
      "status: \"received\"\n"
      "events: []\n";
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  CaseFromValue(*v, "c.yaml", Vocabulary::Builtin(), &sink);
  REQUIRE(sink.error_count() == 1);
  CHECK(sink.items()[0].where.line == 5);
  CHECK(sink.items()[0].field == "category");
}

TEST_CASE("a count too long for a whole number is an error, not an overflow", "[case_record]") {
  // Found by fuzz_yaml_record: 82 digits once overflowed std::int64_t while parsing.
  std::string text = EmitYaml(CaseToValue(SampleCase()));
  const std::string digits(82, '4');
  text.replace(text.find("people_involved: 2\n"), std::string("people_involved: 2\n").size(),
               "people_involved: " + digits + "\n");
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  CaseFromValue(*v, "c.yaml", Vocabulary::Builtin(), &sink);
  REQUIRE(sink.error_count() == 1);
  CHECK(sink.items()[0].field == "people_involved");
  CHECK(sink.items()[0].message == digits + " is not a whole number");
}

TEST_CASE("an unknown field is named in a warning and written back unchanged", "[case_record]") {
  std::string text = EmitYaml(CaseToValue(SampleCase()));
  // A misspelt field added by hand, on line 2.
  text.insert(text.find('\n') + 1, "summray: \"楼上漏水\"\n");
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  Case c = CaseFromValue(*v, "c.yaml", Vocabulary::Builtin(), &sink);
  CHECK_FALSE(sink.has_errors());
  REQUIRE(sink.items().size() == 1);
  CHECK(sink.items()[0].severity == Severity::kWarning);
  CHECK(sink.items()[0].field == "summray");
  CHECK(sink.items()[0].where.line == 2);
  CHECK(sink.items()[0].message == "unknown field (kept as is)");
  CHECK(EmitYaml(CaseToValue(c)).find("summray: \"楼上漏水\"") != std::string::npos);
}

TEST_CASE("unknown keys in a party, the place, an event and import are kept and named",
          "[case_record]") {
  const std::string text =
      "schema: \"case/1\"\n"                                                                // 1
      "id: \"WBL-2026-000042\"\n"                                                           // 2
      "received: \"2026-03-02T09:30:00+08:00\"\n"                                           // 3
      "source: \"application\"\n"                                                           // 4
      "category: \"neighbour\"\n"                                                           // 5
      "summary: \"漏水\"\n"                                                                 // 6
      "place: {building: \"3号楼\", street: \"140109005\", floor: 12}\n"                    // 7
      "parties:\n"                                                                          // 8
      "  - {role: \"applicant\", nationality: \"CN\", kind: \"person\", name: \"张某\"}\n"  // 9
      "status: \"received\"\n"                                                              // 10
      "events:\n"                                                                           // 11
      "  - {at: \"2026-03-02T09:30:00+08:00\", type: \"received\", weather: \"雨\", "
      "channel: \"walk_in\"}\n"  // 12
      "  - {at: \"2026-03-02T10:00:00+08:00\", type: \"session\", date: \"2026-03-02\", "
      "mode: \"phone\", deadline: \"2026-05-01\"}\n"              // 13
      "import: {sheet: \"2026\", file: \"台账.csv\", row: 3}\n";  // 14
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  Case c = CaseFromValue(*v, "c.yaml", Vocabulary::Builtin(), &sink);
  CHECK_FALSE(sink.has_errors());
  // Each warning at the value of the key (1-based line and column, in
  // characters: "3号楼" counts three), in the order the reader meets them.
  std::vector<std::string> got;
  for (const auto& d : sink.items()) got.push_back(d.ToString());
  CHECK(got == std::vector<std::string>{
                   "c.yaml:7:19: warning: place.building: unknown field (kept as is)",
                   "c.yaml:7:54: warning: place.floor: unknown field (kept as is)",
                   "c.yaml:9:38: warning: parties[0].nationality: unknown field (kept as is)",
                   "c.yaml:12:66: warning: events[0].weather: unknown field (kept as is)",
                   "c.yaml:13:101: warning: events[1].deadline: unknown field (kept as is)",
                   "c.yaml:14:17: warning: import.sheet: unknown field (kept as is)"});
  // Known payload keys (channel, date, mode) are not named; they stay in the
  // payload with the unknown ones, in the order read.
  REQUIRE(c.events.size() == 2);
  CHECK(c.events[0].Get("weather") == "雨");
  CHECK(c.events[1].Get("deadline") == "2026-05-01");
  REQUIRE(c.parties.size() == 1);
  CHECK(c.parties[0].kind == "person");
  CHECK(c.parties[0].extra.Find("nationality")->text() == "CN");
  CHECK(c.place.street == "140109005");
  CHECK(c.import.row == 3);

  // Written back: after the known keys, in the order read, quoted as read (12
  // stays a number, "2026" a string); event payloads stay as they were.
  std::string out = EmitYaml(CaseToValue(c));
  CHECK_THAT(out,
             Catch::Contains("place: {street: \"140109005\", building: \"3号楼\", floor: 12}\n"));
  CHECK_THAT(out, Catch::Contains("  - {role: \"applicant\", kind: \"person\", name: \"张某\", "
                                  "nationality: \"CN\"}\n"));
  CHECK_THAT(out, Catch::Contains("  - {at: \"2026-03-02T09:30:00+08:00\", type: \"received\", "
                                  "weather: \"雨\", channel: \"walk_in\"}\n"));
  CHECK_THAT(out, Catch::Contains("  - {at: \"2026-03-02T10:00:00+08:00\", type: \"session\", "
                                  "date: \"2026-03-02\", mode: \"phone\", "
                                  "deadline: \"2026-05-01\"}\n"));
  CHECK_THAT(out, Catch::Contains("import: {file: \"台账.csv\", row: 3, sheet: \"2026\"}\n"));
  // And a second round trip changes nothing.
  auto again = ParseYaml(out, "c.yaml");
  REQUIRE(again.ok());
  DiagnosticSink sink2;
  Case back = CaseFromValue(*again, "c.yaml", Vocabulary::Builtin(), &sink2);
  CHECK(sink2.warning_count() == 6);
  CHECK(EmitYaml(CaseToValue(back)) == out);
}

TEST_CASE("the case schema accepts keys it does not list, at every level", "[case_record]") {
  std::string text = EmitYaml(CaseToValue(SampleCase()));
  auto put = [&](const std::string& after, const std::string& what) {
    auto at = text.find(after);
    REQUIRE(at != std::string::npos);
    text.insert(at + after.size(), what);
  };
  put("place: {", "building: \"3号楼\", ");
  put("{role: \"applicant\", ", "nationality: \"CN\", ");
  put("type: \"received\"", ", weather: \"雨\"");
  text += "import: {file: \"台账.csv\", row: 3, sheet: \"2026\"}\nfuture: 1\n";
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  CheckSchema(*v, "case.schema.yaml", "c.yaml", &sink);
  CHECK(sink.items().empty());
}

TEST_CASE("schema errors quote what the file holds", "[case_record]") {
  std::string text = EmitYaml(CaseToValue(SampleCase()));
  text.insert(text.find('\n') + 1, "people_involved: \"many\"\ntags: {a: 1}\n");
  text.erase(text.find("people_involved: 2\n"), std::string("people_involved: 2\n").size());
  auto v = ParseYaml(text, "c.yaml");
  REQUIRE(v.ok());
  DiagnosticSink sink;
  CheckSchema(*v, "case.schema.yaml", "c.yaml", &sink);
  REQUIRE(sink.error_count() == 2);
  std::map<std::string, Diagnostic> by_field;
  for (const auto& d : sink.items()) by_field[d.field] = d;
  REQUIRE(by_field.count("people_involved"));
  CHECK(by_field["people_involved"].where.line == 2);
  CHECK(by_field["people_involved"].message ==
        "Value type not permitted by 'type' constraint; found \"many\" (case.schema.yaml)");
  REQUIRE(by_field.count("tags"));
  CHECK(by_field["tags"].where.line == 3);
  CHECK(by_field["tags"].message.find("; found a map (case.schema.yaml)") != std::string::npos);
}

TEST_CASE("case ids parse and format", "[case_record]") {
  std::string office;
  int year = 0, seq = 0;
  CHECK(ParseCaseId("WBL-2026-000042", &office, &year, &seq));
  CHECK(office == "WBL");
  CHECK(year == 2026);
  CHECK(seq == 42);
  CHECK_FALSE(ParseCaseId("WBL-26-42", nullptr, nullptr, nullptr));
  CHECK_FALSE(ParseCaseId("wbl-2026-000042", nullptr, nullptr, nullptr));
  CHECK(FormatCaseId("XY", 2025, 7) == "XY-2025-000007");
}

TEST_CASE("the case numbers a store holds, per office and year", "[case_record][store]") {
  test::TempDir dir;
  test::WriteFile(dir.path() / "mediate.yaml",
                  "schema: \"settings/1\"\ndistrict: {code: \"140109\", name: \"万柏林区\"}\n"
                  "office: \"WBL\"\n");
  std::filesystem::create_directories(dir.path() / ".git");
  test::WriteFile(dir.path() / "cases/2026/01/WBL-2026-000007.yaml", "");
  test::WriteFile(dir.path() / "cases/2026/03/WBL-2026-000002.yaml", "");
  test::WriteFile(dir.path() / "cases/2026/03/XY-2026-000050.yaml", "");
  test::WriteFile(dir.path() / "cases/2025/12/WBL-2025-000099.yaml", "");
  auto store = Store::Open(dir.str());
  REQUIRE(store.ok());
  // WBL of 2026 holds 2 and 7 (other offices and years do not count).
  CHECK(store->CaseNumbers("WBL", 2026) == std::set<int>{2, 7});
  CHECK(store->CaseNumbers("XY", 2026) == std::set<int>{50});
  CHECK(store->CaseNumbers("WBL", 2027).empty());
}

TEST_CASE("the deadline is 30 days from the local date received", "[case_record][lifecycle]") {
  Settings s;
  s.time_zone = *TimeZone::Find("Asia/Shanghai");
  Case c = SampleCase();
  // 23:30 on 31 January in Shanghai is 15:30 UTC: still 31 January locally.
  c.received = *Timestamp::Parse("2026-01-31T15:30:00Z");
  Derived d = Replay(c, s);
  CHECK(d.state.status == "received");
  CHECK(d.state.deadline.ToString() == "2026-03-02");  // 31 Jan + 30 days
  c.source = "court_entrusted";
  c.procedure = "court_summary";
  CHECK(Replay(c, s).state.deadline.ToString() == "2026-02-07");  // 7 days, SPC 2016
}
