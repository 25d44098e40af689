#include "sync.hpp"

#include <map>
#include <optional>
#include <set>

#include "case_key_sync.hpp"
#include "case_record.hpp"
#include "fault.hpp"
#include "file_number.hpp"
#include "git_merge.hpp"
#include "history.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "number_ref.hpp"
#include "number_reserve.hpp"
#include "overlay_disk.hpp"
#include "renumber.hpp"
#include "store.hpp"
#include "store_merge.hpp"
#include "validate.hpp"
#include "write_transaction.hpp"
#include "yaml_emit.hpp"

namespace mediate {

namespace {

/// At most this many files are named in a message; the rest are counted.
constexpr std::size_t kNamed = 5;

std::string NameSome(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size() && i < kNamed; ++i) s += (i ? _(", ") : "") + items[i];
  if (items.size() > kNamed)
    s = TrN("{0} and {1} more", "{0} and {1} more", items.size() - kNamed, s,
            items.size() - kNamed);
  return s;
}

/// Refuses uncommitted changes in the work tree: a merge writes files, and
/// a rollback restores HEAD's contents.
Status RequireCleanTree(GitRepo& repo) {
  auto dirty = repo.DirtyPaths();
  if (!dirty.ok()) return dirty.status();
  if (dirty->empty()) return Status::Ok();
  return Status::Rejected(
      Tr("the store has uncommitted changes ({0}): record them with mediate, or restore them "
         "with 'git checkout -- FILE' (a new file: remove it), then sync again",
         NameSome(*dirty)));
}

/// Checks every record the merge changes against the store as the merge
/// leaves it (an overlay of the changed files): what validate would say of
/// them. kRejected with the errors' diagnostics.
Status CheckMergedRecords(const std::string& root, const std::vector<PathChange>& changes,
                          Date today) {
  std::map<std::string, std::optional<std::string>> overlay;
  std::set<std::string> new_cases;
  for (const auto& c : changes) {
    overlay[root + "/" + c.path] = c.content;
    if (std::string id = CaseIdOfPath(c.path); !id.empty() && c.content) new_cases.insert(id);
  }
  ScopedOverlay scope(std::move(overlay));
  auto store = Store::Open(root);
  if (!store.ok()) return store.status();
  if (Status st = store->LoadRegistries(); !st.ok())
    return Status::Rejected(Tr("the merged registries do not read: {0}", st.message()),
                            st.diagnostics());
  DiagnosticSink sink;
  for (const auto& c : changes) {
    if (!c.content || c.path.size() < 5 || c.path.substr(c.path.size() - 5) != ".yaml") continue;
    CheckRecordText(*store, c.path, *c.content, today, new_cases, &sink);
  }
  if (!sink.has_errors()) return Status::Ok();
  std::vector<Diagnostic> errors;
  std::set<std::string> files;
  for (const auto& d : sink.items())
    if (d.severity == Severity::kError) {
      errors.push_back(d);
      files.insert(d.where.file);
    }
  return Status::Rejected(
      TrN("the merge would leave {0} record(s) with errors ({1}); nothing was changed here: have "
          "them corrected where they were made, then sync again",
          "the merge would leave {0} record(s) with errors ({1}); nothing was changed here: have "
          "them corrected where they were made, then sync again",
          files.size(), files.size(), NameSome({files.begin(), files.end()})),
      std::move(errors));
}

/// Gives the case at `path` — registered here under an id another desk of
/// the office gave first on the server — the next id of its office and
/// year free here and there — from this desk's reserved blocks when it
/// holds one — as `mediate renumber` does (a `renumbered`
/// event keeping the old id; a file number derived from the old id is
/// rewritten, RenumberFileNumber), in one commit through `tx`. Returns the
/// old and new ids. `store` has its registries loaded.
Result<std::pair<std::string, std::string>> RenumberTaken(
    const Store& store, WriteTransaction& tx, const std::string& path,
    const std::vector<std::string>& theirs_changed, const SyncOptions& o) {
  const Settings& settings = store.settings();
  LoadedCase lc = store.LoadCaseFile(path);
  if (!lc.ok)
    return Status::Rejected(Tr("{0} does not load cleanly; fix it first (mediate validate)", path),
                            lc.diagnostics);
  Case c = std::move(lc.record);
  std::string office;
  int year = 0, seq = 0;
  if (!ParseCaseId(c.id, &office, &year, &seq))
    return Status::Rejected(Tr("{0}: '{1}' is not a case id", path, c.id));
  std::set<int> used = store.CaseNumbers(office, year);
  for (const auto& f : theirs_changed) {
    std::string o2;
    int y = 0, n = 0;
    if (ParseCaseId(CaseIdOfPath(f), &o2, &y, &n) && o2 == office && y == year) used.insert(n);
  }
  // A number from this desk's reserved blocks when it has one left; else
  // (a desk that never reserved) the next after every number seen.
  int next = std::max(seq, used.empty() ? 0 : *used.rbegin()) + 1;
  if (auto blocks = ReadNumberBlocks(store.root(), kNumbersLocalRef); blocks.ok()) {
    auto free =
        FreeNumbers(blocks->record, CaseSeries(office, year), DeskName(store.root()), used, 1);
    if (!free.empty()) next = free.front();
  }
  const std::string from = c.id, to = FormatCaseId(office, year, next);
  Event e;
  e.at = settings.time_zone.ToLocal(o.now);
  e.type = "renumbered";
  e.by = o.author.ToString();
  e.payload.Set("from", Value::String(from));
  e.payload.Set("reason", Value::String("the number was taken on the server by another desk"));
  c.id = to;
  const std::string file_no_from = RenumberFileNumber(&c, from, store.offices(), settings);
  if (!file_no_from.empty()) {
    e.payload.Set("file_no_from", Value::String(file_no_from));
    e.payload.Set("file_no", Value::String(c.file_no));
  }
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  const std::string new_path = c.PathIn(settings.time_zone);
  tx.Remove(path);
  tx.Put(new_path, EmitYaml(CaseToValue(c)));
  auto commit =
      tx.Commit(o.author, "renumber: " + to + " (was " + from + ", taken on the server)\n\n" +
                              RenumberedFileNumberLine(file_no_from, c.file_no) +
                              "Mediate-Action: renumber\nMediate-Case: " + to + "\n" +
                              kRenumberedFromTrailer + ": " + path + "\n");
  if (!commit.ok()) return commit.status();
  return std::make_pair(from, to);
}

std::string MergeMessage(const SyncTarget& t, const std::string& theirs, std::size_t files,
                         std::size_t conflicts) {
  std::string m = "sync: merge " + t.remote + " (" + theirs.substr(0, 7) + "), " +
                  std::to_string(files) + " file(s)";
  if (conflicts > 0) m += ", " + std::to_string(conflicts) + " with conflicts";
  m += "\n\nMediate-Action: sync\nMediate-Remote: " + t.remote + "\n";
  return m;
}

/// One round up to the push: lock, check, fetch, merge, commit. Sets
/// `tx_out` to the transaction (its lock held for the push). Sets `again`
/// when it renumbered a case of this desk whose id the server had taken
/// (one commit; the merge is then to be tried again).
Status MergeRound(const std::string& root, const SyncOptions& o, const SyncTarget& target,
                  std::optional<WriteTransaction>& tx_out, SyncOutcome& out, bool& again) {
  again = false;
  auto tx = WriteTransaction::Begin(root, o.write);
  if (!tx.ok()) return tx.status();
  out.recovered = out.recovered || tx->recovered();
  MEDIATE_RETURN_IF_ERROR(RequireCleanTree(tx->repo()));
  MEDIATE_RETURN_IF_ERROR(FetchRemote(root, target, o.access, o.progress));
  FaultPoint("sync-after-fetch");
  // The keys after the branch: every case just fetched had its key pushed
  // before it (case_key_sync.hpp); this desk's keys go up before its cases.
  auto keys = ExchangeCaseKeys(root, target, o.access, o.progress, o.author);
  if (!keys.ok()) return keys.status();
  out.case_keys_taken += keys->taken;
  auto theirs = RefTarget(root, target.tracking);
  if (!theirs.ok()) return theirs.status();
  auto head = tx->repo().HeadId();
  if (!head.ok()) return head.status();
  tx_out.emplace(std::move(tx).value());
  if (theirs->empty() || head->empty()) return Status::Ok();  // nothing there yet, or here

  auto store = Store::Open(root);
  if (!store.ok()) return store.status();
  const Settings settings = store->settings();
  const MergeStamp stamp{o.author.ToString(), o.now};
  const bool encrypted = store->Encrypted();
  std::vector<std::string> conflicted;
  std::size_t merged_files = 0;
  FileMergeFn merge_file = [&](const std::string& path, const std::string& base,
                               const std::string& ours,
                               const std::string& their) -> Result<std::string> {
    auto m = MergeStoreFile(path, base, ours, their, settings, stamp);
    if (!m.ok()) return m.status();
    if (encrypted) MEDIATE_RETURN_IF_ERROR(RefusePlainPersonalValues(path, m->text));
    ++merged_files;
    if (m->conflicts > 0) conflicted.push_back(path);
    return std::move(m->text);
  };
  auto merge = MergeIntoHead(root, *head, *theirs, merge_file);
  if (!merge.ok()) return merge.status();
  if (!merge->unmerged.empty()) {
    // A case file added on both sides is an id two desks of one office gave
    // to two cases: this desk's, never pushed, takes the next free number.
    for (const auto& u : merge->unmerged) {
      if (CaseIdOfPath(u.path).empty()) continue;
      auto at_base = merge->base.empty() ? Result<std::optional<std::string>>(std::nullopt)
                                         : tx_out->repo().ReadAt(merge->base, u.path);
      if (!at_base.ok()) return at_base.status();
      if (at_base->has_value()) continue;
      // The office registry gives the file number's word (file_number.hpp).
      MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
      auto done = RenumberTaken(*store, *tx_out, u.path, merge->theirs_changed, o);
      if (!done.ok()) return done.status();
      out.renumbered.push_back(*done);
      again = true;
      return Status::Ok();
    }
    std::vector<Diagnostic> diags;
    std::vector<std::string> paths;
    for (const auto& u : merge->unmerged) {
      diags.push_back({Severity::kError, {u.path, 0, 0}, "", u.reason});
      paths.push_back(u.path);
    }
    return Status::Rejected(
        Tr("cannot merge {0} into this store: {1} could not be merged; nothing was changed here "
           "(docs/offices.md, \"When sync cannot merge\")",
           target.remote, NameSome(paths)),
        std::move(diags));
  }
  if (merge->kind == MergeKind::kUpToDate) return Status::Ok();
  if (merge->kind == MergeKind::kFastForward && merge->changes.empty()) {
    // Theirs only added commits that change no file.
    MEDIATE_RETURN_IF_ERROR(tx_out->repo().FastForward({}, *head, *theirs));
    ++out.fast_forwards;
    return Status::Ok();
  }
  MEDIATE_RETURN_IF_ERROR(CheckMergedRecords(root, merge->changes, o.today));
  for (auto& c : merge->changes) {
    if (c.content)
      tx_out->Put(c.path, std::move(*c.content));
    else
      tx_out->Remove(c.path);
  }
  const std::size_t files = merge->changes.size();
  if (merge->kind == MergeKind::kFastForward) {
    tx_out->SetFastForward(*theirs);
    ++out.fast_forwards;
  } else {
    tx_out->SetMergeParent(*theirs);
    ++out.merges;
  }
  FaultPoint("sync-before-commit");
  auto commit = tx_out->Commit(o.author, MergeMessage(target, *theirs, files, conflicted.size()));
  if (!commit.ok()) return commit.status();
  out.changed += files;
  out.merged_files += merged_files;
  out.conflicted.insert(out.conflicted.end(), conflicted.begin(), conflicted.end());
  return Status::Ok();
}

/// After a sync, tops up the desk's reserved numbers (number_reserve.hpp)
/// while the server is at hand. A clone with no office of its own writes
/// nothing and reserves nothing.
Result<SyncOutcome> ReserveAfterSync(const std::string& root, const SyncOptions& o,
                                     SyncOutcome out) {
  auto store = Store::Open(root);
  if (!store.ok()) return store.status();
  MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
  auto office = store->WritingOffice(o.write.office);
  if (!office.ok()) return out;
  ReserveOptions r;
  r.access = o.access;
  r.progress = o.progress;
  r.author = o.author;
  r.now = o.now;
  r.today = o.today;
  r.office = *office;
  auto done = ReserveNumbers(root, r);
  if (!done.ok())
    return Status::Error(done.status().kind(),
                         Tr("{0} (the sync itself is done)", done.status().message()),
                         done.status().diagnostics());
  out.desk = done->desk;
  out.reserved = std::move(done->reserved);
  return out;
}

}  // namespace

Result<SyncOutcome> SyncStore(const std::string& root, const SyncOptions& given) {
  SyncOptions options = given;
  {
    // Opened first: its errors (another user's store: git's ownership
    // check) are the ones to show.
    auto repo = GitRepo::Open(root);
    if (!repo.ok()) return repo.status();
    if (options.access.token.empty())
      options.access.token = repo->ConfigString("mediate.token").value_or("");
    if (options.access.user.empty())
      options.access.user = repo->ConfigString("mediate.user").value_or("");
  }
  SyncOutcome out;
  auto target = FindSyncTarget(root);
  if (!target.ok()) return target.status();
  out.target = *target;
  std::string last_refusal;
  for (int round = 1; round <= options.max_rounds; ++round) {
    out.rounds = round;
    std::optional<WriteTransaction> tx;
    bool again = true;
    for (int pass = 0; again; ++pass) {
      if (pass > 1000) return Status::Internal("sync: renumbering does not end");
      tx.reset();
      MEDIATE_RETURN_IF_ERROR(MergeRound(root, options, *target, tx, out, again));
    }
    auto head = RefTarget(root, target->branch);
    if (!head.ok()) return head.status();
    out.head = *head;
    auto remote_head = RefTarget(root, target->tracking);
    if (!remote_head.ok()) return remote_head.status();
    if (out.head.empty() || out.head == *remote_head) {
      out.pushed = !out.head.empty();
      return ReserveAfterSync(root, options, std::move(out));  // the server has everything here
    }
    FaultPoint("sync-before-push");
    auto pushed = PushBranch(root, *target, options.access, options.progress);
    if (!pushed.ok()) {
      Status st = pushed.status();
      if (out.merges + out.fast_forwards == 0) return st;
      return Status::Io(
          Tr("{0} (the merge was committed here; sync again to push it)", st.message()));
    }
    FaultPoint("sync-after-push");
    if (!pushed->rejected) {
      out.pushed = true;
      return ReserveAfterSync(root, options, std::move(out));
    }
    last_refusal = pushed->reason;
  }
  return Status::Busy(
      TrN("the server {0} refused the push {1} time as other desks kept pushing (last: {2}); "
          "this clone holds the merged state: run sync again",
          "the server {0} refused the push {1} times as other desks kept pushing (last: {2}); "
          "this clone holds the merged state: run sync again",
          options.max_rounds, target->url, options.max_rounds, last_refusal));
}

}  // namespace mediate
