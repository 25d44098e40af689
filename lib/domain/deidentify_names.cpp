// The name scanners of deidentify.hpp: the record's persons and
// organisations, and persons named beside an age or a kinship word.
#include <algorithm>

#include "deidentify.hpp"
#include "deidentify_scan.hpp"

namespace mediate {
namespace {

using scan::At;
using scan::EndsAt;

constexpr std::u32string_view kCompound[] = {
    U"欧阳", U"太史", U"端木", U"上官", U"司马", U"东方", U"独孤", U"南宫",
    U"万俟", U"闻人", U"夏侯", U"诸葛", U"尉迟", U"公羊", U"赫连", U"澹台",
    U"皇甫", U"宗政", U"濮阳", U"公冶", U"太叔", U"申屠", U"公孙", U"慕容",
    U"仲孙", U"钟离", U"长孙", U"宇文", U"司徒", U"鲜于", U"司空", U"令狐"};

// Common single surnames (the 200 or so most frequent).
constexpr std::u32string_view kSurnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    U"苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    U"郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    U"左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    U"饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
    U"边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚"
    U"鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相"
    U"初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿印逯隆茹诸战慕危玉银亢嵇公";

// Surnames that are also everyday words: a name is looked for at them last.
constexpr std::u32string_view kAmbiguousSurnames =
    U"于向方文安常成全应师商谈乐南满位海花强平国相初门云容敬来都那公路华党宫关高";

// Characters that do not continue a given name: function words and the
// verbs that follow a name in a sentence.
constexpr std::u32string_view kNotGiven =
    U"与和及在因于的是等称向将把被到也都就说未已为从对要去来了着过表认证作出提陪报当承拒不没前后"
    U"亦均一两系家所之今现年岁则却便又还才曾并而或但讲告诉问答叫让给同跟由其他她它们这那个名经"
    U"再先已找打骂拿借欠买卖住离回到签交付称称";

constexpr std::u32string_view kTitles[] = {U"师傅", U"先生", U"女士", U"老师", U"大爷", U"大妈",
                                           U"大娘", U"阿姨", U"大姐", U"大哥", U"老板", U"经理",
                                           U"主任", U"书记", U"律师", U"医生", U"同志", U"叔",
                                           U"婶",   U"姐",   U"哥"};

constexpr std::u32string_view kKinBefore[] = {
    U"之子", U"之女", U"之妻", U"之夫", U"之父", U"之母", U"其子", U"其女", U"其妻",
    U"其夫", U"其父", U"其母", U"证人", U"儿子", U"女儿", U"母亲", U"父亲", U"妻子",
    U"丈夫", U"爱人", U"儿媳", U"女婿", U"孙子", U"孙女", U"外孙", U"爷爷", U"奶奶",
    U"哥哥", U"姐姐", U"弟弟", U"妹妹", U"邻居", U"同事", U"名叫"};

constexpr std::u32string_view kKinAfter[] = {U"之子", U"之女",   U"之妻",   U"之夫",   U"之父",
                                             U"之母", U"的儿子", U"的女儿", U"的妻子", U"的丈夫"};

constexpr std::u32string_view kHanDigits = U"一二三四五六七八九十两";

// Length of the surname at `k`: 2 for a compound one, 1, or 0 for none.
std::size_t SurnameAt(const std::u32string& t, std::size_t k) {
  for (auto c : kCompound)
    if (At(t, k, c)) return 2;
  return k < t.size() && kSurnames.find(t[k]) != std::u32string_view::npos ? 1 : 0;
}

bool IsGiven(const std::u32string& t, std::size_t k) {
  return k < t.size() && IsHan(t[k]) && kNotGiven.find(t[k]) == std::u32string_view::npos;
}

// Length of the name starting at `k` (surname and one or two characters),
// 0 when there is none.
std::size_t NameAfter(const std::u32string& t, std::size_t k) {
  std::size_t s = SurnameAt(t, k);
  if (s == 0 || !IsGiven(t, k + s)) return 0;
  return IsGiven(t, k + s + 1) ? s + 2 : s + 1;
}

// Where the name ending at `end` starts, or `end` when there is none.
std::size_t NameBefore(const std::u32string& t, std::size_t end) {
  auto given = [&](std::size_t from) {
    for (std::size_t k = from; k < end; ++k)
      if (!IsGiven(t, k)) return false;
    return true;
  };
  auto single = [&](std::size_t at, bool ambiguous_ok) {
    if (kSurnames.find(t[at]) == std::u32string_view::npos || !given(at + 1)) return false;
    return ambiguous_ok || kAmbiguousSurnames.find(t[at]) == std::u32string_view::npos;
  };
  for (std::size_t len : {4u, 3u})
    if (end >= len && SurnameAt(t, end - len) == 2 && given(end - len + 2)) return end - len;
  if (end >= 3 && single(end - 3, false)) return end - 3;
  if (end >= 2 && single(end - 2, true)) return end - 2;
  if (end >= 3 && single(end - 3, true)) return end - 3;
  return end;
}

// Where the age before a 岁 at `a` starts (its first digit), or `a`.
std::size_t AgeStart(const std::u32string& t, std::size_t a) {
  std::size_t p = a;
  while (p > 0 && (IsDigitChar(t[p - 1]) || kHanDigits.find(t[p - 1]) != std::u32string_view::npos))
    --p;
  return p;
}

bool IsComma(char32_t c) { return c == U'，' || c == U',' || c == U'、'; }

}  // namespace

std::string ReduceName(const std::string& name, bool organisation) {
  if (name.empty()) return name;
  if (organisation) {
    static const char* const kKinds[] = {
        "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "村民委员会", "居民委员会",
        "委员会",       "合作社",       "医院",     "卫生院", "学校", "幼儿园",     "中心",
        "事务所",       "厂",           "店",       "局",     "所"};
    for (const char* k : kKinds) {
      std::string kind = k;
      if (name.size() > kind.size() &&
          name.compare(name.size() - kind.size(), kind.size(), kind) == 0)
        return "某" + kind;
    }
    return "某单位";
  }
  std::u32string t = DecodeUtf8(name);
  if (!IsHan(t[0])) return EncodeUtf8(t.substr(0, 1)) + ".";  // Latin script: the initial
  for (auto c : kCompound)
    if (At(t, 0, c)) return EncodeUtf8(c) + "某";
  return EncodeUtf8(t.substr(0, 1)) + "某";
}

std::string RemoveKnownPersons(const std::string& text, const KnownIdentities& known) {
  std::vector<std::u32string> names;
  for (const auto& n : known.persons) names.push_back(DecodeUtf8(n));
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::u32string t = DecodeUtf8(text);
  const std::u32string mou = U"某";
  for (const auto& n : names) {
    std::u32string reduced = DecodeUtf8(ReduceName(EncodeUtf8(n), false));
    if (n.size() > 1 && reduced != n) scan::ReplaceAll(t, n, reduced);
  }
  for (const auto& n : names) {
    if (n.empty() || !IsHan(n[0])) continue;
    std::size_t s = SurnameAt(n, 0) == 2 ? 2 : 1;
    std::u32string surname = n.substr(0, s), given = n.substr(s);
    if (given.size() >= 2 && given.find_first_not_of(mou) != std::u32string::npos)
      scan::ReplaceAll(t, given, mou);
    for (auto title : kTitles) scan::ReplaceAll(t, surname + std::u32string(title), surname + mou);
    scan::ReplaceAll(t, U"老" + surname, surname + mou);
    scan::ReplaceAll(t, U"小" + surname, surname + mou);
  }
  return EncodeUtf8(t);
}

std::string RemoveKnownOrganisations(const std::string& text, const KnownIdentities& known) {
  static constexpr std::u32string_view kPlaceEnds = U"省市区县旗";
  static constexpr std::u32string_view kKinds[] = {
      U"股份有限公司", U"有限责任公司", U"有限公司", U"分公司", U"公司",   U"合作社", U"医院",
      U"卫生院",       U"学校",         U"幼儿园",   U"中心",   U"事务所", U"厂",     U"店"};
  static constexpr std::u32string_view kLines[] = {
      U"物业服务", U"物业管理", U"物业",     U"装饰工程",   U"装饰装修", U"装饰",
      U"建筑工程", U"建筑",     U"建设工程", U"房地产开发", U"房地产",   U"置业",
      U"商贸",     U"贸易",     U"网络科技", U"信息技术",   U"科技",     U"餐饮管理",
      U"餐饮",     U"汽车销售", U"汽车服务", U"家政服务",   U"劳务",     U"运输",
      U"物流",     U"电子商务", U"文化传媒", U"建材",       U"商业",     U"酒店",
      U"超市",     U"实业",     U"投资",     U"管理",       U"服务",     U"工程"};
  static constexpr std::u32string_view kProvinceNames[] = {
      U"北京", U"天津",   U"上海", U"重庆", U"河北", U"山西", U"内蒙古", U"辽宁",
      U"吉林", U"黑龙江", U"江苏", U"浙江", U"安徽", U"福建", U"江西",   U"山东",
      U"河南", U"湖北",   U"湖南", U"广东", U"广西", U"海南", U"四川",   U"贵州",
      U"云南", U"西藏",   U"陕西", U"甘肃", U"青海", U"宁夏", U"新疆"};
  struct Replacement {
    std::u32string from, to;
  };
  std::vector<Replacement> reps;
  for (const auto& name : known.organisations) {
    std::u32string n = DecodeUtf8(name);
    std::u32string reduced = DecodeUtf8(ReduceName(name, true));
    reps.push_back({n, reduced});
    std::size_t p = 0;
    for (std::size_t k = 0; k < n.size(); ++k) {
      // 社区, 小区, 园区, 景区 are no administrative division.
      bool division =
          !(n[k] == U'区' && k > 0 &&
            std::u32string_view(U"社小园景校").find(n[k - 1]) != std::u32string_view::npos);
      if (division && kPlaceEnds.find(n[k]) != std::u32string_view::npos) p = k + 1;
    }
    std::u32string rest = n.substr(p);
    if (p > 0 && rest.size() >= 4) reps.push_back({rest, reduced});
    for (auto kind : kKinds)
      if (rest.size() > kind.size() && EndsAt(rest, rest.size(), kind)) {
        rest.resize(rest.size() - kind.size());
        break;
      }
    for (bool cut = true; cut;) {
      cut = false;
      for (auto line : kLines)
        if (rest.size() > line.size() + 1 && EndsAt(rest, rest.size(), line)) {
          rest.resize(rest.size() - line.size());
          cut = true;
          break;
        }
    }
    for (auto province : kProvinceNames)
      if (rest.size() > province.size() + 1 && At(rest, 0, province)) {
        rest.erase(0, province.size());
        break;
      }
    // A name that holds 某 was de-identified already: no trade name is left in it.
    if (rest.size() >= 2 && n.find(U'某') == std::u32string::npos) {
      reps.push_back({rest, U"某"});
      // 太原鑫源: a city before the trade name; the trade name is its last two characters.
      std::u32string last = rest.substr(rest.size() - 2);
      if (rest.size() >= 4) reps.push_back({last, U"某"});
    }
  }
  std::stable_sort(reps.begin(), reps.end(),
                   [](const auto& a, const auto& b) { return a.from.size() > b.from.size(); });
  std::u32string t = DecodeUtf8(text);
  for (const auto& r : reps) scan::ReplaceAll(t, r.from, r.to);
  return EncodeUtf8(t);
}

std::string RemoveRelatedPersons(const std::string& text) {
  std::u32string t = DecodeUtf8(text);
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end)
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (auto w : kKinBefore)
      if (At(t, i, w)) {
        std::size_t k = i + w.size();
        if (k < t.size() && (t[k] == U'：' || t[k] == U':')) ++k;
        if (std::size_t n = NameAfter(t, k)) spans.emplace_back(k, k + n);
      }
    for (auto w : kKinAfter)
      if (At(t, i, w))
        if (std::size_t s = NameBefore(t, i); s < i) spans.emplace_back(s, i);
    // An age: digits, then 岁 or 周岁 (not 岁月).
    bool full = At(t, i, U"周岁");
    if (!full && (!At(t, i, U"岁") || At(t, i, U"岁月"))) continue;
    std::size_t p = AgeStart(t, i);
    if (p == i) continue;
    std::size_t after = i + (full ? 2 : 1);
    if (At(t, after, U"的"))
      if (std::size_t n = NameAfter(t, after + 1)) spans.emplace_back(after + 1, after + 1 + n);
    // NAME（14岁）, NAME（男，14岁）, NAME，14岁
    std::size_t q = p;
    if (q >= 2 && IsComma(t[q - 1]) && (t[q - 2] == U'男' || t[q - 2] == U'女')) q -= 2;
    if (q >= 1 && (t[q - 1] == U'（' || t[q - 1] == U'(' || IsComma(t[q - 1]))) --q;
    if (q < p)
      if (std::size_t s = NameBefore(t, q); s < q) spans.emplace_back(s, q);
  }
  std::sort(spans.begin(), spans.end());
  std::u32string out;
  std::size_t at = 0;
  for (const auto& [b, e] : spans) {
    if (b < at) continue;  // overlaps the one before
    out.append(t, at, b - at);
    out += DecodeUtf8(ReduceName(EncodeUtf8(t.substr(b, e - b)), false));
    at = e;
  }
  out.append(t, at, std::u32string::npos);
  return EncodeUtf8(out);
}

}  // namespace mediate
