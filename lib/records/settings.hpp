// Store settings (mediate.yaml): the district, the office code that
// allocates case IDs, the time zone, time limits and risk scheme.
#pragma once

#include <map>
#include <string>

#include "status.hpp"
#include "time.hpp"
#include "value.hpp"
#include "vocab.hpp"

namespace mediate {

/// Time limits in days. Defaults and sources (docs/law.md); every one is a
/// store setting so local rules can change it.
struct TimeLimits {
  /// Conclude within one month of acceptance (MoJ 2002 Provisions Art. 33;
  /// counted as 30 days: store setting, local practice).
  int conclude_days = 30;
  /// Court-delegated (委派) mediation: 30 days from receipt of the
  /// materials (SPC 2016 court-invited mediation rules).
  int court_delegated_days = 30;
  /// Court-entrusted (委托), ordinary procedure: 15 days (SPC 2016).
  int court_entrusted_ordinary_days = 15;
  /// Court-entrusted, summary procedure: 7 days (SPC 2016).
  int court_entrusted_summary_days = 7;
  /// Judicial confirmation applied within 30 days of the agreement taking
  /// effect (People's Mediation Law Art. 33; Civil Procedure Law 2023 Art. 205).
  int confirmation_days = 30;
};

/// Response time of one risk colour (local practice only, docs/law.md).
struct RiskLevel {
  std::string code;        ///< red | orange | yellow | blue
  int response_hours = 0;  ///< act within this many hours of receipt
  std::string action;      ///< e.g. "report at once"
};

struct Settings {
  std::string schema = "settings/1";
  std::string district_code;  ///< "140109"
  std::string district_name;  ///< "万柏林区"
  std::string office;         ///< default office code for IDs: "WBL"
  std::string time_zone_name = "Asia/Shanghai";
  TimeZone time_zone;
  /// The middle of file numbers "（2026）万人调字第42号" ("万人调字") of an
  /// office the registry does not know (file_number.hpp FileNumberWord).
  std::string file_no_word;
  TimeLimits limits;
  std::map<std::string, RiskLevel> risk;
  /// The retention period (保管期限) a closed case file gets by default, by
  /// outcome: `retention: {agreed: long, terminated: short, …}` in
  /// mediate.yaml, outcome code → retention code (permanent 永久, long 长期,
  /// short 短期; the `retention` vocabulary). A store setting (local
  /// practice: the law sets no periods); `close --retention` overrides it.
  /// Empty by default: close then asks for --retention.
  std::map<std::string, std::string> retention;
  Vocabulary vocab;  ///< built-ins plus the store's extensions

  /// Reads mediate.yaml; every problem reported with its location.
  static Result<Settings> FromValue(const Value& root, const std::string& file);
  /// The record as written by `init`.
  Value ToValue() const;
  /// Defaults for a new store: four risk colours with response times
  /// 2 h (red, report at once), 24 h (orange), 72 h (yellow), 168 h (blue).
  static std::map<std::string, RiskLevel> DefaultRisk();
};

}  // namespace mediate
