// What every lifecycle step builder shares (lifecycle_steps.hpp,
// lifecycle_agreement.hpp): the context it may consult, the Step it gives,
// the small step vocabularies (session mode, visit method, satisfaction …),
// and the checks of its options — dates, codes, the earliest date a step
// may carry — each reporting to a DiagnosticSink at the case id, the
// option as the field.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "lifecycle.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

/// What the builders may consult. All pointers are required.
struct StepContext {
  const Settings* settings = nullptr;
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  Date today;                 ///< local date now; later dates are refused
  std::string operator_name;  ///< the operator's name (default visitor)
};

/// What a builder gives: the event (type and payload; RecordStep sets `at`
/// and `by`), the commit subject after "<verb>: <id> " (codes, in English
/// whatever the interface's language: the history is shared), the same
/// subject as the operator reads it, and notes for the operator (what to do
/// next, what the law asks), both in the interface's language.
struct Step {
  Event event;
  std::string subject;
  std::string shown;  ///< the subject in the interface's language; "" = `subject`
  std::vector<std::string> notes;
};

/// The code of `text` in one of the small step vocabularies, given as the
/// code or its Chinese label: "session_mode" (on_site 现场, phone 电话, video
/// 视频, online 网上), "visit_method" (the same codes), "satisfaction"
/// (satisfied 满意, basically_satisfied 基本满意, dissatisfied 不满意),
/// "confirmation_result" (applied 已申请, confirmed 已确认, rejected 驳回,
/// withdrawn 撤回申请),
/// "matter" (personal_status 身份关系, ownership 确权, other 其他),
/// "retention" (permanent 永久, long 长期, short 短期). "" when unknown.
std::string ResolveStepCode(const std::string& list, const std::string& text);
/// The Chinese label of `code` in `list` ("" when unknown).
std::string StepCodeLabel(const std::string& list, const std::string& code);
/// "on_site 现场, phone 电话, …" for messages.
std::string StepCodeList(const std::string& list);
/// The codes of the step list `list` with their Chinese labels, in order
/// ({"on_site", "现场"}, …); empty when unknown. For the shell completion.
std::vector<std::pair<std::string, std::string>> StepCodes(const std::string& list);
/// The values of step vocabulary `list` for help texts and error messages,
/// in the interface's language (i18n.hpp): the Chinese labels joined by "、"
/// ("现场、电话、视频、网上") when translation is on, else StepCodeList. Either
/// the code or the label is accepted (ResolveStepCode).
std::string StepKnownValues(const std::string& list);
/// `code` of `list` as human output shows it: the code in English; when
/// translation is on, its Chinese label from the step vocabularies above or
/// else from the built-in vocabulary of that name (schemas/vocab.yaml:
/// "level", "outcome", …). A code without a label is given back as it is.
std::string ShownCode(const std::string& list, const std::string& code);

}  // namespace mediate

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

/// The local date `c` was received, in the store's time zone.
Date ReceivedDate(const Case& c, const StepContext& ctx);

/// The earliest date a new step of `kind` may carry: the date of the step
/// it follows (step_dates.hpp StepBefore: for a status-changing step the
/// latest-dated step before it, sessions included; for any other the
/// latest status-changing step), which validate checks too (Law Art. 27);
/// the date received when no later step comes before. Sets `what` for the
/// message ("the date received", "the session step it follows"), so that
/// DateOption says "--date: 2026-03-03 is before the session step it
/// follows (2026-03-04)".
Date NotBefore(const Case& c, const StepContext& ctx, EventKind kind, std::string* what);

}  // namespace mediate::step_options
