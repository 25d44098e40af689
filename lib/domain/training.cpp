#include "training.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "csv_table.hpp"
#include "i18n.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"
#include "store.hpp"
#include "vocab.hpp"

namespace mediate {

std::optional<int> ParseHoursTenths(std::string_view text) {
  if (text.empty() || text.size() > 8) return std::nullopt;
  int whole = 0, tenths = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    whole = whole * 10 + (text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  if (i < text.size()) {
    if (text.size() != i + 2 || text[i + 1] < '0' || text[i + 1] > '9') return std::nullopt;
    tenths = text[i + 1] - '0';
  }
  int total = whole * 10 + tenths;
  if (total <= 0) return std::nullopt;
  return total;
}

std::string FormatHours(std::int64_t tenths) {
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10 != 0) s += "." + std::to_string(tenths % 10);
  return s;
}

Result<Training> Training::FromValue(const Value& root, const std::string& file,
                                     const Vocabulary& vocab, DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Training t;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(Tr("bad training {0}", file));
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != "training/1")
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, "training/1"));
  t.id = r.String(root, "id", "", true);
  t.date = r.DateField(root, "date", "", true);
  t.kind = r.Code(root, "kind", "", vocab.Get("training_kind"), true);
  t.title = r.String(root, "title", "", true);
  t.level = r.Code(root, "level", "", vocab.level());
  if (const Value* h = root.Find("hours"); h && h->is_scalar() && !h->quoted()) {
    if (auto tenths = ParseHoursTenths(h->text())) {
      t.hours_tenths = *tenths;
    } else {
      r.Error(*h, "hours", Tr("{0} is not a number of hours (6, 1.5)", h->text()));
    }
  } else {
    r.Error(h ? *h : root, "hours", _("is required: a number of hours, unquoted (6, 1.5)"));
  }
  t.lecturer = r.String(root, "lecturer", "");
  t.lecturer_name = r.String(root, "lecturer_name", "");
  t.attendees = r.Strings(root, "attendees", "");
  std::set<std::string> seen;
  for (const auto& a : t.attendees)
    if (!seen.insert(a).second)
      r.Error(*root.Find("attendees"), "attendees", Tr("{0} is listed twice", a));
  if (t.date.valid() && !t.id.empty() && file.rfind("trainings/", 0) == 0 && file != t.Path())
    r.Error(*root.Find("id"), "id",
            Tr("the file of {0} held on {1} belongs at {2}", t.id, t.date.ToString(), t.Path()));
  t.extra = r.KeepUnknownKeys(root, "",
                              {"schema", "id", "date", "kind", "title", "level", "hours",
                               "lecturer", "lecturer_name", "attendees"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad training {0}", file)));
  if (warnings) warnings->Append(sink.items());
  return t;
}

Value Training::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String("training/1"));
  v.Set("id", Value::String(id));
  v.Set("date", Value::String(date.ToString()));
  v.Set("kind", Value::String(kind));
  v.Set("title", Value::String(title));
  v.SetIfNotEmpty("level", level);
  v.Set("hours", Value::Scalar(FormatHours(hours_tenths), false));
  v.SetIfNotEmpty("lecturer", lecturer);
  v.SetIfNotEmpty("lecturer_name", lecturer_name);
  v.Set("attendees", Value::Strings(attendees));
  WriteUnknownKeys(extra, &v);
  return v;
}

std::string Training::Path() const {
  char year[16];
  std::snprintf(year, sizeof year, "%04d", date.valid() ? date.year() : 0);
  return std::string("trainings/") + year + "/" + id + ".yaml";
}

void CheckTrainingReferences(const Training& t, const MediatorRegistry& mediators,
                             const Location& where, DiagnosticSink* sink) {
  if (!t.lecturer.empty() && t.lecturer != "external" && !mediators.count(t.lecturer))
    sink->Error(where, "lecturer",
                Tr("unknown mediator {0} (a mediator id, or \"external\")", t.lecturer));
  std::string unknown;
  std::size_t n = 0;
  for (const auto& a : t.attendees) {
    if (mediators.count(a)) continue;
    if (++n <= 5) unknown += (unknown.empty() ? "" : ", ") + a;
  }
  if (n > 5) unknown += Tr(", … ({0} in all)", n);
  if (n) sink->Error(where, "attendees", Tr("not on the roster: {0}", unknown));
}

Result<std::vector<Training>> ReadTrainingsCsv(const std::string& text, const std::string& file,
                                               const Vocabulary& vocab,
                                               const MediatorRegistry& mediators) {
  auto table = CsvTable::Parse(text, file);
  if (!table.ok()) return table.status();
  MEDIATE_RETURN_IF_ERROR(
      table->Require({"id", "date", "kind", "title", "level", "hours", "lecturer", "attendees"}));
  DiagnosticSink sink;
  std::vector<Training> out;
  std::map<std::string, int> seen;
  const VocabList& kinds = vocab.Get("training_kind");
  for (const auto& row : table->rows()) {
    auto where = table->Where(row);
    Training t;
    t.id = table->Cell(row, "id");
    if (t.id.empty()) sink.Error(where, "id", _("a session needs an id (T-2020-001)"));
    std::string date = table->Cell(row, "date");
    if (auto d = Date::Parse(date)) {
      t.date = *d;
    } else {
      sink.Error(where, "date", Tr("\"{0}\" is not a date (YYYY-MM-DD)", date));
    }
    std::string kind = table->Cell(row, "kind");
    if (const Term* k = kinds.Resolve(kind)) {
      t.kind = k->code;
    } else {
      sink.Error(where, "kind",
                 Tr("unknown training kind \"{0}\"; known: {1}", kind, kinds.KnownValues()));
    }
    t.title = table->Cell(row, "title");
    if (t.title.empty()) sink.Error(where, "title", _("a session needs a title"));
    std::string level = table->Cell(row, "level");
    if (!level.empty()) {
      if (const Term* l = vocab.level().Resolve(level)) {
        t.level = l->code;
      } else {
        sink.Error(where, "level",
                   Tr("unknown level \"{0}\"; known: {1}", level, vocab.level().KnownValues()));
      }
    }
    std::string hours = table->Cell(row, "hours");
    if (auto h = ParseHoursTenths(hours)) {
      t.hours_tenths = *h;
    } else {
      sink.Error(where, "hours", Tr("\"{0}\" is not a number of hours (6, 1.5)", hours));
    }
    t.lecturer = table->Cell(row, "lecturer");
    t.lecturer_name = table->Cell(row, "lecturer_name");
    t.attendees = SplitList(table->Cell(row, "attendees"));
    std::set<std::string> once;
    for (const auto& a : t.attendees)
      if (!once.insert(a).second) sink.Error(where, "attendees", Tr("{0} is listed twice", a));
    CheckTrainingReferences(t, mediators, where, &sink);
    if (!t.id.empty()) {
      if (auto [it, fresh] = seen.emplace(t.id, row.line); !fresh)
        sink.Error(where, "id", Tr("duplicate id {0} (first at line {1})", t.id, it->second));
    }
    out.push_back(std::move(t));
  }
  const std::size_t errors = sink.error_count();
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(TrN("{0} error in {1}", "{0} errors in {1}", errors, errors, file)));
  return out;
}

TrainingImportPlan PlanTrainingImport(const std::vector<Training>& existing,
                                      const std::vector<Training>& incoming) {
  std::map<std::string, const Training*> by_id;
  for (const auto& t : existing) by_id[t.id] = &t;
  TrainingImportPlan plan;
  for (const auto& given : incoming) {
    auto it = by_id.find(given.id);
    if (it == by_id.end()) {
      plan.added.push_back(given);
      continue;
    }
    Training t = given;
    t.extra = it->second->extra;
    if (it->second->ToValue().SameAs(t.ToValue())) {
      ++plan.unchanged;
    } else {
      if (it->second->Path() != t.Path()) plan.moved_from.push_back(it->second->Path());
      plan.updated.push_back(t);
    }
  }
  return plan;
}

Result<std::vector<Training>> LoadTrainings(const Store& store) {
  DiagnosticSink sink;
  std::vector<Training> out;
  for (const auto& path : store.ListYearFiles("trainings")) {
    auto v = store.ReadYaml(path);
    if (!v.ok()) {
      sink.Append(v.status().diagnostics());
      if (v.status().diagnostics().empty()) sink.Error({path, 0, 0}, "", v.status().message());
      continue;
    }
    auto t = Training::FromValue(*v, path, store.vocab());
    if (!t.ok()) {
      Status st = t.status();
      for (const auto& d : st.diagnostics())
        if (d.severity == Severity::kError) sink.Add(d);
      continue;
    }
    out.push_back(std::move(t.value()));
  }
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(_("the store's training records have errors (run 'mediate "
                      "validate trainings')")));
  std::sort(out.begin(), out.end(), [](const Training& a, const Training& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  return out;
}

}  // namespace mediate
