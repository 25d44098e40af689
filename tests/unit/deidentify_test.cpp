// De-identification scanners (lib/domain/deidentify.hpp): each pattern with
// texts it must change and texts it must leave alone. Expected strings are
// written by hand.
#include <catch2/catch.hpp>

#include "deidentify.hpp"

using namespace mediate;

namespace {
const std::string X = kRemovedMark;
}

TEST_CASE("ReduceName keeps the surname, or an organisation's kind", "[deidentify]") {
  CHECK(ReduceName("张三", false) == "张某");
  CHECK(ReduceName("李某某", false) == "李某");
  CHECK(ReduceName("欧阳娜娜", false) == "欧阳某");
  CHECK(ReduceName("John Smith", false) == "J.");
  CHECK(ReduceName("", false).empty());
  CHECK(ReduceName("太原市万柏林区汾河装饰工程有限公司", true) == "某有限公司");
  CHECK(ReduceName("万柏林区人民医院", true) == "某医院");
  CHECK(ReduceName("汾河", true) == "某单位");
}

TEST_CASE("ID numbers: 15 digits, or 17 and a check character", "[deidentify]") {
  CHECK(RemoveIdNumbers("身份证号11010519491231002X。") == "身份证号" + X + "。");
  CHECK(RemoveIdNumbers("号码11010519491231002x") == "号码" + X);
  CHECK(RemoveIdNumbers("证号140108196011065358，") == "证号" + X + "，");
  CHECK(RemoveIdNumbers("老证110105491231002") == "老证" + X);
  CHECK(RemoveIdNumbers("全角１４０１０８１９６０１１０６５３５８") == "全角" + X);
  // Not ID numbers: other lengths, letters adjoining, ordinary numbers.
  CHECK(RemoveIdNumbers("2022年借款12000元") == "2022年借款12000元");
  CHECK(RemoveIdNumbers("1401081960110653581") == "1401081960110653581");  // 19 digits
  CHECK(RemoveIdNumbers("A140108196011065358") == "A140108196011065358");
}

TEST_CASE("credit codes: 18 characters with a division code", "[deidentify]") {
  CHECK(RemoveCreditCodes("代码91110105MA00000012，") == "代码" + X + "，");
  CHECK(RemoveCreditCodes("(91140100MA0KXXXX3Y)") == "(" + X + ")");
  // 17 characters; a letter at the division code; I is not in the alphabet.
  CHECK(RemoveCreditCodes("91110105MA0000001") == "91110105MA0000001");
  CHECK(RemoveCreditCodes("91A10105MA00000012") == "91A10105MA00000012");
  CHECK(RemoveCreditCodes("91110105MI00000012") == "91110105MI00000012");
  CHECK(RemoveCreditCodes("某某公司") == "某某公司");
}

TEST_CASE("bank cards: 16-19 digits, or groups of four", "[deidentify]") {
  CHECK(RemoveBankCards("卡号6222021234567890123。") == "卡号" + X + "。");
  CHECK(RemoveBankCards("卡号6222021234567890") == "卡号" + X);
  CHECK(RemoveBankCards("转入6222 0212 3456 7890 123后") == "转入" + X + "后");
  CHECK(RemoveBankCards("转入6217-0000-1111-2222") == "转入" + X);
  // Not cards: too short, groups of other sizes, a date.
  CHECK(RemoveBankCards("6222 0212 3456") == "6222 0212 3456");
  CHECK(RemoveBankCards("2022-01-05至2022-02-05") == "2022-01-05至2022-02-05");
  CHECK(RemoveBankCards("共62220212345678901234") == "共62220212345678901234");  // 20
}

TEST_CASE("phones: mobiles, landlines, local numbers after a phone word", "[deidentify]") {
  CHECK(RemovePhoneNumbers("电话13912345678。") == "电话" + X + "。");
  CHECK(RemovePhoneNumbers("手机139 1234 5678，") == "手机" + X + "，");
  CHECK(RemovePhoneNumbers("139-1234-5678") == X);
  CHECK(RemovePhoneNumbers("+8613912345678") == "+" + X);
  CHECK(RemovePhoneNumbers("座机0351-6012345") == "座机" + X);
  CHECK(RemovePhoneNumbers("(0351)6012345") == X);
  CHECK(RemovePhoneNumbers("（010）12345678") == X);
  CHECK(RemovePhoneNumbers("03516012345") == X);
  CHECK(RemovePhoneNumbers("联系电话：6012345，") == "联系电话：" + X + "，");
  // Not phones.
  CHECK(RemovePhoneNumbers("2022年3月赔偿12000元") == "2022年3月赔偿12000元");
  CHECK(RemovePhoneNumbers("于20221231前付清") == "于20221231前付清");
  CHECK(RemovePhoneNumbers("12345678人次") == "12345678人次");
  CHECK(RemovePhoneNumbers("120 3456 7890") == "120 3456 7890");  // 12 is no mobile prefix
}

TEST_CASE("licence plates in each form", "[deidentify]") {
  CHECK(RemovePlates("车牌晋A·12345的车") == "车牌" + X + "的车");
  CHECK(RemovePlates("晋A 12345") == X);
  CHECK(RemovePlates("晋A12345。") == X + "。");
  CHECK(RemovePlates("新能源晋AD12345") == "新能源" + X);
  CHECK(RemovePlates("京B1234学") == X);
  CHECK(RemovePlates("晋ab123c") == X);
  // Not plates.
  CHECK(RemovePlates("晋A级景区") == "晋A级景区");
  CHECK(RemovePlates("晋ABCDE") == "晋ABCDE");
  CHECK(RemovePlates("晋A1234567") == "晋A1234567");
  CHECK(RemovePlates("山西晋中") == "山西晋中");
}

TEST_CASE("street addresses below the community", "[deidentify]") {
  CHECK(RemoveStreetAddresses("申请人家住和平社区5号楼2单元301室，") ==
        "申请人家住和平社区" + X + "，");
  CHECK(RemoveStreetAddresses("住在和平路12号院") == "住在" + X);
  CHECK(RemoveStreetAddresses("位于迎泽大街8号") == "位于" + X);
  CHECK(RemoveStreetAddresses("万柏林区和平南路3号楼") == "万柏林区" + X);
  CHECK(RemoveStreetAddresses("幸福里3栋502室") == "幸福里" + X);
  CHECK(RemoveStreetAddresses("3栋502与") == X + "与");
  CHECK(RemoveStreetAddresses("住3-2-301室") == "住" + X);
  CHECK(RemoveStreetAddresses("东城胡同7号") == X);
  // A road right after a removed building: the road name does not reach into it.
  CHECK(RemoveStreetAddresses("5号楼和平路3号") == X + X);
  // Not addresses: dates, amounts, counts, flat shapes, street offices.
  CHECK(RemoveStreetAddresses("2022年3月5号协商") == "2022年3月5号协商");
  CHECK(RemoveStreetAddresses("赔偿12000元") == "赔偿12000元");
  CHECK(RemoveStreetAddresses("第3号调解书") == "第3号调解书");
  CHECK(RemoveStreetAddresses("2层楼房一栋") == "2层楼房一栋");
  CHECK(RemoveStreetAddresses("2室1厅的房子") == "2室1厅的房子");
  CHECK(RemoveStreetAddresses("下元街道和平社区") == "下元街道和平社区");
  CHECK(RemoveStreetAddresses("下元街道3号文件") == "下元街道3号文件");
}

TEST_CASE("the record's own addresses and their fragments", "[deidentify]") {
  KnownIdentities k;
  k.addresses = {"太原市万柏林区和平社区幸福里3号楼2单元", "和平社区"};
  CHECK(RemoveKnownAddresses("在幸福里3号楼2单元门口；幸福里小区；和平社区调解", k) ==
        "在" + X + "门口；" + X + "小区；和平社区调解");
  CHECK(RemoveKnownAddresses("太原市万柏林区和平社区幸福里3号楼2单元", k) ==
        "太原市万柏林区和平社区" + X);
}

TEST_CASE("the record's own numbers", "[deidentify]") {
  KnownIdentities k;
  k.numbers = {"11010519491231002X", "13912345678", "123"};
  CHECK(RemoveKnownNumbers("证号11010519491231002x 电话13912345678 第123号", k) ==
        "证号" + X + " 电话" + X + " 第123号");
}

TEST_CASE("the record's persons: full names and their fragments", "[deidentify]") {
  KnownIdentities k;
  k.persons = {"张三丰", "李建国", "欧阳娜娜", "王某某", "赵四"};
  CHECK(RemoveKnownPersons("张三丰与李建国争执", k) == "张某与李某争执");
  CHECK(RemoveKnownPersons("三丰说建国不对", k) == "某说某不对");
  CHECK(RemoveKnownPersons("李师傅和王女士，老李与小王，张先生", k) ==
        "李某和王某，李某与王某，张某");
  CHECK(RemoveKnownPersons("娜娜和欧阳女士", k) == "某和欧阳某");
  // 某某 and a one-character given name alone stay; other surnames too.
  CHECK(RemoveKnownPersons("某某称四天后再谈，刘师傅到场", k) == "某某称四天后再谈，刘师傅到场");
  CHECK(RemoveKnownPersons("王某某到场", k) == "王某到场");
}

TEST_CASE("the record's organisations: full name, without place, trade name", "[deidentify]") {
  KnownIdentities k;
  k.organisations = {"太原市万柏林区恒达物业服务有限公司", "某某商店"};
  CHECK(RemoveKnownOrganisations("太原市万柏林区恒达物业服务有限公司拒绝", k) == "某有限公司拒绝");
  CHECK(RemoveKnownOrganisations("恒达物业服务有限公司", k) == "某有限公司");
  CHECK(RemoveKnownOrganisations("恒达物业未维修，恒达公司称", k) == "某物业未维修，某公司称");
  CHECK(RemoveKnownOrganisations("某某商店门口，物业服务", k) == "某店门口，物业服务");
}

TEST_CASE("persons named beside an age or a kinship word", "[deidentify]") {
  CHECK(RemoveRelatedPersons("其子张小明（14岁）受伤") == "其子张某（14岁）受伤");
  CHECK(RemoveRelatedPersons("王小红(女，9岁)") == "王某(女，9岁)");
  CHECK(RemoveRelatedPersons("邻居刘大伟，70周岁，") == "邻居刘某，70周岁，");
  CHECK(RemoveRelatedPersons("年仅8岁的赵明明摔倒") == "年仅8岁的赵某摔倒");
  CHECK(RemoveRelatedPersons("证人李四说看见了") == "证人李某说看见了");
  CHECK(RemoveRelatedPersons("证人：孙丽丽") == "证人：孙某");
  CHECK(RemoveRelatedPersons("其妻周芳与其夫吴刚") == "其妻周某与其夫吴某");
  CHECK(RemoveRelatedPersons("钱多多之女在场") == "钱某之女在场");
  CHECK(RemoveRelatedPersons("母亲司马兰兰到场") == "母亲司马某到场");
  CHECK(RemoveRelatedPersons("儿子向东（12岁）") == "儿子向某（12岁）");
  // No name: words after a kinship word that are not names, ages alone.
  CHECK(RemoveRelatedPersons("其子已成年，母亲在家，邻居称") == "其子已成年，母亲在家，邻居称");
  CHECK(RemoveRelatedPersons("双方于2022年签约，共12岁月") == "双方于2022年签约，共12岁月");
  CHECK(RemoveRelatedPersons("某某（14岁）") == "某某（14岁）");
  CHECK(RemoveRelatedPersons("同事关系") == "同事关系");
}

TEST_CASE("Deidentify: everything in one text, ordinary words kept", "[deidentify]") {
  Case c;
  c.place.address = "幸福里3号楼2单元";
  Party a;
  a.kind = "person";
  a.name = "张三丰";
  a.phone = "13912345678";
  a.id_number = "11010519491231002X";
  a.address = "太原市万柏林区和平社区康乐巷7号";
  Agent ag;
  ag.name = "钱律明";
  a.agents = {ag};
  Party b;
  b.kind = "organisation";
  b.name = "太原市恒达物业服务有限公司";
  b.credit_code = "91110105MA00000012";
  b.representative = "孙经理";
  c.parties = {a, b};
  KnownIdentities k = IdentitiesOf(c, MediatorRegistry{});
  CHECK(k.persons == std::vector<std::string>{"张三丰", "钱律明", "孙经理"});
  CHECK(k.organisations == std::vector<std::string>{"太原市恒达物业服务有限公司"});
  std::string out = Deidentify(
      "张三丰（11010519491231002x，电话13912345678）住幸福里3号楼2单元，与太原市恒达物业服务有限公"
      "司（91110105MA00000012）因漏水争执，代理人钱律明，车辆晋A·12345停在康乐巷7号，"
      "其子张小明（14岁）作证，卡号6222 0212 3456 7890，2022年索赔353200元",
      k);
  CHECK(out == "张某（" + X + "，电话" + X + "）住" + X + "，与某有限公司（" + X +
                   "）因漏水争执，代理人钱某，车辆" + X + "停在" + X +
                   "，其子张某（14岁）作证，卡号" + X + "，2022年索赔353200元");
}

TEST_CASE("trade names after a province or a city without 市", "[deidentify]") {
  KnownIdentities k;
  k.organisations = {"山西晋阳物业服务有限公司", "太原鑫源餐饮管理有限公司"};
  CHECK(RemoveKnownOrganisations("晋阳物业与鑫源餐饮，太原鑫源公司", k) ==
        "某物业与某餐饮，某公司");
  CHECK(RemoveKnownOrganisations("山西太原的物业服务", k) == "山西太原的物业服务");
}

TEST_CASE("a 社区 in an organisation's name is no place prefix", "[deidentify]") {
  KnownIdentities k;
  k.organisations = {"万柏林区某社区卫生服务中心"};
  CHECK(RemoveKnownOrganisations("万柏林区某社区卫生服务中心称卫生条件达标", k) ==
        "某中心称卫生条件达标");
}
