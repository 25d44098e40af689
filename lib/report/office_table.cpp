#include "office_table.hpp"

#include "i18n.hpp"

namespace mediate {

Table OfficeTable(const OfficeRegistry& offices, const AreaRegistry& areas, const OrgRegistry& orgs,
                  const std::string& this_office) {
  Table t;
  t.columns = {{"code", "代码", ColumnKind::kCode},
               {"name", "名称", ColumnKind::kText},
               {"street", "街道", ColumnKind::kCode},
               {"street_name", "街道名称", ColumnKind::kText},
               {"org", "调解组织", ColumnKind::kCode},
               {"org_name", "组织名称", ColumnKind::kText},
               {"file_no_word", "字号", ColumnKind::kText},
               {"status", "状态", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"status_label", "状态", ColumnKind::kText, ColumnShown::kLabelOnly},
               {"desk", "本机", ColumnKind::kCode}};
  // The status as the Chinese human table shows it (ColumnShown::kLabelOnly).
  const bool zh = TranslationOn();
  auto status_label = [zh](const std::string& code) {
    if (!zh) return std::string();
    return code == "active" ? std::string("在用") : code == "retired" ? "已停用" : code;
  };
  for (const auto& [code, o] : offices) {
    const Street* street = o.street.empty() ? nullptr : areas.FindStreet(o.street);
    auto org = orgs.find(o.org);
    t.rows.push_back({o.code, o.name, o.street, street ? street->name : std::string(), o.org,
                      org != orgs.end() ? org->second.name : std::string(), o.file_no_word,
                      o.status, status_label(o.status),
                      std::string(code == this_office ? "*" : "")});
  }
  return t;
}

}  // namespace mediate
