#include "consultation.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "case_checks.hpp"
#include "case_record.hpp"
#include "i18n.hpp"
#include "personal_fields.hpp"
#include "pii.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"
#include "store.hpp"
#include "vocab.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {
constexpr const char* kSchema = "consultation/1";
}

Result<Consultation> Consultation::FromValue(const Value& given, const std::string& file,
                                             const Vocabulary& vocab) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Consultation c;
  if (!r.ExpectMap(given, "")) return sink.ToStatus(Tr("bad consultation {0}", file));
  // Read without its key: the sealed values as their masked forms.
  std::optional<Value> masked;
  if (const Value* dk = given.Find("data_key"); dk && !dk->is_null()) {
    masked = given;
    c.sealed = MaskPersonalValues(*masked);
    c.data_key = *dk;
  }
  const Value& root = masked ? *masked : given;
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != kSchema)
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, kSchema));
  c.id = r.String(root, "id", "", true);
  c.at = r.TimeField(root, "at", "", true);
  c.by = r.String(root, "by", "", true);
  if (const Value* who = root.Find("visitor"); who && r.ExpectMap(*who, "visitor")) {
    c.name = r.String(*who, "name", "visitor", true);
    c.phone = r.String(*who, "phone", "visitor");
    c.id_number = r.String(*who, "id_number", "visitor");
    // A sealed number was checked when it was written.
    bool sealed = false;
    for (const auto& sv : c.sealed) sealed = sealed || sv.path == "visitor.id_number";
    if (!c.id_number.empty() && !sealed) {
      IdNumberCheck check = CheckCitizenId(c.id_number);
      if (!check.valid)
        r.Error(*who->Find("id_number"), "visitor.id_number", c.id_number + " " + check.problem);
    }
    r.WarnUnknownKeys(*who, "visitor", {"name", "phone", "id_number"});
  } else if (!who) {
    r.Error(root, "visitor", Tr("is required: who asked ({{name: \"李某\", phone: \"…\"}})"));
  }
  c.category = r.String(root, "category", "");
  if (!c.category.empty() && !vocab.category().Has(c.category))
    r.Error(*root.Find("category"), "category",
            Tr("unknown category code \"{0}\"; known: {1}", c.category,
               vocab.category().KnownValues()));
  c.question = r.String(root, "question", "", true);
  c.advice = r.String(root, "advice", "", true);
  c.referred = r.String(root, "referred", "");
  c.case_id = r.String(root, "case", "");
  if (c.at.valid() && !c.id.empty() && file.rfind("consultations/", 0) == 0) {
    // The year directory must be the year in the id (the id's year is the local year asked).
    std::string year = c.id.size() >= 11 ? c.id.substr(c.id.size() - 11, 4) : "";
    if (file.compare(14, 4, year) != 0)
      r.Error(*root.Find("id"), "id", Tr("{0} belongs at consultations/{1}/{0}.yaml", c.id, year));
  }
  r.WarnUnknownKeys(root, "",
                    {"schema", "id", "data_key", "at", "by", "visitor", "category", "question",
                     "advice", "referred", "case"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad consultation {0}", file)));
  return c;
}

Value Consultation::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String(kSchema));
  v.Set("id", Value::String(id));
  if (!data_key.is_null()) v.Set("data_key", data_key);
  v.Set("at", Value::String(at.ToString()));
  v.Set("by", Value::String(by));
  Value who = Value::Map();
  who.Set("name", Value::String(name));
  who.SetIfNotEmpty("phone", phone);
  who.SetIfNotEmpty("id_number", id_number);
  v.Set("visitor", std::move(who.set_flow()));
  v.SetIfNotEmpty("category", category);
  v.Set("question", Value::String(question));
  v.Set("advice", Value::String(advice));
  v.SetIfNotEmpty("referred", referred);
  v.SetIfNotEmpty("case", case_id);
  RestoreSealedValues(v, sealed);
  return v;
}

std::string Consultation::PathIn(const TimeZone& tz) const {
  char year[16];
  Date d = tz.LocalDate(at);
  std::snprintf(year, sizeof year, "%04d", d.valid() ? d.year() : 0);
  return std::string("consultations/") + year + "/" + id + ".yaml";
}

Result<std::vector<Consultation>> LoadConsultations(const Store& store) {
  DiagnosticSink sink;
  std::vector<Consultation> out;
  for (const auto& path : store.ListYearFiles("consultations")) {
    auto v = store.ReadYaml(path);
    if (!v.ok()) {
      sink.Append(v.status().diagnostics());
      if (v.status().diagnostics().empty()) sink.Error({path, 0, 0}, "", v.status().message());
      continue;
    }
    if (const CaseKeySource* keys = store.OpenedKeys()) {
      if (Status opened = OpenCaseRecord(*v, *keys); !opened.ok()) {
        sink.Error({path, 0, 0}, "", opened.message());
        continue;
      }
    }
    auto c = Consultation::FromValue(*v, path, store.vocab());
    if (!c.ok()) {
      for (const auto& d : c.status().diagnostics())
        if (d.severity == Severity::kError) sink.Add(d);
      continue;
    }
    out.push_back(std::move(c.value()));
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(
      _("the store's consultation records have errors (run 'mediate validate consultations')")));
  std::sort(out.begin(), out.end(), [](const Consultation& a, const Consultation& b) {
    return a.at.unix_seconds != b.at.unix_seconds ? a.at.unix_seconds < b.at.unix_seconds
                                                  : a.id < b.id;
  });
  return out;
}

void CheckConsultation(const Consultation& c, const Vocabulary& vocab, DiagnosticSink* sink) {
  Location here{_("consult"), 0, 0};
  if (c.name.empty()) sink->Error(here, "--name", _("is required: who asked"));
  if (c.question.empty()) sink->Error(here, "--question", _("is required: what was asked"));
  if (c.advice.empty()) sink->Error(here, "--advice", _("is required: the advice given"));
  if (!c.category.empty() && !vocab.category().Has(c.category))
    sink->Error(
        here, "--category",
        Tr("unknown category \"{0}\"; known: {1}", c.category, vocab.category().KnownValues()));
  if (!c.id_number.empty()) {
    IdNumberCheck check = CheckCitizenId(c.id_number);
    if (!check.valid) sink->Error(here, "--id-number", c.id_number + " " + check.problem);
  }
}

Result<Case> DraftCaseFromConsultation(const Consultation& c, const ConsultToCase& in,
                                       Timestamp now) {
  if (!c.case_id.empty())
    return Status::Rejected(Tr("{0} already became case {1}", c.id, c.case_id));
  Case d;
  d.received = now;
  d.source = "application";
  d.category = in.category.empty() ? c.category : in.category;
  if (d.category.empty())
    return Status::Rejected(Tr("{0} records no category; give --category", c.id));
  d.summary = c.question;
  d.risk = in.risk;
  d.people_involved = in.people_involved;
  d.place.street = in.street;
  d.place.community = in.community;
  d.place.grid = in.grid;
  Party applicant;
  applicant.role = "applicant";
  applicant.kind = "person";
  applicant.name = c.name;
  applicant.id_number = c.id_number;
  applicant.phone = c.phone;
  d.parties.push_back(std::move(applicant));
  if (!in.respondent.empty()) {
    Party r;
    r.role = "respondent";
    r.kind = in.respondent_kind.empty() ? "person" : in.respondent_kind;
    r.name = in.respondent;
    d.parties.push_back(std::move(r));
  }
  return d;
}

ConsultationCounts CountConsultations(const std::vector<Consultation>& all, const TimeZone& tz) {
  ConsultationCounts out;
  for (const auto& c : all) {
    Date d = tz.LocalDate(c.at);
    for (ConsultationCount* k : {&out.by_year[d.valid() ? d.year() : 0], &out.total}) {
      ++k->consultations;
      if (!c.case_id.empty()) ++k->to_case;
      if (!c.referred.empty()) ++k->referred;
    }
  }
  return out;
}

}  // namespace mediate
