#include "filing.hpp"

#include <map>

#include "column_view.hpp"
#include "committee_checks.hpp"
#include "i18n.hpp"
#include "pii.hpp"
#include "render.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

bool IsAdultOn(Date born, Date day) {
  auto eighteenth = Date::FromYmd(born.year() + 18, born.month(), born.day());
  if (!eighteenth) eighteenth = Date::FromYmd(born.year() + 18, 3, 1);
  return *eighteenth <= day;
}

void HtmlTable(std::string& out, const std::string& caption, const Table& table) {
  const Table t = LabelsOnlyTable(table);
  out += "<h2>" + EscapeHtml(caption) + "</h2>\n<table>\n<thead><tr><th>序号</th>";
  for (const auto& c : t.columns)
    out += "<th>" + EscapeHtml(c.heading.empty() ? c.name : c.heading) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  std::size_t n = 0;
  for (const auto& row : t.rows) {
    out += "<tr><td class=\"n\">" + std::to_string(++n) + "</td>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      bool number = t.columns[i].kind == ColumnKind::kInt;
      out += number ? "<td class=\"n\">" : "<td>";
      out += EscapeHtml(CellText(row[i], t.columns[i].kind)) + "</td>";
    }
    out += "</tr>\n";
  }
  if (t.rows.empty())
    out += "<tr><td colspan=\"" + std::to_string(t.columns.size() + 1) + "\">（无）</td></tr>\n";
  out += "</tbody>\n</table>\n";
}

}  // namespace

FilingList BuildFilingList(const OrgRegistry& orgs, const MediatorRegistry& mediators,
                           const AreaRegistry& areas, const TeamSettings& team,
                           const Vocabulary& vocab, int year, bool reveal) {
  FilingList f;
  f.year = year;
  Date year_end = *Date::FromYmd(year, 12, 31);
  f.committees.columns = {{"id", "编号", ColumnKind::kCode},
                          {"name", "名称", ColumnKind::kText},
                          {"kind", "类型", ColumnKind::kCode},
                          {"kind_label", "类型名称", ColumnKind::kText},
                          {"level", "层级", ColumnKind::kCode},
                          {"street", "街道代码", ColumnKind::kCode},
                          {"street_name", "街道", ColumnKind::kText},
                          {"community", "社区代码", ColumnKind::kCode},
                          {"community_name", "社区", ColumnKind::kText},
                          {"members", "组成人员", ColumnKind::kInt},
                          {"chair", "主任编号", ColumnKind::kCode},
                          {"chair_name", "主任", ColumnKind::kText},
                          {"women", "女性", ColumnKind::kInt},
                          {"full_time", "专职", ColumnKind::kInt}};
  f.mediators.columns = {
      {"id", "编号", ColumnKind::kCode},        {"name", "姓名", ColumnKind::kText},
      {"sex", "性别", ColumnKind::kCode},       {"born", "出生日期", ColumnKind::kText},
      {"org", "组织编号", ColumnKind::kCode},   {"org_name", "所在组织", ColumnKind::kText},
      {"role", "职务", ColumnKind::kCode},      {"employment", "专兼职", ColumnKind::kCode},
      {"grade", "等级", ColumnKind::kCode},     {"filed", "备案日期", ColumnKind::kText},
      {"new", "本年新备案", ColumnKind::kCode}, {"phone", "联系电话", ColumnKind::kText}};
  f.problems.columns = {{"record", "记录", ColumnKind::kCode},
                        {"file", "文件", ColumnKind::kText},
                        {"field", "项目", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                        {"field_label", "项目", ColumnKind::kText, ColumnShown::kLabelOnly},
                        {"problem", "问题", ColumnKind::kText}};
  // A record field by its Chinese name, for the Chinese table only.
  const bool zh = TranslationOn();
  auto field_label = [zh](const std::string& field) {
    static const std::map<std::string, std::string> kNames = {
        {"born", "出生日期"},  {"community", "社区"}, {"employment", "专兼职"},
        {"filed", "备案日期"}, {"level", "层级"},     {"members", "人员配备"},
        {"name", "名称"},      {"org", "所在组织"},   {"phone", "联系电话"},
        {"role", "职务"},      {"sex", "性别"},       {"street", "街道"}};
    if (!zh) return std::string();
    auto it = kNames.find(field);
    return it == kNames.end() ? field : it->second;
  };
  auto problem = [&](const std::string& record, const std::string& file, const std::string& field,
                     const std::string& text) {
    f.problems.rows.push_back({record, file, field, field_label(field), text});
  };

  for (const auto& [id, o] : orgs) {
    if (o.status != "active" || !IsMediationCommittee(o.kind)) continue;
    Membership m = MembershipOf(id, mediators);
    std::string chair_name;
    if (auto c = mediators.find(m.chair); c != mediators.end()) chair_name = c->second.name;
    f.committees.rows.push_back(
        {o.id, o.name, o.kind, vocab.Get("org_kind").Zh(o.kind), o.level, o.street,
         o.street.empty() ? std::string() : areas.NameOf(o.street), o.community,
         o.community.empty() ? std::string() : areas.NameOf(o.community), std::int64_t{m.members},
         m.chair, chair_name, std::int64_t{m.women}, std::int64_t{m.full_time}});
    std::string file = o.Path();
    if (o.name.empty()) problem(id, file, "name", _("name is missing"));
    if (o.level.empty()) problem(id, file, "level", _("level is missing"));
    bool needs_street = o.kind == "street_committee" || o.kind == "community_committee";
    if (needs_street && o.street.empty()) problem(id, file, "street", _("street is missing"));
    if (!o.street.empty() && !areas.FindStreet(o.street))
      problem(id, file, "street", Tr("street {0} is not in areas/", o.street));
    if (o.kind == "community_committee" && o.community.empty())
      problem(id, file, "community", _("community is missing"));
    if (!o.community.empty() && !areas.FindCommunity(o.community))
      problem(id, file, "community", Tr("community {0} is not in areas/", o.community));
    for (const auto& p : CommitteeProblems(o, m, team)) problem(id, file, "members", p);
  }

  for (const auto& [id, m] : mediators) {
    if (m.filed.valid() && m.filed > year_end) continue;
    bool on_roster = m.status == "active" || (m.retired.valid() && m.retired > year_end);
    if (!on_roster) continue;
    auto org = orgs.find(m.org);
    f.mediators.rows.push_back(
        {m.id, m.name, m.sex, m.born.ToString(), m.org,
         org == orgs.end() ? std::string() : org->second.name, m.role, m.employment,
         m.grade ? std::to_string(m.grade) : std::string(), m.filed.ToString(),
         std::string(m.filed.valid() && m.filed.year() == year ? "true" : "false"),
         reveal || m.phone.empty() ? m.phone : MaskPhone(m.phone)});
    std::string file = m.Path();
    if (m.name.empty()) problem(id, file, "name", _("name is missing"));
    if (m.sex.empty()) problem(id, file, "sex", _("sex is missing"));
    if (!m.born.valid()) {
      problem(id, file, "born", _("birth date is missing"));
    } else if (!IsAdultOn(m.born, year_end)) {
      problem(id, file, "born",
              Tr("born {0}: not an adult at the end of the year (People's Mediation Law Art. 14)",
                 m.born.ToString()));
    }
    if (org == orgs.end()) {
      problem(id, file, "org", Tr("organisation \"{0}\" is not registered", m.org));
    } else if (org->second.status != "active") {
      problem(id, file, "org", Tr("organisation {0} is retired", m.org));
    }
    if (m.role.empty()) problem(id, file, "role", _("role (chair, member or engaged) is missing"));
    if (m.employment.empty())
      problem(id, file, "employment", _("employment (full- or part-time) is missing"));
    if (!m.filed.valid()) problem(id, file, "filed", _("filing date is missing"));
    if (m.phone.empty()) {
      problem(id, file, "phone", _("phone is missing"));
    } else if (!NormalizePhone(m.phone)) {
      problem(id, file, "phone", _("phone is neither a mobile nor a landline number"));
    }
  }
  f.problems.notes.push_back(TrN("{0} missing or invalid item to complete before filing",
                                 "{0} missing or invalid items to complete before filing",
                                 f.problems.rows.size(), f.problems.rows.size()));
  return f;
}

std::string RenderFilingHtml(const FilingList& f, const std::string& district_name) {
  std::string title =
      district_name + " " + std::to_string(f.year) + "年度人民调解组织和人民调解员备案登记";
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      EscapeHtml(title) +
      "</title>\n<style>\n"
      "@page { size: A4 landscape; margin: 15mm; }\n"
      "body { font-family: \"SimSun\", \"Songti SC\", serif; font-size: 10.5pt; }\n"
      "h1 { text-align: center; font-size: 16pt; }\n"
      "h2 { font-size: 12pt; margin-top: 1.5em; }\n"
      "table { border-collapse: collapse; width: 100%; page-break-inside: auto; }\n"
      "tr { page-break-inside: avoid; }\n"
      "th, td { border: 1px solid #000; padding: 2px 4px; }\n"
      "thead { display: table-header-group; }\n"
      "td.n { text-align: right; }\n"
      ".sign { margin-top: 3em; }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      EscapeHtml(title) + "</h1>\n";
  out += "<p>依据《中华人民共和国人民调解法》第十条。人民调解委员会 " +
         std::to_string(f.committees.rows.size()) + " 个，人民调解员 " +
         std::to_string(f.mediators.rows.size()) + " 名。</p>\n";
  HtmlTable(out, "一、人民调解委员会", f.committees);
  HtmlTable(out, "二、人民调解员", f.mediators);
  HtmlTable(out, "三、待补正事项", f.problems);
  out +=
      "<p class=\"sign\">填报单位（盖章）：　　　　　　　　填报人：　　　　　　　　"
      "填报日期：　　年　　月　　日</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace mediate
