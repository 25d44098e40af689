#include "mediator.hpp"

#include "record_reader.hpp"
#include "vocab.hpp"

namespace mediate {

Result<Mediator> Mediator::FromValue(const Value& root, const std::string& file,
                                     const Vocabulary& vocab) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Mediator m;
  if (!r.ExpectMap(root, "")) return sink.ToStatus("bad mediator");
  m.id = r.String(root, "id", "", true);
  m.name = r.String(root, "name", "", true);
  m.sex = r.String(root, "sex", "");
  if (!m.sex.empty() && m.sex != "male" && m.sex != "female")
    r.Error(*root.Find("sex"), "sex", "sex is male or female, not \"" + m.sex + "\"");
  m.born = r.DateField(root, "born", "");
  m.org = r.String(root, "org", "", true);
  m.role = r.Code(root, "role", "", vocab.Get("mediator_role"));
  m.employment = r.Code(root, "employment", "", vocab.Get("employment"));
  m.grade = static_cast<int>(r.Int(root, "grade", "", 0));
  if (m.grade < 0 || m.grade > 4)
    r.Error(*root.Find("grade"), "grade", "grade is 1 (highest) to 4");
  m.graded = r.DateField(root, "graded", "");
  m.specialties = r.Strings(root, "specialties", "");
  for (const auto& c : m.specialties)
    if (!vocab.category().Has(c))
      r.Error(*root.Find("specialties"), "specialties", "unknown category \"" + c + "\"");
  m.lecturer = r.Bool(root, "lecturer", "", false);
  m.honours = r.Strings(root, "honours", "");
  m.filed = r.DateField(root, "filed", "");
  std::string status = r.String(root, "status", "");
  if (!status.empty()) m.status = status;
  if (m.status != "active" && m.status != "retired")
    r.Error(*root.Find("status"), "status", "status is active or retired, not \"" + m.status + "\"");
  m.phone = r.String(root, "phone", "");
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus("bad mediator " + file));
  return m;
}

Value Mediator::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String("mediator/1"));
  v.Set("id", Value::String(id));
  v.Set("name", Value::String(name));
  v.SetIfNotEmpty("sex", sex);
  if (born.valid()) v.Set("born", Value::String(born.ToString()));
  v.Set("org", Value::String(org));
  v.SetIfNotEmpty("role", role);
  v.SetIfNotEmpty("employment", employment);
  if (grade > 0) v.Set("grade", Value::Int(grade));
  if (graded.valid()) v.Set("graded", Value::String(graded.ToString()));
  if (!specialties.empty()) v.Set("specialties", Value::Strings(specialties).set_flow());
  v.Set("lecturer", Value::Bool(lecturer));
  if (!honours.empty()) v.Set("honours", Value::Strings(honours).set_flow());
  if (filed.valid()) v.Set("filed", Value::String(filed.ToString()));
  v.Set("status", Value::String(status));
  v.SetIfNotEmpty("phone", phone);
  return v;
}

}  // namespace mediate
