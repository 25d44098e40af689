// mediate export [FILTER...] [PERIOD] --format csv|jsonl|json|xlsx [--reveal] [-o FILE]:
// the cases as rows of a stable schema (docs/export.md).
#include <CLI/CLI.hpp>
#include <algorithm>

#include "case_export.hpp"
#include "command.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "party_lookup.hpp"
#include "reading.hpp"
#include "reveal.hpp"
#include "row_output.hpp"

namespace mediate::cli {
namespace {

class ExportCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    reading_.format = "csv";
    reading_.Declare(app, "csv|jsonl|json|xlsx");
    reading_.DeclarePeriod(app);
    app.add_flag("--reveal", reveal_,
                 _("write ID, credit-code and phone numbers in full (default: masked, "
                   "docs/law.md)"));
    app.footer(
        _("One row (CSV, XLSX) or object (JSONL) per case; the fields are a stable schema\n"
          "(docs/export.md). A period selects cases by the date received (store time zone).\n"
          "Examples:\n"
          "  mediate export --year 2022 --format jsonl -o wbl-2022.jsonl\n"
          "  mediate export category:labour open --format xlsx -o labour.xlsx"));
  }

  Status Run(Context& ctx) override {
    const std::string& f = reading_.format;
    if (f != "csv" && f != "jsonl" && f != "json" && f != "xlsx")
      return Status::Usage(
          Tr("unknown export format \"{0}\"; export writes csv, jsonl, json or xlsx", f));
    if (reveal_) MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    auto out = RowOutput::Open(ctx, reading_, ExportColumns());
    if (!out.ok()) return out.status();
    const Store* store = &ctx.st();
    const ExportContext context{
        StoreLabeler(*store),
        [store](const std::string& s) { return store->vocab().SourceGroup(s); },
        [store](const std::string& org) {
          auto it = store->orgs().find(org);
          return it == store->orgs().end() ? std::string() : it->second.kind;
        },
        ctx.Today(), reveal_,
        // In full only with --reveal: read from the case file (the index
        // keeps the numbers masked and hashed).
        [store](const CaseSummary& c) {
          std::vector<std::string> keys;
          LoadedCase lc = store->LoadCaseFile(c.path);
          for (const Party& p : lc.record.parties) keys.push_back(PartyKey(p));
          return keys;
        },
        [store](const CaseSummary& c) {
          return FileNumber(c.id, c.file_no, store->offices(), store->settings());
        }};
    std::vector<std::string> ids;  // for the record of a --reveal
    MEDIATE_RETURN_IF_ERROR(reading_.Visit(
        ctx,
        [&](const CaseSummary& c) {
          if (reveal_) ids.push_back(c.id);
          out->Add(c.id, ExportRow(c, context));
        },
        /*by_received=*/true));
    if (reveal_) {
      // Recorded before anything unmasked leaves the program (lib/store/reveal.hpp).
      auto op = ctx.Operator();
      if (!op.ok()) return op.status();
      std::sort(ids.begin(), ids.end());
      RevealRequest request{"export", std::move(ids), "--format " + reading_.format};
      for (const std::string& term : reading_.terms) request.detail += " " + term;
      auto rec = RecordReveal(store->root(), *op, request, ctx.write_options);
      if (!rec.ok()) return rec.status();
    }
    return out->Write(ctx, {}, {}, "cases");
  }

 private:
  ReadingOptions reading_;
  bool reveal_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeExportCommand() { return std::make_unique<ExportCommand>(); }

}  // namespace mediate::cli
