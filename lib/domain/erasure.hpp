// When a case's personal data may be erased (docs/personal-data.md,
// "Erasure"). PIPL Art. 47: personal information is deleted once its
// purpose is fulfilled or its retention period has ended; while a period
// the law sets still runs, processing stops but for storage and security.
// The case file is kept for the retention period on its cover (People's
// Mediation Law Art. 27; MoJ document formats, 2010): so a case still open,
// or closed within its period, is erased only on a legal ground the
// operator names (`--basis`: a court's decision, a party's request the
// bureau granted …), which the erasure records.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "case.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// Years a case file is kept, by retention code: long (长期) 30, short
/// (短期) 10; permanent (永久) none (nullopt: never ends). Local archival
/// practice (the 2006 State Archives rule on retention periods of
/// organs' files: 30 and 10 years for files kept for a term); the law on
/// mediation sets no period.
std::optional<int> RetentionYears(std::string_view retention);

/// The first day after the retention period of case `c`'s closed file:
/// counted, as archives count, from 1 January of the year after the file
/// was closed (`closed` event: its date and retention). nullopt while the
/// case is not closed, for a permanent file, or a retention code of no
/// known length (the file is then kept).
std::optional<Date> RetentionEnds(const Case& c, const Settings& settings);

/// Whether the personal data of case `c` may be erased on `today` (the
/// store's local date), `basis` being the legal ground the operator gave
/// ("" for none). kRejected, saying why and what to do (nothing is to be
/// written): the case was erased already; the case is not closed, or its
/// file's retention period has not ended (naming the status, or the
/// retention and the day it ends), and no `basis` is given (PIPL Art. 47
/// para. 2; People's Mediation Law Art. 27).
Status CheckErasure(const Case& c, const Settings& settings, Date today, std::string_view basis);

}  // namespace mediate
