#include "timeline.hpp"

#include <array>

#include "i18n.hpp"  // N_: the articles are shown with _()

namespace mediate {
namespace {

using S = CaseStatus;

constexpr std::array<CaseStatusInfo, 8> kStatuses = {{
    {S::kReceived, "received", "已受理", "received", true, true},
    {S::kRouted, "routed", "已分流", "routed", true, true},
    {S::kMediating, "mediating", "调解中", "mediating", true, true},
    {S::kAgreed, "agreed", "调解成功", "agreed", true, false},
    {S::kTerminated, "terminated", "调解终止", "terminated", true, false},
    {S::kWithdrawn, "withdrawn", "已撤回", "withdrawn", false, false},
    {S::kRefused, "refused", "不予受理", "refused", false, false},
    {S::kClosed, "closed", "已归档", "closed", false, false},
}};

constexpr StatusSet kBeforeRouting = Bit(S::kReceived);
constexpr StatusSet kUnderWay = Bit(S::kRouted) | Bit(S::kMediating);
constexpr StatusSet kNotConcluded = kBeforeRouting | kUnderWay;
constexpr StatusSet kConcluded = Bit(S::kAgreed) | Bit(S::kTerminated);
constexpr std::optional<CaseStatus> kUnchanged = std::nullopt;
constexpr auto R = Breach::kRefused;
constexpr auto W = Breach::kWarning;
constexpr auto G0 = StepGuard::kNone;

// The order of the rows is the order messages list the allowed steps.
const std::array<EventKindInfo, 20> kKinds = {{
    {EventKind::kReceived, "received", "受理", "received", "intake", 0, 0, S::kReceived, G0, R,
     nullptr, R, N_("Law Art. 17"), false},
    {EventKind::kRouted, "routed", "分流", "routed", "route", kBeforeRouting, 0, S::kRouted, G0, R,
     nullptr, R, N_("MoJ 2002 Provisions Art. 21"), true},
    {EventKind::kRefused, "refused", "不予受理", "refused", "refuse", kBeforeRouting, 0,
     S::kRefused, G0, R, nullptr, R, N_("MoJ 2002 Provisions Art. 22"), true},
    {EventKind::kAssigned, "assigned", "指派调解员", "mediators assigned", "assign", kUnderWay, 0,
     S::kMediating, G0, R, nullptr, R, N_("Law Art. 19"), true},
    {EventKind::kAgreed, "agreed", "达成协议", "agreement made", "agree", Bit(S::kMediating),
     Bit(S::kRouted), S::kAgreed, G0, R, nullptr, R, N_("Law Art. 28"), true},
    {EventKind::kTerminated, "terminated", "终止调解", "mediation terminated", "terminate",
     Bit(S::kMediating), Bit(S::kRouted), S::kTerminated, G0, R, nullptr, R, N_("Law Art. 26"),
     true},
    {EventKind::kWithdrawn, "withdrawn", "撤回", "withdrawn", "withdraw", kNotConcluded, 0,
     S::kWithdrawn, G0, R, nullptr, R, N_("Law Art. 17"), true},
    {EventKind::kEscalated, "escalated", "上报", "escalated", "escalate", kUnderWay, 0, S::kRouted,
     StepGuard::kLevelAbove, R, nullptr, R, N_("MoJ 2002 Provisions Art. 21"), true},
    {EventKind::kExtended, "extended", "延期", "time limit extended", "extend", kUnderWay, 0,
     kUnchanged, G0, R, nullptr, R, N_("MoJ 2002 Provisions Art. 33"), true},
    {EventKind::kSession, "session", "调解", "mediation session", "session", Bit(S::kMediating), 0,
     kUnchanged, G0, R, nullptr, R, N_("Law Art. 22"), true},
    // A refused matter is archived with its registration and refusal notice,
    // a withdrawn one with what it has (Law Art. 27: one case, one file).
    {EventKind::kClosed, "closed", "归档", "case file closed", "close",
     kConcluded | Bit(S::kWithdrawn) | Bit(S::kRefused), 0, S::kClosed, StepGuard::kFileComplete, R,
     nullptr, R, N_("Law Art. 27, 31"), true},
    // After closing, a court's decision is added to the file (补充归档) without
    // reopening it: the event is flagged `supplementary`.
    {EventKind::kConfirmation, "confirmation", "司法确认", "judicial confirmation", "confirm",
     Bit(S::kAgreed) | Bit(S::kClosed), 0, kUnchanged, StepGuard::kWasAgreed, R,
     &TimeLimits::confirmation_days, W, N_("Law Art. 33"), true},
    {EventKind::kPerformance, "performance", "履行", "performance", "perform", Bit(S::kAgreed), 0,
     kUnchanged, G0, R, nullptr, R, N_("Law Art. 31"), true},
    {EventKind::kVisited, "visited", "回访", "return visit", "visit", Bit(S::kAgreed), 0,
     kUnchanged, G0, R, nullptr, R, N_("Law Art. 31"), true},
    {EventKind::kVisitWaived, "visit_waived", "免回访", "no return visit", "visit --none",
     Bit(S::kAgreed), 0, kUnchanged, StepGuard::kNotVisited, R, nullptr, R, N_("Law Art. 31"),
     true},
    {EventKind::kNote, "note", "备注", "note", "", kAnyStatus, 0, kUnchanged, G0, R, nullptr, R,
     N_("Law Art. 27"), false},
    {EventKind::kAmended, "amended", "更正", "correction", "", kAnyStatus, 0, kUnchanged, G0, R,
     nullptr, R, N_("Law Art. 27"), false},
    {EventKind::kResolved, "resolved", "处理合并冲突", "merge conflict settled", "resolve",
     kAnyStatus, 0, kUnchanged, G0, R, nullptr, R, N_("Law Art. 27"), false},
    // A new id for one of two cases that clones gave the same id: no step of
    // the mediation; the case file's registration (Law Art. 27) stays one.
    {EventKind::kRenumbered, "renumbered", "重新编号", "new case id", "renumber", kAnyStatus, 0,
     kUnchanged, G0, R, nullptr, R, N_("Law Art. 27"), false},
    // The case's key destroyed: the file stays, its personal values no
    // longer open (docs/personal-data.md, "Erasure").
    {EventKind::kErased, "erased", "删除个人信息", "personal data erased", "erase", kAnyStatus, 0,
     kUnchanged, G0, R, nullptr, R, N_("PIPL Art. 47"), false},
}};

}  // namespace

std::span<const CaseStatusInfo> CaseStatuses() { return kStatuses; }

const CaseStatusInfo& InfoOf(CaseStatus s) { return kStatuses[static_cast<std::size_t>(s)]; }

std::string_view CodeOf(CaseStatus s) { return InfoOf(s).code; }

std::optional<CaseStatus> ParseCaseStatus(std::string_view code) {
  for (const auto& row : kStatuses)
    if (code == row.code) return row.status;
  return std::nullopt;
}

std::span<const EventKindInfo> EventKinds() { return kKinds; }

const EventKindInfo& InfoOf(EventKind k) {
  for (const auto& row : kKinds)
    if (row.kind == k) return row;
  return kKinds.front();  // unreachable: every enumerator has a row (timeline_test)
}

std::string_view CodeOf(EventKind k) { return InfoOf(k).code; }

std::optional<EventKind> ParseEventKind(std::string_view code) {
  for (const auto& row : kKinds)
    if (code == row.code) return row.kind;
  return std::nullopt;
}

bool MayFollow(EventKind kind, CaseStatus status, bool migrated) {
  const EventKindInfo& row = InfoOf(kind);
  StatusSet set = row.after | (migrated ? row.after_migrated : 0);
  return (set & Bit(status)) != 0;
}

}  // namespace mediate
