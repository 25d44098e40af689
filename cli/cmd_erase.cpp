// mediate erase ID --reason R [--basis B]: erases a case's personal data
// by destroying its key (lib/write/case_erase.hpp; docs/personal-data.md,
// "Erasure"; PIPL Art. 47).
#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "case_erase.hpp"
#include "command.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

class EraseCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return std::string("mediate erase"); }

  void Declare(CLI::App& app) override {
    app.add_option("id", request_.id, _("the case id, e.g. XJY-2026-000007"))->required();
    app.add_option("--reason", request_.reason, _("why the personal data is erased (required)"))
        ->required();
    app.add_option("--basis", request_.basis,
                   _("the legal ground, for a case still open or within its retention period"));
    app.footer(
        _("Example:\n  mediate erase XJY-2016-000007 --reason \"保管期限届满\"\n"
          "The case file stays and statistics still count it; its personal values no longer\n"
          "open anywhere once every clone has synced and git's garbage collection has run\n"
          "(docs/personal-data.md, \"Erasure\")."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    request_.now = ctx.Now();
    auto out = EraseCase(**w, *op, request_);
    if (!out.ok()) return out.status();
    fmt::print(ctx.out, "{}\n",
               Tr("erased the personal data of {0}: its key {1} is destroyed here ({2}); sync, "
                  "so that every clone destroys it too",
                  out->id, out->key.substr(0, 8), out->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  EraseRequest request_;
};

}  // namespace

std::unique_ptr<Command> MakeEraseCommand() { return std::make_unique<EraseCommand>(); }

}  // namespace mediate::cli
