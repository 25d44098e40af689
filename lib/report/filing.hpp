// The annual filing (年度备案登记) of people's mediation committees and
// mediators: the lists the county justice bureau keeps and tells the court
// about (People's Mediation Law Art. 10), and every record with a missing
// or invalid required item, so it can be completed before it goes out.
// Pure functions over the registries; HTML is rendered here because the
// filing is printed and signed.
#pragma once

#include <string>

#include "area.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "table.hpp"
#include "team_settings.hpp"

namespace mediate {

class Vocabulary;

/// The three lists of a year's filing.
struct FilingList {
  int year = 0;
  /// Active people's mediation committees (IsMediationCommittee): id, name,
  /// kind, kind_label, level, street, street_name, community,
  /// community_name, members, chair, chair_name, women, full_time.
  Table committees;
  /// Mediators on the roster at the end of `year` (filed by then, and active
  /// or retired later): id, name, sex, born, org, org_name, role,
  /// employment, grade, filed, new (filed during the year), phone (masked
  /// unless revealed).
  Table mediators;
  /// Records with missing or invalid required items: record, file, field,
  /// problem. Committees: name, kind, level, street (street and community
  /// committees), community (community committees), and Law Art. 8 / the
  /// staffing norm (CommitteeProblems). Mediators: name, sex, born (an
  /// adult at the end of the year, Law Art. 14), org (registered, active),
  /// role, employment, filed, phone (a mobile or landline number).
  Table problems;
};

/// Builds the filing of `year` from the registries (`team` for the
/// staffing norm; `vocab` for labels).
FilingList BuildFilingList(const OrgRegistry& orgs, const MediatorRegistry& mediators,
                           const AreaRegistry& areas, const TeamSettings& team,
                           const Vocabulary& vocab, int year, bool reveal);

/// A printable HTML document (UTF-8, A4 landscape print style) with a title
/// ("<district> <year>年度人民调解组织和人民调解员备案登记"), the three lists
/// as tables and a signature line. Text is HTML-escaped.
std::string RenderFilingHtml(const FilingList& filing, const std::string& district_name);

}  // namespace mediate
