#include "renumber.hpp"

#include <algorithm>

#include "case_record.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"

namespace mediate {
namespace {

std::string JoinPaths(const std::vector<std::string>& paths) {
  std::string s;
  for (const auto& p : paths) s += (s.empty() ? "" : ", ") + p;
  return s;
}

}  // namespace

std::string RenumberedFileNumberLine(const std::string& from, const std::string& to) {
  if (from.empty()) return "";
  return "File number: " + to + " (was " + from + ")\n\n";
}

Result<RenumberOutcome> RenumberCase(StoreWrite& w, const Signature& op,
                                     const RenumberRequest& request) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  if (!ParseCaseId(request.id, nullptr, nullptr, nullptr))
    return Status::NotFound(Tr("{0} is not a case id (like WBL-2026-000042)", request.id));
  std::vector<std::string> paths = store.FindCaseFiles(request.id);
  if (paths.empty()) return Status::NotFound(Tr("no case {0}", request.id));
  if (paths.size() == 1)
    return Status::Rejected(
        Tr("{0} is held by one file only ({1}): renumber gives a new id to one "
           "of two files holding the same id; nothing to do",
           request.id, paths.front()));

  // Every file of the id must load cleanly: the choice reads `received`.
  std::vector<LoadedCase> cases;
  for (const auto& p : paths) {
    LoadedCase lc = store.LoadCaseFile(p);
    if (!lc.ok)
      return Status::Rejected(Tr("{0} does not load cleanly; fix it first (mediate validate)", p),
                              lc.diagnostics);
    cases.push_back(std::move(lc));
  }
  std::size_t pick = 0;
  if (!request.file.empty()) {
    std::string rel = store.RelativePath(request.file);
    auto it = std::find(paths.begin(), paths.end(), rel);
    if (it == paths.end())
      return Status::Usage(Tr("--file {0} is not a file of {1}; its files are {2}", request.file,
                              request.id, JoinPaths(paths)));
    pick = static_cast<std::size_t>(it - paths.begin());
  } else {
    // The case received later; on a tie, a file that is not where its
    // month received puts it (a hand copy), else the later path (sorted).
    auto misplaced = [&](std::size_t i) {
      return cases[i].path != cases[i].record.PathIn(settings.time_zone);
    };
    for (std::size_t i = 1; i < cases.size(); ++i) {
      if (cases[pick].record.received < cases[i].record.received)
        pick = i;
      else if (!(cases[i].record.received < cases[pick].record.received) &&
               (misplaced(i) || !misplaced(pick)))
        pick = i;
    }
  }

  RenumberOutcome out;
  out.from = request.id;
  out.old_path = paths[pick];
  out.kept = paths[pick == 0 ? 1 : 0];
  Case c = std::move(cases[pick].record);
  auto to = w.NextCaseId(settings.time_zone.LocalDate(c.received).year());
  if (!to.ok()) return to.status();
  out.to = *to;
  c.id = out.to;
  out.file_no_from = RenumberFileNumber(&c, out.from, store.offices(), settings);
  if (!out.file_no_from.empty()) out.file_no_to = c.file_no;
  Event e;
  e.at = settings.time_zone.ToLocal(request.now);
  e.type = "renumbered";
  e.by = op.ToString();
  e.payload.Set("from", Value::String(out.from));
  e.payload.SetIfNotEmpty("reason", request.reason);
  e.payload.SetIfNotEmpty("file_no_from", out.file_no_from);
  e.payload.SetIfNotEmpty("file_no", out.file_no_to);
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  out.new_path = c.PathIn(settings.time_zone);

  w.Remove(out.old_path);
  w.Put(out.new_path, CaseToValue(c));
  auto commit = w.Commit(op, "renumber: " + out.to + " (was " + out.from + ", a duplicate id)\n\n" +
                                 RenumberedFileNumberLine(out.file_no_from, out.file_no_to) +
                                 "Mediate-Action: renumber\nMediate-Case: " + out.to + "\n" +
                                 kRenumberedFromTrailer + ": " + out.old_path + "\n");
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
