// lib/records/schema_version.cpp: a record of a later version of its kind is
// told apart from any other schema, and the message names the version needed.
#include <catch2/catch.hpp>

#include "schema_version.hpp"

using namespace mediate;

TEST_CASE("a later version of the same kind is newer, anything else is not", "[schema]") {
  CHECK(IsNewerSchema("case/2", "case/1"));
  CHECK(IsNewerSchema("case/10", "case/9"));  // numbers, not text: "10" < "9" as text
  CHECK_FALSE(IsNewerSchema("case/1", "case/1"));
  CHECK_FALSE(IsNewerSchema("case/0", "case/1"));
  CHECK_FALSE(IsNewerSchema("area/2", "case/1"));
  CHECK_FALSE(IsNewerSchema("case/2x", "case/1"));
  CHECK_FALSE(IsNewerSchema("case/", "case/1"));
  CHECK_FALSE(IsNewerSchema("/2", "case/1"));
  CHECK_FALSE(IsNewerSchema("case2", "case/1"));
  CHECK_FALSE(IsNewerSchema("case/12345678", "case/1"));  // more than six digits: no version
}

TEST_CASE("the message names the version a newer record needs", "[schema]") {
  CHECK(SchemaMismatchMessage("case/2", "case/1") ==
        "schema \"case/2\" is newer than this version of mediate reads (case/1): the record "
        "needs a mediate version supporting case/2; upgrade mediate to read or change it");
  CHECK(SchemaMismatchMessage("kase/1", "case/1") ==
        "unsupported schema \"kase/1\"; expected \"case/1\"");
}
