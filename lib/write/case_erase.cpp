#include "case_erase.hpp"

#include "case_key.hpp"
#include "case_record.hpp"
#include "erasure.hpp"
#include "i18n.hpp"
#include "key_ring.hpp"
#include "timeline.hpp"

namespace mediate {

namespace {

/// `s` without the white space around it.
std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

Result<EraseOutcome> EraseCase(StoreWrite& w, const Signature& op, const EraseRequest& given) {
  EraseRequest request = given;
  request.reason = Trimmed(request.reason);
  request.basis = Trimmed(request.basis);
  if (request.reason.empty())
    return Status::Usage(_("--reason is required: why the personal data is erased"));
  if (!given.basis.empty() && request.basis.empty())
    return Status::Usage(_("--basis is blank: name the legal ground, or leave --basis out"));
  const Store& store = w.store();
  const Settings& settings = store.settings();
  auto loaded = store.LoadCase(request.id);
  if (!loaded.ok()) return loaded.status();
  Case c = std::move(loaded->record);
  MEDIATE_RETURN_IF_ERROR(
      CheckErasure(c, settings, settings.time_zone.LocalDate(request.now), request.basis));
  const Value* key = c.data_key.is_map() ? c.data_key.Find("key") : nullptr;
  const Value* bound = c.data_key.is_map() ? c.data_key.Find("case") : nullptr;
  if (c.data_key.is_null() || c.sealed.empty())
    return Status::Rejected(
        Tr("{0} holds no sealed personal data: erasure destroys a case's key, and this case's "
           "values are not sealed ('mediate key init' and 'mediate encrypt' seal them); nothing "
           "was written",
           c.id));
  if (!key || !key->is_scalar() || !IsCaseKeyId(key->text()))
    return Status::Rejected(
        Tr("{0}'s key is kept in its own file, as an earlier version sealed it, and the store's "
           "history keeps that file: erasing it cannot destroy the key; nothing was written",
           c.id));
  // Erasing is an office's act: its key, unlocked and not revoked.
  auto ring = store.Keys();
  if (!ring.ok()) return ring.status();
  if ((*ring)->revoked())
    return Status::Rejected(
        Tr("office {0}'s key was revoked: it erases nothing; an active office "
           "does it; nothing was written",
           (*ring)->office()));
  EraseOutcome out;
  out.id = c.id;
  out.path = loaded->path;
  out.key = key->text();
  const Timestamp at = settings.time_zone.ToLocal(request.now);
  CaseKeyEntry tomb;
  tomb.id = out.key;
  tomb.case_id = bound && bound->is_scalar() ? bound->text() : c.id;
  tomb.erased = at.ToString();
  w.PutCaseKey(tomb);

  Event e;
  e.at = at;
  e.type = CodeOf(EventKind::kErased);
  e.by = op.ToString();
  e.payload.Set("reason", Value::String(request.reason));
  e.payload.SetIfNotEmpty("basis", request.basis);
  c.events.push_back(std::move(e));
  // No lookup finds the case once its data is gone.
  for (auto& sv : c.sealed)
    if (sv.node.is_map()) sv.node.Erase("hash");
  w.Put(out.path, CaseToValue(c));
  auto commit = w.Commit(op, "erase: " + c.id + " (personal data)\n\nMediate-Action: erase\n" +
                                 "Mediate-Case: " + c.id + "\n");
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
