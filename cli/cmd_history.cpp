// mediate history ID: the commits that touched a case, with field changes.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "history.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "timeline.hpp"

namespace mediate::cli {
namespace {

std::string LocalTime(std::int64_t t, const TimeZone& tz) {
  Timestamp ts = tz.ToLocal(Timestamp{t, 0});
  int offset_minutes = ts.offset_minutes;
  std::string s = ts.ToString();  // 2026-01-03T14:00:00+08:00
  std::string off = offset_minutes == 0 ? "+00:00" : s.substr(19);
  return s.substr(0, 10) + " " + s.substr(11, 5) + " " + off;
}

/// The verb of a commit's Mediate-Action trailer as the interface names
/// it: in Chinese the label of the step it records (route → 分流), else
/// the verb.
std::string ActionText(const std::string& action) {
  if (!TranslationOn()) return action;
  for (const EventKindInfo& k : EventKinds())
    if (k.command == action) return k.zh;
  static const std::pair<const char*, const char*> kOthers[] = {
      {"amend", "更正"},         {"edit", "编辑"},   {"tag", "标签"},  {"import", "导入"},
      {"adopt", "接纳手工提交"}, {"init", "初始化"}, {"merge", "合并"}};
  for (const auto& [verb, zh] : kOthers)
    if (action == verb) return zh;
  return action;
}

/// A value of a changed field as the interface shows it: in Chinese the
/// label of a code (status: routed → 已分流), else the value.
std::string ValueText(const Store& store, const std::string& field, const std::string& value) {
  if (!TranslationOn()) return value;
  std::string label = LabelOf(store, field, value);
  return label.empty() ? value : label;
}

class HistoryCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, _("case id"))->required()->type_name(_("TEXT"));
    app.add_flag("--reveal", reveal_, _("show changes to parties' personal data"));
  }

  Status Run(Context& ctx) override {
    auto path = ctx.st().FindCase(id_);
    if (!path.ok()) return path.status();
    auto history = RecordHistory(ctx.st(), *path, reveal_);
    if (!history.ok()) return history.status();
    const Store& store = ctx.st();
    // The labels of organisations and places (ValueText) are the registries':
    // without them a value shows as it is stored.
    if (TranslationOn()) (void)ctx.st().LoadRegistries();
    std::string out;
    for (const auto& e : *history) {
      std::string action = ActionText(e.action);
      if (e.action == "import") {
        auto line = e.commit.summary;
        auto from = line.find(" from ");
        if (from != std::string::npos) action += " " + line.substr(from + 6);
      }
      out += fmt::format("{}  {}  {}\n", LocalTime(e.commit.time, ctx.st().settings().time_zone),
                         e.commit.author.ToString(), action);
      if (e.created) out += fmt::format("    {}\n", _("created"));
      if (e.deleted) out += fmt::format("    {}\n", _("deleted"));
      for (const auto& ch : e.changes) {
        if (ch.field == "events")
          out += fmt::format("    {}\n", Tr("events: {0}", ch.after));
        else
          out += fmt::format("    {}\n", Tr("{0}: {1} → {2}", FieldLabel(ch.field),
                                            ValueText(store, ch.field, ch.before),
                                            ValueText(store, ch.field, ch.after)));
      }
    }
    std::fwrite(out.data(), 1, out.size(), ctx.out);
    return Status::Ok();
  }

 private:
  std::string id_;
  bool reveal_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeHistoryCommand() { return std::make_unique<HistoryCommand>(); }

}  // namespace mediate::cli
