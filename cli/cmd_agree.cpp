// mediate agree ID --form written|oral --terms T … : the mediation
// agreement (People's Mediation Law Arts. 28–30; MoJ 2002 Provisions Arts.
// 34–35). A written agreement without the manner or time limit of
// performance, or not yet signed and sealed, is refused listing what is
// missing; an oral one performed later or in instalments is recorded with
// a warning.
#include <CLI/CLI.hpp>

#include "i18n.hpp"
#include "lifecycle_agreement.hpp"
#include "step_command.hpp"
#include "step_context.hpp"

namespace mediate::cli {
namespace {

class AgreeCommand : public Command {
 public:
  std::optional<std::string> Writes() const override { return step_.Writes("agree"); }
  void Declare(CLI::App& app) override {
    step_.Declare(app);
    app.add_option("--form", in_.form,
                   Tr("the agreement's form (Law Art. 28): {0}", StepKnownValues("form")));
    app.add_option("--date", in_.date, _("the day it was made and signed (default today)"))
        ->type_name("DATE");
    app.add_option("--facts", in_.facts, _("main facts, points in dispute, responsibilities"));
    app.add_option("--terms", in_.terms, _("an agreed term (repeat for each)"))->type_name("TEXT");
    app.add_option("--amount", in_.amount, _("the sum agreed, yuan (3500.00)"));
    app.add_option("--manner", in_.manner, _("manner of performance (一次性现金支付 …)"));
    app.add_option("--place", in_.place, _("place of performance"));
    app.add_option("--deadline", in_.deadline, _("time limit of performance"))->type_name("DATE");
    app.add_flag("--instalments", in_.instalments, _("performed in instalments"));
    app.add_option("--signed-by", in_.signed_by,
                   _("parties who signed, sealed or fingerprinted (names; all = every party)"))
        ->delimiter(',')
        ->type_name("NAME");
    app.add_flag("--mediator-signed", in_.mediator_signed, _("the mediator signed"));
    app.add_flag("--sealed", in_.sealed, _("the committee's seal is affixed"));
    app.footer(
        _("Example:\n"
          "  mediate agree WBL-2026-000042 --form written --facts \"楼上漏水致楼下受损\" \\\n"
          "    --terms \"李某赔偿王某维修费3500元\" --amount 3500 --manner 一次性转账 \\\n"
          "    --place 社区调委会 --deadline 2026-03-20 --signed-by all --mediator-signed "
          "--sealed"));
  }
  Status Run(Context& ctx) override {
    return RunStep(ctx, step_, "agree", "agreed",
                   [this](const Case& c, const Derived& d, const StepContext& sc,
                          DiagnosticSink* sink) { return BuildAgree(c, d, in_, sc, sink); });
  }

 private:
  StepOptions step_;
  AgreeInput in_;
};

}  // namespace

std::unique_ptr<Command> MakeAgreeCommand() { return std::make_unique<AgreeCommand>(); }

}  // namespace mediate::cli
