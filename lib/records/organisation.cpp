#include "organisation.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"
#include "vocab.hpp"

namespace mediate {

Result<Organisation> Organisation::FromValue(const Value& root, const std::string& file,
                                             const Vocabulary& vocab, DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Organisation o;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(_("bad organisation"));
  o.id = r.String(root, "id", "", true);
  o.name = r.String(root, "name", "", true);
  o.kind = r.Code(root, "kind", "", vocab.Get("org_kind"), true);
  o.level = r.Code(root, "level", "", vocab.level(), true);
  o.street = r.String(root, "street", "");
  o.community = r.String(root, "community", "");
  o.specialties = r.Strings(root, "specialties", "");
  for (const auto& c : o.specialties)
    if (!vocab.category().Has(c))
      r.Error(*root.Find("specialties"), "specialties", Tr("unknown category \"{0}\"", c));
  o.parent = r.String(root, "parent", "");
  std::string status = r.String(root, "status", "");
  if (!status.empty()) o.status = status;
  if (o.status != "active" && o.status != "retired")
    r.Error(*root.Find("status"), "status",
            Tr("status is active or retired, not \"{0}\"", o.status));
  o.extra = r.KeepUnknownKeys(root, "",
                              {"schema", "id", "name", "kind", "level", "street", "community",
                               "specialties", "parent", "status"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad organisation {0}", file)));
  if (warnings) warnings->Append(sink.items());
  return o;
}

Value Organisation::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String("org/1"));
  v.Set("id", Value::String(id));
  v.Set("name", Value::String(name));
  v.Set("kind", Value::String(kind));
  v.Set("level", Value::String(level));
  v.SetIfNotEmpty("street", street);
  v.SetIfNotEmpty("community", community);
  if (!specialties.empty()) v.Set("specialties", Value::Strings(specialties).set_flow());
  v.SetIfNotEmpty("parent", parent);
  v.Set("status", Value::String(status));
  WriteUnknownKeys(extra, &v);
  return v;
}

}  // namespace mediate
