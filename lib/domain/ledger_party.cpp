#include "ledger_party.hpp"

#include "ledger_cells.hpp"
#include "pii.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Could `id` (normalised) be a citizen ID number at all: 17 digits and a
/// digit or X, starting with a province code (11–83)? Such a string is
/// ambiguous with an all-digit credit code.
bool CitizenShaped(std::string_view id) {
  if (id.size() != 18 || !IsAllDigits(id.substr(0, 17))) return false;
  if (!(IsAllDigits(id.substr(17)) || id[17] == 'X')) return false;
  int p = (id[0] - '0') * 10 + (id[1] - '0');
  return p >= 11 && p <= 83;
}

}  // namespace

bool LooksLikeOrganisationName(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      "公司", "厂",     "中心",   "合作社", "委员会", "居委会", "村委会",   "店",
      "医院", "卫生院", "诊所",   "门诊部", "学校",   "幼儿园", "学院",     "大学",
      "中学", "小学",   "银行",   "事务所", "协会",   "商会",   "集团",     "酒店",
      "宾馆", "超市",   "物业",   "工作室", "研究所", "基金会", "合伙企业", "个体工商户",
      "分行", "支行",   "分公司", "车队",   "工程队", "局",     "办事处"};
  std::string n = TrimLedgerText(name);
  for (std::string_view s : kSuffixes)
    if (EndsWith(n, s) && n.size() > s.size()) return true;
  return false;
}

std::string ClassifyPartyKind(std::string_view name, std::string_view identifier) {
  if (LooksLikeOrganisationName(name)) return "organisation";
  std::string id = NormalizeCell(identifier);
  if (id.empty()) return "person";
  if (CheckCitizenId(id).valid) return "person";
  CreditCodeCheck cc = CheckCreditCode(id);
  if (cc.well_formed && (cc.checksum_ok || !CitizenShaped(cc.normalized))) return "organisation";
  return "person";
}
}  // namespace mediate
