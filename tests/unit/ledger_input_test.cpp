#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ledger_input.hpp"
#include "ledger_mapping.hpp"

using namespace mediate;

namespace {

std::vector<std::string> Errors(const Status& st) {
  std::vector<std::string> out;
  for (const auto& d : st.diagnostics()) out.push_back(d.ToString());
  return out;
}

}  // namespace

TEST_CASE("import: input formats by name and by extension", "[import]") {
  CHECK(ParseLedgerFormat("CSV") == LedgerFormat::kCsv);
  CHECK(ParseLedgerFormat("tsv") == LedgerFormat::kTsv);
  CHECK(ParseLedgerFormat("jsonl") == LedgerFormat::kJsonLines);
  CHECK(ParseLedgerFormat("ndjson") == LedgerFormat::kJsonLines);
  CHECK(ParseLedgerFormat("yml") == LedgerFormat::kYaml);
  CHECK_FALSE(ParseLedgerFormat("xlsx").has_value());
  CHECK(LedgerFormatOf("a/ledger.csv") == LedgerFormat::kCsv);
  CHECK(LedgerFormatOf("ledger.TSV") == LedgerFormat::kTsv);
  CHECK(LedgerFormatOf("export.jsonl") == LedgerFormat::kJsonLines);
  CHECK(LedgerFormatOf("rows.yaml") == LedgerFormat::kYaml);
  CHECK(LedgerFormatOf("台账") == LedgerFormat::kCsv);
  CHECK(std::string(LedgerFormatName(LedgerFormat::kJsonLines)) == "jsonl");
}

TEST_CASE("import: JSON Lines rows become a table", "[import]") {
  auto t = ReadLedgerTable(
      "{\"登记日期\": \"2026-01-05\", \"amount\": 3500.50, \"people_involved\": 2, "
      "\"id\": 140109198001011239}\r\n"
      "\n"
      "{\"登记日期\": \"2026-01-06\", \"extra\": null, \"flag\": true, \"amount\": -0.10}\n",
      "l.jsonl", LedgerFormat::kJsonLines);
  REQUIRE(t.ok());
  CHECK(t->header() ==
        std::vector<std::string>{"登记日期", "amount", "people_involved", "id", "extra", "flag"});
  REQUIRE(t->rows().size() == 2);
  CHECK(t->rows()[0].line == 1);
  CHECK(t->rows()[0].fields ==
        std::vector<std::string>{"2026-01-05", "3500.50", "2", "140109198001011239", "", ""});
  CHECK(t->rows()[1].line == 3);
  CHECK(t->rows()[1].fields == std::vector<std::string>{"2026-01-06", "-0.10", "", "", "", "true"});
  CHECK(t->Where(t->rows()[1]).ToString() == "l.jsonl:3");

  auto bad = ReadLedgerTable(
      "not json\n"
      "[1, 2]\n"
      "{\"a\": {\"b\": 1}}\n"
      "{\"a\": 1, \"a\": 2}\n"
      "{\"a\": [1]}\n"
      "{\"ok\": 1}\n",
      "l.jsonl", LedgerFormat::kJsonLines);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kRejected);
  CHECK(bad.status().message() == "l.jsonl is not valid JSON Lines; nothing was imported");
  auto e = Errors(bad.status());
  REQUIRE(e.size() == 5);
  CHECK_THAT(e[0], Catch::StartsWith("l.jsonl:1: not a JSON object: parse error"));
  CHECK(e[1] == "l.jsonl:2: a JSON object {\"column\": value, …} is expected, not a list");
  CHECK(e[2] == "l.jsonl:3: field \"a\": a text or number is expected, not an object");
  CHECK(e[3] == "l.jsonl:4: field \"a\" is given twice");
  CHECK(e[4] == "l.jsonl:5: field \"a\": a text or number is expected, not a list");
}

TEST_CASE("import: YAML rows become a table, scalars as written", "[import]") {
  auto t = ReadLedgerTable(
      "- 登记日期: 2026-01-05\n"
      "  序号: 007\n"
      "- 登记日期: \"2026-01-06\"\n"
      "  涉及金额(元): 3,500.50\n"
      "  备注: ~\n",
      "l.yaml", LedgerFormat::kYaml);
  REQUIRE(t.ok());
  CHECK(t->header() == std::vector<std::string>{"登记日期", "序号", "涉及金额(元)", "备注"});
  REQUIRE(t->rows().size() == 2);
  CHECK(t->rows()[0].fields == std::vector<std::string>{"2026-01-05", "007", "", ""});
  CHECK(t->rows()[0].line == 1);
  CHECK(t->rows()[1].fields == std::vector<std::string>{"2026-01-06", "", "3,500.50", ""});
  CHECK(t->rows()[1].line == 3);

  auto map = ReadLedgerTable("登记日期: 2026-01-05\n", "l.yaml", LedgerFormat::kYaml);
  REQUIRE_FALSE(map.ok());
  CHECK(Errors(map.status()) ==
        std::vector<std::string>{"l.yaml:1:1: a list of rows (- 登记日期: …) is expected"});
  auto nested = ReadLedgerTable("- a: [1, 2]\n- just text\n", "l.yaml", LedgerFormat::kYaml);
  REQUIRE_FALSE(nested.ok());
  auto e = Errors(nested.status());
  REQUIRE(e.size() == 2);
  CHECK_THAT(e[0], Catch::StartsWith("l.yaml:1:"));
  CHECK_THAT(e[0], Catch::EndsWith("[0].a: a text or number is expected, not a list"));
  CHECK_THAT(e[1], Catch::StartsWith("l.yaml:2:"));
  CHECK_THAT(e[1], Catch::EndsWith("[1]: a map {column: value} is expected"));
  auto dup = ReadLedgerTable("- a: 1\n  a: 2\n", "l.yaml", LedgerFormat::kYaml);
  CHECK_FALSE(dup.ok());
}

TEST_CASE("import: malformed CSV is one list of errors and a summary", "[import]") {
  auto t = ReadLedgerTable("a,b\n1,\"x\"y\n", "l.csv", LedgerFormat::kCsv);
  REQUIRE_FALSE(t.ok());
  CHECK(t.status().message() == "l.csv is not valid CSV; nothing was imported");
  REQUIRE(t.status().diagnostics().size() == 1);
  CHECK_THAT(t.status().diagnostics()[0].ToString(), Catch::StartsWith("l.csv:2: malformed CSV"));
}

TEST_CASE("import: TSV is read with tabs", "[import]") {
  auto t =
      ReadLedgerTable("登记日期\t纠纷简要情况\n2026-01-05\t甲,乙\n", "l.tsv", LedgerFormat::kTsv);
  REQUIRE(t.ok());
  REQUIRE(t->rows().size() == 1);
  CHECK(t->rows()[0].fields == std::vector<std::string>{"2026-01-05", "甲,乙"});
}

TEST_CASE("import: refused rows are written back with their errors", "[import]") {
  auto t = CsvTable::Parse(
      "序号,纠纷简要情况,导入错误\n"
      "1,\"楼上漏水, 说\"\"不赔\"\"\",old error\n"
      "2,好\n"
      "3,多了,x,y\n",
      "l.csv");
  REQUIRE(t.ok());
  std::vector<LedgerReject> rejected;
  rejected.push_back({0, 2, {}});
  rejected[0].errors.push_back(
      {Severity::kError, {"l.csv", 2, 0}, "column 纠纷类型 (category)", "unknown label \"外星\""});
  rejected[0].errors.push_back({Severity::kError, {"l.csv", 2, 0}, "", "second"});
  rejected.push_back({1, 3, {{Severity::kError, {"l.csv", 3, 0}, "", "the row has 2 cells"}}});
  rejected.push_back({2, 4, {{Severity::kError, {"l.csv", 4, 0}, "", "the row has 4 cells"}}});
  CHECK(RejectsCsv(*t, rejected) ==
        "\xEF\xBB\xBF"
        "导入错误,序号,纠纷简要情况\r\n"
        "\"column 纠纷类型 (category): unknown label \"\"外星\"\"\nsecond\",1,"
        "\"楼上漏水, 说\"\"不赔\"\"\"\r\n"
        "the row has 2 cells,2,好\r\n"
        "the row has 4 cells,3,多了,y\r\n");
}

TEST_CASE("import: a rejects file guards formulas and reads back without the guard", "[import]") {
  auto t = ReadLedgerTable("序号,金额\n1,=1+2\n2,-5\n", "l.csv", LedgerFormat::kCsv);
  REQUIRE(t.ok());
  std::vector<LedgerReject> rejected;
  rejected.push_back({0, 2, {{Severity::kError, {"l.csv", 2, 0}, "", "bad"}}});
  rejected.push_back({1, 3, {{Severity::kError, {"l.csv", 3, 0}, "", "bad"}}});
  const std::string csv = RejectsCsv(*t, rejected);
  CHECK(csv ==
        "\xEF\xBB\xBF"
        "导入错误,序号,金额\r\n"
        "bad,1,'=1+2\r\n"
        "bad,2,'-5\r\n");
  auto again = ReadLedgerTable(csv, "l.rejects.csv", LedgerFormat::kCsv);
  REQUIRE(again.ok());
  REQUIRE(again->rows().size() == 2);
  CHECK(again->Cell(again->rows()[0], "金额") == "=1+2");
  CHECK(again->Cell(again->rows()[1], "金额") == "-5");
}

TEST_CASE("import: mapping files are checked", "[import]") {
  const Vocabulary& vocab = Vocabulary::Builtin();
  auto good = ParseLedgerMapping(
      "columns: {受理时间: received, 当事人: 申请人, 备注: ignore}\n"
      "values:\n"
      "  source: {来电: phone}\n"
      "  street: {千峰: \"140109001\"}\n",
      "m.yaml", vocab);
  REQUIRE(good.ok());
  int col = 0;
  CHECK(good->MapColumn("受理时间", &col));
  CHECK(col == 1);
  CHECK(good->MapColumn(" 当事人 ", &col));
  CHECK(col == 4);
  CHECK(good->MapColumn("备注", &col));
  CHECK(col == -1);
  CHECK_FALSE(good->MapColumn("登记日期", &col));
  REQUIRE(good->MapValue(2, "来电") != nullptr);
  CHECK(*good->MapValue(2, "来电") == "phone");
  CHECK(good->MapValue(2, "来信") == nullptr);
  CHECK(*good->MapValue(13, "千峰") == "140109001");

  auto bad = ParseLedgerMapping(
      "columns:\n"
      "  受理时间: recieved\n"
      "  甲: received\n"
      "  乙: 登记日期\n"
      "values:\n"
      "  source: {来电: telephone}\n"
      "  colour: {红: red}\n"
      "other: 1\n",
      "m.yaml", vocab);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().kind() == ErrorKind::kRejected);
  CHECK(bad.status().message() == "m.yaml is not a valid mapping; nothing was imported");
  auto e = Errors(bad.status());
  REQUIRE(e.size() == 5);
  CHECK_THAT(e[0], Catch::StartsWith("m.yaml:2:9: columns.受理时间: unknown field \"recieved\"; "
                                     "fields: row, received, source,"));
  CHECK(e[1] == "m.yaml:4:6: columns.乙: maps a second header to received (first: 甲)");
  CHECK_THAT(e[2], Catch::StartsWith("m.yaml:6:16: values.source.来电: unknown source code "
                                     "\"telephone\"; codes: application, phone"));
  CHECK_THAT(e[3], Catch::StartsWith("m.yaml:7:11: values.colour: unknown field \"colour\""));
  CHECK(e[4] == "m.yaml:8:8: other: unknown key; a mapping has `columns` and `values`");

  auto notyaml = ParseLedgerMapping("columns: [a\n", "m.yaml", vocab);
  CHECK_FALSE(notyaml.ok());
  auto list = ParseLedgerMapping("- a\n", "m.yaml", vocab);
  REQUIRE_FALSE(list.ok());
  CHECK_THAT(Errors(list.status()).at(0), Catch::Contains("a map with `columns`"));
}
