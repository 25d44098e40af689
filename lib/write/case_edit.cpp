#include "case_edit.hpp"

#include <algorithm>

#include "case_checks.hpp"
#include "case_index.hpp"
#include "case_record.hpp"
#include "disk.hpp"
#include "i18n.hpp"
#include "lifecycle.hpp"
#include "validate.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

/// Keys of a case file an edit may not change, and why (N_: translated where shown).
const std::vector<std::pair<std::string, const char*>> kProtected = {
    {"schema", N_("may not be changed by hand; mediate itself changes it")},
    {"id", N_("may not be changed by hand; mediate renumber changes it")},
    {"file_no", N_("may not be changed by hand; mediate itself changes it")},
    {"received",
     N_("may not be changed by hand; the received event (it places the file) changes it")},
    {"conflicts", N_("may not be changed by hand; mediate resolve changes it")},
    {"migrated", N_("may not be changed by hand; mediate import changes it")},
    {"status", N_("may not be changed by hand; the lifecycle commands (it is derived from the "
                  "events) changes it")},
    {"level", N_("may not be changed by hand; the lifecycle commands (it is derived from the "
                 "events) changes it")},
    {"org", N_("may not be changed by hand; the lifecycle commands (it is derived from the "
               "events) changes it")},
    {"mediators",
     N_("may not be changed by hand; mediate assign (it is derived from the events) changes it")},
    {"deadline",
     N_("may not be changed by hand; mediate extend (it is derived from the events) changes it")},
    {"events", N_("may not be changed by hand; the lifecycle commands (events are appended, never "
                  "rewritten) changes it")},
    {"import", N_("may not be changed by hand; mediate import changes it")},
};

/// Keys whose changes DescribeCaseChanges lists.
const std::vector<std::string> kDescribed = {"summary", "category", "source",          "risk",
                                             "place",   "amount",   "people_involved", "parties"};

/// The folder of edit copies: <git dir>/mediate/edit.
std::string EditDir(const Store& store) {
  std::string index = CaseIndexDir(store);  // <git dir>/mediate/index
  if (index.empty()) return "";
  return index.substr(0, index.rfind('/')) + "/edit";
}

std::string ScalarText(const Value* v) {
  if (!v) return "";
  if (v->is_map() || v->is_sequence()) return _("(changed)");
  return v->text();
}

}  // namespace

std::vector<FieldChange> DescribeRecordChanges(const Vocabulary& vocab, const std::string& path,
                                               const Value& before_v, const Value& after_v) {
  DiagnosticSink ignore;
  Case before = CaseFromValue(before_v, path, vocab, &ignore);
  Case after = CaseFromValue(after_v, path, vocab, &ignore);
  std::vector<FieldChange> changes = DescribeCaseChanges(before, after);
  // Every other key: its name, and its values when they are plain.
  std::vector<std::string> keys;
  for (const auto* m : {&before_v, &after_v})
    for (const auto& [k, v] : m->entries())
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  for (const auto& k : keys) {
    if (std::find(kDescribed.begin(), kDescribed.end(), k) != kDescribed.end()) continue;
    const Value* a = before_v.Find(k);
    const Value* b = after_v.Find(k);
    if ((a == nullptr) == (b == nullptr) && (!a || a->SameAs(*b))) continue;
    changes.push_back({k, ScalarText(a), ScalarText(b)});
  }
  return changes;
}

Result<CaseEdit> BeginCaseEdit(const Store& store, const std::string& id) {
  CaseEdit edit;
  edit.id = CanonicalCaseId(id);
  auto path = store.FindCase(edit.id);
  if (!path.ok()) return path.status();
  edit.path = *path;
  auto text = store.ReadText(edit.path);
  if (!text.ok()) return text.status();
  edit.original = *text;
  const std::string dir = EditDir(store);
  if (dir.empty()) return Status::NotFound(Tr("no git repository at {0}", store.root()));
  Disk& disk = CurrentDisk();
  if (Status st = disk.MakeDir(dir); !st.ok())
    return Status::Io(Tr("cannot create {0}: {1}", dir, st.message()));
  if (Status st = disk.SetMode(dir, 0700); !st.ok())
    return Status::Io(Tr("cannot restrict {0}: {1}", dir, st.message()));
  edit.scratch = dir + "/" + edit.id + ".yaml";
  if (Status st = disk.WriteFile(edit.scratch, edit.original, false); !st.ok())
    return Status::Io(Tr("cannot write {0}: {1}", edit.scratch, st.message()));
  if (Status st = disk.SetMode(edit.scratch, 0600); !st.ok())
    return Status::Io(Tr("cannot restrict {0}: {1}", edit.scratch, st.message()));
  return edit;
}

Result<std::vector<FieldChange>> CheckCaseEdit(const Store& store, const CaseEdit& edit,
                                               const std::string& edited, Date today) {
  std::vector<FieldChange> changes;
  if (edited == edit.original) return changes;
  DiagnosticSink sink;
  auto before_v = ParseYaml(edit.original, edit.path);
  auto after_v = ParseYaml(edited, edit.path);
  const bool was_readable = before_v.ok() && before_v->is_map();
  // What may not change by hand, first: the clearest word for such an edit.
  if (was_readable && after_v.ok() && after_v->is_map()) {
    for (const auto& [key, why] : kProtected) {
      const Value* a = before_v->Find(key);
      const Value* b = after_v->Find(key);
      if ((a == nullptr) != (b == nullptr) || (a && !a->SameAs(*b)))
        sink.Error(LocateField(*after_v, edit.path, key), key, _(why));
    }
    if (sink.has_errors())
      return sink.ToStatus(TrN("{0} field(s) changed that may not be; nothing was written",
                               "{0} field(s) changed that may not be; nothing was written",
                               sink.error_count(), sink.error_count()));
  }
  CheckRecordText(store, edit.path, edited, today, {}, &sink);
  if (sink.has_errors())
    return sink.ToStatus(TrN("{0} error(s) in the edited {1}; nothing was written",
                             "{0} error(s) in the edited {1}; nothing was written",
                             sink.error_count(), sink.error_count(), edit.path));
  if (!after_v.ok()) return after_v.status();
  if (!was_readable) {
    // The file was broken before: the mended text is the change.
    changes.push_back({"(whole file)", "unreadable", "mended"});
    return changes;
  }
  changes = DescribeRecordChanges(store.vocab(), edit.path, *before_v, *after_v);
  if (changes.empty()) changes.push_back({"(layout)", "", ""});  // same record, other text
  return changes;
}

Result<AmendOutcome> CommitCaseEdit(StoreWrite& w, const Signature& op, const CaseEdit& edit,
                                    const std::string& edited, const std::string& reason,
                                    Timestamp now) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  auto current = store.ReadText(edit.path);
  if (!current.ok()) return current.status();
  if (*current != edit.original)
    return Status::Busy(
        Tr("{0} changed while it was being edited (another write); your text is "
           "kept in {1}: run 'mediate edit {2}' again and carry your changes over",
           edit.path, edit.scratch, edit.id));
  auto changes = CheckCaseEdit(store, edit, edited, w.today());
  if (!changes.ok()) return changes.status();
  AmendOutcome out;
  out.id = edit.id;
  out.changes = *changes;
  if (out.changes.empty()) return out;
  auto value = ParseYaml(edited, edit.path);
  if (!value.ok()) return value.status();
  DiagnosticSink sink;
  Case c = CaseFromValue(*value, edit.path, store.vocab(), &sink);
  Event e;
  e.at = settings.time_zone.ToLocal(now);
  e.type = "amended";
  e.by = op.ToString();
  // The reason is read by people (history, show): in the operator's language.
  e.payload.Set("reason",
                Value::String(reason.empty() ? _("edited by hand (mediate edit)") : reason));
  e.payload.Set("changes", ChangesValue(out.changes));
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  if (w.dry_run()) return out;
  w.Put(edit.path, CaseToValue(c));
  std::string names;
  for (const auto& ch : out.changes) names += (names.empty() ? "" : ", ") + ch.field;
  auto commit = w.Commit(
      op, "edit: " + c.id + " " + names + "\n\nMediate-Action: edit\nMediate-Case: " + c.id + "\n");
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

void EndCaseEdit(const CaseEdit& edit) {
  if (!edit.scratch.empty()) (void)CurrentDisk().Remove(edit.scratch);
}

}  // namespace mediate
