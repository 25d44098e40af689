// lib/records/case_key.cpp: a case key's file as written and read, and the
// union two desks' files of one key make. Expected texts typed by hand.
#include <catch2/catch.hpp>

#include "case_key.hpp"

using namespace mediate;

namespace {

CaseKeyEntry Live(int epoch, std::string wrapped) {
  CaseKeyEntry e;
  e.id = std::string(32, 'a');
  e.case_id = "XJY-2026-000007";
  e.epoch = epoch;
  e.wrapped = std::move(wrapped);
  return e;
}

CaseKeyEntry Erased(std::string when) {
  CaseKeyEntry e;
  e.id = std::string(32, 'a');
  e.case_id = "XJY-2026-000007";
  e.erased = std::move(when);
  return e;
}

}  // namespace

TEST_CASE("a case key's file reads back as written, and a tombstone keeps no key") {
  const std::string text = EmitCaseKeyEntry(Live(2, "d3JhcHBlZA"));
  CHECK(text == "case: \"XJY-2026-000007\"\nepoch: 2\nwrapped: \"d3JhcHBlZA\"\n");
  auto back = ParseCaseKeyEntry(text, std::string(32, 'a'), "k");
  REQUIRE(back.ok());
  CHECK(back->epoch == 2);
  CHECK(back->wrapped == "d3JhcHBlZA");
  CHECK_FALSE(back->is_erased());

  const std::string tomb = EmitCaseKeyEntry(Erased("2026-12-08T10:00:00+08:00"));
  CHECK(tomb == "case: \"XJY-2026-000007\"\nerased: \"2026-12-08T10:00:00+08:00\"\n");
  auto gone = ParseCaseKeyEntry(tomb, std::string(32, 'a'), "k");
  REQUIRE(gone.ok());
  CHECK(gone->is_erased());
  CHECK(gone->wrapped.empty());
}

TEST_CASE("a case key's file without its fields is refused, naming the file") {
  auto bad = ParseCaseKeyEntry("case: X\nepoch: 0\nwrapped: y\n", std::string(32, 'a'), "ab/ab");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("ab/ab") != std::string::npos);
  CHECK_FALSE(ParseCaseKeyEntry("epoch: 1\nwrapped: y\n", "x", "f").ok());
}

TEST_CASE("the union of a key keeps an erasure, else the later epoch") {
  CHECK(MergeCaseKeyEntries(Live(1, "a"), Erased("2026-12-08T10:00:00+08:00")).is_erased());
  CHECK(MergeCaseKeyEntries(Erased("2026-12-08T10:00:00+08:00"), Live(3, "a")).is_erased());
  CHECK(
      MergeCaseKeyEntries(Erased("2026-12-09T10:00:00+08:00"), Erased("2026-12-08T10:00:00+08:00"))
          .erased == "2026-12-08T10:00:00+08:00");
  CHECK(MergeCaseKeyEntries(Live(1, "old"), Live(2, "new")).wrapped == "new");
  CHECK(MergeCaseKeyEntries(Live(2, "new"), Live(1, "old")).wrapped == "new");
  // Two rewraps into one epoch: both desks pick the same.
  CHECK(MergeCaseKeyEntries(Live(2, "b"), Live(2, "a")).wrapped ==
        MergeCaseKeyEntries(Live(2, "a"), Live(2, "b")).wrapped);
}

TEST_CASE("key names are 32 hex digits, filed under their first two") {
  const std::string id = NewCaseKeyId();
  CHECK(IsCaseKeyId(id));
  CHECK(NewCaseKeyId() != id);
  CHECK_FALSE(IsCaseKeyId("ABCDEF0123456789abcdef0123456789"));
  CHECK_FALSE(IsCaseKeyId("abc"));
  CHECK(CaseKeyPath("0f1e2d3c4b5a69788796a5b4c3d2e1f0") == "0f/0f1e2d3c4b5a69788796a5b4c3d2e1f0");
}
