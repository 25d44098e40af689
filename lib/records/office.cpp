#include "office.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"

namespace mediate {

bool IsOfficeCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 6) return false;
  if (code[0] < 'A' || code[0] > 'Z') return false;
  for (char c : code.substr(1))
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

Result<Office> Office::FromValue(const Value& root, const std::string& file,
                                 DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Office o;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(_("bad office"));
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != "office/1")
    r.Error(*root.Find("schema"), "schema",
            Tr("\"{0}\" is not a schema this version reads (office/1)", schema));
  o.code = r.String(root, "code", "", true);
  if (!o.code.empty() && !IsOfficeCode(o.code))
    r.Error(*root.Find("code"), "code",
            Tr("office code \"{0}\" must be an upper-case letter and 1 to 5 upper-case letters "
               "or digits",
               o.code));
  o.name = r.String(root, "name", "", true);
  o.org = r.String(root, "org", "");
  o.street = r.String(root, "street", "");
  o.file_no_word = r.String(root, "file_no_word", "", true);
  if (std::string status = r.String(root, "status", ""); !status.empty()) o.status = status;
  if (o.status != "active" && o.status != "retired")
    r.Error(*root.Find("status"), "status",
            Tr("status is active or retired, not \"{0}\"", o.status));
  o.extra = r.KeepUnknownKeys(
      root, "", {"schema", "code", "name", "org", "street", "file_no_word", "status"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad office {0}", file)));
  if (warnings) warnings->Append(sink.items());
  return o;
}

Value Office::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String("office/1"));
  v.Set("code", Value::String(code));
  v.Set("name", Value::String(name));
  v.SetIfNotEmpty("org", org);
  v.SetIfNotEmpty("street", street);
  v.Set("file_no_word", Value::String(file_no_word));
  v.Set("status", Value::String(status));
  WriteUnknownKeys(extra, &v);
  return v;
}

std::string ActiveOfficeCodes(const OfficeRegistry& offices) {
  std::string list;
  for (const auto& [code, o] : offices)
    if (o.status == "active") list += (list.empty() ? "" : ", ") + code;
  return list;
}

Status CheckOfficeChoice(const std::string& code, const std::string& from,
                         const OfficeRegistry& offices) {
  if (!IsOfficeCode(code))
    return Status::Usage(
        Tr("{0} \"{1}\" is not an office code (an upper-case letter, then 1 to 5 upper-case "
           "letters or digits, e.g. XJY); nothing was written",
           from, code));
  if (offices.empty()) return Status::Ok();  // a store from before the registry
  auto it = offices.find(code);
  if (it == offices.end())
    return Status::Usage(
        Tr("{0} \"{1}\" is not a registered office (registered: {2}; 'mediate office add' "
           "registers one); nothing was written",
           from, code, ActiveOfficeCodes(offices)));
  if (it->second.status != "active")
    return Status::Usage(
        Tr("{0} \"{1}\" is a retired office (registered: {2}); nothing was written", from, code,
           ActiveOfficeCodes(offices)));
  return Status::Ok();
}

Result<std::string> ChooseOffice(const OfficeSources& sources, const OfficeRegistry& offices) {
  std::string code, from;
  if (!sources.env.empty()) {
    code = sources.env;
    from = "MEDIATE_OFFICE";
  } else if (!sources.config.empty()) {
    code = sources.config;
    from = _("git config mediate.office");
  } else if (!sources.has_remote) {
    code = sources.settings;
    from = _("mediate.yaml office");
  } else {
    std::string known = ActiveOfficeCodes(offices);
    if (known.empty())
      return Status::Usage(
          _("this clone has no office of its own: a store with a remote is shared by several "
            "desks, so say which office this desk is with 'git config mediate.office CODE'; "
            "nothing was written"));
    return Status::Usage(
        Tr("this clone has no office of its own: a store with a remote is shared by several "
           "desks, so say which office this desk is with 'git config mediate.office CODE' "
           "(registered: {0}); nothing was written",
           known));
  }
  MEDIATE_RETURN_IF_ERROR(CheckOfficeChoice(code, from, offices));
  return code;
}

void CheckOffice(const Office& office, const OfficeRegistry& offices, const OrgRegistry& orgs,
                 const AreaRegistry& areas, const Location& where, DiagnosticSink* sink) {
  if (!office.org.empty() && !orgs.count(office.org))
    sink->Error(where, "org",
                Tr("unknown organisation \"{0}\" (see 'mediate org list')", office.org));
  if (!office.street.empty() && !areas.FindStreet(office.street))
    sink->Error(where, "street", Tr("unknown street \"{0}\"", office.street));
  for (const auto& [code, other] : offices) {
    if (code == office.code) continue;
    if (other.file_no_word == office.file_no_word)
      sink->Error(where, "file_no_word",
                  Tr("\"{0}\" is the file-number word of office {1} too: two offices with one "
                     "word would print the same file numbers",
                     office.file_no_word, code));
  }
}

}  // namespace mediate
