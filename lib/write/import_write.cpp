#include "import_write.hpp"

#include <map>
#include <unordered_set>

#include "case_index.hpp"
#include "case_record.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "ledger_fingerprint.hpp"

namespace mediate {

Result<std::size_t> NumberImport(StoreWrite& w, std::vector<LedgerCase>* cases) {
  const Store& store = w.store();
  // Only the fingerprints are read, from the index where it is fresh.
  FingerprintScan scan = ScanImportFingerprints(store);
  if (scan.unreadable > 0)
    return Status::Rejected(
        TrN("{0} case file(s) cannot be read, so earlier imports cannot be recognised; nothing "
            "was imported (fix them first: mediate validate)",
            "{0} case file(s) cannot be read, so earlier imports cannot be recognised; nothing "
            "was imported (fix them first: mediate validate)",
            scan.unreadable, GroupThousands(scan.unreadable)),
        scan.problems);
  // An encrypted store keeps keyed fingerprints (ledger_fingerprint.hpp).
  const TimeZone& tz = store.settings().time_zone;
  if (store.Encrypted()) {
    auto keys = store.Keys();
    if (!keys.ok())
      return Status::Rejected(
          Tr("this store keeps personal data sealed, and an import seals "
             "it: {0}; nothing was imported",
             keys.status().message()));
    for (LedgerCase& lc : *cases)
      lc.record.import.fingerprint = KeyedImportFingerprint(lc.record, tz, (*keys)->LookupKey());
  }
  const std::unordered_set<std::string>& existing = scan.fingerprints;
  const std::size_t skipped = DropAlreadyImported(cases, existing);
  // IDs: per office and local year received, in ledger order.
  std::map<int, std::size_t> per_year;
  for (const LedgerCase& lc : *cases) ++per_year[tz.LocalDate(lc.record.received).year()];
  std::map<int, std::vector<std::string>> ids;
  for (const auto& [year, n] : per_year) {
    auto given = w.NextCaseIds(year, n);
    if (!given.ok()) return given.status();
    ids[year] = std::move(given).value();
  }
  std::map<int, std::size_t> used;
  for (LedgerCase& lc : *cases) {
    int year = tz.LocalDate(lc.record.received).year();
    lc.record.id = ids[year][used[year]++];
    // Registration is acceptance: the case gets its file number now (a
    // ledger carries none of its own: ledger_columns.hpp has no 卷号).
    if (lc.record.file_no.empty())
      lc.record.file_no = DerivedFileNumber(lc.record.id, store.offices(), store.settings());
  }
  return skipped;
}

Result<std::string> CommitImport(StoreWrite& w, const std::vector<LedgerCase>& cases,
                                 const Signature& op, const std::string& source_name) {
  const TimeZone& tz = w.store().settings().time_zone;
  for (const LedgerCase& lc : cases) w.Put(lc.record.PathIn(tz), CaseToValue(lc.record));
  return w.Commit(op, ImportCommitMessage(cases.size(), source_name));
}

}  // namespace mediate
