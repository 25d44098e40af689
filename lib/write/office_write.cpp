#include "office_write.hpp"

#include "i18n.hpp"
#include "office.hpp"
#include "team_commit.hpp"

namespace mediate {

Result<OfficeWriteOutcome> AddOffice(StoreWrite& w, const Signature& op, Office draft) {
  const Store& store = w.store();
  if (!IsOfficeCode(draft.code))
    return Status::Usage(
        Tr("\"{0}\" is not an office code: an upper-case letter, then 1 to 5 upper-case letters "
           "or digits (e.g. XJY)",
           draft.code));
  if (store.offices().count(draft.code))
    return Status::Rejected(
        Tr("office {0} is already registered (see 'mediate office list')", draft.code));
  if (!draft.street.empty() && !store.areas().FindStreet(draft.street)) {
    if (const Street* s = store.areas().StreetByName(draft.street)) draft.street = s->code;
  }
  DiagnosticSink sink;
  Location where{draft.Path(), 0, 0};
  if (draft.name.empty()) sink.Error(where, "name", _("is required (--name)"));
  if (draft.file_no_word.empty())
    sink.Error(where, "file_no_word", _("is required (--word, 字号, e.g. 万小人调字)"));
  CheckOffice(draft, store.offices(), store.orgs(), store.areas(), where, &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s); nothing was written", sink.error_count())));
  OfficeWriteOutcome out;
  out.office = std::move(draft);
  out.subject = "office add: " + out.office.code + " " + out.office.name;
  if (w.dry_run()) return out;
  w.Put(out.office.Path(), out.office.ToValue());
  auto commit =
      w.Commit(op, out.subject + Trailers("office-add", {"Mediate-Office: " + out.office.code}));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
