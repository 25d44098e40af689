// mediate intake: register one case from flags, a YAML file, or stdin.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>

#include "case_record.hpp"
#include "command.hpp"
#include "court_procedure.hpp"
#include "i18n.hpp"
#include "intake.hpp"
#include "labels.hpp"
#include "text_input.hpp"
#include "vocab.hpp"

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
      return Status::Usage(
          Tr("{0} {1}: \"{2}\" is not one of name=, relation=, id=, phone=, authority=", flag, spec,
             key));
  }
  if (a.name.empty()) return Status::Usage(Tr("{0} {1}: an agent needs name=…", flag, spec));
  return a;
}

class IntakeCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    // Built after translation is turned on: the lists of values are in the
    // interface's language (codes in English, labels in Chinese).
    const Vocabulary& vocab = Vocabulary::Builtin();
    app.add_option("--file", file_,
                   _("a YAML case (fields of a case file, without id/events); - for stdin"))
        ->type_name("FILE");
    app.add_option("--received", received_,
                   _("when it was received: YYYY-MM-DD or RFC 3339 (default: now)"));
    app.add_option("--source", source_,
                   Tr("source, as code or label: {0}", vocab.source().KnownValues()));
    app.add_option("--category", category_,
                   Tr("category, as code or label: {0}", vocab.category().KnownValues()));
    app.add_option("--summary", summary_, _("summary of the dispute (纠纷简要情况)"));
    app.add_option("--amount", amount_, _("amount involved, yuan (3500.00)"));
    app.add_option("--people", people_, _("people involved"));
    app.add_option("--street", street_, _("street code or name"));
    app.add_option("--community", community_, _("community code or name"));
    app.add_option("--grid", grid_, _("grid code"));
    app.add_option("--address", address_, _("address"));
    app.add_option("--risk", risk_, Tr("risk: {0}", vocab.risk().KnownValues()));
    app.add_option("--procedure", procedure_,
                   _("court-entrusted case (source court_entrusted): the court's procedure, "
                     "ordinary 普通程序 (15 days) or summary 简易程序 (7 days), counted from "
                     "the receipt of the materials (SPC 2016)"))
        ->type_name(_("ordinary|summary"));
    const VocabList& kinds = vocab.Get("party_kind");
    for (auto* p : {&applicant_, &respondent_, &third_party_}) {
      const std::string flag = Flag(p);
      const std::string role = RoleWord(p);
      app.add_option("--" + flag, p->name, Tr("{0}'s name", role));
      app.add_option("--" + flag + "-id", p->id_number, Tr("{0}'s ID number or credit code", role));
      app.add_option("--" + flag + "-phone", p->phone, Tr("{0}'s phone", role));
      app.add_option(
          "--" + flag + "-kind", p->kind,
          Tr("{0}'s kind: {1} (default: {2})", role, kinds.KnownValues(), kinds.Shown("person")));
      app.add_option("--" + flag + "-born", p->born,
                     Tr("{0}'s date of birth, YYYY-MM-DD (must agree with the ID number)", role));
      app.add_option("--" + flag + "-sex", p->sex,
                     Tr("{0}'s sex: male or female (男/女; must agree with the ID number)", role));
      app.add_option("--" + flag + "-address", p->address, Tr("{0}'s own address (住所)", role));
      app.add_option("--" + flag + "-ethnicity", p->ethnicity, Tr("{0}'s ethnicity (民族)", role));
      app.add_option("--" + flag + "-occupation", p->occupation,
                     Tr("{0}'s occupation or workplace (职业或工作单位)", role));
      app.add_option("--" + flag + "-representative", p->representative,
                     Tr("an organisation {0}'s legal representative (法定代表人/负责人)", role));
      app.add_option("--" + flag + "-representative-title", p->representative_title,
                     _("and their title (职务)"));
      app.add_option("--" + flag + "-agent", p->agents,
                     Tr("{0}'s agent (委托代理人): name=…[,relation=律师,id=…,phone=…,"
                        "authority=general|special]; repeat for more",
                        role))
          ->type_name("SPEC");
    }
    app.add_flag("--dry-run", dry_run_, _("check and show the id it would get; write nothing"));
    app.footer(
        _("Example:\n"
          "  mediate intake --category 邻里纠纷 --source 当事人申请 --summary \"楼上漏水\" \\\n"
          "    --street 万柏林街道 --community 东风社区 --applicant 李某 --applicant-phone "
          "13800001234"));
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
      fmt::print(
          ctx.out, "{}\n",
          Tr("would register {0} ({1}); nothing written", done->record.id, done->category_label));
      return Status::Ok();
    }
    fmt::print(ctx.out, "{}\n",
               Tr("registered {0} {1} ({2})", done->record.id, done->category_label,
                  done->commit.substr(0, 7)));
    return Status::Ok();
  }

 private:
  Result<Case> FromYaml(const Store& store) {
    std::string text;
    std::string name = file_ == "-" ? _("<stdin>") : file_;
    if (file_ == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::FILE* f = std::fopen(file_.c_str(), "rb");
      if (!f) return Status::Usage(Tr("cannot read {0}", file_));
      char buf[65536];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
      std::fclose(f);
    }
    return DraftCaseFromYaml(text, name, store.vocab());
  }

  Result<Case> FromFlags(const Store& store) {
    DiagnosticSink sink;
    Location here{_("intake"), 0, 0};
    Case c;
    // `noun` names the list in the message: "unknown category \"x\"; known: …".
    auto code = [&](const char* flag, const char* vocab, const std::string& noun,
                    const std::string& value) -> std::string {
      if (value.empty()) return {};
      const VocabList& list = store.vocab().Get(vocab);
      const Term* t = list.Resolve(value);
      if (!t) {
        sink.Error(here, std::string("--") + flag,
                   Tr("unknown {0} \"{1}\"; known: {2}", noun, value, list.KnownValues()));
        return {};
      }
      return t->code;
    };
    c.category = code("category", "category", _("category"), category_);
    c.source = code("source", "source", _("source"), source_);
    c.risk = code("risk", "risk", _("risk"), risk_);
    if (!procedure_.empty()) {
      c.procedure = ProcedureCode(procedure_);
      if (c.procedure.empty())
        sink.Error(here, "--procedure",
                   Tr("is ordinary (普通程序) or summary (简易程序), not \"{0}\"", procedure_));
    }
    if (category_.empty()) sink.Error(here, "--category", _("is required"));
    if (source_.empty()) sink.Error(here, "--source", _("is required"));
    if (summary_.empty()) sink.Error(here, "--summary", _("is required"));
    c.summary = summary_;
    if (!received_.empty()) {
      if (auto t = Timestamp::Parse(received_)) {
        c.received = *t;
      } else if (auto d = ParseLedgerDate(NormalizeCell(received_))) {
        c.received = store.settings().time_zone.At(*d);
      } else {
        sink.Error(here, "--received", Tr("{0} is not a date (YYYY-MM-DD) or a time", received_));
      }
    }
    if (!amount_.empty()) {
      auto fen = ParseYuanToFen(NormalizeCell(amount_));
      if (!fen || *fen < 0)
        sink.Error(here, "--amount", Tr("{0} is not an amount in yuan (3500.00)", amount_));
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
          sink.Error(here, flag, Tr("a {0} needs a name", RoleWord(p)));
        continue;
      }
      Party party;
      party.role = role;
      const VocabList& kinds = store.vocab().Get("party_kind");
      const Term* kind = p->kind.empty() ? kinds.Find("person") : kinds.Resolve(p->kind);
      party.kind = kind ? kind->code : p->kind;
      if (party.kind != "person" && party.kind != "organisation")
        sink.Error(here, flag + "-kind",
                   Tr("is one of {0}, not \"{1}\"", kinds.KnownValues(), party.kind));
      party.name = p->name;
      (party.kind == "organisation" ? party.credit_code : party.id_number) = p->id_number;
      party.phone = p->phone;
      if (!p->born.empty()) {
        if (auto d = ParseLedgerDate(NormalizeCell(p->born)))
          party.born = *d;
        else
          sink.Error(here, flag + "-born", Tr("{0} is not a date (YYYY-MM-DD)", p->born));
      }
      if (p->sex == "male" || p->sex == "男")
        party.sex = "male";
      else if (p->sex == "female" || p->sex == "女")
        party.sex = "female";
      else if (!p->sex.empty())
        sink.Error(here, flag + "-sex", Tr("is male or female (男/女), not \"{0}\"", p->sex));
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
    if (applicant_.name.empty()) sink.Error(here, "--applicant", _("is required"));
    MEDIATE_RETURN_IF_ERROR(
        sink.ToStatus(Tr("{0} error(s); nothing was registered", sink.error_count())));
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
  /// The party's role as messages name it, in the interface's language
  /// (English: the flag stem; 申请人, 被申请人, 第三人).
  std::string RoleWord(const PartyFlags* p) const {
    return p == &applicant_    ? _("applicant")
           : p == &respondent_ ? _("respondent")
                               : _("third-party");
  }
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIntakeCommand() { return std::make_unique<IntakeCommand>(); }

}  // namespace mediate::cli
