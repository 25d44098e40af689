#include <catch2/catch.hpp>

#include <map>

#include "pii.hpp"
#include "test_support.hpp"
#include "text_input.hpp"

using namespace mediate;

namespace {

std::string Ymd(const std::optional<Date>& d) { return d ? d->ToString() : "(nullopt)"; }

std::vector<std::vector<std::string>> Fields(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& r : records) out.push_back(r.fields);
  return out;
}

std::vector<int> Lines(const std::vector<CsvRecord>& records) {
  std::vector<int> out;
  for (const CsvRecord& r : records) out.push_back(r.line);
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("IsValidUtf8 finds the first bad byte", "[text_input]") {
  std::size_t bad = 99;
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("abc"));
  CHECK(IsValidUtf8("万柏林区 𠀀"));
  CHECK_FALSE(
      IsValidUtf8("a\xFF"
                  "b",
                  &bad));
  CHECK(bad == 1);
  CHECK_FALSE(IsValidUtf8("序号\xE4\xB8", &bad));  // truncated at the end
  CHECK(bad == 6);
  CHECK_FALSE(IsValidUtf8("\xC0\xAF", &bad));  // overlong '/'
  CHECK(bad == 0);
  CHECK_FALSE(IsValidUtf8("x\xED\xA0\x80", &bad));  // surrogate U+D800
  CHECK(bad == 1);
}

TEST_CASE("DetectEncoding", "[text_input]") {
  CHECK(DetectEncoding("") == Encoding::kUtf8);
  CHECK(DetectEncoding("a,b,c\n1,2,3\n") == Encoding::kUtf8);
  CHECK(DetectEncoding("序号,登记日期\n") == Encoding::kUtf8);
  CHECK(DetectEncoding("\xEF\xBB\xBF序号") == Encoding::kUtf8);
  CHECK(DetectEncoding("\xEF\xBB\xBF\xFF") == Encoding::kUtf8);  // BOM decides; ToUtf8 reports
  // "序号" in GB18030 (python3: "序号".encode("gb18030") == d0f2bac5).
  CHECK(DetectEncoding("\xD0\xF2\xBA\xC5,1\r\n") == Encoding::kGb18030);
  CHECK(DetectEncoding("\xFF\xFF") == std::nullopt);
}

TEST_CASE("ParseEncodingName", "[text_input]") {
  CHECK(ParseEncodingName("utf-8") == Encoding::kUtf8);
  CHECK(ParseEncodingName("UTF8") == Encoding::kUtf8);
  CHECK(ParseEncodingName("GB18030") == Encoding::kGb18030);
  CHECK(ParseEncodingName("gbk") == Encoding::kGb18030);
  CHECK(ParseEncodingName("gb2312") == Encoding::kGb18030);
  CHECK(ParseEncodingName("latin1") == std::nullopt);
  CHECK(ParseEncodingName("") == std::nullopt);
}

TEST_CASE("ToUtf8 converts GB18030 and drops a BOM", "[text_input]") {
  auto r = ToUtf8("\xD0\xF2\xBA\xC5", Encoding::kGb18030, "l.csv");
  REQUIRE(r.ok());
  CHECK(*r == "序号");
  // U+20000 is a four-byte sequence 95 32 82 36; U+FEFF is 84 31 95 33.
  auto four = ToUtf8(
      "\x84\x31\x95\x33"
      "a\x95\x32\x82\x36",
      Encoding::kGb18030, "l.csv");
  REQUIRE(four.ok());
  CHECK(*four == "a𠀀");
  auto utf8 = ToUtf8("\xEF\xBB\xBF序号,a", Encoding::kUtf8, "l.csv");
  REQUIRE(utf8.ok());
  CHECK(*utf8 == "序号,a");
}

TEST_CASE("ToUtf8 reports file, line and byte of an invalid sequence", "[text_input]") {
  auto r = ToUtf8("a\nb\n\xD0\xF2\xFF\xFF\n", Encoding::kGb18030, "ledger.csv");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kRejected);
  CHECK(r.status().message() == "ledger.csv:3: invalid GB18030 byte sequence at byte 6");
  REQUIRE(r.status().diagnostics().size() == 1);
  CHECK(r.status().diagnostics()[0].where.line == 3);

  auto cut = ToUtf8("ab\r\n\xD0", Encoding::kGb18030, "x.csv");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().message() == "x.csv:2: truncated GB18030 byte sequence at byte 4");

  auto bad8 = ToUtf8("ok\n序\xFF", Encoding::kUtf8, "u.csv");
  REQUIRE_FALSE(bad8.ok());
  CHECK(bad8.status().message() == "u.csv:2: invalid UTF-8 byte sequence at byte 6");
}

TEST_CASE("ParseCsv handles quoting and record start lines", "[text_input]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "序号,摘要,金额\r\n"
      "1,\"欠款, 未还\",3500\r\n"
      "\r\n"
      "2,\"他说\"\"还钱\"\"\n第二行\",\r\n"
      ",,\r\n"
      "3, 空格 ,\"  保留  \"";
  auto r = ParseCsv(text, "l.csv");
  REQUIRE(r.ok());
  CHECK(Fields(*r) == Rows{{"序号", "摘要", "金额"},
                           {"1", "欠款, 未还", "3500"},
                           {"2", "他说\"还钱\"\n第二行", ""},
                           {"3", "空格", "  保留  "}});
  CHECK(Lines(*r) == std::vector<int>{1, 2, 4, 7});
}

TEST_CASE("ParseCsv with LF, blank lines and a multi-line field", "[text_input]") {
  auto r = ParseCsv("\n\na,b\n  \n\"x\n\ny\",z\nlast,1\n\n", "f.csv");
  REQUIRE(r.ok());
  CHECK(Fields(*r) == Rows{{"a", "b"}, {"x\n\ny", "z"}, {"last", "1"}});
  CHECK(Lines(*r) == std::vector<int>{3, 5, 8});
  auto empty = ParseCsv("", "e.csv");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("ParseCsv reads TSV", "[text_input]") {
  auto r = ParseCsv("a\t\tb\n1\t \"q\"\t3\n", "t.tsv", '\t');
  REQUIRE(r.ok());
  CHECK(Fields(*r) == Rows{{"a", "", "b"}, {"1", "q", "3"}});
}

TEST_CASE("ParseCsv rejects malformed quoting with file:line", "[text_input]") {
  auto open = ParseCsv("a,b\n1,\"never\nclosed\n", "l.csv");
  REQUIRE_FALSE(open.ok());
  CHECK(open.status().kind() == ErrorKind::kRejected);
  CHECK_THAT(open.status().message(), Catch::StartsWith("l.csv:2: unterminated quoted field"));
  REQUIRE(open.status().diagnostics().size() == 1);
  CHECK(open.status().diagnostics()[0].where.line == 2);

  auto stray = ParseCsv("a,b\n1,2\n3,4\"5\n", "l.csv");
  REQUIRE_FALSE(stray.ok());
  CHECK_THAT(stray.status().message(), Catch::StartsWith("l.csv:3: malformed CSV"));

  auto after = ParseCsv("a,b\n\"x\"y,2\n", "l.csv");
  REQUIRE_FALSE(after.ok());
  CHECK_THAT(after.status().message(), Catch::StartsWith("l.csv:2: malformed CSV"));
}

TEST_CASE("NormalizeCell folds full-width forms and trims", "[text_input]") {
  CHECK(NormalizeCell("２０２６年１月５日") == "2026年1月5日");
  CHECK(NormalizeCell("　张某　") == "张某");
  CHECK(NormalizeCell(" \t万柏林区\r\n") == "万柏林区");
  CHECK(NormalizeCell("（注）３，５００元") == "(注)3,500元");
  CHECK(NormalizeCell("￥３５００") ==
        "\xC2\xA5"
        "3500");  // U+FFE5 -> U+00A5
  CHECK(NormalizeCell("ＡＢＣ　ｄｅｆ") == "ABC def");
  CHECK(NormalizeCell("纠纷调解、回访。") == "纠纷调解、回访。");
  CHECK(NormalizeCell("\xEF\xBB\xBF序号") == "序号");
  CHECK(NormalizeCell("") == "");
  CHECK(NormalizeCell("  ") == "");
  CHECK(NormalizeCell(" a\xFF ") == "a\xFF");  // invalid UTF-8: trimmed only
}

TEST_CASE("ParseLedgerDate accepts ledger shapes", "[text_input]") {
  for (const char* s :
       {"2026-01-05", "2026-1-5", "2026/1/5", "2026/01/05", "2026.1.5", "2026年1月5日",
        "2026年01月05日", "2026 年 1 月 5 日", "2026年1月5号", "20260105", "2026年1月5",
        "２０２６年１月５日", " 2026-01-05 ", "２０２６－０１－０５"}) {
    INFO(s);
    CHECK(Ymd(ParseLedgerDate(s)) == "2026-01-05");
  }
  CHECK(Ymd(ParseLedgerDate("2024-02-29")) == "2024-02-29");
  CHECK(Ymd(ParseLedgerDate("2026年12月31日")) == "2026-12-31");
}

TEST_CASE("ParseLedgerDate rejects impossible dates and junk", "[text_input]") {
  for (const char* s :
       {"2026-02-30", "2023-02-29", "20230229", "2026-13-01", "2026-00-10", "2026-1/5",
        "2026-01-05x", "26-1-5", "2026-001-05", "2026年1月", "2026-01-05 08:00", "", "明天", "2026",
        "1/5/2026", "1899-12-31", "2026年2月30日"}) {
    INFO(s);
    CHECK_FALSE(ParseLedgerDate(s).has_value());
  }
}

TEST_CASE("ParseYuanToFen is exact", "[text_input]") {
  using O = std::optional<std::int64_t>;
  CHECK(ParseYuanToFen("3500") == O(350000));
  CHECK(ParseYuanToFen("3,500.50") == O(350050));
  CHECK(ParseYuanToFen("1,234,567") == O(123456700));
  CHECK(ParseYuanToFen("¥3500") == O(350000));
  CHECK(ParseYuanToFen("￥3,500") == O(350000));
  CHECK(ParseYuanToFen("3500元") == O(350000));
  CHECK(ParseYuanToFen("3500.00 元") == O(350000));
  CHECK(ParseYuanToFen("３５００．５") == O(350050));
  CHECK(ParseYuanToFen("3500.5") == O(350050));
  CHECK(ParseYuanToFen("0.01") == O(1));
  CHECK(ParseYuanToFen("0.1") == O(10));
  CHECK(ParseYuanToFen("0") == O(0));
  CHECK(ParseYuanToFen(" 616900 ") == O(61690000));
  CHECK(ParseYuanToFen("-5") == O(-500));
  CHECK(ParseYuanToFen("-¥5.25") == O(-525));
  CHECK(ParseYuanToFen("1000000000000000") == O(100000000000000000));  // 10^15 yuan
}

TEST_CASE("ParseYuanToFen rejects everything else", "[text_input]") {
  for (const char* s : {"",
                        " ",
                        "35,00",
                        "3,5000",
                        ",350",
                        "3500,",
                        "1,,000",
                        "3.505",
                        "3.",
                        ".5",
                        "1000000000000001",
                        "99999999999999999999999",
                        "abc",
                        "3500美元",
                        "¥",
                        "元",
                        "-",
                        "--5",
                        "3 500",
                        "1e3",
                        "+5",
                        "3.5万",
                        "0x10"}) {
    INFO(s);
    CHECK_FALSE(ParseYuanToFen(s).has_value());
  }
}

TEST_CASE("The Wanbailin 2026 Q1 ledger reads the same from UTF-8 and GB18030",
          "[text_input][pii]") {
  const auto dir = test::SourceDir() / "tests" / "fixtures" / "ledgers";
  const std::string utf8_bytes = test::ReadFile(dir / "ledger-2026q1.csv");
  const std::string gb_bytes = test::ReadFile(dir / "ledger-2026q1-gb18030.csv");
  REQUIRE_FALSE(utf8_bytes.empty());
  REQUIRE_FALSE(gb_bytes.empty());
  CHECK(DetectEncoding(utf8_bytes) == Encoding::kUtf8);
  CHECK(DetectEncoding(gb_bytes) == Encoding::kGb18030);

  auto from_utf8 = ToUtf8(utf8_bytes, Encoding::kUtf8, "ledger-2026q1.csv");
  auto from_gb = ToUtf8(gb_bytes, Encoding::kGb18030, "ledger-2026q1-gb18030.csv");
  REQUIRE(from_utf8.ok());
  REQUIRE(from_gb.ok());
  auto a = ParseCsv(*from_utf8, "ledger-2026q1.csv");
  auto b = ParseCsv(*from_gb, "ledger-2026q1-gb18030.csv");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->size() == 121);  // header + 120 disputes
  REQUIRE(b->size() == 121);
  CHECK(Fields(*a) == Fields(*b));
  CHECK(a->back().line == 121);
  CHECK(b->back().line == 121);

  const std::vector<std::string>& header = a->front().fields;
  REQUIRE(header.size() == 17);
  CHECK(header[0] == "序号");
  std::vector<std::size_t> id_columns;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i].find("证件号码") != std::string::npos) id_columns.push_back(i);
  REQUIRE(id_columns.size() == 2);  // 申请人证件号码, 被申请人证件号码

  // python3 over the file: 199 citizen ID numbers and 41 credit codes, all
  // 18 characters, all with valid check characters (as the data README says).
  int citizens = 0, organisations = 0;
  for (std::size_t row = 1; row < a->size(); ++row) {
    const CsvRecord& rec = (*a)[row];
    REQUIRE(rec.fields.size() == header.size());
    CHECK(ParseLedgerDate(rec.fields[1]).has_value());
    if (!rec.fields[11].empty()) CHECK(ParseYuanToFen(rec.fields[11]).has_value());
    for (std::size_t col : id_columns) {
      const std::string& id = rec.fields[col];
      INFO("line " << rec.line << ": " << id);
      if (id.size() != 18) continue;
      if (id[0] == '9') {
        ++organisations;
        CHECK(CheckCreditCode(id).checksum_ok);
      } else {
        ++citizens;
        IdNumberCheck check = CheckCitizenId(id);
        CHECK(check.valid);
        CHECK(check.problem.empty());
      }
    }
    for (std::size_t col : {std::size_t{6}, std::size_t{9}}) {  // 申请人电话, 被申请人电话
      const std::string& phone = rec.fields[col];
      if (!phone.empty()) CHECK(NormalizePhone(phone) == std::optional<std::string>(phone));
    }
  }
  CHECK(citizens == 199);
  CHECK(organisations == 41);
}

TEST_CASE("TrimBlanks drops ASCII and Unicode blanks at the ends only", "[text_input]") {
  // U+3000 ideographic space, U+00A0 no-break space, U+200B zero-width
  // space, U+FEFF BOM; the full-width comma inside is kept as written.
  CHECK(TrimBlanks("\xE3\x80\x80 \xC2\xA0李某，王某\t\xE2\x80\x8B\xEF\xBB\xBF\r\n") ==
        "李某，王某");
  CHECK(TrimBlanks(" a b ") == "a b");
  CHECK(TrimBlanks("\xE3\x80\x80\xC2\xA0").empty());
  CHECK(TrimBlanks("").empty());
}

TEST_CASE("text: Joined puts the separator between each two items", "[text]") {
  CHECK(Joined({}, ", ") == "");
  CHECK(Joined({"调解员"}, ", ") == "调解员");
  CHECK(Joined({"a", "b", "c"}, "; ") == "a; b; c");
  CHECK(Joined({"", "b"}, ";") == ";b");
}
