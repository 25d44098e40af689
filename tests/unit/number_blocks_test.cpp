// lib/records/number_blocks.cpp: the record of blocks reserved for desks,
// handing out numbers from a desk's own blocks, and where the next block
// starts. Expected values are worked out by hand from the blocks given.
#include <catch2/catch.hpp>

#include "number_blocks.hpp"

using namespace mediate;
using Catch::Matchers::Contains;

namespace {

NumberBlocks Record(const std::string& text) {
  auto r = ParseNumberBlocks(text, "numbers.yaml");
  REQUIRE(r.ok());
  return *r;
}

const char* kTwoDesks =
    "schema: \"numbers/1\"\n"
    "note: kept\n"
    "blocks:\n"
    "  - {series: \"case/XJY/2026\", first: 1, last: 20, desk: \"d-a\"}\n"
    "  - {series: \"case/XJY/2026\", first: 21, last: 40, desk: \"d-b\"}\n"
    "  - {series: \"case/XJY/2026\", first: 41, last: 60, desk: \"d-a\"}\n"
    "  - {series: \"mediator\", first: 838, last: 842, desk: \"d-a\"}\n";

}  // namespace

TEST_CASE("a desk takes only numbers of its own blocks, skipping those held", "[numbers]") {
  NumberBlocks r = Record(kTwoDesks);
  CHECK(FreeNumbers(r, "case/XJY/2026", "d-a", {}, 3) == std::vector<int>{1, 2, 3});
  CHECK(FreeNumbers(r, "case/XJY/2026", "d-b", {21, 23}, 2) == std::vector<int>{22, 24});
  // d-a's first block used up but for 20: then its second block.
  std::set<int> used;
  for (int n = 1; n <= 19; ++n) used.insert(n);
  CHECK(FreeNumbers(r, "case/XJY/2026", "d-a", used, 3) == std::vector<int>{20, 41, 42});
  CHECK(FreeNumberCount(r, "case/XJY/2026", "d-a", used) == 1 + 20);
  CHECK(FreeNumberCount(r, "case/XJY/2026", "d-b", {21, 5, 61}) == 19);
  // Another series, another desk: nothing.
  CHECK(FreeNumbers(r, "case/XY/2026", "d-a", {}, 1).empty());
  CHECK(FreeNumbers(r, "mediator", "d-b", {}, 1).empty());
  CHECK(FreeNumbers(r, "mediator", "d-a", {838}, 5) == std::vector<int>{839, 840, 841, 842});
}

TEST_CASE("the next block starts after every block of its series and every number held",
          "[numbers]") {
  NumberBlocks r = Record(kTwoDesks);
  NumberBlock b = NextNumberBlock(r, "case/XJY/2026", "d-c", 12, "王某 <w@x>", "2026-03-03");
  CHECK(b.first == 61);
  CHECK(b.last == 80);
  CHECK(b.desk == "d-c");
  // Numbers given before blocks existed (up to 75) push it further.
  b = NextNumberBlock(r, "case/XJY/2026", "d-c", 75, "", "");
  CHECK((b.first == 76 && b.last == 95));
  // A series of its own starts after what the store holds; mediators come five at a time.
  b = NextNumberBlock(r, "mediator", "d-b", 836, "", "");
  CHECK((b.first == 843 && b.last == 847));
  b = NextNumberBlock(r, "training/2027", "d-b", 0, "", "");
  CHECK((b.first == 1 && b.last == 5));
}

TEST_CASE("a rewrite keeps unknown keys and adds the block", "[numbers]") {
  NumberBlocks r = Record(kTwoDesks);
  NumberBlock b{"case/XJY/2026", 61, 80, "d-c", "王某 <w@x>", "2026-03-03T08:00:00+08:00"};
  AddNumberBlock(&r, b);
  std::string text = EmitNumberBlocks(r);
  CHECK_THAT(text, Contains("note: kept") && Contains("desk: \"d-c\"") && Contains("first: 61"));
  NumberBlocks again = Record(text);
  REQUIRE(again.blocks.size() == 5);
  CHECK(again.blocks[4].last == 80);
  CHECK(again.blocks[4].by == "王某 <w@x>");
  std::string clash;
  CHECK_FALSE(FindOverlap(again, &clash));
  AddNumberBlock(&again, {"case/XJY/2026", 75, 90, "d-d", "", ""});
  CHECK(FindOverlap(again, &clash));
  CHECK_THAT(clash, Contains("61-80 (d-c)") && Contains("75-90 (d-d)"));
}

TEST_CASE("an empty record, and records that do not read", "[numbers]") {
  NumberBlocks empty = Record("");
  CHECK(empty.blocks.empty());
  CHECK(NextNumberBlock(empty, "case/WBL/2026", "d-a", 0, "", "").first == 1);
  auto bad = ParseNumberBlocks(
      "schema: \"numbers/1\"\nblocks:\n  - {series: \"case/XJY/2026\", first: 9, last: 3, "
      "desk: \"d-a\"}\n  - {first: 1, last: 2}\n",
      "numbers.yaml");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.status().diagnostics().size() == 3);
  CHECK(bad.status().diagnostics()[0].field == "blocks[0]");
  CHECK(bad.status().diagnostics()[0].where.line == 3);
  CHECK(bad.status().diagnostics()[1].field == "blocks[1].series");
  CHECK(bad.status().diagnostics()[2].field == "blocks[1].desk");
  auto newer = ParseNumberBlocks("schema: \"numbers/2\"\nblocks: []\n", "numbers.yaml");
  REQUIRE_FALSE(newer.ok());
  CHECK_THAT(newer.status().message(), Contains("numbers/2"));
}

TEST_CASE("ids of each series", "[numbers]") {
  CHECK(SeriesId(CaseSeries("XJY", 2026), 12) == "XJY-2026-000012");
  CHECK(SeriesId(ConsultationSeries("WBL", 2026), 3) == "WBL-ZX-2026-000003");
  CHECK(SeriesId(TrainingSeries(2026), 7) == "T-2026-007");
  CHECK(SeriesId(MediatorSeries(), 838) == "M-0838");
  CHECK(SeriesId("review/2026", 1).empty());
  CHECK(NumbersAfter({"M-0836", "M-12", "X-9", "M-", "M-1a"}, "M-") == std::set<int>{12, 836});
}
