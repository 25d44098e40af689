// `mediate route`: routing (分流) by the district's rules/routing.yaml.
//
//   mediate route [FILTER...] [--dry-run] [--format table|csv|json|md]
//   mediate route --explain ID [--format …]
//   mediate route ID --to ORG --reason R
//   (either write takes --date D for a late entry: not before the date received)
//
// Routes every case whose status is "received" (and that FILTER selects):
// through the library's RouteCases (the write path, store_write.hpp): loads the rules and each
// case, appends a `routed` event {at, type, by, org, level, rule} to each routed case, re-derives
// its state fields from the timeline, and writes every changed case file in one commit ("route: 120
// cases", trailers Mediate-Action and, for up to 20 cases, Mediate-Case). Cases no rule can route
// are listed on stderr with the reason and stay received (exit 0). `--dry-run` prints the routing
// it would make and writes nothing. `--explain ID` shows every rule tried for one case and
// whether it matched, and never writes. `ID --to ORG` routes one case by hand, for what the rules
// cannot decide (lib/write/route_by_hand.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "auto_assign.hpp"
#include "case_record.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "route_batch.hpp"
#include "route_by_hand.hpp"
#include "routing.hpp"
#include "routing_store.hpp"

namespace mediate::cli {
namespace {

/// Joins the notes of a planned routing with "; " (Chinese "；").
void AddNote(std::string* notes, const std::string& note) {
  if (!notes->empty()) *notes += _("; ");
  *notes += note;
}

class RouteCommand : public Command {
 public:
  std::optional<std::string> Writes() const override {
    if (dry_run_ || !explain_.empty()) return std::nullopt;
    return std::string("mediate route");
  }
  void Declare(CLI::App& app) override {
    app.add_option("filter", terms_,
                   _("route only the received cases these filter terms select (field:value, "
                     "field:LO..HI, not:field:value, text:词)"))
        ->type_name(_("FILTER"));
    app.add_flag("--dry-run", dry_run_, _("print the routing it would make; write nothing"));
    app.add_option("--explain", explain_,
                   _("show every rule tried for case ID and why it matched or not; writes nothing"))
        ->type_name("ID");
    app.add_option("--to", to_,
                   _("route the one case named by hand to this organisation (id or name), for "
                     "what the rules cannot decide; needs --reason"))
        ->type_name("ORG");
    app.add_option("--reason", reason_, _("why the case is routed by hand (with --to)"));
    app.add_option("--date", date_,
                   _("late entry: the day the routing was decided (default today); not before "
                     "the date received"))
        ->type_name("DATE");
    app.add_option("--format", format_,
                   _("output format of --dry-run and --explain: table, csv, json, md"))
        ->type_name(_("FORMAT"));
    app.footer(
        _("Examples:\n"
          "  mediate route --dry-run\n"
          "  mediate route category:劳动争议\n"
          "  mediate route --explain WBL-2026-000042\n"
          "  mediate route WBL-2026-000042 --to WBL-LABOUR --reason \"当事人要求\""));
  }

  /// `route ID --to ORG --reason R`.
  Status ByHand(Context& ctx) {
    if (terms_.size() != 1 || !explain_.empty())
      return Status::Usage(_("--to ORG routes one case: mediate route ID --to ORG --reason R"));
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = RouteByHand(**w, *op, terms_.front(), to_, reason_, ctx.Now(), on_);
    if (!done.ok()) return done.status();
    const std::string level = ctx.st().vocab().level().Shown(done->level);
    if (done->commit.empty())
      fmt::print(ctx.out, "{}\n",
                 Tr("would route {0} to {1} {2} ({3}, by hand)", done->id, done->org,
                    done->org_name, level));
    else
      fmt::print(ctx.out, "{}\n",
                 Tr("routed {0} to {1} {2} ({3}, by hand) {4}", done->id, done->org, done->org_name,
                    level, done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Status Run(Context& ctx) override {
    auto format = ParseFormat(format_);
    if (!format || *format == Format::kXlsx)
      return Status::Usage(Tr("unknown format \"{0}\"; use table, csv, json or md", format_));
    if (!explain_.empty() && (!terms_.empty() || dry_run_))
      return Status::Usage(_("--explain ID shows one case; it takes no filter and no --dry-run"));
    Store& store = ctx.st();
    if (!date_.empty()) {
      if (!explain_.empty())
        return Status::Usage(_("--explain writes nothing; it takes no --date"));
      auto on = Date::Parse(date_);
      if (!on) return Status::Usage(Tr("--date {0} is not a date (YYYY-MM-DD)", date_));
      on_ = *on;
    }
    if (!to_.empty()) return ByHand(ctx);
    if (!reason_.empty()) return Status::Usage(_("--reason goes with --to ORG"));
    if (!explain_.empty()) {
      auto policy = LoadPolicy(store);
      if (!policy.ok()) return policy.status();
      return Explain(ctx, *policy, *format);
    }
    auto filter = ParseStoreFilter(store, terms_);
    if (!filter.ok()) return filter.status();

    // A dry run may do without an operator; a write was given one.
    Signature author;
    if (auto op = ctx.Operator(); op.ok())
      author = *op;
    else if (!dry_run_)
      return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    const Timestamp now = ctx.Now();
    const Date today = ctx.Today();
    auto done = RouteCases(**w, *filter, author, now, today, on_);
    if (!done.ok()) return done.status();
    for (const auto& u : done->unrouted)
      fmt::print(ctx.err, "{}\n", Tr("{0}: not routed: {1}; it stays received", u.id, u.problem));

    // Chinese human output shows labels only; machine formats keep the codes.
    const bool human = *format == Format::kTable || *format == Format::kMarkdown;
    const bool labels = human && TranslationOn();
    Table plan = PlanTable(labels);
    const Vocabulary& vocab = store.vocab();
    for (const RoutedCase& r : done->routed) {
      const Case& c = r.record;
      const RoutingDecision& d = r.decision;
      std::string note = d.target_note;
      if (d.deadline_days > 0) AddNote(&note, Tr("deadline {0} days", d.deadline_days));
      if (d.mediator_grade > 0)
        AddNote(&note, Tr("mediator grade {0} or higher", d.mediator_grade));
      if (d.auto_assign) AddNote(&note, _("assigned on routing"));
      if (labels)
        plan.rows.push_back({c.id, vocab.category().Zh(c.category), vocab.risk().Shown(c.risk),
                             d.rule, d.org, d.org_name, vocab.level().Shown(d.level), note});
      else
        plan.rows.push_back({c.id, c.category, vocab.category().Zh(c.category), c.risk, d.rule,
                             d.org, d.org_name, d.level, note});
    }
    const std::size_t routed = done->routed.size();
    const std::size_t unrouted = done->unrouted.size();

    // What follows the summary when some cases could not be routed.
    std::string tail;
    if (unrouted > 0)
      tail =
          TrN("; {0} case could not be routed and stay received (see above)",
              "; {0} cases could not be routed and stay received (see above)", unrouted, unrouted);
    if (dry_run_) {
      if (!plan.rows.empty()) MEDIATE_RETURN_IF_ERROR(Emit(ctx, plan, *format));
      if (human)
        fmt::print(ctx.out, "{}\n",
                   TrN("would route {0} case (dry run: nothing written)",
                       "would route {0} cases (dry run: nothing written)", routed, routed) +
                       tail);
      else if (unrouted > 0)
        fmt::print(ctx.err, "{}\n",
                   TrN("{0} case could not be routed", "{0} cases could not be routed", unrouted,
                       unrouted));
      return Status::Ok();
    }
    if (routed == 0) {
      if (unrouted > 0)
        fmt::print(ctx.out, "{}\n", _("routed no cases") + tail);
      else if (terms_.empty())
        fmt::print(ctx.out, "{}\n", _("nothing to route: no received cases"));
      else
        fmt::print(ctx.out, "{}\n", _("nothing to route: no received cases match the filter"));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               TrN("routed {0} case in one commit ({1})", "routed {0} cases in one commit ({1})",
                   routed, routed, done->commit.substr(0, 7)) +
                   tail);
    if (done->auto_assign.empty()) return Status::Ok();
    // Assignment by rule is its own change: the lock is let go and taken again.
    MEDIATE_RETURN_IF_ERROR((*w)->Renew("mediate assign --auto by " + author.ToString()));
    std::string ids;
    for (const auto& id : done->auto_assign) ids += (ids.empty() ? "" : ",") + id;
    auto auto_filter = ParseStoreFilter(store, {"id:" + ids});
    if (!auto_filter.ok()) return auto_filter.status();
    auto assigned = AutoAssign(**w, *auto_filter, author, now, today);
    if (!assigned.ok()) {
      const std::size_t n = done->auto_assign.size();
      fmt::print(ctx.err, "{}\n",
                 TrN("note: the rules ask to assign {0} case on routing, but it was "
                     "refused (they stay routed; mediate assign --auto):",
                     "note: the rules ask to assign {0} cases on routing, but it was "
                     "refused (they stay routed; mediate assign --auto):",
                     n, n));
      PrintStatus(ctx.err, assigned.status());
      return Status::Ok();
    }
    const std::size_t n = assigned->choices.size();
    fmt::print(
        ctx.out, "{}\n",
        TrN("assigned {0} case by rule in one commit ({1})",
            "assigned {0} cases by rule in one commit ({1})", n, n, assigned->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  static Result<RoutingPolicy> LoadPolicy(const Store& store) {
    return LoadStoreRoutingPolicy(store);
  }

  /// The columns of the routing plan; with `labels` (Chinese human output)
  /// the category, risk and level as labels, no code columns.
  static Table PlanTable(bool labels) {
    Table t;
    if (labels)
      t.columns = {
          {"id", _("id"), ColumnKind::kCode},       {"category_label", "类别", ColumnKind::kText},
          {"risk", _("risk"), ColumnKind::kText},   {"rule", _("rule"), ColumnKind::kText},
          {"org", _("org"), ColumnKind::kCode},     {"org_name", "组织", ColumnKind::kText},
          {"level", _("level"), ColumnKind::kText}, {"note", _("note"), ColumnKind::kText}};
    else
      t.columns = {{"id", "id", ColumnKind::kCode},
                   {"category", "category", ColumnKind::kCode},
                   {"category_label", "类别", ColumnKind::kText},
                   {"risk", "risk", ColumnKind::kCode},
                   {"rule", "rule", ColumnKind::kText},
                   {"org", "org", ColumnKind::kCode},
                   {"org_name", "组织", ColumnKind::kText},
                   {"level", "level", ColumnKind::kCode},
                   {"note", "note", ColumnKind::kText}};
    return t;
  }

  /// `route --explain ID`: every rule in order, and whether it matched.
  Status Explain(Context& ctx, const RoutingPolicy& policy, Format format) const {
    Store& store = ctx.st();
    auto loaded = store.LoadCase(explain_);
    if (!loaded.ok()) return loaded.status();
    const Case& c = loaded->record;
    RoutingDecision d = Route(policy, c, store.areas(), store.orgs());
    const bool text = format == Format::kTable;
    // Chinese human output: translated headings and results; machine formats keep the codes.
    const bool human = text || format == Format::kMarkdown;
    auto word = [&](const char* code) { return human ? std::string(_(code)) : std::string(code); };

    Table t;
    t.columns = {{"n", "#", ColumnKind::kInt},
                 {"rule", _("rule"), ColumnKind::kText},
                 {"result", _("result"), ColumnKind::kText},
                 {"because", _("because"), ColumnKind::kText}};
    if (!text) {
      t.columns.push_back({"org", _("org"), ColumnKind::kCode});
      t.columns.push_back({"org_name", "组织", ColumnKind::kText});
    }
    std::int64_t n = 0;
    for (const RuleTrace& r : d.trace) {
      std::string because = r.because;
      std::string org, org_name;
      if (r.matched && d.routed) {
        org = d.org;
        org_name = d.org_name;
        if (text)
          because += d.target_note.empty()
                         ? fmt::format("  → {} {}", d.org, d.org_name)
                         : Tr("  → {0} {1} ({2})", d.org, d.org_name, d.target_note);
      } else if (r.matched) {
        because += Tr("  → not routed: {0}", d.problem);
      }
      // English keeps its "no"; the word is "no match" where it is translated.
      const std::string no = human && TranslationOn() ? _("no match") : "no";
      std::vector<Cell> row = {++n, r.rule, r.matched ? word(N_("match")) : no, because};
      if (!text) {
        row.push_back(org);
        row.push_back(org_name);
      }
      t.rows.push_back(std::move(row));
    }
    if (!text) {
      for (const auto& name : d.not_reached)
        t.rows.push_back(
            {++n, name, word(N_("not reached")), std::string(), std::string(), std::string()});
    }
    MEDIATE_RETURN_IF_ERROR(Emit(ctx, t, format));
    if (!text) return Status::Ok();
    std::string indent(static_cast<std::size_t>(std::to_string(n).size()) + 2, ' ');
    if (!d.not_reached.empty())
      fmt::print(ctx.out, "{}\n", indent + _("(later rules are not reached)"));
    if (d.rule.empty()) fmt::print(ctx.out, "{}\n", Tr("not routed: {0}", d.problem));
    Derived now = Replay(c, store.settings());
    if (now.status != CaseStatus::kReceived) {
      const std::string status = store.vocab().status().Shown(now.state.status);
      if (now.state.org.empty())
        fmt::print(ctx.out, "{}\n",
                   Tr("note: {0} is {1}; `mediate route` routes only received cases, so "
                      "this shows what the rules would decide today",
                      c.id, status));
      else
        fmt::print(ctx.out, "{}\n",
                   Tr("note: {0} is {1} ({2}); `mediate route` routes only received "
                      "cases, so this shows what the rules would decide today",
                      c.id, status, now.state.org));
    }
    return Status::Ok();
  }

  std::vector<std::string> terms_;
  bool dry_run_ = false;
  std::string to_, reason_;
  std::string date_;
  Date on_;
  std::string explain_;
  std::string format_ = "table";
};

}  // namespace

std::unique_ptr<Command> MakeRouteCommand() { return std::make_unique<RouteCommand>(); }

}  // namespace mediate::cli
