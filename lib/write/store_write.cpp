#include "store_write.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "case_key_ref.hpp"
#include "case_record.hpp"
#include "git_remote.hpp"
#include "git_repo.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "number_ref.hpp"
#include "parallel.hpp"
#include "validate.hpp"
#include "write_transaction.hpp"
#include "yaml_io.hpp"

namespace mediate {

struct StoreWrite::Impl {
  Store* store = nullptr;
  std::optional<WriteTransaction> tx;  // none for a dry run
  WriteOptions options;
  Date today;
  std::string office;
  /// A staged record: its value, and its YAML — emitted by Commit (sealed
  /// first in an encrypted store), or given as it is by PutText.
  struct Staged {
    std::string text;
    Value value;
  };
  /// Staged paths in the order of their first Put/Remove; nullopt = removal.
  std::vector<std::string> order;
  std::map<std::string, std::optional<Staged>> staged;
  std::map<std::string, std::set<int>> handed;  // series -> numbers handed out in this write
  std::optional<NumberBlocks> blocks;           // the desk's reserved blocks, read once
  std::string desk;                             // git config mediate.desk
  NumberReserver reserver;                      // asked when the desk's blocks run short
  bool allow_conflicts = false;
  std::map<std::string, CaseKeyEntry> case_keys;  // made or staged, by name
};

StoreWrite::~StoreWrite() = default;
StoreWrite::StoreWrite(StoreWrite&&) noexcept = default;
StoreWrite& StoreWrite::operator=(StoreWrite&&) noexcept = default;

Result<StoreWrite> StoreWrite::Begin(Store& store, const WriteOptions& options, Date today) {
  auto tx = WriteTransaction::Begin(store.root(), options);
  if (!tx.ok()) return tx.status();
  // The registries are read under the lock, never before it.
  MEDIATE_RETURN_IF_ERROR(store.LoadRegistries());
  auto office = store.WritingOffice(options.office);
  if (!office.ok()) return office.status();
  StoreWrite w;
  w.impl_ = std::make_unique<Impl>();
  w.impl_->store = &store;
  w.impl_->tx.emplace(std::move(tx.value()));
  w.impl_->options = options;
  w.impl_->today = today;
  w.impl_->office = std::move(office.value());
  return w;
}

Result<StoreWrite> StoreWrite::DryRun(Store& store, Date today, const WriteOptions& options) {
  MEDIATE_RETURN_IF_ERROR(store.LoadRegistries());
  auto office = store.WritingOffice(options.office);
  if (!office.ok()) return office.status();
  StoreWrite w;
  w.impl_ = std::make_unique<Impl>();
  w.impl_->store = &store;
  w.impl_->options = options;
  w.impl_->today = today;
  w.impl_->office = std::move(office.value());
  return w;
}

const Store& StoreWrite::store() const { return *impl_->store; }
bool StoreWrite::dry_run() const { return !impl_->tx.has_value(); }
Date StoreWrite::today() const { return impl_->today; }
const std::string& StoreWrite::office() const { return impl_->office; }

std::optional<std::string> StoreConfigString(const std::string& root, const std::string& key) {
  auto repo = GitRepo::Open(root);
  if (!repo.ok()) return std::nullopt;
  return repo->ConfigString(key);
}

void StoreWrite::Put(const std::string& path, Value record) {
  // Emitted when it is written (Commit), once, after any sealing.
  auto [it, fresh] =
      impl_->staged.insert_or_assign(path, Impl::Staged{std::string(), std::move(record)});
  (void)it;
  if (fresh) impl_->order.push_back(path);
}

void StoreWrite::PutText(const std::string& path, std::string text) {
  auto [it, fresh] = impl_->staged.insert_or_assign(path, Impl::Staged{std::move(text), Value()});
  (void)it;
  if (fresh) impl_->order.push_back(path);
}

void StoreWrite::Remove(const std::string& path) {
  auto [it, fresh] = impl_->staged.insert_or_assign(path, std::nullopt);
  (void)it;
  if (fresh) impl_->order.push_back(path);
}

std::size_t StoreWrite::size() const { return impl_->staged.size(); }

void StoreWrite::AllowConflicts() { impl_->allow_conflicts = true; }

Result<std::string> StoreWrite::NextCaseId(int year) {
  auto ids = NextCaseIds(year, 1);
  if (!ids.ok()) return ids.status();
  return std::move(ids->front());
}

Result<std::vector<std::string>> StoreWrite::NextCaseIds(int year, std::size_t count) {
  const std::string& office = impl_->office;
  auto numbers =
      TakeNumbers(CaseSeries(office, year), impl_->store->CaseNumbers(office, year), count);
  if (!numbers.ok()) return numbers.status();
  std::vector<std::string> ids;
  ids.reserve(count);
  for (int n : *numbers) ids.push_back(FormatCaseId(office, year, n));
  return ids;
}

Result<std::vector<int>> StoreWrite::TakeNumbers(const std::string& series,
                                                 const std::set<int>& used, std::size_t count) {
  std::set<int>& handed = impl_->handed[series];
  std::set<int> taken = used;
  taken.insert(handed.begin(), handed.end());
  std::vector<int> out;
  const std::string& root = impl_->store->root();
  if (!HasRemote(root)) {
    int next = taken.empty() ? 1 : *taken.rbegin() + 1;
    for (std::size_t i = 0; i < count; ++i) out.push_back(next++);
    handed.insert(out.begin(), out.end());
    return out;
  }
  auto read_blocks = [&]() -> Status {
    auto record = ReadNumberBlocks(root, kNumbersLocalRef);
    if (!record.ok()) return record.status();
    impl_->blocks = std::move(record->record);
    impl_->desk = DeskName(root);
    return Status::Ok();
  };
  if (!impl_->blocks) MEDIATE_RETURN_IF_ERROR(read_blocks());
  out = FreeNumbers(*impl_->blocks, series, impl_->desk, taken, count);
  std::string why;
  if (out.size() < count && dry_run()) {
    // A preview: the numbers a reservation would most likely give.
    int next = taken.empty() ? 0 : *taken.rbegin();
    for (const auto& b : impl_->blocks->blocks)
      if (b.series == series) next = std::max(next, b.last);
    while (out.size() < count) out.push_back(++next);
  }
  if (out.size() < count && impl_->reserver) {
    Status st = impl_->reserver(series, count - out.size());
    if (st.ok()) {
      MEDIATE_RETURN_IF_ERROR(read_blocks());
      out = FreeNumbers(*impl_->blocks, series, impl_->desk, taken, count);
    } else {
      why = st.message();
    }
  }
  if (out.size() < count) {
    // The series as its IDs read: "XJY-2026-…", "M-…".
    std::string form = SeriesId(series, 0);
    while (!form.empty() && form.back() == '0') form.pop_back();
    std::string message =
        TrN("this desk has {0} free number of the form {1} left and needs {2}: connect to the "
            "district's server and run the command again, which reserves what is missing, or "
            "'mediate sync' (docs/offices.md, \"Numbers that never collide\"); nothing was written",
            "this desk has {0} free numbers of the form {1} left and needs {2}: connect to the "
            "district's server and run the command again, which reserves what is missing, or "
            "'mediate sync' (docs/offices.md, \"Numbers that never collide\"); nothing was written",
            out.size(), out.size(), form + "…", count);
    if (!why.empty()) message = Tr("{0} (reserving more failed: {1})", message, why);
    return Status::Rejected(std::move(message));
  }
  handed.insert(out.begin(), out.end());
  return out;
}

void StoreWrite::PutCaseKey(CaseKeyEntry entry) {
  std::string id = entry.id;
  impl_->case_keys[id] = std::move(entry);
}

void StoreWrite::SetNumberReserver(NumberReserver reserver) {
  impl_->reserver = std::move(reserver);
}

Status StoreWrite::Renew(const std::string& holder) {
  if (dry_run()) return Status::Ok();
  impl_->tx.reset();  // releases the lock
  impl_->staged.clear();
  impl_->order.clear();
  impl_->handed.clear();
  impl_->blocks.reset();
  impl_->case_keys.clear();
  impl_->options.holder = holder;
  auto tx = WriteTransaction::Begin(impl_->store->root(), impl_->options);
  if (!tx.ok()) return tx.status();
  impl_->tx.emplace(std::move(tx.value()));
  return Status::Ok();
}

Status StoreWrite::SealStaged() {
  const Store& store = *impl_->store;
  if (!store.Encrypted()) return Status::Ok();
  // The case files holding a plain value; the key is asked for once.
  std::vector<Impl::Staged*> plain;
  std::vector<const std::string*> paths;
  for (const auto& path : impl_->order) {
    auto& content = impl_->staged.at(path);
    if (!content || content->value.is_null()) continue;
    if (path.rfind("cases/", 0) != 0 && path.rfind("consultations/", 0) != 0) continue;
    if (PlainPersonalPaths(content->value).empty()) continue;
    plain.push_back(&*content);
    paths.push_back(&path);
  }
  if (plain.empty()) return Status::Ok();
  auto keys = store.Keys();
  if (!keys.ok())
    return Status::Rejected(
        Tr("{0} holds personal data, which this store keeps sealed: {1}; nothing was written",
           *paths.front(), keys.status().message()));
  // Sealed and written out on every core: an import seals thousands.
  std::vector<Status> sealed(plain.size());
  std::vector<CaseKeyEntry> made(plain.size());
  ParallelFor(plain.size(), plain.size() < 64 ? 1 : 0, 16, [&](std::size_t i) {
    sealed[i] = SealCaseRecord(plain[i]->value, **keys, &made[i]);
    if (sealed[i].ok()) plain[i]->text = EmitYaml(plain[i]->value);
  });
  for (std::size_t i = 0; i < plain.size(); ++i)
    if (!sealed[i].ok())
      return Status::Rejected(Tr("{0}: {1}; nothing was written", *paths[i], sealed[i].message()));
  for (auto& key : made)
    if (!key.id.empty()) PutCaseKey(std::move(key));
  return Status::Ok();
}

Result<std::string> StoreWrite::Commit(const Signature& op, const std::string& message) {
  // 0. A case holding a conflict a merge recorded takes no write but the one
  //    that settles it (AllowConflicts).
  if (!impl_->allow_conflicts) {
    for (const auto& path : impl_->order) {
      const auto& content = impl_->staged.at(path);
      if (!content || path.rfind("cases/", 0) != 0) continue;
      const Value* cf = content->value.Find("conflicts");
      if (!cf || !cf->is_sequence() || cf->items().empty()) continue;
      std::string id = path.substr(path.rfind('/') + 1);
      id.resize(id.size() - 5);
      return Status::Rejected(
          Tr("{0} has {1} unresolved conflict(s) from a merge ('mediate conflicts' lists them): "
             "settle them first with 'mediate resolve {0} --take ours|theirs'; nothing was "
             "written",
             id, cf->items().size()));
    }
  }
  // 1. Every staged record checked as `mediate validate` would check it.
  std::vector<const std::string*> paths;
  std::set<std::string> pending_cases;
  for (const auto& path : impl_->order) {
    const auto& content = impl_->staged.at(path);
    if (!content || content->value.is_null()) continue;  // removed, or PutText
    paths.push_back(&path);
    if (path.rfind("cases/", 0) == 0) {
      auto slash = path.rfind('/');
      std::string name = path.substr(slash + 1);
      if (name.size() > 5) pending_cases.insert(name.substr(0, name.size() - 5));
    }
  }
  // The values first (no parse); a record with an error is checked again
  // from its text, for diagnostics with line and column.
  std::vector<DiagnosticSink> sinks(paths.size());
  ParallelFor(paths.size(), paths.size() < 64 ? 1 : 0, 16, [&](std::size_t i) {
    const Impl::Staged& staged = *impl_->staged.at(*paths[i]);
    CheckRecordValue(*impl_->store, *paths[i], staged.value, impl_->today, pending_cases,
                     &sinks[i]);
    if (!sinks[i].has_errors()) return;
    sinks[i] = DiagnosticSink();
    CheckRecordText(*impl_->store, *paths[i], EmitYaml(staged.value), impl_->today, pending_cases,
                    &sinks[i]);
  });
  std::vector<Diagnostic> errors;
  std::vector<std::string> bad_files;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    bool bad = false;
    for (const auto& d : sinks[i].items())
      if (d.severity == Severity::kError) {
        errors.push_back(d);
        bad = true;
      }
    if (bad) bad_files.push_back(*paths[i]);
  }
  if (!bad_files.empty()) {
    std::string list;
    for (const auto& f : bad_files) list += (list.empty() ? "" : ", ") + f;
    return Status::Rejected(
        Tr("{0} file(s) would not pass validation; nothing written: {1}", bad_files.size(), list),
        std::move(errors));
  }
  if (dry_run()) return std::string();
  // 2. In an encrypted store, the personal values are sealed after the checks
  //    saw them plain (docs/personal-data.md); asking for the key only when
  //    a value is plain.
  if (Status sealed = SealStaged(); !sealed.ok()) return sealed;
  if (!impl_->case_keys.empty()) {
    std::vector<CaseKeyEntry> keys;
    for (auto& [id, key] : impl_->case_keys) keys.push_back(std::move(key));
    impl_->case_keys.clear();
    const std::string subject = message.substr(0, message.find('\n'));
    MEDIATE_RETURN_IF_ERROR(WriteCaseKeys(impl_->store->root(), keys, op,
                                          "case keys: " + std::to_string(keys.size()) + " for \"" +
                                              subject + "\"\n\nMediate-Action: case-keys\n"));
  }
  // 3. Write durably and commit once.
  for (const auto& path : impl_->order) {
    auto& content = impl_->staged.at(path);
    if (content && !content->value.is_null() && content->text.empty())
      impl_->tx->Put(path, EmitYaml(content->value));
    else if (content)
      impl_->tx->Put(path, std::move(content->text));
    else
      impl_->tx->Remove(path);
  }
  impl_->staged.clear();
  impl_->order.clear();
  return impl_->tx->Commit(op, message);
}

}  // namespace mediate
