// lib/base/edit_distance.cpp: distances counted by hand, and which command a
// mistyped word suggests.
#include <catch2/catch.hpp>

#include "edit_distance.hpp"

using namespace mediate;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[edit]") {
  CHECK(EditDistance("show", "show") == 0);
  CHECK(EditDistance("shwo", "show") == 1);   // one swap of adjacent letters
  CHECK(EditDistance("lst", "list") == 1);    // one insertion
  CHECK(EditDistance("lists", "list") == 1);  // one deletion
  CHECK(EditDistance("shaw", "show") == 1);   // one substitution
  CHECK(EditDistance("", "due") == 3);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("ca", "abc") == 3);  // optimal string alignment, not Damerau's 2
}

TEST_CASE("the nearest command, when it is near enough", "[edit]") {
  std::vector<std::string> commands = {"init", "show", "list", "stats", "sync", "tag"};
  CHECK(NearestWord("shwo", commands) == std::optional<std::string>("show"));
  CHECK(NearestWord("lsit", commands) == std::optional<std::string>("list"));
  CHECK(NearestWord("stat", commands) == std::optional<std::string>("stats"));
  // "sho" is 1 from "show": the first of equals would win, here only one.
  CHECK(NearestWord("sho", commands) == std::optional<std::string>("show"));
  CHECK(NearestWord("frobnicate", commands) == std::nullopt);
  // Two edits on a two-letter word make a different word, not a typo:
  // "xg" → "tag" is 2 (x→t, insert a).
  CHECK(EditDistance("xg", "tag") == 2);
  CHECK(NearestWord("xg", commands) == std::nullopt);
  CHECK(NearestWord("ta", commands) == std::optional<std::string>("tag"));
  CHECK(NearestWord("show", {}) == std::nullopt);
}
