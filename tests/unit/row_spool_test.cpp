#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "row_spool.hpp"
#include "test_support.hpp"

using namespace mediate;
using mediate::test::TempDir;

namespace {

struct Keyed {
  std::string key;
  std::vector<Cell> row;
};

/// Rows of every cell type, keyed out of order: ids of two offices and years.
std::vector<Keyed> Rows(int n) {
  std::vector<Keyed> rows;
  for (int i = 0; i < n; ++i) {
    // 7 is prime to n, so i*7 % n visits every sequence once, out of order.
    int seq = (i * 7) % n;
    std::string office = seq % 3 == 0 ? "XHQ" : "WBL";
    std::string key = office + "-202" + std::to_string(5 + seq % 2) + "-" +
                      std::string(6 - std::to_string(seq).size(), '0') + std::to_string(seq);
    rows.push_back({key,
                    {key, std::string("邻里纠纷；漏水") + std::to_string(seq), std::monostate{},
                     std::int64_t{seq} * 100'000, std::numeric_limits<std::int64_t>::min(),
                     seq / 4.0, std::string()}});
  }
  return rows;
}

std::vector<std::vector<Cell>> Drain(RowSpool& spool) {
  std::vector<std::vector<Cell>> out;
  Status st = spool.ForEachSorted([&](const std::vector<Cell>& row) {
    out.push_back(row);
    return Status::Ok();
  });
  REQUIRE(st.ok());
  return out;
}

}  // namespace

TEST_CASE("a spool gives its rows back sorted by key, cells intact", "[row_spool]") {
  TempDir dir;
  auto rows = Rows(50);
  // A limit of 100 bytes spills almost every row to the scratch file; the
  // default keeps them all in memory. Both give the same.
  for (std::size_t limit : {std::size_t{100}, std::size_t{8} << 20}) {
    RowSpool spool(dir.str(), limit);
    for (const auto& r : rows) REQUIRE(spool.Add(r.key, r.row).ok());
    CHECK(spool.size() == 50);
    auto expected = rows;
    std::sort(expected.begin(), expected.end(),
              [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    auto got = Drain(spool);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == expected[i].row);
    // By hand: WBL sorts before XHQ and 2025 (even sequences) before 2026;
    // the least even sequence not a multiple of 3 is 2, the greatest odd
    // multiple of 3 below 50 is 45.
    CHECK(std::get<std::string>(got.front()[0]) == "WBL-2025-000002");
    CHECK(std::get<std::string>(got.back()[0]) == "XHQ-2026-000045");
  }
}

TEST_CASE("rows of one key keep the order they were added in", "[row_spool]") {
  TempDir dir;
  RowSpool spool(dir.str(), 16);
  REQUIRE(spool.Add("B", {std::string("b1")}).ok());
  REQUIRE(spool.Add("A", {std::string("a")}).ok());
  REQUIRE(spool.Add("B", {std::string("b2")}).ok());
  REQUIRE(spool.Add("B", {std::string("b3")}).ok());
  auto got = Drain(spool);
  REQUIRE(got.size() == 4);
  CHECK(std::get<std::string>(got[0][0]) == "a");
  CHECK(std::get<std::string>(got[1][0]) == "b1");
  CHECK(std::get<std::string>(got[2][0]) == "b2");
  CHECK(std::get<std::string>(got[3][0]) == "b3");
}

TEST_CASE("a spool that cannot spill says where", "[row_spool]") {
  RowSpool spool("/nonexistent-dir-of-mediate", 1);
  Status st = spool.Add("A", {std::string("a long enough row")});
  REQUIRE_FALSE(st.ok());
  CHECK(st.kind() == ErrorKind::kIo);
  CHECK(st.message().find("/nonexistent-dir-of-mediate") != std::string::npos);
}
