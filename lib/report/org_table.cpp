#include "org_table.hpp"

#include <cstdint>

#include "committee_checks.hpp"
#include "i18n.hpp"
#include "roster_table.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

struct CardField {
  const char* field;
  const char* zh;
};

/// The Chinese name of each line of `org show` (the headings of `org list`
/// where there is one).
constexpr CardField kOrgCardLabels[] = {
    {"id", "编号"},     {"name", "名称"},      {"kind", "类型"},        {"level", "层级"},
    {"street", "街道"}, {"community", "社区"}, {"specialties", "擅长"}, {"parent", "上级"},
    {"status", "状态"}, {"members", "人数"},   {"chair", "主任"},       {"member", "成员"},
    {"warning", "警告"}};

template <std::size_t N>
std::string CardLabel(const CardField (&labels)[N], const char* field) {
  for (const auto& l : labels)
    if (std::string_view(l.field) == field) return l.zh;
  return field;
}

/// An organisation's status as the Chinese card shows it.
std::string OrgStatusLabel(const std::string& code) {
  return code == "active" ? "在册" : code == "retired" ? "已撤销" : code;
}

}  // namespace

Table OrgTable(const OrgRegistry& orgs, const MediatorRegistry& mediators,
               const std::function<std::string(const std::string&)>& kind_label,
               const std::function<bool(const Organisation&)>& keep) {
  constexpr auto kCode = ColumnShown::kCodeOfLabel;
  constexpr auto kLabel = ColumnShown::kLabelOnly;
  Table t;
  t.columns = {{"id", "编号", ColumnKind::kCode},
               {"name", "名称", ColumnKind::kText},
               {"kind", "类型", ColumnKind::kCode, kCode},
               {"kind_label", "类型名称", ColumnKind::kText},
               {"level", "层级", ColumnKind::kCode, kCode},
               {"level_label", "层级", ColumnKind::kText, kLabel},
               {"street", "街道", ColumnKind::kCode},
               {"community", "社区", ColumnKind::kCode},
               {"parent", "上级", ColumnKind::kCode},
               {"status", "状态", ColumnKind::kCode, kCode},
               {"status_label", "状态", ColumnKind::kText, kLabel},
               {"members", "人数", ColumnKind::kInt},
               {"full_time", "专职", ColumnKind::kInt},
               {"chair", "主任", ColumnKind::kCode}};
  // The labels only the Chinese human table shows (ColumnShown::kLabelOnly).
  const bool zh = TranslationOn();
  const VocabList& levels = Vocabulary::Builtin().level();
  for (const auto& [id, o] : orgs) {
    if (keep && !keep(o)) continue;
    const Membership m = MembershipOf(id, mediators);
    t.rows.push_back({o.id, o.name, o.kind, kind_label(o.kind), o.level,
                      zh ? levels.Shown(o.level) : std::string(), o.street, o.community, o.parent,
                      o.status, zh ? OrgStatusLabel(o.status) : std::string(),
                      static_cast<std::int64_t>(m.members), static_cast<std::int64_t>(m.full_time),
                      m.chair});
  }
  return t;
}

Table OrgCard(const Organisation& o, const OrgMembers& members, const OrgRegistry& orgs,
              const MediatorRegistry& mediators, const AreaRegistry& areas,
              const std::function<std::string(const std::string&)>& kind_label) {
  Table t;
  t.columns = {{"field", "项目", ColumnKind::kCode}, {"value", "内容", ColumnKind::kText}};
  const bool zh = TranslationOn();
  auto add = [&](const char* f, const std::string& v) {
    if (!v.empty()) t.rows.push_back({zh ? CardLabel(kOrgCardLabels, f) : std::string(f), v});
  };
  // English: the code beside its label; Chinese: the label alone.
  auto coded = [&](const std::string& code, const std::string& label) {
    if (label.empty()) return code;
    return zh ? label : code + "  " + label;
  };
  const Vocabulary& vocab = Vocabulary::Builtin();
  add("id", o.id);
  add("name", o.name);
  add("kind", coded(o.kind, kind_label(o.kind)));
  add("level", vocab.level().Shown(o.level));
  if (!o.street.empty()) add("street", coded(o.street, areas.NameOf(o.street)));
  if (!o.community.empty()) add("community", coded(o.community, areas.NameOf(o.community)));
  std::string specialties;
  for (const auto& s : o.specialties)
    specialties += (specialties.empty() ? "" : zh ? "、" : ", ") + vocab.category().Shown(s);
  add("specialties", specialties);
  if (!o.parent.empty()) {
    auto p = orgs.find(o.parent);
    add("parent", coded(o.parent, p != orgs.end() ? p->second.name : std::string()));
  }
  add("status", zh ? OrgStatusLabel(o.status) : o.status);
  const Membership& m = members.membership;
  add("members", Tr("{0} ({1} women, {2} full-time)", m.members, m.women, m.full_time));
  if (!m.chair.empty()) add("chair", coded(m.chair, mediators.at(m.chair).name));
  for (const std::string& id : members.members) {
    const Mediator& med = mediators.at(id);
    std::string grade;
    if (med.grade)
      grade = "  " + (zh ? std::string(MediatorGradeLabel(med.grade))
                         : "grade " + std::to_string(med.grade));
    add("member", med.id + "  " + med.name + "  " + vocab.Get("mediator_role").Shown(med.role) +
                      "  " + vocab.Get("employment").Shown(med.employment) + grade);
  }
  for (const auto& p : members.problems) add("warning", p);
  return t;
}

}  // namespace mediate
