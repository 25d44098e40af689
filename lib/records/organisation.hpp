// Mediation organisations (orgs/<id>.yaml): committees, the district
// centre, brand rooms, industry committees, chambers, and the referrers
// (court, police) that cases name.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

class Vocabulary;

struct Organisation {
  std::string id;                        ///< "C-140109005001", "WBL-CENTRE"
  std::string name;                      ///< "万柏林区非诉讼纠纷调解中心"
  std::string kind;                      ///< org_kind code (schemas/vocab.yaml)
  std::string level;                     ///< level code: community, street, district, city
  std::string street;                    ///< street code, when the organisation belongs to one
  std::string community;                 ///< community code, for a community committee
  std::vector<std::string> specialties;  ///< category codes
  std::string parent;                    ///< supervising organisation id
  std::string status = "active";         ///< active | retired
  /// Keys this version does not know (a later version's, or added by hand),
  /// in the order read; written back after the known keys.
  Value extra = Value::Map();

  /// Reads an organisation record; every problem at its file:line:column
  /// (kRejected). Keys it does not know are kept in `extra` and named in
  /// warnings: in the returned status on failure, appended to `warnings`
  /// (when given) on success.
  static Result<Organisation> FromValue(const Value& root, const std::string& file,
                                        const Vocabulary& vocab,
                                        DiagnosticSink* warnings = nullptr);
  /// The record as written (schema "org/1"; the keys kept in `extra` last).
  Value ToValue() const;
  /// "orgs/<id>.yaml".
  std::string Path() const { return "orgs/" + id + ".yaml"; }
};

/// Organisations by id (sorted).
using OrgRegistry = std::map<std::string, Organisation, std::less<>>;

}  // namespace mediate
