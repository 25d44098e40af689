#include "exemplary.hpp"

#include <algorithm>

#include "labels.hpp"
#include "lifecycle.hpp"
#include "sensitive.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

const char* const kRemoved = "[已删除]";

// Byte length of the UTF-8 character starting with `lead`.
std::size_t CharLen(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Replaces digit runs that are ID or phone numbers: 11+ digits (an optional
// trailing X/x), and landlines 0NN(N)-NNNNNNN(N).
std::string ScrubNumbers(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) {
      out += s[i++];
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && IsDigit(s[j])) ++j;
    std::size_t run = j - i;
    // Landline: 0 + 2-3 digit area code, '-', 7-8 digits.
    if (s[i] == '0' && (run == 3 || run == 4) && j < s.size() && s[j] == '-') {
      std::size_t k = j + 1;
      while (k < s.size() && IsDigit(s[k])) ++k;
      if (k - j - 1 >= 7 && k - j - 1 <= 8) {
        out += kRemoved;
        i = k;
        continue;
      }
    }
    if (run >= 11) {
      if (j < s.size() && (s[j] == 'X' || s[j] == 'x')) ++j;
      out += kRemoved;
      i = j;
      continue;
    }
    out.append(s, i, run);
    i = j;
  }
  return out;
}

std::string MdCell(const std::string& s) {
  std::string out = s;
  ReplaceAll(out, "|", "｜");
  ReplaceAll(out, "\n", " ");
  return out;
}

}  // namespace

std::string ReduceName(const std::string& name, bool organisation) {
  if (name.empty()) return name;
  if (organisation) {
    static const char* const kKinds[] = {
        "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "村民委员会", "居民委员会",
        "委员会",       "合作社",       "医院",     "卫生院", "学校", "幼儿园",     "中心",
        "事务所",       "厂",           "店",       "局",     "所"};
    for (const char* k : kKinds)
      if (EndsWith(name, k) && name.size() > std::string(k).size()) return std::string("某") + k;
    return "某单位";
  }
  static const char* const kCompound[] = {
      "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯",
      "诸葛", "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠",
      "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "令狐"};
  for (const char* k : kCompound)
    if (name.rfind(k, 0) == 0) return std::string(k) + "某";
  std::size_t n = CharLen(static_cast<unsigned char>(name[0]));
  if (n == 1) {  // Latin script: the initial
    return name.substr(0, 1) + ".";
  }
  return name.substr(0, n) + "某";
}

std::string ScrubText(const std::string& text, const Case& c) {
  std::string out = text;
  // Longest names first, so "张三丰" is not half-replaced by "张三".
  std::vector<const Party*> parties;
  for (const Party& p : c.parties) parties.push_back(&p);
  std::sort(parties.begin(), parties.end(),
            [](const Party* a, const Party* b) { return a->name.size() > b->name.size(); });
  for (const Party* p : parties) {
    for (const std::string* v : {&p->id_number, &p->credit_code, &p->phone}) {
      ReplaceAll(out, *v, kRemoved);
      // The upper/lower-case variant of an ID number's X.
      if (!v->empty() && (v->back() == 'X' || v->back() == 'x')) {
        std::string other = *v;
        other.back() = other.back() == 'X' ? 'x' : 'X';
        ReplaceAll(out, other, kRemoved);
      }
    }
    std::string reduced = ReduceName(p->name, p->kind == "organisation");
    if (reduced != p->name) ReplaceAll(out, p->name, reduced);
  }
  if (!c.place.address.empty()) ReplaceAll(out, c.place.address, kRemoved);
  return ScrubNumbers(out);
}

ExemplaryLibrary BuildExemplaryLibrary(const std::vector<Case>& cases, const Store& store) {
  ExemplaryLibrary lib;
  const Settings& s = store.settings();
  std::vector<const Case*> chosen;
  for (const Case& c : cases)
    if (std::find(c.tags.begin(), c.tags.end(), kExemplaryTag) != c.tags.end())
      chosen.push_back(&c);
  std::sort(chosen.begin(), chosen.end(),
            [](const Case* a, const Case* b) { return a->id < b->id; });

  std::string body;
  int n = 0;
  for (const Case* cp : chosen) {
    const Case& c = *cp;
    auto reasons = SensitiveReasons(c, s.time_zone);
    if (!reasons.empty()) {
      lib.left_out.emplace_back(c.id, reasons);
      continue;
    }
    lib.included.push_back(c.id);
    Derived d = Replay(c, s);
    auto label = [&](const char* f, const std::string& code) { return LabelOf(store, f, code); };
    std::string street = c.place.street.empty() ? "" : store.areas().NameOf(c.place.street);
    body += "## 案例" + std::to_string(++n) + "　" + label("category", c.category) +
            (street.empty() ? "" : "（" + street + "）") + "\n\n";
    body += "| 项目 | 内容 |\n|---|---|\n";
    body += "| 案件编号 | " + c.id + " |\n";
    body += "| 纠纷类型 | " + label("category", c.category) + " |\n";
    body += "| 案件来源 | " + label("source", c.source) + " |\n";
    if (c.received.valid())
      body += "| 受理时间 | " + s.time_zone.LocalDate(c.received).MonthString() + " |\n";
    if (!street.empty()) body += "| 所在街道 | " + MdCell(street) + " |\n";
    if (!d.state.org.empty()) body += "| 调解组织 | " + MdCell(label("org", d.state.org)) + " |\n";
    if (c.amount) body += "| 涉及金额 | " + c.amount->Yuan() + " 元 |\n";
    body += "\n**当事人**\n\n";
    for (const Party& p : c.parties)
      body += "- " + store.vocab().Get("party_role").Zh(p.role) + "：" +
              ReduceName(p.name, p.kind == "organisation") + "\n";
    body += "\n**纠纷简要情况**\n\n" + ScrubText(c.summary, c) + "\n\n";
    int sessions = 0;
    std::string terms;
    for (const Event& e : c.events) {
      if (ParseEventKind(e.type) == EventKind::kSession) ++sessions;
      if (ParseEventKind(e.type) == EventKind::kAgreed && !e.Get("terms").empty())
        terms = e.Get("terms");
    }
    body += "**调解过程**\n\n";
    body += "- 调解次数：" + std::to_string(sessions) + "\n";
    if (d.escalations > 0) body += "- 逐级上移：" + std::to_string(d.escalations) + " 次\n";
    body += "\n**调解结果**\n\n";
    body += "- 结果：" +
            (d.outcome.empty() ? label("status", d.state.status) : label("outcome", d.outcome)) +
            "\n";
    if (!d.agreement_form.empty())
      body += std::string("- 协议形式：") + (d.agreement_form == "oral" ? "口头协议" : "书面协议") +
              "\n";
    if (!terms.empty()) body += "- 协议内容：" + ScrubText(terms, c) + "\n";
    if (d.confirmation == "confirmed") body += "- 司法确认：已确认\n";
    if (!d.performance.empty())
      body += std::string("- 履行情况：") +
              (d.performance == "full"         ? "已履行"
               : d.performance == "instalment" ? "分期履行"
                                               : "未履行") +
              "\n";
    body += "\n";
  }
  lib.markdown = "# " + s.district_name + "优秀调解案例选编\n\n" +
                 "个人信息已删除：当事人姓名只留姓氏（某），身份证号码、电话号码和地址不收录；"
                 "涉及敏感个人信息（《个人信息保护法》第二十八条：医疗健康、不满十四周岁未成年人等"
                 "）的案件不收录。\n\n" +
                 "共 " + std::to_string(lib.included.size()) + " 件。\n\n" + body;
  return lib;
}

}  // namespace mediate
