#include <catch2/catch.hpp>

#include <string>

#include "csv_write.hpp"
#include "text_input.hpp"

using namespace mediate;

TEST_CASE("csv: fields are quoted only when they must be", "[csv]") {
  CHECK(CsvField("邻里纠纷") == "邻里纠纷");
  CHECK(CsvField("") == "");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("说\"不赔\"") == "\"说\"\"不赔\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField(" padded ") == "\" padded \"");
  CHECK(CsvField("tail\t") == "\"tail\t\"");
}

TEST_CASE("csv: a text a spreadsheet would run as a formula is guarded", "[csv]") {
  CHECK(CsvField("=1+2") == "'=1+2");
  CHECK(CsvField("+8613800000000") == "'+8613800000000");
  CHECK(CsvField("-5") == "'-5");
  CHECK(CsvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(CsvField("\tx") == "'\tx");
  CHECK(CsvField("=HYPERLINK(\"a\",\"b\")") == "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
  CHECK(CsvField("a=b") == "a=b");
}

TEST_CASE("csv: the guard comes off what it was put on, nothing else", "[csv]") {
  CHECK(WithoutFormulaGuard("'=1+2") == "=1+2");
  CHECK(WithoutFormulaGuard("'-5") == "-5");
  CHECK(WithoutFormulaGuard("'abc") == "'abc");
  CHECK(WithoutFormulaGuard("'") == "'");
  CHECK(WithoutFormulaGuard("''=") == "''=");
  CHECK(WithoutFormulaGuard("=1") == "=1");
}

TEST_CASE("csv: what CsvField writes, ParseCsv reads back", "[csv]") {
  const std::string cells[] = {"a,b", " padded ", "说\"不赔\"", "two\nlines", "plain"};
  std::string line;
  for (const std::string& c : cells) line += (line.empty() ? "" : ",") + CsvField(c);
  auto rows = ParseCsv(line + "\n", "t.csv");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK((*rows)[0].fields == std::vector<std::string>(std::begin(cells), std::end(cells)));
}
