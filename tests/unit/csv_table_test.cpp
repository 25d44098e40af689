// List cells and typed lists (lib/base/csv_table.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "csv_table.hpp"

using namespace mediate;
using Items = std::vector<std::string>;

TEST_CASE("SplitList splits a cell on its separator, trimming and dropping empty items", "[csv]") {
  CHECK(SplitList("a; b ;;c") == Items{"a", "b", "c"});
  CHECK(SplitList(" ") == Items{});
  CHECK(SplitList("x,y", ',') == Items{"x", "y"});
  CHECK(SplitList("x,y") == Items{"x,y"});
}

TEST_CASE("SplitTypedList takes the separators people type, full-width ones too", "[csv]") {
  CHECK(SplitTypedList("婚姻家庭，邻里纠纷；物业纠纷、劳动争议") ==
        Items{"婚姻家庭", "邻里纠纷", "物业纠纷", "劳动争议"});
  CHECK(SplitTypedList("a, b;c") == Items{"a", "b", "c"});
  CHECK(SplitTypedList("，；、") == Items{});
  CHECK(SplitTypedList("张三") == Items{"张三"});
}
