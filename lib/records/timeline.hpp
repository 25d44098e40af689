// The timeline's vocabulary, described once: the case statuses and the
// event kinds, each with its code (the text stored in case files), its
// Chinese and English label and its rules. Replay, AllowedSteps/CheckStep
// (the lifecycle verbs) and validate (CheckTimeline) all read these tables
// (lifecycle.hpp); docs/lifecycle.md says how to add an event kind.
//
// Files keep the codes as strings ("agreed"); code converts them at the
// edges with ParseEventKind / ParseCaseStatus and CodeOf().
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "settings.hpp"

namespace mediate {

/// The state of a case, derived by replaying its events (lifecycle.hpp).
enum class CaseStatus : std::uint8_t {
  kReceived,    ///< 已受理: accepted, not yet routed
  kRouted,      ///< 已分流: routed to an organisation, no mediator yet
  kMediating,   ///< 调解中: mediators (or a grid worker) handle it
  kAgreed,      ///< 调解成功: an agreement was made (Law Art. 28)
  kTerminated,  ///< 调解终止: mediation ended without agreement (Law Art. 26)
  kWithdrawn,   ///< 已撤回: the parties withdrew (Law Art. 17)
  kRefused,     ///< 不予受理: not accepted (MoJ 2002 Provisions Art. 22)
  kClosed,      ///< 已归档: the case file is closed (Law Art. 27, 31)
};

/// One row of the status table.
struct CaseStatusInfo {
  CaseStatus status;
  std::string_view code;  ///< as stored in files: "mediating"
  const char* zh;         ///< "调解中" (the same as the status vocabulary, schemas/vocab.yaml)
  const char* en;         ///< "mediating"
  /// The case file is open (not closed, withdrawn or refused): the `open`
  /// filter word; a successful case stays open until its return visit.
  bool open;
  /// Mediation is not yet concluded (received, routed, mediating): what a
  /// mediator's or organisation's caseload counts.
  bool pending;
};

/// Every status, in lifecycle order (received … closed).
std::span<const CaseStatusInfo> CaseStatuses();
/// The row of `s`.
const CaseStatusInfo& InfoOf(CaseStatus s);
/// The stored code of `s` ("agreed").
std::string_view CodeOf(CaseStatus s);
/// The status whose code is `code`; nullopt for any other text.
std::optional<CaseStatus> ParseCaseStatus(std::string_view code);

/// The kind of a timeline event (Event::type holds its code).
enum class EventKind : std::uint8_t {
  kReceived,
  kRouted,
  kRefused,
  kAssigned,
  kAgreed,
  kTerminated,
  kWithdrawn,
  kEscalated,
  kExtended,
  kSession,
  kClosed,
  kConfirmation,
  kPerformance,
  kVisited,
  kVisitWaived,
  kNote,
  kAmended,
  kResolved,    ///< a conflict a merge recorded was settled (`mediate resolve`)
  kRenumbered,  ///< the case got a new id (a duplicate's; `mediate renumber`)
  kErased,      ///< the case's personal data was erased (`mediate erase`; PIPL Art. 47)
};

/// A set of statuses (bit i = CaseStatus i).
using StatusSet = std::uint16_t;

/// The set holding `s`.
constexpr StatusSet Bit(CaseStatus s) { return StatusSet(1u << static_cast<unsigned>(s)); }
/// Every status.
inline constexpr StatusSet kAnyStatus = 0xff;

/// A condition beyond the current status that a step needs.
enum class StepGuard : std::uint8_t {
  kNone,
  kLevelAbove,    ///< a level above the current one exists (MoJ 2002 Provisions Art. 21)
  kFileComplete,  ///< after an agreement: performance recorded, a return visit made or
                  ///< waived (Law Art. 31) and no judicial confirmation awaiting the
                  ///< court (Law Art. 33); a terminated, withdrawn or refused case needs
                  ///< nothing more
  kNotVisited,    ///< no return visit made or waived yet
  kWasAgreed,     ///< a closed case only when it was agreed (a court's decision on its
                  ///< agreement is added to the closed file, 补充归档)
};

/// What happens to a step that breaks a rule.
enum class Breach : std::uint8_t {
  kRefused,  ///< an error: the verb refuses it, validate reports it
  kWarning,  ///< recorded, with a warning
};

/// One row of the event-kind table.
struct EventKindInfo {
  EventKind kind;
  std::string_view code;  ///< as stored in files: "agreed"
  const char* zh;         ///< "达成协议"
  const char* en;         ///< "agreement made"
  const char* command;    ///< the verb that records it: "agree" ("" when none yet)
  /// The statuses it may follow. `received` follows nothing: it is the first
  /// event of every timeline.
  StatusSet after;
  /// Statuses it may also follow in a case migrated from a ledger
  /// (`migrated: true`), whose ledger named no mediator: routed → agreed or
  /// terminated.
  StatusSet after_migrated;
  /// The status it leads to; nullopt: the status is unchanged. `routed` and
  /// `escalated` lead to mediating when they name a grid worker, and
  /// `assigned` leads to mediating only when it names mediators or a grid
  /// worker (Replay).
  std::optional<CaseStatus> leads_to;
  StepGuard guard;
  /// A step out of order is refused; every kind says kRefused.
  Breach out_of_order;
  /// For a time limit on the step (judicial confirmation: the application
  /// within TimeLimits::confirmation_days of the agreement taking effect),
  /// the limit's setting; nullptr when none.
  int TimeLimits::*limit;
  /// What a step past `limit` gets (Law Art. 33: recorded with a warning,
  /// the court decides).
  Breach late;
  const char* article;  ///< the legal source allowing it: "Law Art. 28"
  /// Listed among the steps a state allows (note, amended, renumbered and
  /// received are not: the first three are allowed at any time, the last
  /// only first).
  bool listed;
};

/// Every event kind, in the order messages list allowed steps.
std::span<const EventKindInfo> EventKinds();
/// The row of `k`.
const EventKindInfo& InfoOf(EventKind k);
/// The stored code of `k` ("visit_waived").
std::string_view CodeOf(EventKind k);
/// The kind whose code is `code`; nullopt for any other text.
std::optional<EventKind> ParseEventKind(std::string_view code);

/// True when `kind` may follow a case in `status` by the table alone
/// (`after`, and `after_migrated` when `migrated`), guards aside.
bool MayFollow(EventKind kind, CaseStatus status, bool migrated);

}  // namespace mediate
