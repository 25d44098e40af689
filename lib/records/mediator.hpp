// The mediator roster (mediators/<id>.yaml), docs/law.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Vocabulary;

/// One grade rating (等级评定) of a mediator: which grade, when, by whom and
/// on what basis (the association's decision, the record it relied on).
struct Rating {
  int grade = 0;               ///< 1 (highest) … 4
  Date date;                   ///< date of the rating
  std::string by;              ///< operator who recorded it, "Name <email>"
  std::string basis;           ///< e.g. "区调解协会2024年第3号评定决定"
  Value extra = Value::Map();  ///< keys this version does not know, in the order read
};

/// A people's mediator on the roster (Law Art. 13–14).
struct Mediator {
  std::string id;  ///< "M-0307"
  std::string name;
  std::string sex;  ///< male | female
  Date born;
  std::string org;                       ///< organisation id
  std::string role;                      ///< chair | member | engaged (Law Art. 13)
  std::string employment;                ///< full_time | part_time
  int grade = 0;                         ///< 1 (highest) … 4; 0 = not graded
  Date graded;                           ///< date of the current grade
  std::vector<std::string> specialties;  ///< category codes
  bool lecturer = false;                 ///< 授课骨干
  std::vector<std::string> honours;
  Date filed;                     ///< 备案 date
  std::string status = "active";  ///< active | retired
  std::string phone;
  // Further roster items of docs/law.md (absent from older records).
  std::string education;               ///< e.g. "本科"
  std::vector<std::string> sanctions;  ///< recorded sanctions, free text
  Date term_end;                       ///< end of the current term (Law Art. 9: 3 years)
  bool court_roster = false;           ///< on a court's roster of mediators (特邀调解员)
  Date retired;                        ///< date retired, when status is retired
  std::vector<Rating> ratings;         ///< grade ratings, oldest first
  /// Keys this version does not know (a later version's, or added by hand),
  /// in the order read; written back after the known keys.
  Value extra = Value::Map();

  /// Reads a mediator record; every problem at its file:line:column. Keys
  /// it does not know (at the top or in a rating) are kept in `extra` and
  /// named in warnings: in the returned status on failure, appended to
  /// `warnings` (when given) on success.
  static Result<Mediator> FromValue(const Value& root, const std::string& file,
                                    const Vocabulary& vocab, DiagnosticSink* warnings = nullptr);
  /// The record as written (schema "mediator/1"; optional fields only when
  /// set; the keys kept in `extra` last, in their order).
  Value ToValue() const;
  /// "mediators/<id>.yaml".
  std::string Path() const { return "mediators/" + id + ".yaml"; }
};

using MediatorRegistry = std::map<std::string, Mediator, std::less<>>;

}  // namespace mediate
