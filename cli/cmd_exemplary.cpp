// mediate exemplary export [-o FILE]: the typical cases (tagged exemplary)
// as a de-identified Markdown case library (lib/domain/exemplary.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include <fstream>

#include "command.hpp"
#include "exemplary.hpp"
#include "i18n.hpp"
#include "labels.hpp"

namespace mediate::cli {
namespace {

class ExemplaryCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    CLI::App* exp = app.add_subcommand("export", _("write the case library (Markdown)"));
    exp->add_option("-o,--output", output_, _("write to FILE instead of standard output"))
        ->type_name("FILE");
    exp->add_flag("--keep-going", keep_going_,
                  _("report unreadable case files and go on (default: fail naming them)"));
    app.footer(
        _("Tag typical cases with `mediate tag ID exemplary`. The library is de-identified\n"
          "(PIPL Art. 51): names of parties, agents, mediators and of people named beside an age\n"
          "or a kinship word are reduced to the surname and 某 (张三 → 张某; organisations to\n"
          "their kind, 某有限公司); ID, credit-code, bank-card and phone numbers, licence plates\n"
          "and addresses below the community become [已删除]; every case with sensitive\n"
          "personal information (PIPL Art. 28: medical disputes, children under 14, flagged by\n"
          "hand) is left out.\n"
          "Example:\n  mediate exemplary export -o 优秀案例.md"));
  }

  Status Run(Context& ctx) override {
    Store& store = ctx.st();
    // The library is made from the texts themselves, de-identified here: in an
    // encrypted store they are read opened, with the desk's key.
    MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    std::vector<Case> cases;
    std::vector<Diagnostic> problems;
    for (const auto& rel : store.ListCaseFiles()) {
      LoadedCase lc = store.LoadCaseFile(rel);
      if (!lc.ok) {
        for (auto& d : lc.diagnostics)
          if (d.severity == Severity::kError) problems.push_back(d);
        continue;
      }
      cases.push_back(std::move(lc.record));
    }
    if (!problems.empty()) {
      if (!keep_going_)
        return Status::Rejected(
            _("unreadable case files: a typical case could be among them; fix them, or give "
              "--keep-going to leave them out"),
            std::move(problems));
      for (const auto& d : problems) std::fprintf(ctx.err, "%s\n", d.ToString().c_str());
      fmt::print(ctx.err, "{}\n", _("warning: unreadable case files are left out"));
    }
    ExemplaryLibrary lib = BuildExemplaryLibrary(cases, store);
    for (const auto& [id, reasons] : lib.left_out) {
      fmt::print(ctx.err, "{}\n",
                 Tr("left out {0}: sensitive personal information ({1}; PIPL Art. 28)", id,
                    SensitiveReasonsShown(reasons)));
    }
    if (output_.empty()) {
      std::fwrite(lib.markdown.data(), 1, lib.markdown.size(), ctx.out);
    } else {
      std::ofstream out(output_, std::ios::binary | std::ios::trunc);
      out << lib.markdown;
      if (!out) return Status::Io(Tr("cannot write {0}: {1}", output_, std::strerror(errno)));
    }
    const std::size_t n = lib.included.size();
    fmt::print(ctx.err, "{}\n",
               output_.empty()
                   ? TrN("exported {0} typical case(s)", "exported {0} typical case(s)", n, n)
                   : TrN("exported {0} typical case(s) to {1}",
                         "exported {0} typical case(s) to {1}", n, n, output_));
    return Status::Ok();
  }

 private:
  std::string output_;
  bool keep_going_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeExemplaryCommand() { return std::make_unique<ExemplaryCommand>(); }

}  // namespace mediate::cli
