#include "office_write.hpp"

#include "office.hpp"
#include "team_commit.hpp"

namespace mediate {

Result<OfficeWriteOutcome> AddOffice(StoreWrite& w, const Signature& op, Office draft) {
  const Store& store = w.store();
  if (!IsOfficeCode(draft.code))
    return Status::Usage("\"" + draft.code +
                         "\" is not an office code: an upper-case letter, then 1 to 5 upper-case "
                         "letters or digits (e.g. XJY)");
  if (store.offices().count(draft.code))
    return Status::Rejected("office " + draft.code +
                            " is already registered (see 'mediate office list')");
  if (!draft.street.empty() && !store.areas().FindStreet(draft.street)) {
    if (const Street* s = store.areas().StreetByName(draft.street)) draft.street = s->code;
  }
  DiagnosticSink sink;
  Location where{draft.Path(), 0, 0};
  if (draft.name.empty()) sink.Error(where, "name", "is required (--name)");
  if (draft.file_no_word.empty())
    sink.Error(where, "file_no_word", "is required (--word, 字号, e.g. 万小人调字)");
  CheckOffice(draft, store.offices(), store.orgs(), store.areas(), where, &sink);
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(std::to_string(sink.error_count()) + " error(s); nothing was written"));
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
