// The columns of a mediation ledger (台账) that import reads: their headers,
// the other headers accepted for them, and the field each fills. Shared by
// the import (ledger_import.hpp), the row reader (ledger_row.hpp) and the
// mapping of other header sets (ledger_mapping.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mediate {

/// One column a ledger may have: its header as ledgers write it, other
/// headers accepted for it, the field it fills (named in messages:
/// "column 纠纷类型 (category)"), and whether a ledger must have it.
struct LedgerColumn {
  std::string header;                ///< "纠纷类型"
  std::vector<std::string> aliases;  ///< "纠纷类别", "案件类型"
  std::string field;                 ///< "category"
  bool required = false;             ///< the header row must have this column
  /// The vocabulary its labels come from ("category", "agreement_form"),
  /// "" for free text, dates, numbers and places.
  std::string vocab = {};
};

/// The columns import reads, in the order of the bundled ledgers, then the
/// history columns of ledger-2022.csv (化解层级 level, 调解结果 outcome,
/// 协议形式 form, 结案日期 concluded, 履行情况 performance, 司法确认日期
/// confirmed, 回访日期 visited), then the parties' own details, all optional
/// (申请人住所, 民族, 职业, 法定代表人 and 职务, 委托代理人 and 代理人电话, the
/// same for 被申请人, and 第三人 with 证件号码, 电话 and 住所). Headers are compared after
/// NormalizeCell, so full-width "涉及金额（元）" matches; a column's field name ("category",
/// "applicant_name" or "applicant name") is accepted as its header too
/// (JSON Lines and YAML input use them). Required columns: 登记日期, 案件来源,
/// 纠纷类型, 申请人, 纠纷简要情况, 所属街道.
const std::vector<LedgerColumn>& LedgerColumns();

/// The position in LedgerColumns() of the column whose header, alias or
/// field name is `name` (after NormalizeCell; field names case-insensitive
/// with '_' for ' '), or -1.
int FindLedgerColumn(std::string_view name);

/// The header of the column a rejects file adds (RejectsCsv): "导入错误".
/// Import ignores a column of that name, so a fixed rejects file can be
/// imported again as it is.
inline constexpr const char* kRejectsErrorColumn = "导入错误";

namespace ledger_col {
/// Positions in LedgerColumns(), in its order.
enum Col : std::size_t {
  kRowNo,
  kReceived,
  kSource,
  kCategory,
  kApplicant,
  kApplicantId,
  kApplicantPhone,
  kRespondent,
  kRespondentId,
  kRespondentPhone,
  kSummary,
  kAmount,
  kPeople,
  kStreet,
  kCommunity,
  kGrid,
  kRisk,
  kLevel,
  kOutcome,
  kForm,
  kConcluded,
  kPerformance,
  kConfirmed,
  kVisited,
  kApplicantAddress,
  kApplicantEthnicity,
  kApplicantOccupation,
  kApplicantRepresentative,
  kApplicantRepresentativeTitle,
  kApplicantAgent,
  kApplicantAgentPhone,
  kRespondentAddress,
  kRespondentEthnicity,
  kRespondentOccupation,
  kRespondentRepresentative,
  kRespondentRepresentativeTitle,
  kRespondentAgent,
  kRespondentAgentPhone,
  kThirdParty,
  kThirdPartyId,
  kThirdPartyPhone,
  kThirdPartyAddress,
  kColCount,
};
}  // namespace ledger_col

/// For each position in LedgerColumns(), the index of the ledger's column
/// holding it (its place in CsvTable::header()), or -1 when the ledger has
/// none.
using LedgerColumnMap = std::array<int, ledger_col::kColCount>;

}  // namespace mediate
