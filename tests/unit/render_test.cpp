#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "render.hpp"
#include "test_support.hpp"

using namespace mediate;

namespace {

Table CategoryTable() {
  Table t;
  t.columns = {{"category", "", ColumnKind::kCode},
               {"category_label", "类别", ColumnKind::kText},
               {"cases", "", ColumnKind::kInt},
               {"amount", "", ColumnKind::kMoney},
               {"share", "", ColumnKind::kPercent}};
  t.rows.push_back({std::string("neighbour"), std::string("邻里纠纷"), std::int64_t{23},
                    std::int64_t{350000}, 0.5});
  t.rows.push_back({std::string("marriage_family"), std::string("婚姻家庭纠纷"), std::int64_t{17},
                    std::int64_t{12345678}, 0.3333});
  t.totals = {std::string("total"), std::monostate{}, std::int64_t{40}, std::int64_t{12695678},
              1.0};
  t.notes = {"2 cases without a street"};
  return t;
}

std::string RunCommand(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace

TEST_CASE("DisplayWidth counts CJK as two columns", "[render]") {
  CHECK(DisplayWidth("") == 0);
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("张振胜调解室 abc") == 16);
  CHECK(DisplayWidth("邻里纠纷") == 8);
  CHECK(DisplayWidth("e\xcc\x81") == 1);     // e + combining acute
  CHECK(DisplayWidth("a\xff\xfe") == 3);     // invalid bytes count one each
  CHECK(DisplayWidth("\xe2\x80\x93") == 1);  // en dash
  CHECK(DisplayWidth("\xef\xbc\x8c") == 2);  // full-width comma
}

TEST_CASE("PadToWidth pads by display width", "[render]") {
  CHECK(PadToWidth("调解", 6) == "调解  ");
  CHECK(PadToWidth("调解", 6, true) == "  调解");
  CHECK(PadToWidth("调解室", 4) == "调解室");
  CHECK(PadToWidth("ab", 2) == "ab");
}

TEST_CASE("CellText formats money, percent, decimals and empties", "[render]") {
  CHECK(CellText(std::int64_t{350000}, ColumnKind::kMoney) == "3,500.00");
  CHECK(CellText(std::int64_t{350050}, ColumnKind::kMoney) == "3,500.50");
  CHECK(CellText(std::int64_t{100000000}, ColumnKind::kMoney) == "1,000,000.00");
  CHECK(CellText(std::int64_t{99}, ColumnKind::kMoney) == "0.99");
  CHECK(CellText(std::int64_t{-5}, ColumnKind::kMoney) == "-0.05");
  CHECK(CellText(std::int64_t{-123456}, ColumnKind::kMoney) == "-1,234.56");
  CHECK(CellText(std::numeric_limits<std::int64_t>::min(), ColumnKind::kMoney) ==
        "-92,233,720,368,547,758.08");
  CHECK(CellText(0.8533, ColumnKind::kPercent) == "85.3%");
  CHECK(CellText(1.0, ColumnKind::kPercent) == "100.0%");
  CHECK(CellText(0.0, ColumnKind::kPercent) == "0.0%");
  CHECK(CellText(-0.0001, ColumnKind::kPercent) == "0.0%");
  CHECK(CellText(12.34, ColumnKind::kDecimal) == "12.3");
  CHECK(CellText(std::int64_t{7}, ColumnKind::kDecimal) == "7.0");
  CHECK(CellText(std::int64_t{120}, ColumnKind::kInt) == "120");
  CHECK(CellText(std::string("邻里纠纷"), ColumnKind::kText) == "邻里纠纷");
  CHECK(CellText(std::string("total"), ColumnKind::kMoney) == "total");
  CHECK(CellText(std::monostate{}, ColumnKind::kMoney) == "");
  CHECK(CellText(std::nan(""), ColumnKind::kPercent) == "");
}

TEST_CASE("ParseFormat knows every format", "[render]") {
  CHECK(ParseFormat("table") == Format::kTable);
  CHECK(ParseFormat("csv") == Format::kCsv);
  CHECK(ParseFormat("json") == Format::kJson);
  CHECK(ParseFormat("jsonl") == Format::kJsonl);
  CHECK(ParseFormat("md") == Format::kMarkdown);
  CHECK(ParseFormat("xlsx") == Format::kXlsx);
  CHECK_FALSE(ParseFormat("xml").has_value());
  CHECK_FALSE(ParseFormat("").has_value());
}

TEST_CASE("RenderText aligns CJK by display width", "[render]") {
  // Widths: category 15 (marriage_family), 类别 12 (婚姻家庭纠纷), cases 5,
  // amount 10 (123,456.78), share 6 (100.0%).
  std::string expected =
      "category         类别          cases      amount   share\n"
      "neighbour        邻里纠纷         23    3,500.00   50.0%\n"
      "marriage_family  婚姻家庭纠纷     17  123,456.78   33.3%\n"
      "total                             40  126,956.78  100.0%\n"
      "\n"
      "2 cases without a street\n";
  CHECK(RenderText(CategoryTable()) == expected);
}

TEST_CASE("RenderText leaves no trailing spaces and flattens newlines", "[render]") {
  Table t;
  t.columns = {{"id", "", ColumnKind::kCode}, {"summary", "摘要", ColumnKind::kText}};
  t.rows.push_back({std::string("WBL-2026-000001"), std::string("漏水\n争执")});
  t.rows.push_back({std::string("A"), std::monostate{}});
  std::string expected =
      "id               摘要\n"
      "WBL-2026-000001  漏水 争执\n"
      "A\n";
  CHECK(RenderText(t) == expected);
  CHECK(RenderText(Table{}) == "");
}

TEST_CASE("RenderCsv quotes per RFC 4180 and neutralises formulas", "[render]") {
  Table t;
  t.columns = {{"id", "编号", ColumnKind::kCode},
               {"summary", "", ColumnKind::kText},
               {"amount", "", ColumnKind::kMoney},
               {"share", "", ColumnKind::kPercent},
               {"n", "", ColumnKind::kInt}};
  t.rows.push_back({std::string("WBL-2026-000001"), std::string("楼上漏水, 楼下受损"),
                    std::int64_t{350000}, 0.85333, std::int64_t{3}});
  t.rows.push_back({std::string("=HYPERLINK(\"x\")"), std::string("he said \"no\""),
                    std::monostate{}, std::monostate{}, std::int64_t{0}});
  t.rows.push_back(
      {std::string("-1"), std::string("line1\nline2"), std::int64_t{5}, 1.0, std::int64_t{-2}});
  t.rows.push_back(
      {std::string("@a"), std::string("\tx"), std::int64_t{-150}, 0.5, std::int64_t{1}});
  t.rows.push_back({std::string("+1"), std::string("a\rb"), std::int64_t{0}, 0.0, std::int64_t{1}});
  t.totals = {std::string("total"), std::monostate{}, std::int64_t{350005}, 0.5, std::int64_t{1}};
  t.notes = {"not in CSV"};
  std::string expected =
      "id,summary,amount,share,n\n"
      "WBL-2026-000001,\"楼上漏水, 楼下受损\",3500.00,0.8533,3\n"
      "\"'=HYPERLINK(\"\"x\"\")\",\"he said \"\"no\"\"\",,,0\n"
      "'-1,\"line1\nline2\",0.05,1,-2\n"
      "'@a,'\tx,-1.50,0.5,1\n"
      "'+1,\"a\rb\",0.00,0,1\n"
      "total,,3500.05,0.5,1\n";
  CHECK(RenderCsv(t) == expected);
  CHECK(Render(t, Format::kCsv) == expected);
}

TEST_CASE("RenderJson keys rows by column name in column order", "[render]") {
  Table t;
  t.columns = {{"category", "", ColumnKind::kCode}, {"label", "类别", ColumnKind::kText},
               {"cases", "", ColumnKind::kInt},     {"amount", "", ColumnKind::kMoney},
               {"share", "", ColumnKind::kPercent}, {"avg_days", "", ColumnKind::kDecimal}};
  t.rows.push_back({std::string("neighbour"), std::string("邻里纠纷"), std::int64_t{23},
                    std::int64_t{350000}, 0.85333, 12.34});
  t.rows.push_back({std::string("labour"), std::monostate{}, std::int64_t{0}, std::monostate{},
                    std::nan(""), std::monostate{}});
  t.totals = {std::string("total"), std::monostate{}, std::int64_t{23}, std::int64_t{350000}, 1.0,
              std::monostate{}};
  std::string expected = R"([
  {
    "category": "neighbour",
    "label": "邻里纠纷",
    "cases": 23,
    "amount": "3500.00",
    "share": 0.8533,
    "avg_days": 12.3
  },
  {
    "category": "labour",
    "label": null,
    "cases": 0,
    "amount": null,
    "share": null,
    "avg_days": null
  },
  {
    "category": "total",
    "label": null,
    "cases": 23,
    "amount": "3500.00",
    "share": 1.0,
    "avg_days": null,
    "total": true
  }
]
)";
  CHECK(RenderJson(t) == expected);

  auto parsed = nlohmann::json::parse(RenderJson(t));
  REQUIRE(parsed.is_array());
  CHECK(parsed.size() == 3);
  CHECK(parsed[0]["amount"] == "3500.00");
  CHECK(parsed[0]["cases"].is_number_integer());

  std::string jsonl =
      "{\"category\":\"neighbour\",\"label\":\"邻里纠纷\",\"cases\":23,\"amount\":\"3500.00\","
      "\"share\":0.8533,\"avg_days\":12.3}\n"
      "{\"category\":\"labour\",\"label\":null,\"cases\":0,\"amount\":null,\"share\":null,"
      "\"avg_days\":null}\n";
  CHECK(RenderJsonl(t) == jsonl);
  CHECK(Render(t, Format::kJsonl) == jsonl);

  Table empty;
  empty.columns = t.columns;
  CHECK(RenderJson(empty) == "[]\n");
  CHECK(RenderJsonl(empty) == "");
}

TEST_CASE("a list column is its joined text but a JSON array", "[render]") {
  Table t;
  t.columns = {{"id", "", ColumnKind::kCode}, {"mediators", "调解员", ColumnKind::kList}};
  t.rows.push_back({std::string("A"), std::string("M-1;M-2")});
  t.rows.push_back({std::string("B"), std::string("")});
  t.rows.push_back({std::string("C"), std::monostate{}});
  CHECK(RenderCsv(t) == "id,mediators\nA,M-1;M-2\nB,\nC,\n");
  CHECK(RenderText(t) == "id  调解员\nA   M-1;M-2\nB\nC\n");
  CHECK(RenderJsonl(t) ==
        "{\"id\":\"A\",\"mediators\":[\"M-1\",\"M-2\"]}\n"
        "{\"id\":\"B\",\"mediators\":[]}\n"
        "{\"id\":\"C\",\"mediators\":null}\n");
  CHECK(RenderJson(t).find("\"mediators\": [\n      \"M-1\",\n      \"M-2\"\n    ]") !=
        std::string::npos);
}

TEST_CASE("RenderMarkdown escapes pipes and right-aligns numbers", "[render]") {
  Table t;
  t.columns = {{"name", "名称", ColumnKind::kText}, {"n", "", ColumnKind::kInt}};
  t.rows.push_back({std::string("a|b"), std::int64_t{5}});
  t.totals = {std::string("total"), std::int64_t{5}};
  std::string expected =
      "| 名称  |   n |\n"
      "| ----- | --: |\n"
      "| a\\|b  |   5 |\n"
      "| total |   5 |\n";
  CHECK(RenderMarkdown(t) == expected);
}

TEST_CASE("WriteXlsx writes a workbook with typed cells", "[render]") {
  test::TempDir dir;
  Table t;
  t.columns = {{"category", "类别", ColumnKind::kCode},
               {"cases", "", ColumnKind::kInt},
               {"amount", "", ColumnKind::kMoney},
               {"share", "", ColumnKind::kPercent}};
  t.rows.push_back({std::string("neighbour"), std::int64_t{23}, std::int64_t{350050}, 0.5});
  t.rows.push_back({std::string("=1+2"), std::int64_t{17}, std::monostate{}, 0.25});
  t.totals = {std::string("total"), std::int64_t{40}, std::int64_t{350050}, 1.0};
  std::string path = dir.str() + "/stats.xlsx";
  Status st = WriteXlsx(t, path, "stats: 2026/Q1");
  REQUIRE(st.ok());

  std::string bytes = test::ReadFile(path);
  REQUIRE(bytes.size() > 4);
  CHECK(bytes.substr(0, 2) == "PK");

  std::string listing = RunCommand(
      "/usr/bin/python3 -c \"import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); "
      "print(chr(10).join(z.namelist())); print('---'); "
      "sys.stdout.write(z.read('xl/worksheets/sheet1.xml').decode()); print('---'); "
      "sys.stdout.write(z.read('xl/styles.xml').decode()); print('---'); "
      "sys.stdout.write(z.read('xl/workbook.xml').decode())\" '" +
      path + "'");
  CHECK_THAT(listing, Catch::Contains("xl/worksheets/sheet1.xml"));
  CHECK_THAT(listing, Catch::Contains("类别"));
  CHECK_THAT(listing, Catch::Contains("neighbour"));
  CHECK_THAT(listing, Catch::Contains("<v>23</v>"));
  CHECK_THAT(listing, Catch::Contains("<v>3500.5</v>"));
  CHECK_THAT(listing, Catch::Contains("<v>0.25</v>"));
  CHECK_THAT(listing, Catch::Contains("=1+2"));          // written as text,
  CHECK_THAT(listing, !Catch::Contains("<f>"));          // never as a formula
  CHECK_THAT(listing, Catch::Contains("ySplit=\"1\""));  // frozen under the header
  CHECK_THAT(listing, Catch::Contains("formatCode=\"0.00\""));
  CHECK_THAT(listing, Catch::Contains("formatCode=\"0.0%\""));
  CHECK_THAT(listing, Catch::Contains("name=\"stats_ 2026_Q1\""));  // legal sheet name

  Status bad = WriteXlsx(t, dir.str() + "/no/such/dir/x.xlsx", "s");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.kind() == ErrorKind::kIo);
  CHECK_THAT(bad.message(), Catch::Contains("x.xlsx: cannot write: No such file or directory"));
  CHECK(Render(t, Format::kXlsx) == "");
}
