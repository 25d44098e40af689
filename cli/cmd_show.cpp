// mediate show ID: one case file, as staff read the paper file.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cell_text.hpp"
#include "command.hpp"
#include "deadlines.hpp"
#include "file_number.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "pii.hpp"
#include "reveal.hpp"
#include "sensitive.hpp"
#include "text_input.hpp"

namespace mediate::cli {
namespace {

std::string LocalMinute(const Timestamp& t, const TimeZone& tz) {
  std::string s = tz.ToLocal(t).ToString();  // 2026-01-02T09:30:00+08:00
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

std::string ShortName(const std::string& by) {
  auto lt = by.find(" <");
  return lt == std::string::npos ? by : by.substr(0, lt);
}

/// One line of the file's head: `label` padded to ten columns (display
/// width, so a Chinese label lines up too), a space and `text`.
std::string Line(const std::string& label, const std::string& text) {
  return PadToWidth(label, 10) + " " + text + "\n";
}

/// A sensitive-data reason (SensitiveReasons) as the interface names it.
std::string SensitiveText(const std::string& reason) {
  if (!TranslationOn()) return reason;
  if (reason == "health") return "健康信息";
  if (reason == "minor") return "不满十四周岁的未成年人";
  return reason;
}

/// A court's decision on a judicial confirmation as the interface names it.
std::string ConfirmationText(const std::string& result) {
  if (!TranslationOn()) return result;
  if (result == "confirmed") return "已确认";
  if (result == "rejected") return "驳回";
  if (result == "applied") return "已申请";
  return result;
}

/// An event type as the interface names it: its Chinese label in Chinese
/// (routed → 分流), else the code.
std::string EventText(const std::string& type) {
  if (!TranslationOn()) return type;
  auto kind = ParseEventKind(type);
  return kind ? InfoOf(*kind).zh : type;
}

class ShowCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, _("case id, e.g. WBL-2026-000042"))->required()->type_name(_("TEXT"));
    app.add_flag("--reveal", reveal_, _("show ID and phone numbers unmasked"));
    app.add_option("--format", format_, _("text (default) or yaml (the case file as stored)"))
        ->type_name(_("FORMAT"));
  }

  Status Run(Context& ctx) override {
    Store& store = ctx.st();
    if (reveal_) MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    auto loaded = store.LoadCase(id_);
    if (!loaded.ok()) return loaded.status();
    const Case& c = loaded->record;
    if (format_ != "text" && format_ != "yaml")
      return Status::Usage(Tr("--format {0}: use text or yaml", format_));
    if (reveal_) {
      // Recorded before anything unmasked leaves the program (lib/store/reveal.hpp).
      auto op = ctx.Operator();
      if (!op.ok()) return op.status();
      auto rec = RecordReveal(store.root(), *op, {"show", {c.id}, "--format " + format_},
                              ctx.write_options);
      if (!rec.ok()) return rec.status();
    }
    if (format_ == "yaml") {
      if (!reveal_)
        return Status::Usage(
            _("--format yaml prints the file as stored, with personal data: add --reveal"));
      auto text = store.ReadText(loaded->path);
      if (!text.ok()) return text.status();
      std::fwrite(text->data(), 1, text->size(), ctx.out);
      return Status::Ok();
    }
    const Settings& s = store.settings();
    Derived d = Replay(c, s);
    auto label = [&](const char* f, const std::string& code) { return LabelOf(store, f, code); };
    // In Chinese a code is shown by its label alone (the code when it has none).
    const bool zh = TranslationOn();
    auto shown = [&](const char* f, const std::string& code) {
      if (!zh) return code;
      std::string l = label(f, code);
      return l.empty() ? code : l;
    };
    // English: the label and the code beside it; Chinese: the label alone.
    auto both = [&](const char* f, const std::string& code) {
      return zh ? shown(f, code) : label(f, code) + " " + code;
    };
    std::string out;
    out += fmt::format("{}  {}      {} · {}\n", c.id, both("category", c.category),
                       shown("status", d.state.status),
                       d.state.level.empty() ? "–" : shown("level", d.state.level));
    if (std::string no = FileNumber(c, store.offices(), s); !no.empty())
      out += Line(_("file no"), no);
    out +=
        Line(_("received"), LocalMinute(c.received, s.time_zone) + "  " + both("source", c.source));
    std::string place;
    for (const auto* code : {&c.place.street, &c.place.community, &c.place.grid}) {
      if (code->empty()) continue;
      place += (place.empty() ? "" : " / ") + store.areas().NameOf(*code);
    }
    std::string last_code = !c.place.grid.empty()        ? c.place.grid
                            : !c.place.community.empty() ? c.place.community
                                                         : c.place.street;
    out += Line(_("place"), zh ? place : place + "  " + last_code);
    if (!c.place.address.empty()) out += Line(_("address"), c.place.address);
    // An erased case shows what is left (masks): say why, with --reveal above all.
    for (const Event& e : c.events) {
      if (e.type != "erased") continue;
      const Value* why = e.payload.Find("reason");
      const Value* basis = e.payload.Find("basis");
      std::string line = Tr("erased on {0} by {1}: {2}", LocalMinute(e.at, s.time_zone), e.by,
                            why && why->is_scalar() ? why->text() : "");
      if (basis && basis->is_scalar()) line += "; " + Tr("basis: {0}", basis->text());
      out += Line(_("personal data"), line);
    }
    for (std::size_t i = 0; i < c.parties.size(); ++i) {
      const Party& p = c.parties[i];
      std::string ident =
          !p.id_number.empty()
              ? (reveal_ ? p.id_number : MaskIdNumber(p.id_number))
              : (reveal_ || p.credit_code.empty() ? p.credit_code : MaskCreditCode(p.credit_code));
      std::string phone = p.phone.empty() ? "" : (reveal_ ? p.phone : MaskPhone(p.phone));
      // Numbered as `amend --party N` takes them.
      out += fmt::format("{} {} {}   {}   {}\n", i + 1,
                         PadToWidth(zh ? store.vocab().Get("party_role").Zh(p.role) : p.role, 12),
                         p.name, ident, phone);
      out += PartyDetails(p, ctx.Today());
    }
    out += Line(_("summary"), c.summary);
    out += Line(_("amount"), Tr("{0}      people involved {1}    risk {2}",
                                c.amount ? "¥" + c.amount->GroupedYuan() : "–", c.people_involved,
                                c.risk.empty() ? (zh ? "–" : "– ")
                                : zh           ? shown("risk", c.risk)
                                               : c.risk + " " + label("risk", c.risk)));
    if (auto reasons = SensitiveReasons(c, s.time_zone); !reasons.empty()) {
      std::string r;
      for (const auto& x : reasons) r += (r.empty() ? "" : _(", ")) + SensitiveText(x);
      out += Line(_("sensitive"),
                  Tr("{0} (PIPL Art. 28: handle with care; never in exemplary exports)", r));
    }
    if (!d.state.org.empty()) {
      std::string who;
      for (const auto& m : d.state.mediators) {
        auto it = store.mediators().find(m);
        who += " · " + m;
        if (it != store.mediators().end()) {
          who += " " + it->second.name;
          if (it->second.grade) who += Tr(" (grade {0})", it->second.grade);
        }
      }
      if (!d.grid_worker.empty()) who += " · 网格员 " + d.grid_worker;
      out += Line(
          _("handled by"),
          (zh ? shown("org", d.state.org) : d.state.org + " " + label("org", d.state.org)) + who);
    }
    if (d.concluded.valid()) {
      std::string how = shown("outcome", d.outcome);
      if (d.outcome == "agreed")
        how = Tr("{0} ({1}, effective {2})", how, shown("form", d.agreement_form),
                 d.agreement_effective.ToString());
      out += Line(_("concluded"), d.concluded.ToString() + "  " + how);
    }
    if (!d.confirmation.empty()) {
      std::string conf = Tr("applied {0}", d.confirmation_applied.ToString());
      if (d.confirmation_decided.valid())
        conf += " · " + ConfirmationText(d.confirmation) + " " + d.confirmation_decided.ToString();
      out += Line(_("judicial confirmation"), conf);
    }
    if (!d.performance.empty()) {
      std::string perf = zh ? store.vocab().Get("performance").Zh(d.performance) : d.performance;
      out += Line(_("performance"), perf.empty() ? d.performance : perf);
    }
    if (d.closed.valid()) out += Line(_("closed"), d.closed.ToString());
    // Open deadlines (deadlines.hpp): conclude, confirmation window, return visit.
    for (const Deadline& dl : CaseDeadlines(c, d, s)) {
      const char* head = dl.kind == "conclude"       ? _("deadline")
                         : dl.kind == "confirmation" ? _("confirm by")
                                                     : _("visit from");
      out += Line(head, fmt::format("{}  {} · {}", dl.due.ToString(), dl.rule,
                                    DeadlineStateText(dl, ctx.Today().DaysUntil(dl.due))));
    }
    if (!c.import.file.empty())
      out += Line(_("imported"), Tr("{0} row {1}", c.import.file, c.import.row));
    out += fmt::format("{}\n", _("timeline"));
    for (const Event& e : c.events) {
      std::string detail;
      switch (ParseEventKind(e.type).value_or(EventKind::kNote)) {
        case EventKind::kRouted:
        case EventKind::kEscalated:
          detail = "→ " + shown("org", e.Get("org"));
          if (!e.Get("rule").empty()) detail += Tr(" (rule: {0})", e.Get("rule"));
          break;
        case EventKind::kAssigned:
          for (const auto& m : e.GetList("mediators")) detail += (detail.empty() ? "" : ", ") + m;
          if (!e.Get("grid_worker").empty()) detail += Tr("grid worker {0}", e.Get("grid_worker"));
          break;
        case EventKind::kSession:
          detail = e.Get("date") + " " + e.Get("mode");
          if (!e.Get("note").empty()) detail += "  " + e.Get("note");
          break;
        case EventKind::kExtended:
          detail = "→ " + e.Get("deadline");
          break;
        case EventKind::kAgreed:
          detail = shown("form", e.Get("form")) +
                   (e.Get("amount").empty() ? "" : " ¥" + e.Get("amount"));
          if (!e.Get("terms").empty()) detail += "  " + Tr("terms: {0}", e.Get("terms"));
          break;
        case EventKind::kConfirmation:
          detail = ConfirmationText(e.Get("result")) + " " + e.Get("court");
          break;
        case EventKind::kPerformance:
        case EventKind::kVisited:
          detail = e.Get("method").empty() ? e.Get("performance")
                                           : e.Get("method") + " " + e.Get("performance");
          break;
        default:
          break;
      }
      if (!e.Get("reason").empty()) detail += (detail.empty() ? "" : "  ") + e.Get("reason");
      out += fmt::format("  {}  {} {}{}\n", LocalMinute(e.at, s.time_zone),
                         PadToWidth(EventText(e.type), 12), ShortName(e.by),
                         detail.empty() ? "" : "  " + detail);
    }
    std::fwrite(out.data(), 1, out.size(), ctx.out);
    return Status::Ok();
  }

 private:
  /// The lines under a party: its own address down to the community, its
  /// age (not the birth date), occupation, ethnicity only with --reveal, an
  /// organisation's representative, and its agents with their numbers
  /// masked (PIPL Art. 51).
  std::string PartyDetails(const Party& p, Date today) const {
    std::string out;
    std::string line;
    if (!p.address.empty()) line += "  住所 " + (reveal_ ? p.address : MaskAddress(p.address));
    Date born = p.born;
    if (!born.valid() && !p.id_number.empty()) born = CheckCitizenId(p.id_number).birth_date;
    if (born.valid() && today.valid()) line += fmt::format("  {}岁", AgeOn(born, today));
    if (!p.occupation.empty()) line += "  职业 " + p.occupation;
    if (reveal_ && !p.ethnicity.empty()) line += "  民族 " + p.ethnicity;
    if (!line.empty()) out += "  " + line + "\n";
    if (!p.representative.empty())
      out += "    法定代表人 " + p.representative +
             (p.representative_title.empty() ? "" : " (" + p.representative_title + ")") + "\n";
    for (const Agent& a : p.agents) {
      std::string how = a.relation;
      if (!a.authority.empty())
        how += std::string(how.empty() ? "" : ", ") +
               (a.authority == "special" ? "特别授权" : "一般授权");
      std::string id =
          a.id_number.empty() ? "" : "   " + (reveal_ ? a.id_number : MaskIdNumber(a.id_number));
      std::string phone = a.phone.empty() ? "" : "   " + (reveal_ ? a.phone : MaskPhone(a.phone));
      out += "    代理人 " + a.name + (how.empty() ? "" : " (" + how + ")") + id + phone + "\n";
    }
    return out;
  }

  std::string id_;
  bool reveal_ = false;
  std::string format_ = "text";
};

}  // namespace

std::unique_ptr<Command> MakeShowCommand() { return std::make_unique<ShowCommand>(); }

}  // namespace mediate::cli
