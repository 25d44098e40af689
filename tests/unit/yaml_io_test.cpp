// Line and column numbers below were counted by hand in the fixture text
// (1-based; columns count characters, so 李某 is two columns).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "yaml_io.hpp"

using namespace mediate;

namespace {

Value Parsed(std::string_view text) {
  auto r = ParseYaml(text, "t.yaml");
  if (!r.ok()) {
    std::string why = r.status().message();
    for (const auto& d : r.status().diagnostics()) why += "\n" + d.ToString();
    FAIL(why);
  }
  return std::move(r).value();
}

// The single diagnostic of a refused text.
Diagnostic Refusal(std::string_view text, const YamlLimits& limits = {}) {
  auto r = ParseYaml(text, "t.yaml", limits);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().kind() == ErrorKind::kRejected);
  REQUIRE(r.status().diagnostics().size() == 1);
  Diagnostic d = r.status().diagnostics()[0];
  CHECK(d.where.file == "t.yaml");
  CHECK(d.severity == Severity::kError);
  return d;
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

const Value& At(const Value& map, std::string_view key) {
  const Value* v = map.Find(key);
  REQUIRE(v != nullptr);
  return *v;
}

#define CHECK_MARK(value, l, c)         \
  do {                                  \
    CHECK((value).mark().line == (l));  \
    CHECK((value).mark().column == (c)); \
  } while (0)

#define CHECK_WHERE(diag, l, c)       \
  do {                                \
    CHECK((diag).where.line == (l));   \
    CHECK((diag).where.column == (c)); \
  } while (0)

// The strings that a careless emitter or reader turns into something else.
const std::vector<std::string>& TrickyStrings() {
  static const std::vector<std::string> kStrings = {
      "007", "NO", "yes", "0123", "2024-01-05", "~", "null", "", "a: b", "- x", "#c",
      "中文 漏水", "line1\nline2", "tab\there", "quote\"s", "back\\slash", " lead", "trail ",
      "  both  ", "true", "False", "on", "y", "1e3", "0x1F", ".inf", "1:20", "=", "<<",
      "[x]", "{y}", "a, b", "*alias", "&anchor", "!tag", "%dir", "@at", "`tick", "'single'",
      "| block", "> fold", "? key", ": value", "---", "...", "a #b", "x:", "\r\n", "\x01\x7f",
      "\xC2\x85 nel", "\xE2\x80\xA8 ls", "\xEF\xBB\xBF bom", "李某 <li@example.org>",
      "(2026)万人调字第42号"};
  return kStrings;
}

}  // namespace

// ---------------------------------------------------------------------------
// Loading

TEST_CASE("ParseYaml builds a case file with its positions", "[yaml_io]") {
  std::string text = test::ReadFile(test::SourceDir() / "tests/fixtures/yaml/case.yaml");
  REQUIRE_FALSE(text.empty());
  Value root = Parsed(text);
  REQUIRE(root.is_map());
  CHECK_MARK(root, 2, 1);
  REQUIRE(root.entries().size() == 13);
  CHECK(root.entries()[0].first == "schema");
  CHECK(root.entries()[12].first == "events");

  CHECK(At(root, "schema").text() == "case/1");
  CHECK(At(root, "schema").quoted());
  CHECK_MARK(At(root, "schema"), 2, 9);
  CHECK(At(root, "summary").text() == "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执");
  CHECK_MARK(At(root, "summary"), 6, 10);
  CHECK(At(root, "amount").text() == "3500.00");  // the trailing comment is not part of it
  CHECK_MARK(At(root, "amount"), 7, 9);
  CHECK(At(root, "people_involved").text() == "2");
  CHECK_FALSE(At(root, "people_involved").quoted());
  CHECK_MARK(At(root, "people_involved"), 8, 18);

  const Value& place = At(root, "place");
  CHECK(place.is_map());
  CHECK(place.flow());
  CHECK_MARK(place, 9, 8);
  CHECK(At(place, "address").text() == "3号楼2单元");
  CHECK_MARK(At(place, "address"), 9, 66);

  const Value& parties = At(root, "parties");
  REQUIRE(parties.is_sequence());
  CHECK_FALSE(parties.flow());
  CHECK_MARK(parties, 11, 3);
  REQUIRE(parties.items().size() == 2);
  CHECK_MARK(parties.items()[0], 11, 5);
  // After 李某 the column counts characters, not UTF-8 bytes (which give 64).
  CHECK_MARK(At(parties.items()[0], "phone"), 11, 60);
  CHECK(At(parties.items()[1], "name").text() == "太原某物业服务有限公司");
  CHECK_MARK(At(parties.items()[1], "name"), 12, 54);

  const Value& events = At(root, "events");
  REQUIRE(events.items().size() == 2);
  CHECK(events.items()[0].flow());
  CHECK_MARK(At(events.items()[0], "by"), 16, 61);
  const Value& assigned = events.items()[1];
  CHECK(assigned.is_map());
  CHECK_FALSE(assigned.flow());
  CHECK_MARK(assigned, 17, 5);
  const Value& mediators = At(assigned, "mediators");
  CHECK(mediators.flow());
  CHECK_MARK(mediators, 19, 16);
  REQUIRE(mediators.items().size() == 1);
  CHECK(mediators.items()[0].text() == "M-0307");
  CHECK_MARK(mediators.items()[0], 19, 17);
}

TEST_CASE("ParseYaml reads ~, null and empty values as null", "[yaml_io]") {
  Value root = Parsed(
      "a: ~\n"
      "b:\n"
      "c: null\n"
      "d: Null\n"
      "e: NULL\n"
      "f: \"null\"\n"
      "g: ''\n"
      "h: nULL\n"
      "list:\n"
      "  - ~\n"
      "  - x\n");
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    INFO(key);
    CHECK(At(root, key).is_null());
  }
  CHECK_MARK(At(root, "a"), 1, 4);
  CHECK_MARK(At(root, "b"), 2, 1);  // an empty value stands at its key
  CHECK_MARK(At(root, "c"), 3, 4);
  CHECK(At(root, "f").is_scalar());
  CHECK(At(root, "f").text() == "null");
  CHECK(At(root, "f").quoted());
  CHECK(At(root, "g").is_scalar());
  CHECK(At(root, "g").text().empty());
  CHECK(At(root, "h").is_scalar());  // not one of YAML's spellings of null
  const Value& list = At(root, "list");
  REQUIRE(list.items().size() == 2);
  CHECK(list.items()[0].is_null());
  CHECK_MARK(list.items()[0], 10, 5);
}

TEST_CASE("ParseYaml marks an empty last value at its key", "[yaml_io]") {
  Value root = Parsed("id: \"X\"\nnote:\n");
  CHECK(At(root, "note").is_null());
  CHECK_MARK(At(root, "note"), 2, 1);
}

TEST_CASE("ParseYaml tells quoted from plain scalars", "[yaml_io]") {
  Value root = Parsed(
      "plain: 007\n"
      "single: '007'\n"
      "double: \"007\"\n"
      "literal: |\n"
      "  two\n"
      "  lines\n"
      "folded: >\n"
      "  one\n"
      "  line\n"
      "words: 李某 说\n");
  CHECK_FALSE(At(root, "plain").quoted());
  CHECK(At(root, "plain").text() == "007");
  CHECK(At(root, "single").quoted());
  CHECK(At(root, "single").text() == "007");
  CHECK(At(root, "double").quoted());
  CHECK(At(root, "literal").quoted());
  CHECK(At(root, "literal").text() == "two\nlines\n");
  CHECK(At(root, "folded").quoted());
  CHECK(At(root, "folded").text() == "one line\n");
  CHECK_MARK(At(root, "folded"), 7, 9);
  CHECK_FALSE(At(root, "words").quoted());
  CHECK(At(root, "words").text() == "李某 说");
}

TEST_CASE("ParseYaml decodes escapes, repairing yaml-cpp's \\N and \\_", "[yaml_io]") {
  Value root = Parsed(
      "a: \"tab\\there\\nA=\\x41 \\u4e2d \\\\ \\\" end\"\n"
      "b: 'it''s'\n"
      "c: \"x\\Ny\\_z\"\n"
      "d: \"\\x85\\u2028\"\n");
  CHECK(At(root, "a").text() == "tab\there\nA=A 中 \\ \" end");
  CHECK(At(root, "b").text() == "it's");
  CHECK(At(root, "c").text() == "x\xC2\x85y\xC2\xA0z");
  CHECK(At(root, "d").text() == "\xC2\x85\xE2\x80\xA8");
}

TEST_CASE("ParseYaml gives null for empty and comment-only texts", "[yaml_io]") {
  CHECK(Parsed("").is_null());
  CHECK(Parsed("# nothing here\n\n").is_null());
  CHECK(Parsed("---\n").is_null());
  CHECK(Parsed("\xEF\xBB\xBF").is_null());
}

TEST_CASE("ParseYaml accepts one explicit document with end marker", "[yaml_io]") {
  Value root = Parsed("---\na: 1\n...\n# trailing comment\n");
  CHECK(At(root, "a").text() == "1");
  CHECK_MARK(At(root, "a"), 2, 4);
}

TEST_CASE("ParseYaml skips a byte-order mark at the very start", "[yaml_io]") {
  Value root = Parsed("\xEF\xBB\xBF" "a: 1\nb: 李\n");
  CHECK_MARK(root, 1, 1);
  CHECK_MARK(At(root, "a"), 1, 4);
  CHECK(At(root, "b").text() == "李");
  CHECK_MARK(At(root, "b"), 2, 4);
}

TEST_CASE("ParseYaml reads CRLF files", "[yaml_io]") {
  Value root = Parsed("a: \"x\"\r\nb:\r\n  - 2\r\n");
  CHECK(At(root, "a").text() == "x");
  REQUIRE(At(root, "b").items().size() == 1);
  CHECK(At(root, "b").items()[0].text() == "2");
  CHECK_MARK(At(root, "b").items()[0], 3, 5);
}

TEST_CASE("ParseYaml allows tabs and markers that are not indentation", "[yaml_io]") {
  Value root = Parsed(
      "a: x\ty\n"
      "b: \"<<<<<<< not a marker\"\n"
      "c: |\n"
      "  =======\n"
      "  >>>>>>> indented\n");
  CHECK(At(root, "a").text() == "x\ty");
  CHECK(At(root, "c").text() == "=======\n>>>>>>> indented\n");
}

TEST_CASE("ParseYaml counts columns in characters after CJK text", "[yaml_io]") {
  Value root = Parsed("a: {x: 李某, y: 1}\nb: [中, 文, 字]\n");
  CHECK_MARK(At(At(root, "a"), "y"), 1, 15);
  const Value& b = At(root, "b");
  REQUIRE(b.items().size() == 3);
  CHECK_MARK(b.items()[2], 2, 11);
}

TEST_CASE("ParseYaml handles a large map and deep-but-allowed nesting", "[yaml_io]") {
  std::string big;
  for (int i = 0; i < 300; ++i) big += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  Value root = Parsed(big);
  REQUIRE(root.entries().size() == 300);
  CHECK(At(root, "k299").text() == "299");
  CHECK_MARK(At(root, "k299"), 300, 7);

  std::string nested;
  for (int i = 0; i < 64; ++i) nested += "{a: ";
  nested += "1";
  for (int i = 0; i < 64; ++i) nested += "}";
  Value deep = Parsed(nested);
  const Value* v = &deep;
  for (int i = 0; i < 64; ++i) v = v->Find("a");
  REQUIRE(v != nullptr);
  CHECK(v->text() == "1");
}

// ---------------------------------------------------------------------------
// Refusals, each at its line and column

TEST_CASE("ParseYaml refuses a duplicate key at the root like UX.md shows", "[yaml_io]") {
  Diagnostic d = Refusal(
      "schema: \"case/1\"\n"
      "id: \"X\"\n"
      "source: \"application\"\n"
      "status: \"mediating\"\n"
      "category: \"neighbour\"\n"
      "summary: \"s\"\n"
      "category: \"labour\"\n");
  CHECK_WHERE(d, 7, 1);
  CHECK(d.field.empty());
  CHECK(d.message == "duplicate key \"category\" (first at line 5)");
  CHECK(d.ToString() == "t.yaml:7:1: duplicate key \"category\" (first at line 5)");
}

TEST_CASE("ParseYaml refuses nested and flow duplicate keys with the map's path", "[yaml_io]") {
  SECTION("block map in a sequence") {
    Diagnostic d = Refusal(
        "schema: \"case/1\"\n"
        "parties:\n"
        "  - name: \"a\"\n"
        "    role: \"applicant\"\n"
        "    name: \"b\"\n");
    CHECK_WHERE(d, 5, 5);
    CHECK(d.field == "parties[0]");
    CHECK(d.message == "duplicate key \"name\" (first at line 3)");
  }
  SECTION("flow map") {
    Diagnostic d = Refusal("place: {a: 1, b: 2, a: 3}\n");
    CHECK_WHERE(d, 1, 21);
    CHECK(d.field == "place");
    CHECK(d.message == "duplicate key \"a\" (first at line 1)");
  }
  SECTION("quoted and plain spellings of one key") {
    Diagnostic d = Refusal("a: 1\n\"a\": 2\n");
    CHECK_WHERE(d, 2, 1);
    CHECK(d.message == "duplicate key \"a\" (first at line 1)");
  }
  SECTION("a map large enough to be indexed") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": 1\n";
    text += "k3: 2\n";  // line 41
    Diagnostic d = Refusal(text);
    CHECK_WHERE(d, 41, 1);
    CHECK(d.message == "duplicate key \"k3\" (first at line 4)");
  }
  SECTION("the same key in different maps is fine") {
    Value root = Parsed("a: {x: 1}\nb: {x: 2}\n");
    CHECK(At(At(root, "b"), "x").text() == "2");
  }
}

TEST_CASE("ParseYaml refuses anchors", "[yaml_io]") {
  SECTION("on a scalar") {
    Diagnostic d = Refusal("a: 1\nb: &x 2\n");
    CHECK_WHERE(d, 2, 4);
    CHECK(d.field == "b");
    CHECK(Contains(d.message, "anchors (&x) are not allowed"));
  }
  SECTION("on a map in a sequence") {
    Diagnostic d = Refusal("list:\n  - &base {x: 1}\n");
    CHECK_WHERE(d, 2, 5);
    CHECK(d.field == "list[0]");
    CHECK(Contains(d.message, "&base"));
  }
  SECTION("before the alias that uses it") {
    Diagnostic d = Refusal("a: &x 1\nb: *x\n");
    CHECK_WHERE(d, 1, 4);
    CHECK(Contains(d.message, "anchors"));
  }
}

TEST_CASE("ParseYaml refuses aliases", "[yaml_io]") {
  Diagnostic d = Refusal("a: 1\nb: *x\n");
  CHECK_WHERE(d, 2, 4);
  CHECK(Contains(d.message, "aliases (*x) are not allowed"));
}

TEST_CASE("ParseYaml refuses explicit tags", "[yaml_io]") {
  SECTION("!!str") {
    Diagnostic d = Refusal("a: 1\nb: !!str 5\n");
    CHECK_WHERE(d, 2, 4);
    CHECK(d.field == "b");
    CHECK(Contains(d.message, "tag !!str is not allowed"));
  }
  SECTION("a local tag deep in the record") {
    Diagnostic d = Refusal(
        "parties:\n"
        "  - name: \"a\"\n"
        "  - name: !custom b\n");
    CHECK_WHERE(d, 3, 11);
    CHECK(d.field == "parties[1].name");
    CHECK(Contains(d.message, "tag !custom"));
  }
  SECTION("on a map") {
    Diagnostic d = Refusal("m: !!map {}\n");
    CHECK_WHERE(d, 1, 4);
    CHECK(Contains(d.message, "!!map"));
  }
  SECTION("on a null") {
    Diagnostic d = Refusal("n: !!null ~\n");
    CHECK_WHERE(d, 1, 4);
    CHECK(Contains(d.message, "!!null"));
  }
}

TEST_CASE("ParseYaml refuses tabs in indentation", "[yaml_io]") {
  SECTION("after spaces") {
    Diagnostic d = Refusal("a:\n  b: 1\n \tc: 2\n");
    CHECK_WHERE(d, 3, 2);
    CHECK(Contains(d.message, "tab"));
  }
  SECTION("at the start of the file") {
    Diagnostic d = Refusal("\tx: 1\n");
    CHECK_WHERE(d, 1, 1);
  }
  SECTION("before a sequence item") {
    Diagnostic d = Refusal("list:\n  - 1\n\t- 2\n");
    CHECK_WHERE(d, 3, 1);
  }
}

TEST_CASE("ParseYaml refuses invalid UTF-8 at the bad byte", "[yaml_io]") {
  SECTION("a stray byte after CJK text") {
    Diagnostic d = Refusal("a: 1\nname: \"李\xFF\"\n");
    CHECK_WHERE(d, 2, 9);
    CHECK(Contains(d.message, "invalid UTF-8 (byte 0xFF)"));
  }
  SECTION("a truncated sequence at the end") {
    Diagnostic d = Refusal("a: \xE4\xB8");
    CHECK_WHERE(d, 1, 4);
  }
  SECTION("an overlong encoding") {
    Diagnostic d = Refusal("ab: \"\xC0\xAF\"\n");
    CHECK_WHERE(d, 1, 6);
    CHECK(Contains(d.message, "0xC0"));
  }
  SECTION("an encoded surrogate") {
    Diagnostic d = Refusal("x: 1\ny: 2\nz: \xED\xA0\x80\n");
    CHECK_WHERE(d, 3, 4);
  }
  SECTION("GB18030 text (a ledger saved by Excel)") {
    Diagnostic d = Refusal("name: \xC0\xEE\xC4\xB3\n");  // 李某 in GB18030
    CHECK_WHERE(d, 1, 7);
  }
}

