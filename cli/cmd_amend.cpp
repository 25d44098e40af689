// mediate amend ID: correct or complete a registered case — its fields,
// its parties (--party N then the fields to change), parties added or
// removed — with a reason, in one commit (lib/write/case_amend.hpp).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <map>

#include "case_amend.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "text_input.hpp"

namespace mediate::cli {
namespace {

/// A changed value as a person reads it: a vocabulary's label when translation is on
/// (category, source, risk: VocabList::Shown), "(none)" when empty.
std::string ShownValue(const Store& store, const std::string& field, const std::string& value) {
  if (value.empty()) return _("(none)");
  if (field == "category" || field == "source" || field == "risk")
    return store.vocab().Get(field).Shown(value);
  return value;
}

/// The help of a case field's option (`--summary`, …).
std::string CaseFieldHelp(const std::string& f) {
  static const std::map<std::string, const char*> kHelp = {
      {"received", N_("the date it was received: YYYY-MM-DD or RFC 3339")},
      {"summary", N_("new summary (\"\" clears)")},
      {"category", N_("new category (\"\" clears)")},
      {"source", N_("new source (\"\" clears)")},
      {"risk", N_("new risk (\"\" clears)")},
      {"street", N_("new street (\"\" clears)")},
      {"community", N_("new community (\"\" clears)")},
      {"grid", N_("new grid (\"\" clears)")},
      {"amount", N_("new amount (\"\" clears)")},
      {"people", N_("new people (\"\" clears)")}};
  auto it = kHelp.find(f);
  return it != kHelp.end() ? _(it->second) : Tr("new {0} (\"\" clears)", f);
}

/// The help of a party field's option (`--phone`, …).
const char* PartyFieldHelp(const std::string& f) {
  static const std::map<std::string, const char*> kHelp = {
      {"name", N_("the party's new name (after --party N)")},
      {"kind", N_("the party's new kind (after --party N)")},
      {"id", N_("the party's new id (after --party N)")},
      {"phone", N_("the party's new phone (after --party N)")},
      {"sex", N_("the party's new sex (after --party N)")},
      {"born", N_("the party's new born (after --party N)")},
      {"ethnicity", N_("the party's new ethnicity (after --party N)")},
      {"occupation", N_("the party's new occupation (after --party N)")},
      {"representative", N_("the party's new representative (after --party N)")},
      {"representative-title", N_("the party's new representative-title (after --party N)")}};
  return _(kHelp.at(f));
}

class AmendCommand : public Command {
 public:
  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate amend");
  }

  void Declare(CLI::App& app) override {
    app_ = &app;
    app.add_option("id", request_.id, _("the case, e.g. WBL-2026-000042"))->required();
    for (const auto& f : AmendableCaseFields())
      if (f != "address")
        case_opts_[f] = app.add_option("--" + f, case_values_[f], CaseFieldHelp(f));
    address_ =
        app.add_option("--address", addresses_,
                       _("the dispute's address; after --party N, that party's own address"));
    party_ = app.add_option("--party", parties_,
                            _("the party (1, 2, … as 'show' lists them) the "
                              "party flags after it change"));
    for (const char* f : {"name", "kind", "id", "phone", "sex", "born", "ethnicity", "occupation",
                          "representative", "representative-title"})
      party_opts_[f] = app.add_option(std::string("--") + f, party_values_[f], PartyFieldHelp(f));
    app.add_option("--add-party", added_,
                   _("a new party: role=applicant|respondent|third_party,"
                     "name=…[,kind=…,id=…,phone=…,sex=…,born=…]"));
    app.add_option("--remove-party", removed_, _("remove the party at this place"));
    app.add_option("--reason", request_.reason, _("why (更正原因); required"))->required();
    app.add_flag("--dry-run", dry_run_, _("show what would change; write nothing"));
    app.footer(
        _("Examples:\n"
          "  mediate amend WBL-2026-000042 --community 东风社区 --reason 补录社区\n"
          "  mediate amend WBL-2026-000042 --party 1 --phone 13800001234 --reason 电话登记错误\n"
          "  mediate amend WBL-2026-000042 --add-party role=third_party,name=赵某 --reason "
          "追加第三人\n"
          "The case gets an `amended` event with each field's old and new value; its id and its\n"
          "file never change, and a routed case is not routed again."));
  }

  Status Run(Context& ctx) override {
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    // The old values the amended event records are read in plain.
    MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    for (const auto& [f, opt] : case_opts_)
      if (opt->count() > 0) request_.fields[f] = case_values_[f];
    // Party flags apply to the --party before them, in the order given.
    std::map<std::string, std::size_t> used;
    std::size_t party_seen = 0;
    std::size_t current = 0;
    std::size_t address_seen = 0;
    for (const CLI::Option* o : app_->parse_order()) {
      if (o == party_) {
        current = parties_.at(party_seen++);
        continue;
      }
      if (o == address_) {
        // Before any --party: the dispute's address; after: the party's.
        const std::string& v = addresses_.at(address_seen++);
        if (current == 0)
          request_.fields["address"] = v;
        else
          request_.party_edits.push_back({current, "address", v});
        continue;
      }
      for (const auto& [f, opt] : party_opts_) {
        if (o != opt) continue;
        if (current == 0) return Status::Usage(Tr("--{0} needs a --party N before it", f));
        std::string field = f == "representative-title" ? "representative_title" : f;
        request_.party_edits.push_back({current, field, party_values_[f].at(used[f]++)});
      }
    }
    for (const auto& spec : added_) {
      auto parsed = ParseKeyValues("--add-party", spec);
      if (!parsed.ok()) return parsed.status();
      request_.added_parties.emplace_back(parsed->begin(), parsed->end());
    }
    request_.removed_parties = removed_;
    request_.now = ctx.Now();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    auto done = AmendCase(**w, *op, request_);
    if (!done.ok()) return done.status();
    if (dry_run_)
      fmt::print(ctx.out, "{}\n", Tr("would amend {0}:", done->id));
    else if (done->commit.empty())
      fmt::print(ctx.out, "{}\n", Tr("amended {0}:", done->id));
    else
      fmt::print(ctx.out, "{}\n", Tr("amended {0} ({1}):", done->id, done->commit.substr(0, 7)));
    for (const auto& c : done->changes)
      fmt::print(ctx.out, "  {}: {} → {}\n", c.field, ShownValue(ctx.st(), c.field, c.from),
                 ShownValue(ctx.st(), c.field, c.to));
    return Status::Ok();
  }

 private:
  CLI::App* app_ = nullptr;
  CaseAmendment request_;
  std::map<std::string, CLI::Option*> case_opts_;
  std::map<std::string, std::string> case_values_;
  CLI::Option* party_ = nullptr;
  CLI::Option* address_ = nullptr;
  std::vector<std::string> addresses_;
  std::vector<std::size_t> parties_;
  std::map<std::string, CLI::Option*> party_opts_;
  std::map<std::string, std::vector<std::string>> party_values_;
  std::vector<std::string> added_;
  std::vector<std::size_t> removed_;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeAmendCommand() { return std::make_unique<AmendCommand>(); }

}  // namespace mediate::cli
