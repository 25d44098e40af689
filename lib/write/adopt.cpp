#include "adopt.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "audit.hpp"
#include "case_amend.hpp"
#include "case_edit.hpp"
#include "case_record.hpp"
#include "file_number.hpp"
#include "git_repo.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "merge_check.hpp"
#include "validate.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

bool HasTrailer(const std::string& message, const std::string& name,
                std::set<std::string>* values) {
  std::istringstream in(message);
  bool any = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name + ": ", 0) != 0 || line.size() <= name.size() + 2) continue;
    any = true;
    if (values) values->insert(line.substr(name.size() + 2));
  }
  return any;
}

}  // namespace

Result<AdoptOutcome> AdoptHandCommits(StoreWrite& w, const Signature& op,
                                      const std::vector<std::string>& only,
                                      const std::string& reason, Timestamp now) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  auto repo = GitRepo::Open(store.root());
  if (!repo.ok()) return repo.status();
  auto log = repo->Log("");
  if (!log.ok()) return log.status();
  auto merges = MergeCheck::Open(store.root());
  if (!merges.ok()) return merges.status();

  std::set<std::string> adopted;
  for (const auto& c : *log) HasTrailer(c.message, kAdoptsTrailer, &adopted);
  AdoptOutcome out;
  for (auto it = log->rbegin(); it != log->rend(); ++it) {  // oldest first
    const CommitInfo& c = *it;
    if (HasTrailer(c.message, "Mediate-Action", nullptr) || adopted.count(c.id)) continue;
    auto own = merges->OwnChanges(c.id);
    if (!own.ok()) return own.status();
    if (own->has_value()) continue;  // a merge
    AdoptedCommit a{c.id, c.summary, c.author, {}};
    auto paths = repo->ChangedPaths(c.id);
    if (!paths.ok()) return paths.status();
    a.paths = std::move(paths.value());
    out.commits.push_back(std::move(a));
  }
  if (!only.empty()) {
    std::vector<AdoptedCommit> chosen;
    for (const auto& want : only) {
      auto hit = std::find_if(out.commits.begin(), out.commits.end(), [&](const AdoptedCommit& a) {
        return want.size() >= 4 && a.id.rfind(want, 0) == 0;
      });
      if (hit == out.commits.end())
        return Status::Usage(
            Tr("{0} is no hand commit waiting to be adopted ('mediate audit' "
               "lists them as foreign commits)",
               want));
      chosen.push_back(*hit);
    }
    std::sort(chosen.begin(), chosen.end(), [&](const AdoptedCommit& x, const AdoptedCommit& y) {
      auto pos = [&](const AdoptedCommit& a) {
        return std::find_if(out.commits.begin(), out.commits.end(),
                            [&](const AdoptedCommit& b) { return b.id == a.id; }) -
               out.commits.begin();
      };
      return pos(x) < pos(y);
    });
    chosen.erase(
        std::unique(chosen.begin(), chosen.end(),
                    [](const AdoptedCommit& x, const AdoptedCommit& y) { return x.id == y.id; }),
        chosen.end());
    out.commits = std::move(chosen);
  }
  if (out.commits.empty())
    return Status::Rejected(
        _("no hand commits to adopt: every commit was made by mediate or is "
          "adopted already ('mediate audit')"));

  // Each path, with the commit before the first adopted one that changed it.
  std::map<std::string, std::string> first;  // path → that commit's id
  for (const auto& a : out.commits)
    for (const auto& p : a.paths) first.emplace(p, a.id);
  DiagnosticSink sink;
  std::vector<std::pair<std::string, std::string>> present;  // path, text now
  for (const auto& [path, commit] : first) {
    auto text = store.ReadText(path);
    if (!text.ok()) continue;  // removed by hand: nothing to check or record
    CheckRecordText(store, path, *text, w.today(), {}, &sink);
    present.emplace_back(path, std::move(text.value()));
  }
  if (sink.has_errors())
    return sink.ToStatus(
        Tr("{0} error(s) in files the hand commits changed; mend them (mediate "
           "edit, or git) and commit, then adopt; nothing was written",
           sink.error_count()));

  // The reason in a case's event names the hand commits that changed it.
  auto why_for = [&](const std::string& path) {
    std::string ids, who;
    std::set<std::string> authors;
    for (const auto& a : out.commits) {
      if (std::find(a.paths.begin(), a.paths.end(), path) == a.paths.end()) continue;
      ids += (ids.empty() ? "" : ", ") + a.id.substr(0, 7);
      if (authors.insert(a.author.ToString()).second)
        who += (who.empty() ? "" : ", ") + a.author.ToString();
    }
    return (reason.empty() ? std::string("hand edits adopted") : reason) + " (" + ids + " by " +
           who + ")";
  };
  for (const auto& [path, text] : present) {
    if (CaseIdOfPath(path).empty()) {
      w.PutText(path, text);  // unchanged: the commit records the adoption
      continue;
    }
    auto before_text = repo->ReadAt(first[path] + "~1", path);
    auto after_v = ParseYaml(text, path);
    if (!after_v.ok()) return after_v.status();
    std::vector<FieldChange> changes;
    const bool added = !(before_text.ok() && before_text->has_value());
    if (!added) {
      auto before_v = ParseYaml(**before_text, path);
      if (before_v.ok() && before_v->is_map())
        changes = DescribeRecordChanges(store.vocab(), path, *before_v, *after_v);
    } else {
      changes.push_back({"(whole file)", "", "added by hand"});
    }
    DiagnosticSink ignore;
    Case c = CaseFromValue(*after_v, path, store.vocab(), &ignore);
    // A case added by hand is accepted now: it gets its file number.
    if (added && c.file_no.empty()) c.file_no = DerivedFileNumber(c.id, store.offices(), settings);
    Event e;
    e.at = settings.time_zone.ToLocal(now);
    e.type = "amended";
    e.by = op.ToString();
    e.payload.Set("reason", Value::String(why_for(path)));
    if (!changes.empty()) e.payload.Set("changes", ChangesValue(changes));
    c.events.push_back(std::move(e));
    c.state = Replay(c, settings).state;
    w.Put(path, CaseToValue(c));
    out.cases.push_back(c.id);
  }
  if (w.dry_run()) return out;
  std::string message =
      "adopt: " + std::to_string(out.commits.size()) + " hand commit(s)\n\nMediate-Action: adopt\n";
  for (const auto& a : out.commits) message += std::string(kAdoptsTrailer) + ": " + a.id + "\n";
  auto commit = w.Commit(op, message);
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
