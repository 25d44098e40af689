#include "roster_table.hpp"

#include <cstdint>
#include <map>
#include <vector>

#include "i18n.hpp"
#include "pii.hpp"
#include "step_context.hpp"
#include "text_input.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

/// The Chinese name of each line of `mediator show` (the headings of
/// `mediator list` where there is one).
std::string MediatorCardLabel(const char* field) {
  static const std::map<std::string, std::string> kLabels = {
      {"id", "编号"},           {"name", "姓名"},
      {"sex", "性别"},          {"born", "出生日期"},
      {"org", "所在组织"},      {"role", "职务"},
      {"employment", "专兼职"}, {"grade", "等级"},
      {"graded", "评定日期"},   {"specialties", "擅长"},
      {"lecturer", "授课骨干"}, {"honours", "荣誉"},
      {"education", "学历"},    {"filed", "备案日期"},
      {"term_end", "任期届满"}, {"court_roster", "法院特邀调解员"},
      {"sanctions", "处分"},    {"status", "状态"},
      {"phone", "电话"},        {"rating", "等级评定"}};
  auto it = kLabels.find(field);
  return it == kLabels.end() ? field : it->second;
}

}  // namespace

Table RosterTable(const MediatorRegistry& mediators, bool reveal,
                  const std::function<bool(const Mediator&)>& keep) {
  constexpr auto kCode = ColumnShown::kCodeOfLabel;
  constexpr auto kLabel = ColumnShown::kLabelOnly;
  Table t;
  t.columns = {{"id", "编号", ColumnKind::kCode},
               {"name", "姓名", ColumnKind::kText},
               {"sex", "性别", ColumnKind::kCode, kCode},
               {"sex_label", "性别", ColumnKind::kText, kLabel},
               {"born", "出生日期", ColumnKind::kText},
               {"org", "组织", ColumnKind::kCode},
               {"role", "职务", ColumnKind::kCode, kCode},
               {"role_label", "职务", ColumnKind::kText, kLabel},
               {"employment", "专兼职", ColumnKind::kCode, kCode},
               {"employment_label", "专兼职", ColumnKind::kText, kLabel},
               {"grade", "等级", ColumnKind::kCode, kCode},
               {"grade_label", "等级", ColumnKind::kText, kLabel},
               {"graded", "评定日期", ColumnKind::kText},
               {"specialties", "擅长", ColumnKind::kText},
               {"lecturer", "授课骨干", ColumnKind::kCode, kCode},
               {"lecturer_label", "授课骨干", ColumnKind::kText, kLabel},
               {"honours", "荣誉", ColumnKind::kText},
               {"filed", "备案日期", ColumnKind::kText},
               {"status", "状态", ColumnKind::kCode, kCode},
               {"status_label", "状态", ColumnKind::kText, kLabel},
               {"phone", "电话", ColumnKind::kText}};
  // The labels only the Chinese human table shows (ColumnShown::kLabelOnly).
  const bool zh = TranslationOn();
  const Vocabulary& vocab = Vocabulary::Builtin();
  auto label = [zh](std::string text) { return zh ? text : std::string(); };
  for (const auto& [id, m] : mediators) {
    if (keep && !keep(m)) continue;
    t.rows.push_back({m.id,
                      m.name,
                      m.sex,
                      label(m.sex == "male"     ? "男"
                            : m.sex == "female" ? "女"
                                                : m.sex),
                      m.born.ToString(),
                      m.org,
                      m.role,
                      label(vocab.Get("mediator_role").Shown(m.role)),
                      m.employment,
                      label(vocab.Get("employment").Shown(m.employment)),
                      m.grade ? std::to_string(m.grade) : std::string(),
                      label(m.grade ? std::string(MediatorGradeLabel(m.grade)) : std::string()),
                      m.graded.ToString(),
                      Joined(m.specialties, ";"),
                      std::string(m.lecturer ? "true" : "false"),
                      label(m.lecturer ? "是" : "否"),
                      Joined(m.honours, ";"),
                      m.filed.ToString(),
                      m.status,
                      label(ShownCode("mediator_status", m.status)),
                      reveal || m.phone.empty() ? m.phone : MaskPhone(m.phone)});
  }
  return t;
}

std::string_view MediatorGradeLabel(int grade) {
  static constexpr std::string_view kLabels[] = {"未评级", "一级", "二级", "三级", "四级"};
  return grade >= 1 && grade <= 4 ? kLabels[grade] : kLabels[0];
}

Table RosterStatsTable(
    const RosterCounts& counts,
    const std::function<std::string(const std::string&, const std::string&)>& label) {
  Table t;
  // In Chinese the dimension shows by its name and the value by its label
  // alone; the machine formats keep both codes.
  t.columns = {{"dimension", "维度", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"dimension_label", "维度", ColumnKind::kText, ColumnShown::kLabelOnly},
               {"value", "值", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
               {"label", "名称", ColumnKind::kText},
               {"mediators", "调解员", ColumnKind::kInt}};
  const bool zh = TranslationOn();
  auto row = [&](const char* dim, std::string value, std::string name, std::int64_t n) {
    static const std::map<std::string, std::string> kDimensions = {
        {"active", "在册"},  {"grade", "等级"},     {"employment", "专兼职"},
        {"role", "职务"},    {"sex", "性别"},       {"lecturer", "授课骨干"},
        {"honours", "荣誉"}, {"honour", "荣誉称号"}};
    t.rows.push_back({std::string(dim), zh ? kDimensions.at(dim) : std::string(), std::move(value),
                      std::move(name), n});
  };
  row("active", "", "在册调解员", counts.active);
  for (int g : {4, 3, 2, 1})
    row("grade", std::to_string(g), std::string(MediatorGradeLabel(g)), counts.grade(g));
  row("grade", "1-2", "一级至二级", counts.grade(1) + counts.grade(2));
  row("grade", "none", std::string(MediatorGradeLabel(0)), counts.grade(0));
  auto add = [&](const char* dim, const char* vocab,
                 const std::map<std::string, std::int64_t>& by) {
    for (const auto& [code, n] : by) row(dim, code, label(vocab, code), n);
  };
  add("employment", "employment", counts.by_employment);
  add("role", "mediator_role", counts.by_role);
  add("sex", "sex", counts.by_sex);
  row("lecturer", "true", "授课骨干", counts.lecturers);
  row("honours", "any", "获得荣誉", counts.honoured);
  for (const auto& [h, n] : counts.by_honour) row("honour", h, h, n);
  return t;
}

Table RosterStatsTable(
    const MediatorRegistry& mediators,
    const std::function<std::string(const std::string&, const std::string&)>& label) {
  return RosterStatsTable(CountRoster(mediators), label);
}

Table MediatorCard(const Mediator& m, const OrgRegistry& orgs, bool reveal) {
  Table t;
  t.columns = {{"field", "项目", ColumnKind::kCode}, {"value", "内容", ColumnKind::kText}};
  const bool zh = TranslationOn();
  auto add = [&](const char* f, const std::string& v) {
    if (!v.empty()) t.rows.push_back({zh ? MediatorCardLabel(f) : std::string(f), v});
  };
  auto yes = [&](bool b) { return b ? std::string(zh ? "是" : "true") : std::string(); };
  auto grade = [&](int g) { return zh ? std::string(MediatorGradeLabel(g)) : std::to_string(g); };
  const Vocabulary& vocab = Vocabulary::Builtin();
  add("id", m.id);
  add("name", m.name);
  add("sex", zh && m.sex == "male" ? "男" : zh && m.sex == "female" ? "女" : m.sex);
  add("born", m.born.ToString());
  auto o = orgs.find(m.org);
  add("org", o == orgs.end() ? m.org : zh ? o->second.name : m.org + "  " + o->second.name);
  add("role", vocab.Get("mediator_role").Shown(m.role));
  add("employment", vocab.Get("employment").Shown(m.employment));
  add("grade", m.grade ? grade(m.grade) : std::string());
  add("graded", m.graded.ToString());
  std::string specialties;
  for (const auto& s : m.specialties)
    specialties += (specialties.empty() ? "" : zh ? "、" : ", ") + vocab.category().Shown(s);
  add("specialties", specialties);
  add("lecturer", yes(m.lecturer));
  add("honours", Joined(m.honours, zh ? "、" : ", "));
  add("education", m.education);
  add("filed", m.filed.ToString());
  add("term_end", m.term_end.ToString());
  add("court_roster", yes(m.court_roster));
  add("sanctions", Joined(m.sanctions, "; "));
  std::string status = zh ? ShownCode("mediator_status", m.status) : m.status;
  add("status", status + (m.retired.valid() ? " " + m.retired.ToString() : std::string()));
  add("phone", reveal || m.phone.empty() ? m.phone : MaskPhone(m.phone));
  for (const auto& r : m.ratings)
    add("rating", r.date.ToString() + "  " +
                      (zh ? grade(r.grade) : "grade " + std::to_string(r.grade)) + "  " + r.by +
                      (r.basis.empty() ? std::string() : "  " + r.basis));
  return t;
}

}  // namespace mediate
