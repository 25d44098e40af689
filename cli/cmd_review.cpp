// mediate review check|sample|add|list|stats: case-quality review (案件质量
// 评查, docs/law.md) — automatic typed checks, a reproducible sample, the
// reviewers' results and their statistics.
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>

#include "command.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "reading.hpp"
#include "review.hpp"
#include "review_record.hpp"
#include "review_tables.hpp"
#include "review_write.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

class ReviewCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(
        _("Examples:\n"
          "  mediate review check received:2022-01-01..2022-12-31\n"
          "  mediate review check --cases --format csv\n"
          "  mediate review sample --rate-confirmed 10% --rate-other 5% --seed 2022 "
          "received:2022-01-01..2022-12-31\n"
          "  mediate review add WBL-2022-000017 --score 85 --finding no_return_visit "
          "--individual \"回访记录未签名\"\n"
          "  mediate review stats --year 2022"));

    check_ =
        app.add_subcommand("check", _("automatic typed checks of case files (exit 1 when any is "
                                      "found)"));
    check_reading_.Declare(*check_, "table|csv|json|md|xlsx");
    check_reading_.DeclarePeriod(*check_);
    check_->add_flag("--cases", cases_, _("list the case ids of each finding"));
    check_->footer(
        Tr("typed problems: {0}", Vocabulary::Builtin().Get("review_finding").KnownValues()));

    sample_ = app.add_subcommand("sample", _("draw a reproducible sample of case files to review"));
    sample_reading_.Declare(*sample_, "table|csv|json|md|xlsx");
    sample_reading_.DeclarePeriod(*sample_);
    // xgettext:no-c-format
    sample_->add_option("--rate", rate_, _("share of every case drawn: 10% or 0.1"));
    sample_->add_option("--rate-confirmed", rate_confirmed_,
                        _("share of judicially confirmed cases (default --rate)"));
    sample_->add_option("--rate-other", rate_other_,
                        _("share of the other cases (default --rate)"));
    sample_->add_option("--seed", seed_, _("seed: the same seed draws the same cases (default 0)"));

    add_ = app.add_subcommand("add", _("record a reviewer's result for one case file"));
    add_->add_option("id", id_, _("case id"))->required();
    add_->add_option("--score", score_, _("score 0–100"));
    add_->add_option("--finding", findings_,
                     Tr("typed problem (repeatable): {0}",
                        Vocabulary::Builtin().Get("review_finding").KnownValues()));
    add_->add_option("--individual", individual_,
                     _("an individual problem, in words (repeatable)"));
    add_->add_option("--note", note_, _("a note"));
    add_->add_option("--date", date_, _("date of the review (default today)"));
    add_->add_flag("--replace", replace_, _("replace this year's earlier review of the case"));

    list_ = app.add_subcommand("list", _("the reviews recorded"));
    list_->add_option("--year", year_, _("only reviews recorded in this year"));
    DeclareFormat(list_);

    stats_ = app.add_subcommand("stats", _("files reviewed, typed problems (occurrences, kinds), "
                                           "individual problems, most frequent kinds"));
    stats_->add_option("--year", year_, _("only reviews recorded in this year"));
    stats_->add_flag("--kinds", kinds_, _("typed problems by kind, most frequent first"));
    DeclareFormat(stats_);
  }

  std::optional<std::string> Writes() const override {
    if (add_->parsed()) return std::string("mediate review add");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (check_->parsed()) return Check(ctx);
    if (sample_->parsed()) return Sample(ctx);
    if (add_->parsed()) return Add(ctx);
    if (list_->parsed()) return List(ctx);
    if (stats_->parsed()) return Stats(ctx);
    return Status::Usage(_("review: give a subcommand"));
  }

 private:
  void DeclareFormat(CLI::App* app) {
    app->add_option("--format", format_, _("table, csv, json, md or xlsx"));
    app->add_option("-o,--output", output_, _("write to FILE (required for xlsx)"));
    app->add_flag("--no-bom", no_bom_,
                  _("a CSV file written with -o starts without the UTF-8 byte order mark"));
  }
  std::function<std::string(const std::string&)> Label(const Store& store) {
    return [&store](const std::string& c) { return store.vocab().Get("review_finding").Zh(c); };
  }

  Status Check(Context& ctx) {
    ReviewCheckScan scan(ctx.st());
    MEDIATE_RETURN_IF_ERROR(check_reading_.Visit(
        ctx, [&](const CaseSummary& c) { scan.Add(c); }, /*by_received=*/true));
    auto result = scan.Finish();
    if (!result.ok()) return result.status();
    Table t = cases_ ? ReviewCasesTable(*result, Label(ctx.st()))
                     : ReviewCheckTable(*result, Label(ctx.st()));
    MEDIATE_RETURN_IF_ERROR(check_reading_.Output(ctx, t, "review"));
    if (result->cases_with_findings == 0) return Status::Ok();
    std::size_t findings = 0;
    for (const auto& [code, ids] : result->by_code) findings += ids.size();
    return Status::CheckFailed(TrN("{0} finding in {1} of {2} case files",
                                   "{0} findings in {1} of {2} case files", findings, findings,
                                   result->cases_with_findings, result->cases));
  }

  Status Sample(Context& ctx) {
    SampleRates rates;
    auto parse = [](const std::string& text, const char* flag) -> Result<double> {
      auto r = ParseRate(text);
      if (!r)
        return Status::Usage(
            Tr("{0} \"{1}\" is not a rate (10% or 0.1, at most 100%)", flag, text));
      return *r;
    };
    if (rate_.empty() && (rate_confirmed_.empty() || rate_other_.empty()))
      return Status::Usage(_("give --rate, or both --rate-confirmed and --rate-other"));
    if (!rate_.empty()) {
      auto r = parse(rate_, "--rate");
      if (!r.ok()) return r.status();
      rates.confirmed = rates.other = *r;
    }
    if (!rate_confirmed_.empty()) {
      auto r = parse(rate_confirmed_, "--rate-confirmed");
      if (!r.ok()) return r.status();
      rates.confirmed = *r;
    }
    if (!rate_other_.empty()) {
      auto r = parse(rate_other_, "--rate-other");
      if (!r.ok()) return r.status();
      rates.other = *r;
    }
    // Two passes over the store, holding a hash and an id per case: the
    // draw, then the summaries of the cases drawn.
    SampleDraw draw(rates, seed_);
    MEDIATE_RETURN_IF_ERROR(sample_reading_.Visit(
        ctx, [&](const CaseSummary& c) { draw.Add(c); }, /*by_received=*/true));
    const std::vector<std::string> ids = draw.Drawn();
    std::vector<CaseSummary> drawn;
    MEDIATE_RETURN_IF_ERROR(sample_reading_.Visit(
        ctx,
        [&](const CaseSummary& c) {
          if (std::binary_search(ids.begin(), ids.end(), c.id)) drawn.push_back(c);
        },
        /*by_received=*/true));
    std::sort(drawn.begin(), drawn.end(),
              [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; });
    const Store& store = ctx.st();
    Table t;
    t.columns = {{"id", "案件", ColumnKind::kCode},
                 {"file_no", "卷号", ColumnKind::kText},
                 {"received", "登记日期", ColumnKind::kText},
                 {"category", "类别", ColumnKind::kCode},
                 {"category_label", "类别名称", ColumnKind::kText},
                 {"status", "状态", ColumnKind::kCode},
                 {"org", "组织", ColumnKind::kCode},
                 {"confirmation", "司法确认", ColumnKind::kCode}};
    for (const auto& c : drawn)
      t.rows.push_back({c.id, FileNumber(c.id, c.file_no, store.offices(), store.settings()),
                        c.received.ToString(), c.category, LabelOf(store, "category", c.category),
                        c.status, c.org, c.confirmation});
    std::string note =
        // xgettext:no-c-format
        Tr("{0} of {1} case files drawn ({2:.1f}% of {3} confirmed, {4:.1f}% of {5} others; seed "
           "{6}); the same filter, rates and seed draw the same files",
           drawn.size(), draw.cases(), rates.confirmed * 100, draw.confirmed(), rates.other * 100,
           draw.cases() - draw.confirmed(), seed_);
    t.notes.push_back(note);
    return sample_reading_.Output(ctx, t, "sample");
  }

  Status Add(Context& ctx) {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    Date date = ctx.Today();
    if (!date_.empty()) {
      auto d = Date::Parse(date_);
      if (!d) return Status::Usage(Tr("{0} \"{1}\" is not a date (YYYY-MM-DD)", "--date", date_));
      date = *d;
    }
    if (score_ < -1 || score_ > 100) return Status::Usage(_("--score is 0 to 100"));
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AddReview(**w, *op, {id_, date, score_, findings_, individual_, note_, replace_});
    if (!done.ok()) return done.status();
    fmt::print(ctx.out, "{}\n",
               Tr("review add: {0} {1} typed, {2} individual ({3})", id_, findings_.size(),
                  individual_.size(), done->commit.substr(0, 7)));
    return Status::Ok();
  }

  Result<std::optional<int>> Year() {
    if (year_ == 0) return std::optional<int>();
    if (year_ < 1900 || year_ > 9999) return Status::Usage(_("--year is a calendar year (2022)"));
    return std::optional<int>(year_);
  }

  Status List(Context& ctx) {
    auto year = Year();
    if (!year.ok()) return year.status();
    auto reviews = LoadReviews(ctx.st());
    if (!reviews.ok()) return reviews.status();
    Table t;
    t.columns = {{"case", "案件", ColumnKind::kCode},
                 {"date", "评查日期", ColumnKind::kText},
                 {"reviewer", "评查人", ColumnKind::kText},
                 {"score", "得分", ColumnKind::kInt},
                 {"findings", "类型化问题", ColumnKind::kText},
                 {"individual", "个性化问题", ColumnKind::kInt}};
    for (const auto& r : *reviews) {
      if (*year && r.date.year() != **year) continue;
      std::string f;
      for (const auto& x : r.findings) f += (f.empty() ? "" : ";") + x;
      t.rows.push_back({r.case_id, r.date.ToString(), r.reviewer,
                        r.score >= 0 ? Cell(std::int64_t{r.score}) : Cell(), f,
                        static_cast<std::int64_t>(r.individual.size())});
    }
    const OutputOptions out{format_, output_, no_bom_};
    return out.Output(ctx, t, "reviews");
  }

  Status Stats(Context& ctx) {
    auto year = Year();
    if (!year.ok()) return year.status();
    auto reviews = LoadReviews(ctx.st());
    if (!reviews.ok()) return reviews.status();
    ReviewStats s = ComputeReviewStats(*reviews, *year);
    const OutputOptions out{format_, output_, no_bom_};
    return out.Output(
        ctx, kinds_ ? ReviewKindsTable(s, Label(ctx.st())) : ReviewStatsTable(s, Label(ctx.st())),
        "review stats");
  }

  CLI::App *check_ = nullptr, *sample_ = nullptr, *add_ = nullptr, *list_ = nullptr,
           *stats_ = nullptr;
  ReadingOptions check_reading_, sample_reading_;
  bool cases_ = false, replace_ = false, kinds_ = false, no_bom_ = false;
  std::string rate_, rate_confirmed_, rate_other_, id_, note_, date_, format_ = "table", output_;
  std::uint64_t seed_ = 0;
  int score_ = -1, year_ = 0;
  std::vector<std::string> findings_, individual_;
};

}  // namespace

std::unique_ptr<Command> MakeReviewCommand() { return std::make_unique<ReviewCommand>(); }

}  // namespace mediate::cli
