// mediate tag ID TAG... / mediate untag ID TAG...: label cases, e.g. as
// typical cases (exemplary) for `exemplary export`. One commit per change.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "case_tags.hpp"
#include "command.hpp"
#include "exemplary.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "sensitive.hpp"

namespace mediate::cli {
namespace {

class TagCommand : public Command {
 public:
  explicit TagCommand(bool remove) : remove_(remove) {}
  std::optional<std::string> Writes() const override {
    return std::string(remove_ ? "mediate untag" : "mediate tag");
  }

  void Declare(CLI::App& app) override {
    app.add_option("id", id_, _("case id, e.g. WBL-2026-000042"))->required();
    app.add_option("tags", tags_, _("tags: exemplary (a typical case, 优秀调解案例), or your own"))
        ->required();
    app.footer(remove_
                   ? _("Example:\n  mediate untag WBL-2026-000042 exemplary")
                   : _("Example:\n  mediate tag WBL-2026-000042 exemplary\n"
                       "Cases with sensitive personal information (PIPL Art. 28) may be tagged\n"
                       "but are never exported by `mediate exemplary export`."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto out = TagCase(**w, *op, id_, tags_, remove_);
    if (!out.ok()) return out.status();
    if (out->changed.empty()) {
      fmt::print(ctx.out, "{}\n", Tr("{0}: nothing to change", id_));
      return Status::Ok();
    }
    std::string list;
    for (const auto& t : out->changed)
      list += std::string(list.empty() ? "" : " ") + (remove_ ? "-" : "+") + t;
    fmt::print(ctx.out, "{}\n", Tr("{0}: {1} ({2})", id_, list, out->commit.substr(0, 7)));
    if (!remove_ && std::find(tags_.begin(), tags_.end(), kExemplaryTag) != tags_.end()) {
      auto reasons = SensitiveReasons(out->record, ctx.st().settings().time_zone);
      if (!reasons.empty()) {
        fmt::print(ctx.err, "{}\n",
                   Tr("warning: {0} holds sensitive personal information ({1}; PIPL Art. 28): "
                      "exemplary export will leave it out",
                      id_, SensitiveReasonsShown(reasons)));
      }
    }
    return Status::Ok();
  }

 private:
  bool remove_;
  std::string id_;
  std::vector<std::string> tags_;
};

}  // namespace

std::unique_ptr<Command> MakeTagCommand() { return std::make_unique<TagCommand>(false); }
std::unique_ptr<Command> MakeUntagCommand() { return std::make_unique<TagCommand>(true); }

}  // namespace mediate::cli
