// `review add`: records the result of a case-quality review (案件质量评查)
// at reviews/<year>/<case id>.yaml, one library operation on a StoreWrite
// making one commit:
//
//   review add: <case id> <n> typed, <m> individual\n\nMediate-Action: review-add\n
//       Mediate-Case: <case id>\n
#pragma once

#include <string>
#include <vector>

#include "review_record.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// The review's result as given; at least one of score, findings,
/// individual, note.
struct AddReviewRequest {
  std::string case_id;
  Date date;                            ///< local date of the review
  int score = -1;                       ///< 0 to 100; -1 for none
  std::vector<std::string> findings;    ///< codes or labels of the review_finding vocabulary
  std::vector<std::string> individual;  ///< individual (non-typed) findings, free text
  std::string note;
  bool replace = false;  ///< replace a review of the same case and year
};

/// What `review add` wrote.
struct ReviewWriteOutcome {
  std::string commit;   ///< full commit id
  std::string subject;  ///< first line of the commit message
  Review review;        ///< the record as written (reviewer: the operator)
};

/// Records a review by `op`. kNotFound for an unknown case; kRejected for
/// unknown findings (each a diagnostic naming --finding) or when the case
/// already has a review that year and `replace` is false; kUsage when no
/// result is given or the score is outside 0–100.
Result<ReviewWriteOutcome> AddReview(StoreWrite& w, const Signature& op,
                                     const AddReviewRequest& request);

}  // namespace mediate
