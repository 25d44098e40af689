// Semantic checks of a case against the store: places exist and nest,
// organisations and mediators exist, ID numbers and credit codes carry
// the right check characters, phone numbers have a real shape, the
// timeline is ordered and the stored state agrees with its replay.
// Structural checks (types, vocabularies) happen when the record is read
// (case_record.hpp); these come after.
#pragma once

#include <string>

#include "area.hpp"
#include "case.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

/// What the checks may consult.
struct CheckContext {
  const Settings* settings = nullptr;
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  Date today;  ///< dates after today are refused (local date)
};

/// Field path → location lookups come from `root` (the record as read),
/// so diagnostics point at file:line:column; pass a null Value for a case
/// built in memory (locations are then the file alone).
///
/// Reports to `sink`:
/// - file_no: not of the form （YYYY）<word>第N号 (error), year or sequence
///   other than the id's (warning; file_number.hpp CheckFileNumber);
/// - place: street/community/grid unknown, or not nested (community in
///   its street, grid in its community);
/// - parties: at least one applicant; a person's citizen ID number with a
///   wrong check character or impossible birth date is an error (GB
///   11643-1999); a credit code failing its check is a warning (GB
///   32100-2015: pilot-era codes exist); a phone neither mobile nor landline
///   is an error;
/// - amount not negative; received not after today;
/// - a procedure (ordinary/summary) only on a court-entrusted case
///   (court_procedure.hpp ProcedureProblem; SPC 2016);
/// - events: the timeline follows the event-kind table (lifecycle.hpp
///   CheckTimeline: the first event that breaks it, with the article);
///   times never go backwards; org and mediators named by events exist;
/// - stored state (status, level, org, mediators, deadline) equals the
///   replay of the events.
void CheckCase(const Case& c, const Value& root, const std::string& file, const CheckContext& ctx,
               DiagnosticSink* sink);

/// The value at a field path ("parties[0].id_number") in `root`, or nullptr
/// when the path leads nowhere.
const Value* FieldAt(const Value& root, const std::string& path);

/// Finds the position of a field path ("parties[0].id_number") in `root`
/// (the record as read); the file alone when not found.
Location LocateField(const Value& root, const std::string& file, const std::string& path);

}  // namespace mediate
