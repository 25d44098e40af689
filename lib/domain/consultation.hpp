// Front-desk consultations (前台咨询): the "front-desk consultation +
// back-office processing" of the non-litigation dispute resolution centre.
// A person asks, gets advice and is told where to go; some consultations
// become cases (`consult --to-case`), keeping the link both
// ways: the consultation names the case, the case's `received` event names
// the consultation.
//
// Stored as consultations/<yyyy>/<id>.yaml (one record, one file, sharded by
// the year asked, like trainings/ and reviews/), schema
// "consultation/1" (schemas/consultation.schema.yaml). IDs are
// <OFFICE>-ZX-<YYYY>-<NNNNNN> (咨询), the sequence per office and year, so
// clones with distinct office codes never collide. The writes (record, to
// case) are in consultation_write.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "case.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Store;
class Vocabulary;

/// One consultation at the front desk.
struct Consultation {
  std::string id;         ///< "WBL-ZX-2026-000001"
  Timestamp at;           ///< when it was asked (store time zone offset)
  std::string by;         ///< desk staff, "Name <email>"
  std::string name;       ///< who asked
  std::string phone;      ///< optional
  std::string id_number;  ///< optional (GB 11643-1999, checked)
  std::string category;   ///< optional category code
  std::string question;   ///< what was asked; required
  std::string advice;     ///< the advice given; required
  std::string referred;   ///< where the person was referred: an org id, or a body named in words
  std::string case_id;    ///< the case it became (consult --to-case); "" when none
  /// In an encrypted store: the record's data key, wrapped ({epoch, case,
  /// wrapped}); null otherwise (personal_fields.hpp).
  Value data_key;
  /// Personal values read sealed without the key: the record holds their
  /// masked forms and writes these back unchanged.
  std::vector<SealedValue> sealed;

  /// Reads a record; every problem at its file:line:column (kRejected). A
  /// record of an encrypted store not opened first (OpenCaseRecord) is read
  /// with its personal values masked.
  static Result<Consultation> FromValue(const Value& root, const std::string& file,
                                        const Vocabulary& vocab);
  /// The record as written (schema "consultation/1"; optional fields only when set).
  Value ToValue() const;
  /// "consultations/<yyyy>/<id>.yaml" by the local year of `at` in `tz`.
  std::string PathIn(const TimeZone& tz) const;
};

/// Every consultation of the store, sorted by time then id. kRejected
/// listing the files that cannot be read.
Result<std::vector<Consultation>> LoadConsultations(const Store& store);

/// Checks a new consultation: name, question and advice required; a
/// category must be a code of `vocab`; an ID number must pass its check
/// character; `referred` naming an org id of the store is kept as the id,
/// any other text as written. Problems to `sink` at location "consult".
void CheckConsultation(const Consultation& c, const Vocabulary& vocab, DiagnosticSink* sink);

/// What `consult --to-case` adds to a consultation to make a case draft.
struct ConsultToCase {
  std::string category;    ///< overrides the consultation's (required when it has none)
  std::string respondent;  ///< respondent's name, optional
  std::string respondent_kind = "person";
  std::string street, community, grid;  ///< codes
  std::string risk;
  int people_involved = 0;
};

/// The case draft a consultation becomes: source "application" (the
/// person applied at the desk, Law Art. 17), received at `now`, summary
/// the question, applicant the person who asked. kRejected when no
/// category is known or the consultation already became case `case_id`.
Result<Case> DraftCaseFromConsultation(const Consultation& c, const ConsultToCase& in,
                                       Timestamp now);

/// Counts of consultations (numbers of consultations; no personal data).
struct ConsultationCount {
  std::int64_t consultations = 0;  ///< asked
  std::int64_t to_case = 0;        ///< of them that became cases (case_id set)
  std::int64_t referred = 0;       ///< of them referred elsewhere (referred set)
};

/// Consultations counted by year and in total.
struct ConsultationCounts {
  /// By the year they were asked, in the store's time zone; year 0 holds
  /// those whose time gives no valid local date.
  std::map<int, ConsultationCount> by_year;
  ConsultationCount total;  ///< every consultation counted
};

/// Counts `all` by the local year (in `tz`) each was asked, and in total.
/// Pure.
ConsultationCounts CountConsultations(const std::vector<Consultation>& all, const TimeZone& tz);

}  // namespace mediate
