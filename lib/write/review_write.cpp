#include "review_write.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "i18n.hpp"
#include "team_commit.hpp"

namespace mediate {

Result<ReviewWriteOutcome> AddReview(StoreWrite& w, const Signature& op,
                                     const AddReviewRequest& request) {
  if (request.score < -1 || request.score > 100) return Status::Usage(_("--score is 0 to 100"));
  const Store& store = w.store();
  const std::string& id = request.case_id;
  auto found = store.FindCase(id);
  if (!found.ok()) return Status::NotFound(Tr("no case {0} in the store", id));
  ReviewWriteOutcome out;
  Review& r = out.review;
  r.case_id = id;
  r.date = request.date;
  r.reviewer = op.ToString();
  r.score = request.score;
  const VocabList& kinds = store.vocab().Get("review_finding");
  DiagnosticSink sink;
  for (const auto& f : request.findings) {
    if (const Term* t = kinds.Resolve(f)) {
      if (std::find(r.findings.begin(), r.findings.end(), t->code) == r.findings.end())
        r.findings.push_back(t->code);
    } else {
      sink.Error({_("review add"), 0, 0}, "--finding",
                 Tr("unknown finding \"{0}\"; known: {1}", f, kinds.KnownValues()));
    }
  }
  r.individual = request.individual;
  r.note = request.note;
  MEDIATE_RETURN_IF_ERROR(
      sink.ToStatus(Tr("{0} error(s); nothing was written", sink.error_count())));
  if (r.findings.empty() && r.individual.empty() && request.score < 0 && request.note.empty())
    return Status::Usage(_("give the result: --score, --finding, --individual or --note"));
  bool exists = store.ReadText(r.Path()).ok();
  if (exists && !request.replace)
    return Status::Rejected(
        Tr("{0} already has a review recorded in {1} ({2}); give --replace to replace it", id,
           request.date.year(), r.Path()));
  w.Put(r.Path(), r.ToValue());
  out.subject = fmt::format("review add: {} {} typed, {} individual", id, r.findings.size(),
                            r.individual.size());
  auto commit = w.Commit(op, out.subject + Trailers("review-add", {"Mediate-Case: " + id}));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
