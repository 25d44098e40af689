#include "number_reserve.hpp"

#include <algorithm>
#include <map>

#include "consultation.hpp"
#include "i18n.hpp"
#include "number_ref.hpp"
#include "training.hpp"

namespace mediate {

namespace {

/// Where a reservation fetches the server's record, to be read and
/// checked before it becomes this desk's copy (kNumbersLocalRef).
constexpr char kIncomingRef[] = "refs/mediate/numbers-incoming";
/// The local ref a new record is committed to before it is pushed.
constexpr char kPendingRef[] = "refs/mediate/numbers-pending";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = s.find('/', from)) != std::string::npos; from = at + 1)
    parts.push_back(s.substr(from, at - from));
  parts.push_back(s.substr(from));
  return parts;
}

std::string CommitMessage(const std::string& desk, const std::string& office,
                          const std::vector<NumberBlock>& blocks) {
  std::string m = "numbers: desk " + desk + " of " + office + " reserves";
  for (const auto& b : blocks) {
    m += " " + b.series + " " + std::to_string(b.first) + "-" + std::to_string(b.last) + ",";
  }
  m.pop_back();
  return m + "\n\nMediate-Action: reserve-numbers\nMediate-Desk: " + desk + "\n";
}

}  // namespace

std::vector<std::string> DeskSeries(const std::string& office, Date today) {
  std::vector<int> years{today.year()};
  if (today.month() == 12) years.push_back(today.year() + 1);
  std::vector<std::string> series;
  for (int y : years) {
    series.push_back(CaseSeries(office, y));
    series.push_back(ConsultationSeries(office, y));
    series.push_back(TrainingSeries(y));
  }
  series.push_back(MediatorSeries());
  return series;
}

Result<std::set<int>> UsedNumbers(const Store& store, const std::string& series) {
  const std::vector<std::string> p = Split(series);
  auto year_of = [](const std::string& s) { return NumberAfter("y" + s, "y").value_or(0); };
  if (p[0] == "case" && p.size() == 3) return store.CaseNumbers(p[1], year_of(p[2]));
  if (p[0] == "mediator" && p.size() == 1) {
    std::vector<std::string> ids;
    for (const auto& entry : store.mediators()) ids.push_back(entry.first);
    return NumbersAfter(ids, "M-");
  }
  if (p[0] == "training" && p.size() == 2) {
    auto all = LoadTrainings(store);
    if (!all.ok()) return all.status();
    std::vector<std::string> ids;
    for (const auto& t : *all) ids.push_back(t.id);
    return NumbersAfter(ids, "T-" + p[1] + "-");
  }
  if (p[0] == "consultation" && p.size() == 3) {
    auto all = LoadConsultations(store);
    if (!all.ok()) return all.status();
    std::vector<std::string> ids;
    for (const auto& c : *all) ids.push_back(c.id);
    return NumbersAfter(ids, p[1] + "-ZX-" + p[2] + "-");
  }
  return Status::Rejected(Tr("\"{0}\" is no series of numbers", series));
}

Result<ReserveOutcome> ReserveNumbers(const std::string& root, const ReserveOptions& o) {
  auto target = FindSyncTarget(root);
  if (!target.ok()) return target.status();
  auto desk = EnsureDeskName(root);
  if (!desk.ok()) return desk.status();
  auto store = Store::Open(root);
  if (!store.ok()) return store.status();
  MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
  std::vector<std::string> series = DeskSeries(o.office, o.today);
  for (const auto& [s, n] : o.extra)
    if (std::find(series.begin(), series.end(), s) == series.end()) series.push_back(s);
  std::map<std::string, std::set<int>> used;
  for (const auto& s : series) {
    auto u = UsedNumbers(*store, s);
    if (!u.ok()) return u.status();
    used[s] = std::move(u).value();
  }
  const std::string tracking = NumbersTrackingRef(target->remote);
  const std::string refspec = "+refs/heads/" + std::string(kNumbersBranch) + ":" + kIncomingRef;
  ReserveOutcome out;
  out.desk = *desk;
  std::string last_refusal;
  for (int round = 1; round <= o.max_rounds; ++round) {
    MEDIATE_RETURN_IF_ERROR(FetchRemote(root, *target, o.access, o.progress, {refspec}));
    auto at = ReadNumberBlocks(root, kIncomingRef);
    if (!at.ok())
      return Status::Rejected(
          Tr("the record of reserved numbers on the server does not read, so no numbers were "
             "reserved; this desk goes on with the numbers it holds: {0}",
             at.status().message()),
          at.status().diagnostics());
    if (std::string clash; FindOverlap(at->record, &clash))
      return Status::Rejected(
          Tr("the server's record of reserved numbers gives one number to two blocks ({0}); "
             "have the district centre correct branch {1} before any desk reserves more",
             clash, kNumbersBranch));
    // A whole record: this desk's copy from now on.
    if (!at->commit.empty()) MEDIATE_RETURN_IF_ERROR(PointRef(root, kNumbersLocalRef, at->commit));
    NumberBlocks record = at->record;
    std::vector<NumberBlock> added;
    for (const auto& s : series) {
      const std::set<int>& u = used[s];
      auto extra = o.extra.find(s);
      int size = 0;
      if (extra != o.extra.end())
        size = std::max(PolicyOf(s).block, static_cast<int>(extra->second));
      else if (FreeNumberCount(record, s, *desk, u) >= PolicyOf(s).low)
        continue;
      NumberBlock b =
          NextNumberBlock(record, s, *desk, u.empty() ? 0 : *u.rbegin(), o.author.ToString(),
                          store->settings().time_zone.ToLocal(o.now).ToString(), size);
      AddNumberBlock(&record, b);
      added.push_back(std::move(b));
    }
    if (added.empty()) return out;
    auto commit = CommitNumberBlocks(root, kPendingRef, at->commit, EmitNumberBlocks(record),
                                     o.author, CommitMessage(*desk, o.office, added));
    if (!commit.ok()) return commit.status();
    auto pushed = PushRef(root, *target, kPendingRef, "refs/heads/" + std::string(kNumbersBranch),
                          o.access, o.progress);
    if (!pushed.ok()) return pushed.status();
    if (!pushed->rejected) {
      MEDIATE_RETURN_IF_ERROR(PointRef(root, kNumbersLocalRef, *commit));
      MEDIATE_RETURN_IF_ERROR(PointRef(root, tracking, *commit));
      out.reserved = std::move(added);
      return out;
    }
    last_refusal = pushed->reason;
  }
  return Status::Busy(
      Tr("the server {0} refused {1} reservations of numbers as other desks kept reserving "
         "(last: {2}); try again",
         target->url, o.max_rounds, last_refusal));
}

NumberReserver OnlineReserver(const std::string& root, ReserveOptions options) {
  if (!HasRemote(root)) return {};
  return [root, options](const std::string& series, std::size_t count) -> Status {
    ReserveOptions o = options;
    o.extra[series] = count;
    auto done = ReserveNumbers(root, o);
    return done.ok() ? Status::Ok() : done.status();
  };
}

}  // namespace mediate
