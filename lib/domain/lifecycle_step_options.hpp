// The checks of step options shared by the lifecycle step builders
// (lifecycle_steps.cpp, lifecycle_agreement.cpp): dates, codes of the step
// vocabularies, and the earliest date a step may carry. Each reports to a
// DiagnosticSink at the case id, the option as the field.
#pragma once

#include <string>
#include <vector>

#include "case.hpp"
#include "lifecycle_steps.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate::step_options {

/// The location of a step's messages: the case id (no line or column).
Location At(const Case& c);

/// Parses an optional date option (YYYY-MM-DD, a local date in the store's
/// time zone): `text` or, when empty, `fallback`. Refuses (errors to `sink`
/// under `option`) a text that is not a date, dates after `today` and dates
/// before `not_before` (when valid), naming `what`. Gives an invalid Date
/// when `text` is not a date.
Date DateOption(const Case& c, const std::string& option, const std::string& text, Date fallback,
                Date today, Date not_before, const std::string& what, DiagnosticSink* sink);

/// The code of `text` in the step vocabulary `list` (ResolveStepCode), or
/// "" with an error under `option` listing the known values when it is
/// unknown, or blank and `required`.
std::string ResolveOrError(const Case& c, const std::string& list, const std::string& option,
                           const std::string& text, bool required, DiagnosticSink* sink);

/// `items` joined with `sep`: {"a", "b"} → "a, b".
std::string Joined(const std::vector<std::string>& items, const char* sep = ", ");

/// The local date `c` was received, in the store's time zone.
Date ReceivedDate(const Case& c, const StepContext& ctx);

/// The earliest date a session, agreement or termination may carry: the
/// date of the step it follows (the latest status-changing event, as
/// CheckTimeline in lifecycle.hpp reads it), which validate checks too;
/// the date received when that step is the receipt. Sets `what` for the
/// message ("the date received", "the session step it follows").
Date NotBefore(const Case& c, const StepContext& ctx, std::string* what);

}  // namespace mediate::step_options
