// mediate history ID: the commits that touched a case, with field changes.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "command.hpp"
#include "history.hpp"

namespace mediate::cli {
namespace {

std::string LocalTime(std::int64_t t, const TimeZone& tz) {
  Timestamp ts = tz.ToLocal(Timestamp{t, 0});
  int offset_minutes = ts.offset_minutes;
  std::string s = ts.ToString();  // 2026-01-03T14:00:00+08:00
  std::string off = offset_minutes == 0 ? "+00:00" : s.substr(19);
  return s.substr(0, 10) + " " + s.substr(11, 5) + " " + off;
}

class HistoryCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, "case id")->required();
    app.add_flag("--reveal", reveal_, "show changes to parties' personal data");
  }

  Status Run(Context& ctx) override {
    auto path = ctx.st().FindCase(id_);
    if (!path.ok()) return path.status();
    auto history = RecordHistory(ctx.st(), *path, reveal_);
    if (!history.ok()) return history.status();
    std::string out;
    for (const auto& e : *history) {
      std::string action = e.action;
      if (action == "import") {
        auto line = e.commit.summary;
        auto from = line.find(" from ");
        if (from != std::string::npos) action += " " + line.substr(from + 6);
      }
      out += fmt::format("{}  {}  {}\n", LocalTime(e.commit.time, ctx.st().settings().time_zone),
                         e.commit.author.ToString(), action);
      if (e.created) out += "    created\n";
      if (e.deleted) out += "    deleted\n";
      for (const auto& ch : e.changes) {
        if (ch.field == "events")
          out += fmt::format("    events: {}\n", ch.after);
        else
          out += fmt::format("    {}: {} → {}\n", ch.field, ch.before, ch.after);
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
