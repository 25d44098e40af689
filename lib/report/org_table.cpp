#include "org_table.hpp"

#include <cstdint>

#include "committee_checks.hpp"

namespace mediate {

Table OrgTable(const OrgRegistry& orgs, const MediatorRegistry& mediators,
               const std::function<std::string(const std::string&)>& kind_label,
               const std::function<bool(const Organisation&)>& keep) {
  Table t;
  t.columns = {
      {"id", "编号", ColumnKind::kCode},        {"name", "名称", ColumnKind::kText},
      {"kind", "类型", ColumnKind::kCode},      {"kind_label", "类型名称", ColumnKind::kText},
      {"level", "层级", ColumnKind::kCode},     {"street", "街道", ColumnKind::kCode},
      {"community", "社区", ColumnKind::kCode}, {"parent", "上级", ColumnKind::kCode},
      {"status", "状态", ColumnKind::kCode},    {"members", "人数", ColumnKind::kInt},
      {"full_time", "专职", ColumnKind::kInt},  {"chair", "主任", ColumnKind::kCode}};
  for (const auto& [id, o] : orgs) {
    if (keep && !keep(o)) continue;
    const Membership m = MembershipOf(id, mediators);
    t.rows.push_back({o.id, o.name, o.kind, kind_label(o.kind), o.level, o.street, o.community,
                      o.parent, o.status, static_cast<std::int64_t>(m.members),
                      static_cast<std::int64_t>(m.full_time), m.chair});
  }
  return t;
}

Table OrgCard(const Organisation& o, const OrgMembers& members, const OrgRegistry& orgs,
              const MediatorRegistry& mediators, const AreaRegistry& areas,
              const std::function<std::string(const std::string&)>& kind_label) {
  Table t;
  t.columns = {{"field", "项目", ColumnKind::kCode}, {"value", "内容", ColumnKind::kText}};
  auto add = [&](const char* f, const std::string& v) {
    if (!v.empty()) t.rows.push_back({std::string(f), v});
  };
  add("id", o.id);
  add("name", o.name);
  add("kind", o.kind + "  " + kind_label(o.kind));
  add("level", o.level);
  if (!o.street.empty()) add("street", o.street + "  " + areas.NameOf(o.street));
  if (!o.community.empty()) add("community", o.community + "  " + areas.NameOf(o.community));
  std::string specialties;
  for (const auto& s : o.specialties) specialties += (specialties.empty() ? "" : ", ") + s;
  add("specialties", specialties);
  if (!o.parent.empty()) {
    auto p = orgs.find(o.parent);
    add("parent", o.parent + (p != orgs.end() ? "  " + p->second.name : std::string()));
  }
  add("status", o.status);
  const Membership& m = members.membership;
  add("members", std::to_string(m.members) + " (" + std::to_string(m.women) + " women, " +
                     std::to_string(m.full_time) + " full-time)");
  if (!m.chair.empty()) add("chair", m.chair + "  " + mediators.at(m.chair).name);
  for (const std::string& id : members.members) {
    const Mediator& med = mediators.at(id);
    add("member", med.id + "  " + med.name + "  " + med.role + "  " + med.employment +
                      (med.grade ? "  grade " + std::to_string(med.grade) : std::string()));
  }
  for (const auto& p : members.problems) add("warning", p);
  return t;
}

}  // namespace mediate
