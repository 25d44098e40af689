#include "store_encrypt.hpp"

#include "case_ids.hpp"
#include "case_record.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "ledger_fingerprint.hpp"
#include "personal_fields.hpp"
#include "route_batch.hpp"
#include "team_commit.hpp"

namespace mediate {

std::string EncryptCommitMessage(const std::vector<std::string>& ids) {
  std::vector<std::string> cases;
  if (ids.size() <= kMaxCaseTrailers)
    for (const auto& id : ids) cases.push_back("Mediate-Case: " + id);
  return "encrypt: " + std::to_string(ids.size()) + (ids.size() == 1 ? " case" : " cases") +
         Trailers("encrypt", cases);
}

Result<EncryptOutcome> EncryptStore(StoreWrite& w, const Signature& op) {
  const Store& store = w.store();
  if (!store.Encrypted())
    return Status::Rejected(
        _("this store has no keys yet: make them with 'mediate key init', then run 'mediate "
          "encrypt'"));
  auto keys = store.Keys();
  if (!keys.ok()) return keys.status();
  CaseScan scan = store.ScanCases(ScanOptions{});
  MEDIATE_RETURN_IF_ERROR(RefuseDuplicateCaseIds(scan.duplicates));
  if (scan.unreadable > 0)
    return Status::Rejected(
        TrN("{0} case file cannot be read; nothing was encrypted (fix it first: mediate "
            "validate)",
            "{0} case files cannot be read; nothing was encrypted (fix them first: mediate "
            "validate)",
            scan.unreadable, scan.unreadable),
        scan.problems);
  const TimeZone& tz = store.settings().time_zone;
  EncryptOutcome out;
  for (const CaseSummary& s : scan.cases) {
    LoadedCase lc = store.LoadCaseFile(s.path);
    if (!lc.ok)
      return Status::Rejected(
          Tr("{0} cannot be read; nothing was encrypted (fix it first: mediate validate)", s.path),
          lc.diagnostics);
    Case& c = lc.record;
    // What is plain is read from the file as stored: the case itself was
    // read opened, with the key.
    auto stored = store.ReadYaml(s.path);
    if (!stored.ok()) return stored.status();
    const bool keyed = c.import.fingerprint.empty() || c.import.fingerprint.size() == 32;
    if (PlainPersonalPaths(*stored).empty() && keyed) continue;
    Value record = CaseToValue(c);
    if (!c.conflicts.items().empty()) {
      out.conflicted.push_back(c.id);
      continue;
    }
    if (!keyed) {
      c.import.fingerprint = KeyedImportFingerprint(c, tz, (*keys)->LookupKey());
      record = CaseToValue(c);
    }
    out.sealed.push_back(c.id);
    if (!w.dry_run()) w.Put(lc.path, std::move(record));
  }
  if (w.dry_run() || out.sealed.empty()) return out;
  auto commit = w.Commit(op, EncryptCommitMessage(out.sealed));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
