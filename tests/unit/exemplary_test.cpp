#include <catch2/catch.hpp>

#include "exemplary.hpp"

using namespace mediate;

TEST_CASE("names are reduced to the surname and 某", "[exemplary]") {
  CHECK(ReduceName("张三", false) == "张某");
  CHECK(ReduceName("李某某", false) == "李某");
  CHECK(ReduceName("欧阳娜娜", false) == "欧阳某");
  CHECK(ReduceName("", false).empty());
  CHECK(ReduceName("太原市万柏林区汾河装饰工程有限公司", true) == "某有限公司");
  CHECK(ReduceName("万柏林区人民医院", true) == "某医院");
  CHECK(ReduceName("汾河", true) == "某单位");
}

TEST_CASE("text loses names, numbers and the address of its case", "[exemplary]") {
  Case c;
  c.place.address = "幸福里3号楼2单元";
  Party a;
  a.kind = "person";
  a.name = "张三丰";
  a.phone = "13912345678";
  a.id_number = "11010519491231002X";
  Party b;
  b.kind = "organisation";
  b.name = "太原市恒达物业服务有限公司";
  b.credit_code = "91110105MA00000012";
  c.parties = {a, b};
  std::string out = ScrubText(
      "张三丰（11010519491231002x，电话13912345678）住幸福里3号楼2单元，与太原市恒达物业服务有限公"
      "司"
      "（91110105MA00000012）因漏水争执，另留电话0351-6012345和15000000000，索赔353200元",
      c);
  CHECK(out ==
        "张某（[已删除]，电话[已删除]）住[已删除]，与某有限公司（[已删除]）因漏水争执，另留电话["
        "已删除]"
        "和[已删除]，索赔353200元");
}
