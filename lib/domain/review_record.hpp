// A reviewer's result for one case file (reviews/<yyyy>/<case-id>.yaml) and
// the review statistics (docs/law.md): files reviewed, typed problems
// (类型化问题: occurrences and kinds), individual problems (个性化问题), the
// most frequent kinds. The tables are laid out in review_tables.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Store;
class Vocabulary;

/// One review of one case file.
struct Review {
  std::string case_id;                  ///< the case reviewed
  Date date;                            ///< when the review was recorded
  std::string reviewer;                 ///< "Name <email>"
  int score = -1;                       ///< 0–100; -1 when not scored
  std::vector<std::string> findings;    ///< typed problems: vocab review_finding codes
  std::vector<std::string> individual;  ///< individual problems, one sentence each
  std::string note;
  /// Keys this version does not know (a later version's, or added by hand),
  /// in the order read; written back after the known keys.
  Value extra = Value::Map();

  /// Reads a review record; every problem at its file:line:column
  /// (kRejected). Finding codes must be in vocab review_finding. Keys it
  /// does not know are kept in `extra` and named in warnings: in the
  /// returned status on failure, appended to `warnings` (when given) on
  /// success.
  static Result<Review> FromValue(const Value& root, const std::string& file,
                                  const Vocabulary& vocab, DiagnosticSink* warnings = nullptr);
  /// The record as written (schema "review/1"; the keys kept in `extra` last).
  Value ToValue() const;
  /// "reviews/<yyyy of date>/<case-id>.yaml": one review per case and year.
  std::string Path() const;
};

/// Every review of the store, sorted by date then case. kRejected listing
/// files that cannot be read.
Result<std::vector<Review>> LoadReviews(const Store& store);

/// Review statistics of the reviews recorded in `year` (all when nullopt).
struct ReviewStats {
  std::size_t files = 0;       ///< case files reviewed
  std::size_t typed = 0;       ///< typed problems, occurrences
  std::size_t individual = 0;  ///< individual problems
  std::size_t files_with_problems = 0;
  std::int64_t score_sum = 0;  ///< sum of the scores (0–100 each) of the scored reviews
  std::size_t scored = 0;      ///< reviews with a score
  /// Typed problems by kind, most frequent first (ties by code).
  std::vector<std::pair<std::string, std::size_t>> kinds;

  /// The average score (0–100) of the scored reviews; nullopt when none
  /// was scored.
  std::optional<double> average_score() const {
    if (!scored) return std::nullopt;
    return static_cast<double>(score_sum) / static_cast<double>(scored);
  }
};

/// Computes ReviewStats.
ReviewStats ComputeReviewStats(const std::vector<Review>& reviews, std::optional<int> year);

}  // namespace mediate
