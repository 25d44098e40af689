#include "mediator.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"
#include "vocab.hpp"

namespace mediate {

Result<Mediator> Mediator::FromValue(const Value& root, const std::string& file,
                                     const Vocabulary& vocab, DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Mediator m;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(_("bad mediator"));
  m.id = r.String(root, "id", "", true);
  m.name = r.String(root, "name", "", true);
  m.sex = r.String(root, "sex", "");
  if (!m.sex.empty() && m.sex != "male" && m.sex != "female")
    r.Error(*root.Find("sex"), "sex", Tr("sex is male or female, not \"{0}\"", m.sex));
  m.born = r.DateField(root, "born", "");
  m.org = r.String(root, "org", "", true);
  m.role = r.Code(root, "role", "", vocab.Get("mediator_role"));
  m.employment = r.Code(root, "employment", "", vocab.Get("employment"));
  m.grade = static_cast<int>(r.Int(root, "grade", "", 0));
  if (m.grade < 0 || m.grade > 4)
    r.Error(*root.Find("grade"), "grade", _("grade is 1 (highest) to 4"));
  m.graded = r.DateField(root, "graded", "");
  m.specialties = r.Strings(root, "specialties", "");
  for (const auto& c : m.specialties)
    if (!vocab.category().Has(c))
      r.Error(*root.Find("specialties"), "specialties", Tr("unknown category \"{0}\"", c));
  m.lecturer = r.Bool(root, "lecturer", "", false);
  m.honours = r.Strings(root, "honours", "");
  m.filed = r.DateField(root, "filed", "");
  std::string status = r.String(root, "status", "");
  if (!status.empty()) m.status = status;
  if (m.status != "active" && m.status != "retired")
    r.Error(*root.Find("status"), "status",
            Tr("status is active or retired, not \"{0}\"", m.status));
  m.phone = r.String(root, "phone", "");
  m.education = r.String(root, "education", "");
  m.sanctions = r.Strings(root, "sanctions", "");
  m.term_end = r.DateField(root, "term_end", "");
  m.court_roster = r.Bool(root, "court_roster", "", false);
  m.retired = r.DateField(root, "retired", "");
  if (const Value* rs = root.Find("ratings"); rs && !rs->is_null()) {
    if (!rs->is_sequence()) {
      r.Error(*rs, "ratings", Tr("a list of {{grade, date, by, basis}} is expected"));
    } else {
      for (std::size_t i = 0; i < rs->items().size(); ++i) {
        const Value& item = rs->items()[i];
        std::string path = "ratings[" + std::to_string(i) + "]";
        if (!r.ExpectMap(item, path)) continue;
        Rating rt;
        rt.grade = static_cast<int>(r.Int(item, "grade", path, 0, true));
        if (rt.grade < 1 || rt.grade > 4)
          r.Error(item, JoinPath(path, "grade"), _("grade is 1 (highest) to 4"));
        rt.date = r.DateField(item, "date", path, true);
        rt.by = r.String(item, "by", path);
        rt.basis = r.String(item, "basis", path);
        rt.extra = r.KeepUnknownKeys(item, path, {"grade", "date", "by", "basis"});
        m.ratings.push_back(std::move(rt));
      }
    }
  }
  m.extra = r.KeepUnknownKeys(
      root, "", {"schema",   "id",           "name",    "sex",    "born",        "org",
                 "role",     "employment",   "grade",   "graded", "specialties", "lecturer",
                 "honours",  "filed",        "status",  "phone",  "education",   "sanctions",
                 "term_end", "court_roster", "retired", "ratings"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad mediator {0}", file)));
  if (warnings) warnings->Append(sink.items());
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
  v.SetIfNotEmpty("education", education);
  if (!sanctions.empty()) v.Set("sanctions", Value::Strings(sanctions));
  if (term_end.valid()) v.Set("term_end", Value::String(term_end.ToString()));
  if (court_roster) v.Set("court_roster", Value::Bool(true));
  if (retired.valid()) v.Set("retired", Value::String(retired.ToString()));
  if (!ratings.empty()) {
    Value list = Value::Sequence();
    for (const auto& rt : ratings) {
      Value item = Value::Map();
      item.Set("grade", Value::Int(rt.grade));
      item.Set("date", Value::String(rt.date.ToString()));
      item.SetIfNotEmpty("by", rt.by);
      item.SetIfNotEmpty("basis", rt.basis);
      WriteUnknownKeys(rt.extra, &item);
      list.Append(std::move(item.set_flow()));
    }
    v.Set("ratings", std::move(list));
  }
  WriteUnknownKeys(extra, &v);
  return v;
}

}  // namespace mediate
