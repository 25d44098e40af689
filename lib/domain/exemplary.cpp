#include "exemplary.hpp"

#include <algorithm>

#include "labels.hpp"
#include "lifecycle.hpp"
#include "sensitive.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

std::string MdCell(const std::string& s) {
  std::string out = s;
  ReplaceAll(out, "|", "｜");
  ReplaceAll(out, "\n", " ");
  return out;
}

}  // namespace

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
    KnownIdentities known = IdentitiesOf(c, store.mediators());
    auto clean = [&](const std::string& text) {
      std::string out = Deidentify(text, known);
      ReplaceAll(out, "\n", " ");
      return out;
    };
    body += "\n**纠纷简要情况**\n\n" + clean(c.summary) + "\n\n";
    std::vector<std::string> notes;
    int sessions = 0;
    const Event* agreed = nullptr;
    for (const Event& e : c.events) {
      if (ParseEventKind(e.type) == EventKind::kSession) {
        ++sessions;
        if (!e.Get("note").empty())
          notes.push_back("第" + std::to_string(sessions) + "次：" + clean(e.Get("note")));
      }
      if (ParseEventKind(e.type) == EventKind::kAgreed) agreed = &e;
    }
    body += "**调解过程**\n\n";
    body += "- 调解次数：" + std::to_string(sessions) + "\n";
    for (const auto& n : notes) body += "  - " + n + "\n";
    if (d.escalations > 0) body += "- 逐级上移：" + std::to_string(d.escalations) + " 次\n";
    body += "\n**调解结果**\n\n";
    body += "- 结果：" +
            (d.outcome.empty() ? label("status", d.state.status) : label("outcome", d.outcome)) +
            "\n";
    if (!d.agreement_form.empty())
      body += std::string("- 协议形式：") + (d.agreement_form == "oral" ? "口头协议" : "书面协议") +
              "\n";
    if (agreed && !agreed->Get("facts").empty())
      body += "- 基本事实：" + clean(agreed->Get("facts")) + "\n";
    if (agreed) {
      std::vector<std::string> terms = agreed->GetList("terms");
      if (terms.empty() && !agreed->Get("terms").empty()) terms = {agreed->Get("terms")};
      if (!terms.empty()) body += "- 协议内容：\n";
      for (std::size_t k = 0; k < terms.size(); ++k)
        body += "  " + std::to_string(k + 1) + ". " + clean(terms[k]) + "\n";
    }
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
                 "个人信息已去标识化：人名只留姓氏（某），身份证号码、统一社会信用代码、银行卡号、"
                 "电话号码、车牌号码和社区以下的地址已删除；"
                 "涉及敏感个人信息（《个人信息保护法》第二十八条：医疗健康、不满十四周岁未成年人等"
                 "）的案件不收录。\n\n" +
                 "共 " + std::to_string(lib.included.size()) + " 件。\n\n" + body;
  return lib;
}

}  // namespace mediate
