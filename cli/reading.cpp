#include "reading.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "i18n.hpp"

namespace mediate::cli {

void ReadingOptions::Declare(CLI::App& app, const std::string& formats) {
  app.add_option("filter", terms,
                 _("filter terms: field:value[,value] field:LO..HI not:field:value text:词 open "
                   "overdue"))
      ->type_name(_("TEXT"));
  app.add_option("--format", format, Tr("output format: {0}", formats))->type_name(_("FORMAT"));
  app.add_option("-o,--output", output, _("write to FILE instead of standard output"))
      ->type_name("FILE");
  app.add_flag("--no-bom", no_bom,
               _("a CSV file written with -o starts without the UTF-8 byte order mark (by "
                 "default it has one, so that Excel shows Chinese)"));
  app.add_flag("--keep-going", keep_going,
               go_on_by_default
                   ? _("report unreadable case files and go on (the default here)")
                   : _("report unreadable case files, leave them out and go on (default: fail "
                       "naming them)"));
}

void ReadingOptions::DeclarePeriod(CLI::App& app) {
  has_period = true;
  auto* g = app.add_option_group(_("period"), _("the period (store time zone; a case counts in the "
                                                "period it was received)"));
  g->add_option("--year", period_options.year, _("a calendar year: 2022"))->type_name("YYYY");
  g->add_option("--quarter", period_options.quarter, _("a quarter: 2026Q1"))->type_name("YYYYQn");
  g->add_option("--month", period_options.month, _("a month: 2026-03"))->type_name("YYYY-MM");
  g->add_option("--from", period_options.from, _("first day: 2026-01-01"))->type_name("DATE");
  g->add_option("--to", period_options.to, _("last day: 2026-03-31"))->type_name("DATE");
}

Result<Period> ReadingOptions::ParsedPeriod() const {
  if (!has_period) return Period{};
  return ParsePeriod(period_options);
}

Result<Format> OutputOptions::ParsedFormat() const {
  auto f = ParseFormat(format);
  if (!f)
    return Status::Usage(
        Tr("unknown format \"{0}\"; use table, csv, json, jsonl, md or xlsx", format));
  return *f;
}

namespace {

/// Prints the files --keep-going left out, as warnings: each file's
/// errors, what to do about a file whose errors do not say it already
/// (RestoreHint; not for a record of a newer mediate), and how many files
/// were left out.
void WarnSkipped(Context& ctx, const std::vector<Diagnostic>& skipped) {
  if (skipped.empty()) return;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < skipped.size(); ++i) {
    const Diagnostic& d = skipped[i];
    std::fprintf(ctx.err, "%s\n", d.ToString().c_str());
    if (files.empty() || files.back() != d.where.file) files.push_back(d.where.file);
    const bool last_of_file = i + 1 == skipped.size() || skipped[i + 1].where.file != d.where.file;
    if (!last_of_file) continue;
    // No hint where the errors give one, nor for a record a newer mediate
    // wrote ("upgrade mediate"): restoring or editing it would undo that work.
    bool hinted = false;
    for (std::size_t j = i + 1; j-- > 0 && skipped[j].where.file == d.where.file;)
      hinted = hinted || skipped[j].message.find("mediate edit") != std::string::npos ||
               skipped[j].message.find("upgrade mediate") != std::string::npos;
    if (!hinted)
      std::fprintf(ctx.err, "%s: %s\n", d.where.file.c_str(), RestoreHint(d.where.file).c_str());
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::fprintf(ctx.err, "%s\n",
               TrN("warning: {0} case file was left out because it cannot be read",
                   "warning: {0} case files were left out because they cannot be read",
                   files.size(), files.size())
                   .c_str());
}

}  // namespace

Result<std::vector<CaseSummary>> ReadingOptions::Select(Context& ctx, bool by_received) const {
  auto period = ParsedPeriod();
  if (!period.ok()) return period.status();
  auto filter = ParseStoreFilter(ctx.st(), terms);
  if (!filter.ok()) return filter.status();
  SelectOptions options;
  options.keep_going = keep_going || go_on_by_default;
  if (by_received) options.received = *period;
  std::vector<Diagnostic> skipped;
  auto cases = SelectCases(ctx.st(), *filter, ctx.Today(), options, &skipped);
  WarnSkipped(ctx, skipped);
  return cases;
}

Status ReadingOptions::Visit(Context& ctx, const std::function<void(const CaseSummary&)>& visit,
                             bool by_received) const {
  auto period = ParsedPeriod();
  if (!period.ok()) return period.status();
  auto filter = ParseStoreFilter(ctx.st(), terms);
  if (!filter.ok()) return filter.status();
  SelectOptions options;
  options.keep_going = keep_going || go_on_by_default;
  if (by_received) options.received = *period;
  std::vector<Diagnostic> skipped;
  Status st = VisitCases(ctx.st(), *filter, ctx.Today(), options, visit, &skipped);
  WarnSkipped(ctx, skipped);
  return st;
}

Status OutputOptions::Output(Context& ctx, const Table& t, const std::string& sheet) const {
  auto f = ParsedFormat();
  if (!f.ok()) return f.status();
  if (*f == Format::kXlsx) return Emit(ctx, t, *f, output, sheet);
  if (output.empty()) return Emit(ctx, t, *f);
  return WriteOutputFile(output, *f, !no_bom, [&](const TextSink& sink) {
    sink(Render(t, *f));
    return Status::Ok();
  });
}

void OutputOptions::Declare(CLI::App* app) {
  app->add_option("--format", format, _("table, csv, json, md or xlsx"))->type_name(_("FORMAT"));
  app->add_option("-o,--output", output, _("write to FILE (required for xlsx)"))->type_name("FILE");
  app->add_flag("--no-bom", no_bom,
                _("a CSV file written with -o starts without the UTF-8 byte order mark"));
}

Status WriteOutputFile(const std::string& path, Format format, bool bom,
                       const std::function<Status(const TextSink&)>& produce) {
  const std::string part = path + ".part-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(part.c_str(), "wb");
  if (!f) return Status::Io(Tr("cannot write {0}: {1}", path, std::strerror(errno)));
  bool write_failed = false;
  const TextSink sink = [&](std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) write_failed = true;
  };
  sink(FilePreamble(format, bom));
  Status st = produce(sink);
  int saved = 0;
  if (std::fflush(f) != 0 || write_failed) saved = errno ? errno : EIO;
  if (std::fclose(f) != 0 && saved == 0) saved = errno;
  if (st.ok() && saved != 0)
    st = Status::Io(Tr("cannot write {0}: {1}", path, std::strerror(saved)));
  if (st.ok() && std::rename(part.c_str(), path.c_str()) != 0)
    st = Status::Io(Tr("cannot write {0}: {1}", path, std::strerror(errno)));
  if (!st.ok()) std::remove(part.c_str());
  return st;
}

}  // namespace mediate::cli
