// Shared parts of the case-file documents (doc_parts.hpp).
#include <algorithm>

#include "doc_parts.hpp"
#include "i18n.hpp"
#include "pii.hpp"

namespace mediate::doc {

std::string Fill(Document* doc, const std::string& value, const std::string& what) {
  if (!value.empty()) return value;
  if (!what.empty()) doc->missing.push_back(Tr("missing {0}", what));
  return kBlank;
}

std::string Zh(const DocumentContext& ctx, const char* list, const std::string& code) {
  std::string zh = ctx.settings->vocab.Get(list).Zh(code);
  return zh.empty() ? code : zh;
}

std::string OrgName(const DocumentContext& ctx, const std::string& id) {
  auto it = ctx.orgs->find(id);
  return it == ctx.orgs->end() ? id : it->second.name;
}

std::string Handlers(const Derived& d, const DocumentContext& ctx) {
  std::string out;
  for (const auto& id : d.state.mediators) {
    auto it = ctx.mediators->find(id);
    out += (out.empty() ? "" : "、") + (it == ctx.mediators->end() ? id : it->second.name);
  }
  if (!d.grid_worker.empty()) out += (out.empty() ? "" : "、") + d.grid_worker + "（网格员）";
  return out;
}

std::string PartyNames(const Case& c) {
  std::string out;
  for (const Party& p : c.parties) out += (out.empty() ? "" : "、") + p.name;
  return out;
}

std::string RoleLabel(const Case& c, std::size_t index, const DocumentContext& ctx) {
  const std::string& role = c.parties[index].role;
  std::string label = Zh(ctx, "party_role", role);
  auto same = [&](const Party& p) { return p.role == role; };
  if (std::count_if(c.parties.begin(), c.parties.end(), same) < 2) return label;
  auto nth = std::count_if(c.parties.begin(), c.parties.begin() + static_cast<long>(index), same);
  static constexpr const char* kNth[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  return label + (nth < 9 ? kNth[nth] : std::to_string(nth + 1));
}

namespace {

std::string Shown(const DocumentContext& ctx, const std::string& value,
                  std::string (*mask)(std::string_view)) {
  return ctx.reveal ? value : mask(value);
}

std::string AgentLine(const Agent& a, const DocumentContext& ctx) {
  std::string line = a.name;
  if (!a.relation.empty()) line += "，" + a.relation;
  if (!a.id_number.empty()) line += "，公民身份号码：" + Shown(ctx, a.id_number, MaskIdNumber);
  if (!a.phone.empty()) line += "，联系电话：" + Shown(ctx, a.phone, MaskPhone);
  if (a.authority == "special") line += "，特别授权";
  if (a.authority == "general") line += "，一般授权";
  return line;
}

}  // namespace

DocumentSection PartiesSection(const Input& in, Document* doc, bool require_basic) {
  const DocumentContext& ctx = in.ctx;
  DocumentSection s;
  s.heading = "当事人";
  for (std::size_t i = 0; i < in.c.parties.size(); ++i) {
    const Party& p = in.c.parties[i];
    const bool org = p.kind == "organisation";
    std::string line = p.name + "（" + Zh(ctx, "party_kind", p.kind) + "）";
    const bool by_code = !p.credit_code.empty() || (org && p.id_number.empty());
    std::string shown_number;
    if (!p.credit_code.empty())
      shown_number = Shown(ctx, p.credit_code, MaskCreditCode);
    else if (!p.id_number.empty())
      shown_number = Shown(ctx, p.id_number, MaskIdNumber);
    else if (require_basic)
      shown_number = Fill(doc, "",
                          Tr("the ID number or credit code of {0} (the parties' basic information, "
                             "Law Art. 29)",
                             p.name));
    const char* number_label = by_code ? "统一社会信用代码" : "公民身份号码";
    if (!shown_number.empty()) line += "，" + std::string(number_label) + "：" + shown_number;
    if (org && (!p.representative.empty() || require_basic)) {
      std::string rep = p.representative;
      if (!rep.empty() && !p.representative_title.empty())
        rep += "（" + p.representative_title + "）";
      line +=
          "，法定代表人（负责人）：" +
          (require_basic ? Fill(doc, rep,
                                Tr("the representative of {0} (the parties' basic information, Law "
                                   "Art. 29; amend --party N --representative)",
                                   p.name))
                         : rep);
    }
    if (!p.address.empty() || require_basic) {
      std::string addr = p.address.empty() ? "" : Shown(ctx, p.address, MaskAddress);
      line += std::string("，") + (org ? "住所地" : "住址") + "：" +
              (require_basic
                   ? Fill(doc, addr,
                          Tr("the address of {0} (the parties' basic information, Law Art. 29; "
                             "amend --party N --address)",
                             p.name))
                   : addr);
    }
    if (!p.phone.empty()) line += "，联系电话：" + Shown(ctx, p.phone, MaskPhone);
    s.fields.emplace_back(RoleLabel(in.c, i, ctx), line);
    for (const Agent& a : p.agents) s.fields.emplace_back("委托代理人", AgentLine(a, ctx));
  }
  return s;
}

std::string SignLine(const std::string& who, const std::string& how) {
  return who + "（" + how + "）：" + kBlank + "　日期：" + kBlankDate;
}

std::string SealLine(const Input& in) {
  std::string org = in.d.state.org.empty() ? "人民调解委员会" : OrgName(in.ctx, in.d.state.org);
  return org + "（印章）　日期：" + kBlankDate;
}

Date DateOf(const Input& in, int i) {
  if (i < 0) return {};
  return EventDate(in.c.events[static_cast<std::size_t>(i)], *in.ctx.settings);
}

const Event* EventAt(const Case& c, int i) {
  return i >= 0 ? &c.events[static_cast<std::size_t>(i)] : nullptr;
}

int LastEvent(const Case& c, const char* type) {
  for (int i = static_cast<int>(c.events.size()) - 1; i >= 0; --i)
    if (c.events[static_cast<std::size_t>(i)].type == type) return i;
  return -1;
}

std::vector<int> Sessions(const Case& c) {
  std::vector<int> out;
  for (std::size_t i = 0; i < c.events.size(); ++i)
    if (c.events[i].type == "session") out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace mediate::doc
