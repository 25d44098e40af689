// mediate renumber ID [--file PATH] [--reason R]: two case files hold the
// same id (clones without distinct offices registered cases offline, then
// merged); one of them gets a new id from this clone's office numbers, in
// one commit (lib/write/renumber.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "i18n.hpp"
#include "renumber.hpp"

namespace mediate::cli {
namespace {

class RenumberCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return std::string("mediate renumber"); }

  void Declare(CLI::App& app) override {
    app.add_option("id", request_.id, _("the case id two files hold, e.g. WBL-2026-000001"))
        ->required();
    app.add_option("--file", request_.file,
                   _("the file to renumber (default: the case received later)"))
        ->type_name("PATH");
    app.add_option("--reason", request_.reason, _("why, kept in the event"));
    app.footer(
        _("Example:\n  mediate renumber WBL-2026-000001\n"
          "The case keeps its month folder; its timeline gets a `renumbered` event with the old\n"
          "id (from), and `mediate history NEW-ID` shows its history under both ids."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    request_.now = ctx.Now();
    auto out = RenumberCase(**w, *op, request_);
    if (!out.ok()) return out.status();
    fmt::print(ctx.out, "{}\n",
               Tr("renumbered {0} as {1} ({2}); {3} keeps {4} ({5})", out->old_path, out->to,
                  out->new_path, out->kept, out->from, out->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  RenumberRequest request_;
};

}  // namespace

std::unique_ptr<Command> MakeRenumberCommand() { return std::make_unique<RenumberCommand>(); }

}  // namespace mediate::cli
