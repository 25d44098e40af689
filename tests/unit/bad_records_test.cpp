// The bad-record corpus (tests/fixtures/yaml/bad-records/) through the case
// loader alone, without a store: every kind the reader cannot turn into a
// case is refused with the error its .expected file names, at its line.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "store.hpp"
#include "test_support.hpp"
#include "vocab.hpp"

using namespace mediate;

namespace {

const char* const kRel = "cases/2026/03/WBL-2026-000042.yaml";

std::vector<std::string> ExpectedLines(const std::string& kind) {
  std::string text =
      test::ReadFile(test::SourceDir() / "tests/fixtures/yaml/bad-records" / (kind + ".expected"));
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (auto p = line.find("FILE"); p != std::string::npos) line.replace(p, 4, kRel);
    out.push_back(line);
  }
  return out;
}

LoadedCase Load(const std::string& kind) {
  std::string text =
      test::ReadFile(test::SourceDir() / "tests/fixtures/yaml/bad-records" / (kind + ".yaml"));
  REQUIRE(!text.empty());
  return ParseCaseText(text, kRel, Vocabulary::Builtin());
}

}  // namespace

TEST_CASE("the good twin of the bad records loads", "[bad_records]") {
  LoadedCase c = Load("good");
  CHECK(c.ok);
  CHECK(c.record.id == "WBL-2026-000042");
}

TEST_CASE("each unreadable bad record is refused by the loader with its error", "[bad_records]") {
  for (const char* kind : {"conflict-markers", "bom-in-middle", "yaml11-boolean", "yaml11-number",
                           "impossible-date", "impossible-time", "duplicate-key", "tab-indent",
                           "invalid-utf8", "alias", "unclosed-quote"}) {
    INFO(kind);
    LoadedCase c = Load(kind);
    CHECK_FALSE(c.ok);
    std::string all;
    for (const auto& d : c.diagnostics) all += d.ToString() + "\n";
    INFO(all);
    for (const auto& e : ExpectedLines(kind)) CHECK(all.find(e) != std::string::npos);
  }
}
