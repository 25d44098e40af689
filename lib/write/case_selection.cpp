#include "case_selection.hpp"

#include <utility>

namespace mediate {

Result<CaseSelection> SelectCases(const Store& store,
                                  const std::function<bool(const CaseSummary&)>& keep,
                                  const std::function<bool(const CaseSummary&)>& pick,
                                  const std::function<bool(const Derived&)>& confirm,
                                  const std::string& verb) {
  ScanOptions options;
  options.keep = keep;
  CaseSelection out;
  out.scan = store.ScanCases(options);
  MEDIATE_RETURN_IF_ERROR(RefuseDuplicateCaseIds(out.scan.duplicates));
  if (out.scan.unreadable > 0)
    return Status::Rejected(std::to_string(out.scan.unreadable) +
                                " case file(s) cannot be read; nothing was " + verb +
                                " (fix them first: mediate validate)",
                            out.scan.problems);
  for (const CaseSummary& s : out.scan.cases) {
    if (!pick(s)) continue;
    auto loaded = store.LoadCase(s.id);
    if (!loaded.ok()) return loaded.status();
    Derived d = Replay(loaded->record, store.settings());
    if (!confirm(d)) continue;  // stale index entry
    out.picked.push_back({std::move(loaded.value()), std::move(d)});
  }
  return out;
}

}  // namespace mediate
