// mediate intake: register one case from flags, a YAML file, or stdin.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>

#include "case_record.hpp"
#include "command.hpp"
#include "court_procedure.hpp"
#include "intake.hpp"
#include "labels.hpp"
#include "text_input.hpp"

namespace mediate::cli {
namespace {

struct PartyFlags {
  std::string name, id_number, phone, kind, born, sex;
  std::string address, ethnicity, occupation, representative, representative_title;
  std::vector<std::string> agents;  ///< "name=…,relation=…,id=…,phone=…,authority=…"
};

/// "name=张律师,relation=律师,phone=139…,authority=special" as an Agent;
/// kUsage naming `flag` and the item that is not key=value or unknown.
Result<Agent> ParseAgent(const std::string& flag, const std::string& spec) {
  auto items = ParseKeyValues(flag, spec);
  if (!items.ok()) return items.status();
  Agent a;
  for (auto [key, value] : *items) {
    if (key == "name")
      a.name = value;
    else if (key == "relation")
      a.relation = value;
    else if (key == "id")
      a.id_number = NormalizeCell(value);
    else if (key == "phone")
      a.phone = value;
    else if (key == "authority")
      a.authority = value == "一般授权" ? "general" : value == "特别授权" ? "special" : value;
    else
      return Status::Usage(flag + " " + spec + ": \"" + key +
                           "\" is not one of name=, relation=, id=, phone=, authority=");
  }
  if (a.name.empty()) return Status::Usage(flag + " " + spec + ": an agent needs name=…");
  return a;
}

class IntakeCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("--file", file_,
                   "a YAML case (fields of a case file, without id/events); - for stdin")
        ->type_name("FILE");
    app.add_option("--received", received_,
                   "when it was received: YYYY-MM-DD or RFC 3339 (default: now)");
    app.add_option("--source", source_, "source code or label (application, 当事人申请, …)");
    app.add_option("--category", category_, "category code or label (neighbour, 邻里纠纷, …)");
    app.add_option("--summary", summary_, "纠纷简要情况");
    app.add_option("--amount", amount_, "amount involved, yuan (3500.00)");
    app.add_option("--people", people_, "people involved");
    app.add_option("--street", street_, "street code or name");
    app.add_option("--community", community_, "community code or name");
    app.add_option("--grid", grid_, "grid code");
    app.add_option("--address", address_, "address");
    app.add_option("--risk", risk_, "risk: red, orange, yellow, blue (or 红 橙 黄 蓝)");
    app.add_option("--procedure", procedure_,
                   "court-entrusted case (source court_entrusted): the court's procedure, "
                   "ordinary 普通程序 (15 days) or summary 简易程序 (7 days), counted from "
                   "the receipt of the materials (SPC 2016)")
        ->type_name("ordinary|summary");
    for (auto* p : {&applicant_, &respondent_, &third_party_}) {
      const std::string role = Flag(p);
      app.add_option("--" + role, p->name, role + "'s name");
      app.add_option("--" + role + "-id", p->id_number, role + "'s ID number or credit code");
      app.add_option("--" + role + "-phone", p->phone, role + "'s phone");
      app.add_option("--" + role + "-kind", p->kind, "person (default) or organisation");
      app.add_option("--" + role + "-born", p->born,
                     role + "'s date of birth, YYYY-MM-DD (must agree with the ID number)");
      app.add_option("--" + role + "-sex", p->sex,
                     role + "'s sex: male or female (男/女; must agree with the ID number)");
      app.add_option("--" + role + "-address", p->address, role + "'s own address (住所)");
      app.add_option("--" + role + "-ethnicity", p->ethnicity, role + "'s ethnicity (民族)");
      app.add_option("--" + role + "-occupation", p->occupation,
                     role + "'s occupation or workplace (职业或工作单位)");
      app.add_option("--" + role + "-representative", p->representative,
                     "an organisation " + role + "'s legal representative (法定代表人/负责人)");
      app.add_option("--" + role + "-representative-title", p->representative_title,
                     "and their title (职务)");
      app.add_option("--" + role + "-agent", p->agents,
                     role +
                         "'s agent (委托代理人): name=…[,relation=律师,id=…,phone=…,"
                         "authority=general|special]; repeat for more")
          ->type_name("SPEC");
    }
    app.add_flag("--dry-run", dry_run_, "check and show the id it would get; write nothing");
    app.footer(
        "Example:\n"
        "  mediate intake --category 邻里纠纷 --source 当事人申请 --summary \"楼上漏水\" \\\n"
        "    --street 万柏林街道 --community 东风社区 --applicant 李某 --applicant-phone "
        "13800001234");
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return std::string("mediate intake");
  }

  Status Run(Context& ctx) override {
    Store& store = ctx.st();
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto draft = file_.empty() ? FromFlags(store) : FromYaml(store);
    if (!draft.ok()) return draft.status();

    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    std::vector<Diagnostic> warnings;
    auto done = IntakeCase(**w, std::move(draft.value()), *op, ctx.Now(), &warnings);
    PrintWarnings(ctx.err, warnings);
    if (!done.ok()) return done.status();
    if (dry_run_) {
      fmt::print(ctx.out, "would register {} ({}); nothing written\n", done->record.id,
                 done->category_label);
      return Status::Ok();
    }
    fmt::print(ctx.out, "registered {} {} ({})\n", done->record.id, done->category_label,
               done->commit.substr(0, 7));
    return Status::Ok();
  }

 private:
  Result<Case> FromYaml(const Store& store) {
    std::string text;
    std::string name = file_ == "-" ? "<stdin>" : file_;
    if (file_ == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::FILE* f = std::fopen(file_.c_str(), "rb");
      if (!f) return Status::Usage("cannot read " + file_);
      char buf[65536];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
      std::fclose(f);
    }
    return DraftCaseFromYaml(text, name, store.vocab());
  }

  Result<Case> FromFlags(const Store& store) {
    DiagnosticSink sink;
    Location here{"intake", 0, 0};
    Case c;
    auto code = [&](const char* flag, const char* vocab, const std::string& value) -> std::string {
      if (value.empty()) return {};
      const Term* t = store.vocab().Get(vocab).Resolve(value);
      if (!t) {
        sink.Error(here, std::string("--") + flag,
                   "unknown " + std::string(vocab) + " \"" + value +
                       "\"; known: " + store.vocab().Get(vocab).ZhList());
        return {};
      }
      return t->code;
    };
    c.category = code("category", "category", category_);
    c.source = code("source", "source", source_);
    c.risk = code("risk", "risk", risk_);
    if (!procedure_.empty()) {
      c.procedure = ProcedureCode(procedure_);
      if (c.procedure.empty())
        sink.Error(here, "--procedure",
                   "is ordinary (普通程序) or summary (简易程序), not \"" + procedure_ + "\"");
    }
    if (category_.empty()) sink.Error(here, "--category", "is required");
    if (source_.empty()) sink.Error(here, "--source", "is required");
    if (summary_.empty()) sink.Error(here, "--summary", "is required");
    c.summary = summary_;
    if (!received_.empty()) {
      if (auto t = Timestamp::Parse(received_)) {
        c.received = *t;
      } else if (auto d = ParseLedgerDate(NormalizeCell(received_))) {
        c.received = store.settings().time_zone.At(*d);
      } else {
        sink.Error(here, "--received", received_ + " is not a date (YYYY-MM-DD) or a time");
      }
    }
    if (!amount_.empty()) {
      auto fen = ParseYuanToFen(NormalizeCell(amount_));
      if (!fen || *fen < 0)
        sink.Error(here, "--amount", amount_ + " is not an amount in yuan (3500.00)");
      else
        c.amount = Money::FromFen(*fen);
    }
    c.people_involved = people_;
    c.place.street = NormalizeFilterValue(store, "street", street_);
    c.place.community = NormalizeFilterValue(store, "community", community_);
    c.place.grid = grid_;
    c.place.address = address_;
    // Fill the street and community from the grid or community when only those were given.
    if (c.place.community.empty() && !c.place.grid.empty())
      if (const Community* cm = store.areas().CommunityOfGrid(c.place.grid))
        c.place.community = cm->code;
    if (c.place.street.empty() && !c.place.community.empty())
      if (const Street* s = store.areas().StreetOfCommunity(c.place.community))
        c.place.street = s->code;
    for (auto* p : {&applicant_, &respondent_, &third_party_}) {
      const std::string role = p == &third_party_ ? "third_party" : Flag(p);
      const std::string flag = "--" + Flag(p);
      if (p->name.empty()) {
        if (!p->id_number.empty() || !p->phone.empty() || !p->agents.empty())
          sink.Error(here, flag, "a " + Flag(p) + " needs a name");
        continue;
      }
      Party party;
      party.role = role;
      party.kind = p->kind.empty() ? "person" : p->kind;
      if (party.kind != "person" && party.kind != "organisation")
        sink.Error(here, flag + "-kind", "is person or organisation, not \"" + party.kind + "\"");
      party.name = p->name;
      (party.kind == "organisation" ? party.credit_code : party.id_number) = p->id_number;
      party.phone = p->phone;
      if (!p->born.empty()) {
        if (auto d = ParseLedgerDate(NormalizeCell(p->born)))
          party.born = *d;
        else
          sink.Error(here, flag + "-born", p->born + " is not a date (YYYY-MM-DD)");
      }
      if (p->sex == "male" || p->sex == "男")
        party.sex = "male";
      else if (p->sex == "female" || p->sex == "女")
        party.sex = "female";
      else if (!p->sex.empty())
        sink.Error(here, flag + "-sex", "is male or female (男/女), not \"" + p->sex + "\"");
      party.address = p->address;
      party.ethnicity = p->ethnicity;
      party.occupation = p->occupation;
      party.representative = p->representative;
      party.representative_title = p->representative_title;
      for (const auto& spec : p->agents) {
        auto agent = ParseAgent(flag + "-agent", spec);
        if (!agent.ok())
          sink.Error(here, flag + "-agent", agent.status().message());
        else
          party.agents.push_back(std::move(agent.value()));
      }
      c.parties.push_back(std::move(party));
    }
    if (applicant_.name.empty()) sink.Error(here, "--applicant", "is required");
    MEDIATE_RETURN_IF_ERROR(
        sink.ToStatus(std::to_string(sink.error_count()) + " error(s); nothing was registered"));
    return c;
  }

  std::string file_, received_, source_, category_, summary_, amount_, street_, community_, grid_,
      address_, risk_, procedure_;
  int people_ = 0;
  PartyFlags applicant_, respondent_, third_party_;

  /// The flag stem of a party: applicant, respondent, third-party.
  std::string Flag(const PartyFlags* p) const {
    return p == &applicant_ ? "applicant" : p == &respondent_ ? "respondent" : "third-party";
  }
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIntakeCommand() { return std::make_unique<IntakeCommand>(); }

}  // namespace mediate::cli
