#include "case_selection.hpp"

#include <utility>

#include "i18n.hpp"
#include "timeline_labels.hpp"

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
    return Status::Rejected(Tr("{0} case file(s) cannot be read; nothing was {1} (fix them "
                               "first: mediate validate)",
                               out.scan.unreadable, ShownEvent(verb)),
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
