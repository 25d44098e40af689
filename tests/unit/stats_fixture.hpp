// Reading measures of a typed stats result in the unit tests of stats.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>

#include "stats.hpp"

namespace mediate::test {

/// The count (or fen) of measure `m` in `row`; fails the test when it is not measured.
inline std::int64_t Count(const StatsRow& row, Measure m) {
  const MeasureValue* v = row.Value(m);
  REQUIRE(v != nullptr);
  REQUIRE_FALSE(v->empty);
  return v->integer;
}

/// The ratio or days of measure `m` in `row`; fails the test when it is not measured.
inline double Real(const StatsRow& row, Measure m) {
  const MeasureValue* v = row.Value(m);
  REQUIRE(v != nullptr);
  REQUIRE_FALSE(v->empty);
  return v->real;
}

}  // namespace mediate::test
