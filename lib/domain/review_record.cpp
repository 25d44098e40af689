#include "review_record.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "i18n.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"
#include "store.hpp"
#include "vocab.hpp"

namespace mediate {

Result<Review> Review::FromValue(const Value& root, const std::string& file,
                                 const Vocabulary& vocab, DiagnosticSink* warnings) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Review rv;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(Tr("bad review {0}", file));
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != "review/1")
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, "review/1"));
  rv.case_id = r.String(root, "case", "", true);
  rv.date = r.DateField(root, "date", "", true);
  rv.reviewer = r.String(root, "reviewer", "", true);
  if (root.Find("score")) {
    rv.score = static_cast<int>(r.Int(root, "score", "", -1));
    if (rv.score > 100) r.Error(*root.Find("score"), "score", _("a score is 0 to 100"));
  }
  rv.findings = r.Strings(root, "findings", "");
  const VocabList& kinds = vocab.Get("review_finding");
  for (const auto& f : rv.findings)
    if (!kinds.Has(f))
      r.Error(*root.Find("findings"), "findings",
              Tr("unknown finding \"{0}\"; known: {1}", f, kinds.KnownValues()));
  rv.individual = r.Strings(root, "individual", "");
  rv.note = r.String(root, "note", "");
  if (rv.date.valid() && !rv.case_id.empty() && file.rfind("reviews/", 0) == 0 && file != rv.Path())
    r.Error(*root.Find("case"), "case",
            Tr("the review of {0} recorded {1} belongs at {2}", rv.case_id, rv.date.ToString(),
               rv.Path()));
  rv.extra = r.KeepUnknownKeys(
      root, "", {"schema", "case", "date", "reviewer", "score", "findings", "individual", "note"});
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad review {0}", file)));
  if (warnings) warnings->Append(sink.items());
  return rv;
}

Value Review::ToValue() const {
  Value v = Value::Map();
  v.Set("schema", Value::String("review/1"));
  v.Set("case", Value::String(case_id));
  v.Set("date", Value::String(date.ToString()));
  v.Set("reviewer", Value::String(reviewer));
  if (score >= 0) v.Set("score", Value::Int(score));
  v.Set("findings", Value::Strings(findings).set_flow());
  v.Set("individual", Value::Strings(individual));
  v.SetIfNotEmpty("note", note);
  WriteUnknownKeys(extra, &v);
  return v;
}

std::string Review::Path() const {
  char year[16];
  std::snprintf(year, sizeof year, "%04d", date.valid() ? date.year() : 0);
  return std::string("reviews/") + year + "/" + case_id + ".yaml";
}

Result<std::vector<Review>> LoadReviews(const Store& store) {
  DiagnosticSink sink;
  std::vector<Review> out;
  for (const auto& path : store.ListYearFiles("reviews")) {
    auto v = store.ReadYaml(path);
    if (!v.ok()) {
      sink.Append(v.status().diagnostics());
      if (v.status().diagnostics().empty()) sink.Error({path, 0, 0}, "", v.status().message());
      continue;
    }
    auto rv = Review::FromValue(*v, path, store.vocab());
    if (!rv.ok()) {
      Status st = rv.status();
      for (const auto& d : st.diagnostics())
        if (d.severity == Severity::kError) sink.Add(d);
      continue;
    }
    out.push_back(std::move(rv.value()));
  }
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(_("the store's review records have errors (run 'mediate validate reviews')")));
  std::sort(out.begin(), out.end(), [](const Review& a, const Review& b) {
    return a.date != b.date ? a.date < b.date : a.case_id < b.case_id;
  });
  return out;
}

ReviewStats ComputeReviewStats(const std::vector<Review>& reviews, std::optional<int> year) {
  ReviewStats s;
  std::map<std::string, std::size_t> kinds;
  for (const auto& r : reviews) {
    if (year && (!r.date.valid() || r.date.year() != *year)) continue;
    ++s.files;
    s.typed += r.findings.size();
    s.individual += r.individual.size();
    if (!r.findings.empty() || !r.individual.empty()) ++s.files_with_problems;
    if (r.score >= 0) {
      s.score_sum += r.score;
      ++s.scored;
    }
    for (const auto& f : r.findings) ++kinds[f];
  }
  s.kinds.assign(kinds.begin(), kinds.end());
  std::stable_sort(s.kinds.begin(), s.kinds.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return s;
}

}  // namespace mediate
