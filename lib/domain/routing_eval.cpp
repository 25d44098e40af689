#include "routing_eval.hpp"

#include <algorithm>
#include <cstdint>

#include "i18n.hpp"
#include "money.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

/// `code` of vocabulary `list` as messages show it (VocabList::Shown).
std::string VocabShown(const char* list, const std::string& code) {
  return Vocabulary::Builtin().Get(list).Shown(code);
}

/// "a", "a or b", "a, b or c" (Chinese "a、b或c").
std::string OrList(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return items.front();
  std::string head;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) head += (i ? _(", ") : "") + items[i];
  return Tr("{0} or {1}", head, items.back());
}

/// The codes of `list` as messages show them.
std::vector<std::string> ShownAll(const char* list, const std::vector<std::string>& codes) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(list ? VocabShown(list, c) : c);
  return out;
}

/// Joins the facts of conditions that hold with "; " (Chinese "；").
void AddFact(std::string* facts, const std::string& fact) {
  if (!facts->empty()) *facts += _("; ");
  *facts += fact;
}

/// What the conditions look at: the case, its place completed from areas/,
/// and the level it is at (or goes up to).
struct Facts {
  const Case& c;
  std::string street, community, grid;
  std::string level;
};

std::string AmountWant(const RoutingCondition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0)
    return Tr("between {0} and {1} yuan", Money::FromFen(c.min_fen).GroupedYuan(),
              Money::FromFen(c.max_fen).GroupedYuan());
  if (c.min_fen >= 0) return Tr("at least {0} yuan", Money::FromFen(c.min_fen).GroupedYuan());
  return Tr("at most {0} yuan", Money::FromFen(c.max_fen).GroupedYuan());
}

std::string PeopleWant(const RoutingCondition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0) return Tr("between {0} and {1}", c.min_fen, c.max_fen);
  if (c.min_fen >= 0) return Tr("at least {0}", c.min_fen);
  return Tr("at most {0}", c.max_fen);
}

ConditionCheck EvaluateAll(const std::vector<RoutingCondition>& conds, const Facts& f);

/// A code-list condition over one fact of the case: `field` names the fact
/// in messages, `list` is its vocabulary (null for places: codes as they
/// are), `none` says that the case has no value.
ConditionCheck CodeCheck(const std::string& field, const char* list, const std::string& value,
                         const std::vector<std::string>& codes, const std::string& none) {
  ConditionCheck out;
  const std::string want = OrList(ShownAll(list, codes));
  if (value.empty()) {
    out.because = Tr("{0}; the rule wants {1}", none, want);
    return out;
  }
  for (const auto& code : codes) out.holds = out.holds || code == value;
  const std::string shown = list ? VocabShown(list, value) : value;
  out.because = out.holds ? Tr("{0} is {1}", field, shown)
                          : Tr("{0} is {1}; the rule wants {2}", field, shown, want);
  return out;
}

ConditionCheck Evaluate(const RoutingCondition& cond, const Facts& f) {
  const Case& c = f.c;
  ConditionCheck out;
  switch (cond.kind) {
    case RoutingCondKind::kCategory:
      return CodeCheck(_("category"), "category", c.category, cond.codes,
                       _("no category recorded"));
    case RoutingCondKind::kSource:
      return CodeCheck(_("source"), "source", c.source, cond.codes, _("no source recorded"));
    case RoutingCondKind::kRisk:
      return CodeCheck(_("risk"), "risk", c.risk, cond.codes, _("no risk recorded"));
    case RoutingCondKind::kStreet:
      return CodeCheck(_("street"), nullptr, f.street, cond.codes, _("no street recorded"));
    case RoutingCondKind::kCommunity:
      return CodeCheck(_("community"), nullptr, f.community, cond.codes,
                       _("no community recorded"));
    case RoutingCondKind::kGrid:
      return CodeCheck(_("grid"), nullptr, f.grid, cond.codes, _("no grid recorded"));
    case RoutingCondKind::kLevel:
      return CodeCheck(_("level"), "level", f.level, cond.codes,
                       _("the case is at no level yet (first routing)"));
    case RoutingCondKind::kReferral: {
      bool referral =
          std::find(cond.codes.begin(), cond.codes.end(), c.source) != cond.codes.end() ||
          Vocabulary::Builtin().SourceGroup(c.source) == "referral";
      if (!referral) {
        out.because =
            Tr("source is {0}, not a referral; the rule wants {1}",
               c.source.empty() ? std::string(_("not recorded")) : VocabShown("source", c.source),
               cond.any_referral ? std::string(_("a referral"))
                                 : OrList(ShownAll("source", cond.codes)));
        return out;
      }
      if (cond.any_referral) {
        out.holds = std::find(cond.codes.begin(), cond.codes.end(), c.source) != cond.codes.end();
        if (!out.holds) {
          out.because =
              Tr("source {0} is not a referral kind of this store", VocabShown("source", c.source));
          return out;
        }
        out.because = Tr("referred ({0})", VocabShown("source", c.source));
        return out;
      }
      return CodeCheck(_("referral"), "source", c.source, cond.codes, _("no source recorded"));
    }
    case RoutingCondKind::kKeywords: {
      for (const auto& w : cond.codes) {
        if (c.summary.find(w) != std::string::npos) {
          out.holds = true;
          out.because = Tr("summary contains \"{0}\"", w);
          return out;
        }
      }
      out.because = Tr("summary contains none of {0}", OrList(cond.codes));
      return out;
    }
    case RoutingCondKind::kPeople: {
      std::int64_t n = c.people_involved;
      out.holds =
          (cond.min_fen < 0 || n >= cond.min_fen) && (cond.max_fen < 0 || n <= cond.max_fen);
      out.because = out.holds ? Tr("people involved {0}", n)
                              : Tr("people involved {0}; the rule wants {1}", n, PeopleWant(cond));
      return out;
    }
    case RoutingCondKind::kAmount: {
      if (!c.amount) {
        out.because = Tr("no amount recorded; the rule wants {0}", AmountWant(cond));
        return out;
      }
      const std::int64_t fen = c.amount->fen();
      out.holds =
          (cond.min_fen < 0 || fen >= cond.min_fen) && (cond.max_fen < 0 || fen <= cond.max_fen);
      out.because = out.holds ? Tr("amount is {0} yuan", c.amount->GroupedYuan())
                              : Tr("amount is {0} yuan; the rule wants {1}",
                                   c.amount->GroupedYuan(), AmountWant(cond));
      return out;
    }
    case RoutingCondKind::kParties: {
      if (c.parties.empty()) {
        out.because = cond.all_parties
                          ? _("no parties recorded; the rule wants all parties to be organisations")
                          : _("no parties recorded; the rule wants at least one party an "
                              "organisation");
        return out;
      }
      auto describe = [&](std::size_t i) {
        const Party& p = c.parties[i];
        return p.role.empty() ? Tr("party {0}", i + 1)
                              : Tr("party {0} ({1})", i + 1, VocabShown("party_role", p.role));
      };
      if (cond.all_parties) {
        for (std::size_t i = 0; i < c.parties.size(); ++i) {
          const Party& p = c.parties[i];
          if (p.kind != "organisation") {
            out.because =
                p.kind == "person"
                    ? Tr("{0} is a person; the rule wants all parties to be organisations",
                         describe(i))
                    : Tr("{0} is of kind \"{1}\"; the rule wants all parties to be "
                         "organisations",
                         describe(i), p.kind);
            return out;
          }
        }
        out.holds = true;
        out.because = _("all parties are organisations");
        return out;
      }
      for (std::size_t i = 0; i < c.parties.size(); ++i) {
        if (c.parties[i].kind == "organisation") {
          out.holds = true;
          out.because = Tr("{0} is an organisation", describe(i));
          return out;
        }
      }
      out.because = _("no party is an organisation; the rule wants at least one");
      return out;
    }
    case RoutingCondKind::kAny: {
      std::string failed;
      for (const auto& g : cond.groups) {
        ConditionCheck one = EvaluateAll(g, f);
        if (one.holds) {
          out.holds = true;
          out.because = Tr("any: {0}", one.because);
          return out;
        }
        failed += (failed.empty() ? "" : " / ") + one.because;
      }
      out.because = Tr("any: none holds ({0})", failed);
      return out;
    }
    case RoutingCondKind::kAll: {
      std::string facts;
      for (const auto& g : cond.groups) {
        ConditionCheck one = EvaluateAll(g, f);
        if (!one.holds) {
          out.because = Tr("all: {0}", one.because);
          return out;
        }
        AddFact(&facts, one.because);
      }
      out.holds = true;
      out.because = Tr("all: {0}", facts);
      return out;
    }
    case RoutingCondKind::kNot: {
      ConditionCheck inner = EvaluateAll(cond.groups.front(), f);
      out.holds = !inner.holds;
      out.because = inner.holds ? Tr("not: but {0}", inner.because) : Tr("not: {0}", inner.because);
      return out;
    }
  }
  return out;
}

/// Every condition of a conjunction; the first failing one is the reason.
ConditionCheck EvaluateAll(const std::vector<RoutingCondition>& conds, const Facts& f) {
  ConditionCheck out;
  out.holds = true;
  std::string facts;
  for (const RoutingCondition& cond : conds) {
    ConditionCheck check = Evaluate(cond, f);
    if (!check.holds) return check;
    AddFact(&facts, check.because);
  }
  out.because = facts.empty() ? _("no conditions: every case matches") : facts;
  return out;
}

}  // namespace

ConditionCheck EvaluateConditions(const std::vector<RoutingCondition>& conds, const Case& c,
                                  const RoutingPlace& place, const std::string& level) {
  Facts f{c, place.street, place.community, place.grid, level};
  return EvaluateAll(conds, f);
}

}  // namespace mediate
