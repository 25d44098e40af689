// Line and column numbers below were counted by hand in the fixture text
// (1-based; columns count characters, so 李某 is two columns).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "yaml_io.hpp"
#include "yaml_mistake.hpp"

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

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

const Value& At(const Value& map, std::string_view key) {
  const Value* v = map.Find(key);
  REQUIRE(v != nullptr);
  return *v;
}

#define CHECK_MARK(value, l, c)          \
  do {                                   \
    CHECK((value).mark().line == (l));   \
    CHECK((value).mark().column == (c)); \
  } while (0)

#define CHECK_WHERE(diag, l, c)        \
  do {                                 \
    CHECK((diag).where.line == (l));   \
    CHECK((diag).where.column == (c)); \
  } while (0)

// The strings that a careless emitter or reader turns into something else.
const std::vector<std::string>& TrickyStrings() {
  static const std::vector<std::string> kStrings = {"007",
                                                    "NO",
                                                    "yes",
                                                    "0123",
                                                    "2024-01-05",
                                                    "~",
                                                    "null",
                                                    "",
                                                    "a: b",
                                                    "- x",
                                                    "#c",
                                                    "中文 漏水",
                                                    "line1\nline2",
                                                    "tab\there",
                                                    "quote\"s",
                                                    "back\\slash",
                                                    " lead",
                                                    "trail ",
                                                    "  both  ",
                                                    "true",
                                                    "False",
                                                    "on",
                                                    "y",
                                                    "1e3",
                                                    "0x1F",
                                                    ".inf",
                                                    "1:20",
                                                    "=",
                                                    "<<",
                                                    "[x]",
                                                    "{y}",
                                                    "a, b",
                                                    "*alias",
                                                    "&anchor",
                                                    "!tag",
                                                    "%dir",
                                                    "@at",
                                                    "`tick",
                                                    "'single'",
                                                    "| block",
                                                    "> fold",
                                                    "? key",
                                                    ": value",
                                                    "---",
                                                    "...",
                                                    "a #b",
                                                    "x:",
                                                    "\r\n",
                                                    "\x01\x7f",
                                                    "\xC2\x85 nel",
                                                    "\xE2\x80\xA8 ls",
                                                    "\xEF\xBB\xBF bom",
                                                    "李某 <li@example.org>",
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
  REQUIRE(root.entries().size() == 12);
  CHECK(root.entries()[0].first == "schema");
  CHECK(root.entries()[11].first == "events");

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

TEST_CASE("ParseYaml reads the non-specific tag ! as a string and allows it on collections",
          "[yaml_io]") {
  Value root = Parsed(
      "id: ! 007\n"
      "n: ! ~\n"
      "m: ! {a: 1}\n");
  CHECK(At(root, "id").quoted());
  CHECK(At(root, "id").text() == "007");
  CHECK_MARK(At(root, "id"), 1, 5);
  CHECK(At(root, "n").is_scalar());  // a string "~", not null
  CHECK(At(root, "n").text() == "~");
  CHECK(At(root, "m").is_map());
  CHECK(At(root, "m").flow());
  CHECK_MARK(At(root, "m"), 3, 4);
}

TEST_CASE("ParseYaml decodes escapes, repairing the next-line and non-breaking-space escapes",
          "[yaml_io]") {
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
  Value root = Parsed(
      "\xEF\xBB\xBF"
      "a: 1\nb: 李\n");
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

TEST_CASE("ParseYaml refuses a duplicate key at the root and names the first line", "[yaml_io]") {
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

TEST_CASE("ParseYaml refuses control characters", "[yaml_io]") {
  SECTION("C0") {
    Diagnostic d = Refusal("a: \"x\x01\"\n");
    CHECK_WHERE(d, 1, 6);
    CHECK(Contains(d.message, "control character U+0001"));
  }
  SECTION("NUL, as in UTF-16 text") {
    Diagnostic d = Refusal(std::string("a: 1\n\0b: 2\n", 11));
    CHECK_WHERE(d, 2, 1);
    CHECK(Contains(d.message, "U+0000"));
  }
  SECTION("DEL") {
    Diagnostic d = Refusal("k: \x7f\n");
    CHECK_WHERE(d, 1, 4);
  }
  SECTION("C1 after CJK text") {
    Diagnostic d = Refusal("a: 李\xC2\x80\n");
    CHECK_WHERE(d, 1, 5);
    CHECK(Contains(d.message, "U+0080"));
  }
}

TEST_CASE("ParseYaml refuses raw line and paragraph separators and NEL", "[yaml_io]") {
  SECTION("LS in a plain value would start a new key for libyaml") {
    Diagnostic d = Refusal(
        "a: \"x\"\nb: 1\xE2\x80\xA8"
        "c: 2\n");
    CHECK_WHERE(d, 2, 5);
    CHECK(d.message ==
          "line break character U+2028 inside a line; write it as an escape in a "
          "double-quoted string");
  }
  SECTION("NEL after CJK text") {
    Diagnostic d = Refusal("a: 李\xC2\x85某\n");
    CHECK_WHERE(d, 1, 5);
    CHECK(Contains(d.message, "U+0085"));
  }
  SECTION("PS in a quoted value") {
    Diagnostic d = Refusal("a: \"x\xE2\x80\xA9\"\n");
    CHECK_WHERE(d, 1, 6);
    CHECK(Contains(d.message, "U+2029"));
  }
  SECTION("escaped, they are text") {
    Value root = Parsed("a: \"x\\Ly\\Pz\\N\"\n");
    CHECK(At(root, "a").text() == "x\xE2\x80\xA8y\xE2\x80\xA9z\xC2\x85");
  }
}

TEST_CASE("ParseYaml refuses a byte-order mark after the start", "[yaml_io]") {
  SECTION("inside a value") {
    Diagnostic d = Refusal("a: 1\nb: x\xEF\xBB\xBFy\n");
    CHECK_WHERE(d, 2, 5);
    CHECK(Contains(d.message, "byte-order mark"));
  }
  SECTION("two files concatenated") {
    Diagnostic d = Refusal(
        "\xEF\xBB\xBF"
        "a: 1\n\xEF\xBB\xBF"
        "b: 2\n");
    CHECK_WHERE(d, 2, 1);
  }
}

TEST_CASE("ParseYaml refuses git merge-conflict markers", "[yaml_io]") {
  const std::string kMessage = "merge-conflict marker; resolve the conflict first";
  SECTION("a conflicted case file") {
    std::string text = test::ReadFile(test::SourceDir() / "tests/fixtures/yaml/conflict.yaml");
    REQUIRE_FALSE(text.empty());
    Diagnostic d = Refusal(text);
    CHECK_WHERE(d, 3, 1);
    CHECK(d.message == kMessage);
  }
  SECTION("======= alone") {
    Diagnostic d = Refusal("a: 1\n=======\nb: 2\n");
    CHECK_WHERE(d, 2, 1);
    CHECK(d.message == kMessage);
  }
  SECTION("======= with CRLF") {
    Diagnostic d = Refusal("a: 1\r\n=======\r\nb: 2\r\n");
    CHECK_WHERE(d, 2, 1);
  }
  SECTION("======= on the last line") {
    Diagnostic d = Refusal("a: 1\nb: 2\n=======");
    CHECK_WHERE(d, 3, 1);
  }
  SECTION(">>>>>>> theirs") {
    Diagnostic d = Refusal("a: 1\nb: 2\n>>>>>>> theirs\n");
    CHECK_WHERE(d, 3, 1);
    CHECK(d.message == kMessage);
  }
  SECTION("diff3 base marker") {
    Diagnostic d = Refusal("a: 1\n||||||| merged common ancestors\n");
    CHECK_WHERE(d, 2, 1);
  }
}

TEST_CASE("ParseYaml refuses more than one document", "[yaml_io]") {
  SECTION("two documents") {
    Diagnostic d = Refusal("a: 1\n---\nb: 2\n");
    CHECK_WHERE(d, 2, 1);
    CHECK(Contains(d.message, "more than one document"));
  }
  SECTION("an empty second document") {
    Diagnostic d = Refusal("a: 1\n---\n");
    CHECK_WHERE(d, 2, 1);
  }
  SECTION("after an explicit first") {
    Diagnostic d = Refusal("---\na: 1\n---\nb: 2\n");
    CHECK_WHERE(d, 3, 1);
  }
}

TEST_CASE("ParseYaml refuses non-scalar and null map keys", "[yaml_io]") {
  SECTION("complex key") {
    Diagnostic d = Refusal("? [x]\n: 3\n");
    CHECK_WHERE(d, 1, 3);
    CHECK(Contains(d.message, "not a list or map"));
  }
  SECTION("sequence key in a flow map") {
    Diagnostic d = Refusal("m: {[1]: 2}\n");
    CHECK_WHERE(d, 1, 5);
    CHECK(d.field == "m");
  }
  SECTION("null key ~") {
    Diagnostic d = Refusal("~: 1\n");
    CHECK_WHERE(d, 1, 1);
    CHECK(Contains(d.message, "must not be empty or null"));
  }
  SECTION("null key spelled null, nested") {
    Diagnostic d = Refusal("a:\n  b: 1\n  null: 2\n");
    CHECK_WHERE(d, 3, 3);
    CHECK(d.field == "a");
  }
}

TEST_CASE("ParseYaml refuses nesting deeper than max_depth", "[yaml_io]") {
  SECTION("a small limit") {
    YamlLimits limits;
    limits.max_depth = 3;
    Diagnostic d = Refusal("a:\n  b:\n    c: [1]\n", limits);
    CHECK_WHERE(d, 3, 8);
    CHECK(d.field == "a.b.c");
    CHECK(d.message == "nested more than 3 lists/maps deep");
    Parsed("a:\n  b:\n    c: 1\n");  // three levels are fine
  }
  SECTION("the default limit of 64") {
    std::string text;
    for (int i = 0; i < 65; ++i) text += "{a: ";
    text += "1";
    for (int i = 0; i < 65; ++i) text += "}";
    Diagnostic d = Refusal(text);
    CHECK_WHERE(d, 1, 257);  // the 65th "{" after 64 × "{a: "
    std::string path = "a";
    for (int i = 1; i < 64; ++i) path += ".a";
    CHECK(d.field == path);
    CHECK(Contains(d.message, "64"));
  }
  SECTION("a raised limit is still ours: libyaml does not recurse") {
    YamlLimits limits;
    limits.max_depth = 2000;
    std::string text;
    for (int i = 0; i < 3000; ++i) text += "- ";
    text += "x\n";
    Diagnostic d = Refusal(text, limits);
    CHECK_WHERE(d, 1, 4001);  // the 2001st "-" after 2000 × "- "
    CHECK(d.message == "nested more than 2000 lists/maps deep");
    limits.max_depth = 3000;
    auto r = ParseYaml(text, "t.yaml", limits);
    REQUIRE(r.ok());
    const Value* v = &r.value();
    for (int i = 0; i < 3000; ++i) {
      REQUIRE(v->is_sequence());
      REQUIRE(v->items().size() == 1);
      v = &v->items()[0];
    }
    CHECK(v->text() == "x");
  }
}

TEST_CASE("ParseYaml refuses more than max_nodes values", "[yaml_io]") {
  YamlLimits limits;
  limits.max_nodes = 5;
  // map, a, 1, b, 2 are five; the key c is the sixth.
  Diagnostic d = Refusal("a: 1\nb: 2\nc: 3\n", limits);
  CHECK_WHERE(d, 3, 1);
  CHECK(d.message == "more than 5 values in one file");
  limits.max_nodes = 7;
  auto ok = ParseYaml("a: 1\nb: 2\nc: 3\n", "t.yaml", limits);
  CHECK(ok.ok());
}

TEST_CASE("ParseYaml refuses a file over max_bytes before looking inside", "[yaml_io]") {
  YamlLimits limits;
  limits.max_bytes = 10;
  Diagnostic d = Refusal("a: \"12345\xFF\n", limits);  // 11 bytes, and not UTF-8 either
  CHECK(d.message == "file is 11 bytes; the limit is 10");
  CHECK_WHERE(d, 0, 0);
  CHECK(d.ToString() == "t.yaml: file is 11 bytes; the limit is 10");
  CHECK(ParseYaml("a: 123456\n", "t.yaml", limits).ok());  // exactly 10
}

TEST_CASE("ParseYaml runs the text checks before the parser", "[yaml_io]") {
  // The unclosed "[" would be libyaml's complaint; the tab comes first.
  Diagnostic d = Refusal("a: [\nb:\n\t- x\n");
  CHECK_WHERE(d, 3, 1);
  CHECK(Contains(d.message, "tab"));
}

TEST_CASE("ParseYaml reports libyaml's syntax errors at 1-based positions", "[yaml_io]") {
  SECTION("unclosed flow sequence: found at the end of the file") {
    Diagnostic d = Refusal("a: [1, 2\n");
    CHECK_WHERE(d, 2, 1);
    CHECK(d.message ==
          "a list in [ ] is not closed: add the ] [libyaml: did not find expected ',' or ']' "
          "(while parsing a flow sequence that starts at line 1, column 4)]");
    CHECK(d.field.empty());
  }
  SECTION("a problem without a context") {
    Diagnostic d = Refusal("a: b: c\n");
    CHECK_WHERE(d, 1, 5);  // the second ':'
    CHECK(d.message ==
          "a colon is out of place: a line is indented wrongly, or a text holding \": \" needs "
          "quotes [libyaml: mapping values are not allowed in this context]");
  }
  SECTION("columns count characters after CJK text") {
    Diagnostic d = Refusal("x: 1\na: 李某: c\n");
    CHECK_WHERE(d, 2, 6);  // a, :, space, 李, 某, then ':'
  }
  SECTION("a bad indentation") {
    Diagnostic d = Refusal("a:\n  - x\n - y\n");
    CHECK_WHERE(d, 3, 2);
    CHECK(d.message ==
          "a line is indented wrongly [libyaml: did not find expected key (while parsing a block "
          "mapping that starts at line 1, column 1)]");
  }
  SECTION("unclosed quote without a final newline: at the opening quote") {
    Diagnostic d = Refusal("a: \"x");
    CHECK_WHERE(d, 1, 4);
    CHECK(StartsWith(d.message,
                     "a quoted text is not closed; add the missing \" where the text ends "
                     "[libyaml: found unexpected end of stream (while scanning a quoted scalar"));
  }
  SECTION("status carries the file name") {
    auto r = ParseYaml("a: [1, 2\n", "cases/2026/03/X.yaml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kRejected);
    CHECK(Contains(r.status().message(), "cases/2026/03/X.yaml"));
    CHECK(r.status().diagnostics()[0].where.file == "cases/2026/03/X.yaml");
  }
}

TEST_CASE("ParseYaml finds a quote left open that a later quote closes", "[yaml_io]") {
  SECTION("the example of a hand edit: libyaml complains on the next line") {
    // Line 3 opens the summary and never closes it; the quoted text runs on to
    // the first quote of line 4, so libyaml's error is on line 4.
    const std::string text =
        "schema: \"case/1\"\n"
        "category: \"neighbour\"\n"
        "summary: \"楼上漏水\n"
        "status: \"received\"\n"
        "deadline: \"2026-04-01\"\n";
    Diagnostic d = Refusal(text);
    CHECK_WHERE(d, 3, 10);  // 'summary: ' is 9 characters, the quote the 10th
    CHECK(d.field == "summary");
    CHECK(StartsWith(d.message,
                     "a quoted text is not closed; add the missing \" where the text ends "
                     "[libyaml: "));
    CHECK(Contains(d.message, "at line 4, column "));  // where libyaml noticed it
  }
  SECTION("inside a list item's map: the path of the map, then the key") {
    Diagnostic d = Refusal("parties:\n  - name: '李某\n    role: 'applicant'\n");
    CHECK_WHERE(d, 2, 11);
    CHECK(d.field == "parties[0].name");
    CHECK(StartsWith(d.message, "a quoted text is not closed; add the missing ' "));
  }
  SECTION("a text legitimately over two lines is not blamed for a later mistake") {
    // Lines 1-2 are one quoted text; line 4 is indented wrongly. Closing the
    // quote on line 1 does not move the error past line 4, so libyaml's place
    // and words stand.
    Diagnostic d = Refusal("a: \"one\n  two\"\nb: 1\n c: 2\n");
    CHECK(d.where.line == 4);
    CHECK(StartsWith(d.message, "a "));
    CHECK_FALSE(Contains(d.message, "quoted text"));
  }
}

TEST_CASE("ParseYaml finds a field name without \": \" after it", "[yaml_io]") {
  SECTION("no space after the colon: libyaml complains on the next line") {
    Diagnostic d = Refusal("a: 1\nsummary:\"x\"\ncategory: \"y\"\n");
    CHECK_WHERE(d, 2, 8);  // the colon after 'summary'
    CHECK(d.field == "summary");
    CHECK(StartsWith(d.message,
                     "a space is missing after the colon; write \"summary: \" and the value "
                     "[libyaml: "));
    CHECK(Contains(d.message, "at line 3, column "));
  }
  SECTION("a full-width colon, as a Chinese input method types it") {
    Diagnostic d = Refusal("summary\xEF\xBC\x9A\"楼上漏水\"\ncategory: \"y\"\n");
    CHECK_WHERE(d, 1, 8);
    CHECK(d.field == "summary");
    CHECK(StartsWith(d.message,
                     "a full-width colon \xEF\xBC\x9A follows the field name; write "
                     "\"summary: \" and the value [libyaml: "));
  }
  SECTION("in a list item's map: the key") {
    Diagnostic d = Refusal("parties:\n  - name:\"a\"\n    role: \"b\"\n");
    CHECK_WHERE(d, 2, 9);
    CHECK(d.field == "name");
  }
}

TEST_CASE("FindColonMistake and MendColon", "[yaml_io]") {
  const std::string text = "a: 1\n  - b:2\n# c:3\nd\xEF\xBC\x9Ax\ne: \"f:g\"\n";
  auto m = FindColonMistake(text, 2);
  REQUIRE(m);
  CHECK(m->line == 2);
  CHECK(m->column == 6);
  CHECK_FALSE(m->full_width);
  CHECK(m->key == "b");
  CHECK(MendColon(text, *m) == "a: 1\n  - b: 2\n# c:3\nd\xEF\xBC\x9Ax\ne: \"f:g\"\n");
  m = FindColonMistake(text, 5);  // the comment and the quoted value are not field names
  REQUIRE(m);
  CHECK(m->line == 4);
  CHECK(m->column == 2);
  CHECK(m->full_width);
  CHECK(MendColon(text, *m) == "a: 1\n  - b:2\n# c:3\nd: x\ne: \"f:g\"\n");
  CHECK_FALSE(FindColonMistake(text, 1));
}

TEST_CASE("PlainYamlProblem puts libyaml's problems in plain words", "[yaml_io]") {
  CHECK(PlainYamlProblem("did not find expected key", "while parsing a block mapping") ==
        "a line is indented wrongly");
  CHECK(PlainYamlProblem("found unexpected end of stream", "while scanning a quoted scalar") ==
        "a quoted text is not closed");
  CHECK(PlainYamlProblem("did not find expected node content", "while parsing a block node") ==
        "a value is missing after the colon, or starts with a character that needs quotes");
  CHECK(PlainYamlProblem("something new", "") == "the text is not valid YAML here");
}

TEST_CASE("FindOpenQuote and CloseQuote read one line at a time", "[yaml_io]") {
  const std::string text = "a: \"x\"\nb: 'it''s\nc: \"李\\\"\n# \"comment\nd: plain \"q\n";
  auto q = FindOpenQuote(text, 2);
  REQUIRE(q);
  CHECK(q->line == 2);
  CHECK(q->column == 4);
  CHECK(q->quote == '\'');
  CHECK(q->key == "b");
  CHECK(CloseQuote(text, *q) == "a: \"x\"\nb: 'it''s'\nc: \"李\\\"\n# \"comment\nd: plain \"q\n");
  // Line 3's quote is escaped, so it stays open there; comments and quotes inside
  // plain text open nothing.
  q = FindOpenQuote(text, 5);
  REQUIRE(q);
  CHECK(q->line == 3);
  CHECK(q->column == 4);
  CHECK_FALSE(FindOpenQuote(text, 1));
}

TEST_CASE("ParseYaml refuses quoted text left open at its opening quote", "[yaml_io]") {
  SECTION("double quotes") {
    Diagnostic d = Refusal("a: 1\nb: \"open\nc: 2\n");
    CHECK_WHERE(d, 2, 4);
    CHECK(d.field == "b");
    CHECK(StartsWith(d.message,
                     "a quoted text is not closed; add the missing \" where the text ends "
                     "[libyaml: found unexpected end of stream (while scanning a quoted scalar"));
  }
  SECTION("single quotes with an escaped quote inside") {
    Diagnostic d = Refusal("x: 'it''s\n");
    CHECK_WHERE(d, 1, 4);
    CHECK(StartsWith(
        d.message,
        "a quoted text is not closed; add the missing ' where the text ends [libyaml: "));
  }
  SECTION("an escaped quote does not close") {
    Diagnostic d = Refusal("x: \"a\\\"\n");
    CHECK_WHERE(d, 1, 4);
  }
  SECTION("after CJK text, as a key") {
    Diagnostic d = Refusal("m:\n  名: 1\n  '李某: 2\n");
    CHECK_WHERE(d, 3, 3);
    CHECK(d.field == "m");
    CHECK(StartsWith(
        d.message,
        "a quoted text is not closed; add the missing ' where the text ends [libyaml: "));
  }
}

// ---------------------------------------------------------------------------
// Emitting

TEST_CASE("EmitYaml writes a case file in block style with flow rows", "[yaml_io]") {
  Value root = Value::Map();
  root.Set("schema", Value::String("case/1"));
  root.Set("people_involved", Value::Int(2));
  Value place = Value::Map();
  place.set_flow();
  place.Set("street", Value::String("140109005"));
  place.Set("address", Value::String("3号楼"));
  root.Set("place", std::move(place));
  Value parties = Value::Sequence();
  Value p0 = Value::Map();
  p0.set_flow();
  p0.Set("role", Value::String("applicant"));
  p0.Set("name", Value::String("李某"));
  parties.Append(std::move(p0));
  Value p1 = Value::Map();
  p1.Set("role", Value::String("respondent"));
  p1.Set("name", Value::String("物业"));
  parties.Append(std::move(p1));
  root.Set("parties", std::move(parties));
  root.Set("mediators", Value::Strings({"M-0307"}).set_flow());
  Value events = Value::Sequence();
  Value e0 = Value::Map();
  e0.Set("at", Value::String("2026-03-02T09:30:00+08:00"));
  e0.Set("docs", Value::Strings({"a", "b"}));
  e0.Set("by", Value::String("王某 <wang@example.org>"));
  events.Append(std::move(e0));
  root.Set("events", std::move(events));
  root.Set("empty", Value::Sequence());
  root.Set("emptymap", Value::Map());
  root.Set("nothing", Value::Null());
  root.Set("ok", Value::Bool(true));
  root.Set("first name", Value::String("x"));
  root.Set("yes", Value::String("y"));
  Value nested = Value::Sequence();
  nested.Append(Value::Strings({"a", "b"}));
  nested.Append(Value::String("c"));
  root.Set("nested", std::move(nested));
  Value inner = Value::Map();
  Value deeper = Value::Map();
  deeper.Set("k", Value::Int(-1));
  inner.Set("deeper", std::move(deeper));
  root.Set("inner", std::move(inner));

  const std::string expected =
      "schema: \"case/1\"\n"
      "people_involved: 2\n"
      "place: {street: \"140109005\", address: \"3号楼\"}\n"
      "parties:\n"
      "  - {role: \"applicant\", name: \"李某\"}\n"
      "  - role: \"respondent\"\n"
      "    name: \"物业\"\n"
      "mediators: [\"M-0307\"]\n"
      "events:\n"
      "  - at: \"2026-03-02T09:30:00+08:00\"\n"
      "    docs:\n"
      "      - \"a\"\n"
      "      - \"b\"\n"
      "    by: \"王某 <wang@example.org>\"\n"
      "empty: []\n"
      "emptymap: {}\n"
      "nothing: null\n"
      "ok: true\n"
      "\"first name\": \"x\"\n"
      "\"yes\": \"y\"\n"
      "nested:\n"
      "  - - \"a\"\n"
      "    - \"b\"\n"
      "  - \"c\"\n"
      "inner:\n"
      "  deeper:\n"
      "    k: -1\n";
  CHECK(EmitYaml(root) == expected);
  CHECK(EmitYaml(root) == EmitYaml(root));  // deterministic
  Value back = Parsed(expected);
  CHECK(back.SameAs(root));
}

TEST_CASE("EmitYaml escapes quoted scalars and keeps CJK readable", "[yaml_io]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const std::vector<Case> cases = {
      {"plain", "\"plain\"\n"},
      {"quote\"s", "\"quote\\\"s\"\n"},
      {"back\\slash", "\"back\\\\slash\"\n"},
      {"line1\nline2", "\"line1\\nline2\"\n"},
      {"tab\there", "\"tab\\there\"\n"},
      {"cr\r", "\"cr\\r\"\n"},
      {"\x01", "\"\\x01\"\n"},
      {"\x1b", "\"\\x1B\"\n"},
      {"\x7f", "\"\\x7F\"\n"},
      {std::string("\0", 1), "\"\\x00\"\n"},
      {"\xC2\x85", "\"\\x85\"\n"},
      {"\xE2\x80\xA8", "\"\\u2028\"\n"},
      {"\xE2\x80\xA9", "\"\\u2029\"\n"},
      {"\xEF\xBB\xBF", "\"\\uFEFF\"\n"},
      {"中文 漏水", "\"中文 漏水\"\n"},
      {"\xC2\xA0", "\"\xC2\xA0\"\n"},
      {"bad\xFF", "\"bad\xEF\xBF\xBD\"\n"},  // not UTF-8: replaced, file stays valid
      {"", "\"\"\n"},
  };
  for (const auto& c : cases) {
    INFO(c.out);
    CHECK(EmitYaml(Value::String(c.in)) == c.out);
  }
}

TEST_CASE("EmitYaml writes plain scalars plain when they read back unchanged", "[yaml_io]") {
  auto in_map = [](Value v) {
    Value m = Value::Map();
    m.Set("t", std::move(v));
    return EmitYaml(m);
  };
  auto in_flow = [](Value v) {
    Value s = Value::Sequence();
    s.set_flow();
    s.Append(std::move(v));
    return EmitYaml(s);
  };
  CHECK(EmitYaml(Value::Int(-5)) == "-5\n");
  CHECK(EmitYaml(Value::Bool(false)) == "false\n");
  CHECK(EmitYaml(Value::Null()) == "null\n");
  CHECK(EmitYaml(Value::Map()) == "{}\n");
  CHECK(EmitYaml(Value::Sequence()) == "[]\n");
  CHECK(in_map(Value::Scalar("12:30", false)) == "t: 12:30\n");
  CHECK(in_flow(Value::Scalar("12:30", false)) == "[\"12:30\"]\n");
  CHECK(in_map(Value::Scalar("a, b", false)) == "t: a, b\n");
  CHECK(in_flow(Value::Scalar("a, b", false)) == "[\"a, b\"]\n");
  CHECK(in_map(Value::Scalar("李某", false)) == "t: 李某\n");
  CHECK(in_map(Value::Scalar("a#b", false)) == "t: a#b\n");
  CHECK(in_map(Value::Scalar("-1", false)) == "t: -1\n");
  // Not safe plain: quoted instead, so the file still reads back.
  CHECK(in_map(Value::Scalar("", false)) == "t: \"\"\n");
  CHECK(in_map(Value::Scalar("null", false)) == "t: \"null\"\n");
  CHECK(in_map(Value::Scalar("~", false)) == "t: \"~\"\n");
  CHECK(in_map(Value::Scalar("x: y", false)) == "t: \"x: y\"\n");
  CHECK(in_map(Value::Scalar("a #b", false)) == "t: \"a #b\"\n");
  CHECK(in_map(Value::Scalar("- x", false)) == "t: \"- x\"\n");
  CHECK(in_map(Value::Scalar("x:", false)) == "t: \"x:\"\n");
  CHECK(in_map(Value::Scalar(" x", false)) == "t: \" x\"\n");
  CHECK(in_map(Value::Scalar("a\nb", false)) == "t: \"a\\nb\"\n");
  CHECK(in_map(Value::Scalar("*x", false)) == "t: \"*x\"\n");
  CHECK(in_map(Value::Scalar("---", false)) == "t: \"---\"\n");
}

TEST_CASE("EmitYaml quotes keys that are not simple identifiers", "[yaml_io]") {
  Value m = Value::Map();
  m.set_flow();
  for (const char* k : {"id", "_x1", "first name", "yes", "y", "null", "1abc", "", "李", "a-b"})
    m.Set(k, Value::Int(1));
  CHECK(EmitYaml(m) ==
        "{id: 1, _x1: 1, \"first name\": 1, \"yes\": 1, \"y\": 1, \"null\": 1, \"1abc\": 1, "
        "\"\": 1, \"李\": 1, \"a-b\": 1}\n");
}

TEST_CASE("EmitYaml writes everything inside a flow collection in flow style", "[yaml_io]") {
  Value m = Value::Map();
  m.set_flow();
  Value block_inner = Value::Map();  // not flagged, but inside flow it cannot be block
  block_inner.Set("b", Value::Int(1));
  m.Set("a", std::move(block_inner));
  m.Set("l", Value::Strings({"x", "y"}));
  m.Set("e", Value::Sequence());
  m.Set("n", Value::Null());
  // "n" is a YAML 1.1 boolean, so even this short key is quoted.
  CHECK(EmitYaml(m) == "{a: {b: 1}, l: [\"x\", \"y\"], e: [], \"n\": null}\n");
}

TEST_CASE("EmitYaml writes a root sequence of maps", "[yaml_io]") {
  Value s = Value::Sequence();
  Value a = Value::Map();
  a.Set("id", Value::String("M-1"));
  a.Set("tags", Value::Strings({"x"}));
  s.Append(std::move(a));
  s.Append(Value::Map());
  CHECK(EmitYaml(s) ==
        "- id: \"M-1\"\n"
        "  tags:\n"
        "    - \"x\"\n"
        "- {}\n");
}

TEST_CASE("EmitYaml of a parsed fixture drops comments and keeps everything else", "[yaml_io]") {
  std::string text = test::ReadFile(test::SourceDir() / "tests/fixtures/yaml/case.yaml");
  Value root = Parsed(text);
  const std::string expected =
      "schema: \"case/1\"\n"
      "id: \"WBL-2026-000042\"\n"
      "received: \"2026-03-02T09:30:00+08:00\"\n"
      "category: \"neighbour\"\n"
      "summary: \"楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执\"\n"
      "amount: \"3500.00\"\n"
      "people_involved: 2\n"
      "place: {street: \"140109005\", community: \"140109005001\", address: \"3号楼2单元\"}\n"
      "parties:\n"
      "  - {role: \"applicant\", kind: \"person\", name: \"李某\", phone: \"13800001234\"}\n"
      "  - {role: \"respondent\", kind: \"organisation\", name: \"太原某物业服务有限公司\"}\n"
      "risk: \"yellow\"\n"
      "mediators: [\"M-0307\"]\n"
      "events:\n"
      "  - {at: \"2026-03-02T09:30:00+08:00\", type: \"received\", by: \"王某 "
      "<wang@example.org>\"}\n"
      "  - at: \"2026-03-03T09:00:00+08:00\"\n"
      "    type: \"assigned\"\n"
      "    mediators: [\"M-0307\"]\n";
  CHECK(EmitYaml(root) == expected);
}

// ---------------------------------------------------------------------------
// Round trips

TEST_CASE("Strings survive EmitYaml then ParseYaml in every position", "[yaml_io]") {
  for (const std::string& s : TrickyStrings()) {
    INFO("string: " << s);
    Value root = Value::Map();
    root.Set("value", Value::String(s));
    root.Set(s, Value::String("as a key"));
    root.Set("block", Value::Strings({s, "next"}));
    root.Set("flow", Value::Strings({s, "next"}).set_flow());
    Value fm = Value::Map();
    fm.set_flow();
    fm.Set("k", Value::String(s));
    fm.Set(s, Value::Int(1));
    root.Set("flowmap", std::move(fm));
    std::string text = EmitYaml(root);
    INFO("emitted:\n" << text);
    Value back = Parsed(text);
    CHECK(back.SameAs(root));
    REQUIRE(back.Find("value") != nullptr);
    CHECK(back.Find("value")->quoted());
    CHECK(back.Find("value")->text() == s);
    CHECK(text.find('\t') == std::string::npos);
  }
  // And as the whole document.
  for (const std::string& s : TrickyStrings()) {
    INFO("string: " << s);
    Value back = Parsed(EmitYaml(Value::String(s)));
    CHECK(back.is_scalar());
    CHECK(back.text() == s);
  }
}

TEST_CASE("Numbers, booleans and structures survive a round trip", "[yaml_io]") {
  Value root = Value::Map();
  root.Set("zero", Value::Int(0));
  root.Set("neg", Value::Int(-42));
  root.Set("big", Value::Int(9007199254740993LL));
  root.Set("t", Value::Bool(true));
  root.Set("f", Value::Bool(false));
  Value seq = Value::Sequence();
  seq.Append(Value::Int(1));
  seq.Append(Value::Sequence());
  seq.Append(Value::Map());
  Value m = Value::Map();
  m.Set("x", Value::Strings({"1", "2"}));
  seq.Append(std::move(m));
  root.Set("seq", std::move(seq));
  Value back = Parsed(EmitYaml(root));
  CHECK(back.SameAs(root));
  CHECK_FALSE(At(back, "neg").quoted());
  CHECK(At(back, "neg").text() == "-42");
  CHECK(At(back, "t").text() == "true");
}

namespace {

// Random Values over an alphabet of YAML's special characters.
class RandomValues {
 public:
  explicit RandomValues(unsigned seed) : rng_(seed) {}

  Value Make(int depth) {
    int kind = Pick(depth >= 4 ? 4 : 7);
    switch (kind) {
      case 0:
      case 1:
        return Value::String(Text());
      case 2:
        return Value::Int(static_cast<std::int64_t>(rng_()) - (1LL << 31));
      case 3:
        return Pick(2) ? Value::Bool(Pick(2) == 1) : Value::Null();
      case 4:
      case 5: {
        Value s = Value::Sequence();
        for (int i = Pick(4); i > 0; --i) s.Append(Make(depth + 1));
        if (Pick(3) == 0) s.set_flow();
        return s;
      }
      default: {
        Value m = Value::Map();
        for (int i = Pick(4); i > 0; --i) m.Set(Text(), Make(depth + 1));
        if (Pick(3) == 0) m.set_flow();
        return m;
      }
    }
  }

  std::string Text() {
    static const std::vector<std::string> kPieces = {
        "a",    "Z",  "0",   "7",    " ",  "\n", "\t", "\"", "\\", ":",        "#",
        "-",    "?",  "[",   "]",    "{",  "}",  ",",  "&",  "*",  "!",        "|",
        ">",    "'",  "%",   "@",    "`",  "~",  ".",  "中", "某", "\xC2\x85", "\xE2\x80\xA8",
        "\x01", "\r", "yes", "null", "0x", "e"};
    std::string s;
    for (int i = Pick(6); i > 0; --i) s += kPieces[Pick(static_cast<int>(kPieces.size()))];
    return s;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("Random values survive a round trip and re-emit identically", "[yaml_io]") {
  RandomValues gen(20260302);
  for (int i = 0; i < 400; ++i) {
    Value v = Value::Map();
    v.Set("root", gen.Make(0));
    std::string text = EmitYaml(v);
    INFO("emitted:\n" << text);
    Value back = Parsed(text);
    CHECK(back.SameAs(v));
    CHECK(EmitYaml(back) == text);
  }
}

// ---------------------------------------------------------------------------
// Plain scalars that YAML readers do not read as strings

TEST_CASE("PlainScalarIsNotString follows YAML 1.1 (and 1.2) resolution", "[yaml_io]") {
  const std::vector<std::string> not_strings = {
      // null
      "", "~", "null", "Null", "NULL",
      // bool, any case
      "yes", "Yes", "YES", "yEs", "no", "No", "NO", "y", "Y", "n", "N", "on", "On", "ON", "off",
      "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE",
      // int
      "0", "7", "-7", "+7", "42", "010", "0123", "09", "1_000", "-1_000", "0x1F", "0xff", "0X1F",
      "0o17", "0b101", "-0b1", "0_", "1:20", "12:30", "1:2:3", "190:20:30",
      // float
      "1.5", "-1.5", "1.", ".5", "-.5", "1e3", "1E3", "1e+3", "-1.5e-3", "1.5e3", "1_000.5", ".inf",
      ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "1:20.5",
      // timestamps
      "2001-12-14", "2024-01-05", "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z",
      "2001-12-14 21:59:43.10 -5", "2001-1-4 1:59:43", "2026-03-02T09:30:00+08:00",
      // merge and value keys
      "<<", "="};
  for (const std::string& s : not_strings) {
    INFO("plain scalar: [" << s << "]");
    CHECK(PlainScalarIsNotString(s));
  }
  const std::vector<std::string> strings = {"abc",
                                            "李某",
                                            "M-0307",
                                            "WBL-2026-000042",
                                            "1.2.3",
                                            "yess",
                                            "nope",
                                            "onn",
                                            "of",
                                            "tru",
                                            "nulll",
                                            "~~",
                                            "0x",
                                            "0xG",
                                            "0b2",
                                            "0o8",
                                            "_1",
                                            "1a",
                                            "a1",
                                            "+",
                                            "-",
                                            ".",
                                            "e3",
                                            "1e",
                                            "1e+",
                                            "1:60",
                                            "1:",
                                            ":20",
                                            ".infinity",
                                            "2024-1-5",
                                            "2024-01-05T",
                                            "2024-01-05 x",
                                            "2024-13",
                                            "20240105x",
                                            "2001-12-14T21:59",
                                            "2001-12-14T21:59:43+",
                                            "3500.00 元",
                                            "neighbour",
                                            "<",
                                            "==",
                                            "<<<",
                                            "140109005 ",
                                            " 1"};
  for (const std::string& s : strings) {
    INFO("plain scalar: [" << s << "]");
    CHECK_FALSE(PlainScalarIsNotString(s));
  }
}
