#include "file_numbers.hpp"

#include "case_ids.hpp"
#include "case_record.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "route_batch.hpp"
#include "team_commit.hpp"

namespace mediate {

std::string FileNumbersCommitMessage(const std::vector<std::string>& ids) {
  std::vector<std::string> cases;
  if (ids.size() <= kMaxCaseTrailers)
    for (const auto& id : ids) cases.push_back("Mediate-Case: " + id);
  return "file-numbers: " + std::to_string(ids.size()) + (ids.size() == 1 ? " case" : " cases") +
         Trailers("file-numbers", cases);
}

Result<FileNumbersOutcome> FillFileNumbers(StoreWrite& w, const Signature& op) {
  const Store& store = w.store();
  ScanOptions options;
  options.keep = [](const CaseSummary& s) { return s.file_no.empty(); };
  CaseScan scan = store.ScanCases(options);
  MEDIATE_RETURN_IF_ERROR(RefuseDuplicateCaseIds(scan.duplicates));
  if (scan.unreadable > 0)
    return Status::Rejected(
        TrN("{0} case file cannot be read; no file number was written (fix it first: mediate "
            "validate)",
            "{0} case files cannot be read; no file number was written (fix them first: mediate "
            "validate)",
            scan.unreadable, scan.unreadable),
        scan.problems);
  FileNumbersOutcome out;
  std::vector<std::string> ids;
  for (const CaseSummary& s : scan.cases) {
    if (s.conflicts > 0) {
      out.conflicted.push_back(s.id);
      continue;
    }
    LoadedCase lc = store.LoadCaseFile(s.path);
    if (!lc.ok)
      return Status::Rejected(Tr("{0} cannot be read; no file number was written (fix it first: "
                                 "mediate validate)",
                                 s.path),
                              lc.diagnostics);
    Case& c = lc.record;
    if (!c.file_no.empty()) continue;  // a stale index entry: the file has one
    if (!c.conflicts.items().empty()) {
      out.conflicted.push_back(c.id);
      continue;
    }
    c.file_no = DerivedFileNumber(c.id, store.offices(), store.settings());
    if (c.file_no.empty()) continue;  // not a case id: validate names it
    ids.push_back(c.id);
    out.numbered.emplace_back(c.id, c.file_no);
    if (!w.dry_run()) w.Put(lc.path, CaseToValue(c));
  }
  if (w.dry_run() || ids.empty()) return out;
  auto commit = w.Commit(op, FileNumbersCommitMessage(ids));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
