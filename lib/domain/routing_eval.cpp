#include "routing_eval.hpp"

#include <algorithm>
#include <cstdint>

#include "money.hpp"
#include "vocab.hpp"

namespace mediate {

namespace {

/// "a", "a or b", "a, b or c".
std::string OrList(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) s += i + 1 == items.size() ? " or " : ", ";
    s += items[i];
  }
  return s;
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
    return "between " + Money::FromFen(c.min_fen).GroupedYuan() + " and " +
           Money::FromFen(c.max_fen).GroupedYuan() + " yuan";
  if (c.min_fen >= 0) return "at least " + Money::FromFen(c.min_fen).GroupedYuan() + " yuan";
  return "at most " + Money::FromFen(c.max_fen).GroupedYuan() + " yuan";
}

std::string PeopleWant(const RoutingCondition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0)
    return "between " + std::to_string(c.min_fen) + " and " + std::to_string(c.max_fen);
  if (c.min_fen >= 0) return "at least " + std::to_string(c.min_fen);
  return "at most " + std::to_string(c.max_fen);
}

ConditionCheck EvaluateAll(const std::vector<RoutingCondition>& conds, const Facts& f);

/// A code-list condition over one fact of the case.
ConditionCheck CodeCheck(const std::string& field, const std::string& value,
                         const std::vector<std::string>& codes, const char* none) {
  ConditionCheck out;
  if (value.empty()) {
    out.because = std::string(none) + "; the rule wants " + OrList(codes);
    return out;
  }
  for (const auto& code : codes) out.holds = out.holds || code == value;
  out.because = field + " is " + value;
  if (!out.holds) out.because += "; the rule wants " + OrList(codes);
  return out;
}

ConditionCheck Evaluate(const RoutingCondition& cond, const Facts& f) {
  const Case& c = f.c;
  ConditionCheck out;
  switch (cond.kind) {
    case RoutingCondKind::kCategory:
      return CodeCheck("category", c.category, cond.codes, "no category recorded");
    case RoutingCondKind::kSource:
      return CodeCheck("source", c.source, cond.codes, "no source recorded");
    case RoutingCondKind::kRisk:
      return CodeCheck("risk", c.risk, cond.codes, "no risk recorded");
    case RoutingCondKind::kStreet:
      return CodeCheck("street", f.street, cond.codes, "no street recorded");
    case RoutingCondKind::kCommunity:
      return CodeCheck("community", f.community, cond.codes, "no community recorded");
    case RoutingCondKind::kGrid:
      return CodeCheck("grid", f.grid, cond.codes, "no grid recorded");
    case RoutingCondKind::kLevel:
      return CodeCheck("level", f.level, cond.codes, "the case is at no level yet (first routing)");
    case RoutingCondKind::kReferral: {
      bool referral =
          std::find(cond.codes.begin(), cond.codes.end(), c.source) != cond.codes.end() ||
          Vocabulary::Builtin().SourceGroup(c.source) == "referral";
      if (!referral) {
        out.because = "source is " + (c.source.empty() ? std::string("not recorded") : c.source) +
                      ", not a referral; the rule wants " +
                      (cond.any_referral ? std::string("a referral") : OrList(cond.codes));
        return out;
      }
      if (cond.any_referral) {
        out.holds = std::find(cond.codes.begin(), cond.codes.end(), c.source) != cond.codes.end();
        if (!out.holds) {
          out.because = "source " + c.source + " is not a referral kind of this store";
          return out;
        }
        out.because = "referred (" + c.source + ")";
        return out;
      }
      return CodeCheck("referral", c.source, cond.codes, "no source recorded");
    }
    case RoutingCondKind::kKeywords: {
      for (const auto& w : cond.codes) {
        if (c.summary.find(w) != std::string::npos) {
          out.holds = true;
          out.because = "summary contains \"" + w + "\"";
          return out;
        }
      }
      out.because = "summary contains none of " + OrList(cond.codes);
      return out;
    }
    case RoutingCondKind::kPeople: {
      std::int64_t n = c.people_involved;
      out.holds =
          (cond.min_fen < 0 || n >= cond.min_fen) && (cond.max_fen < 0 || n <= cond.max_fen);
      out.because = "people involved " + std::to_string(n);
      if (!out.holds) out.because += "; the rule wants " + PeopleWant(cond);
      return out;
    }
    case RoutingCondKind::kAmount: {
      if (!c.amount) {
        out.because = "no amount recorded; the rule wants " + AmountWant(cond);
        return out;
      }
      const std::int64_t fen = c.amount->fen();
      out.holds =
          (cond.min_fen < 0 || fen >= cond.min_fen) && (cond.max_fen < 0 || fen <= cond.max_fen);
      out.because = "amount is " + c.amount->GroupedYuan() + " yuan";
      if (!out.holds) out.because += "; the rule wants " + AmountWant(cond);
      return out;
    }
    case RoutingCondKind::kParties: {
      if (c.parties.empty()) {
        out.because = std::string("no parties recorded; the rule wants ") +
                      (cond.all_parties ? "all parties to be organisations"
                                        : "at least one party an organisation");
        return out;
      }
      auto describe = [&](std::size_t i) {
        const Party& p = c.parties[i];
        return "party " + std::to_string(i + 1) + (p.role.empty() ? "" : " (" + p.role + ")");
      };
      if (cond.all_parties) {
        for (std::size_t i = 0; i < c.parties.size(); ++i) {
          const Party& p = c.parties[i];
          if (p.kind != "organisation") {
            out.because =
                describe(i) + " is " +
                (p.kind == "person" ? std::string("a person") : "of kind \"" + p.kind + "\"") +
                "; the rule wants all parties to be organisations";
            return out;
          }
        }
        out.holds = true;
        out.because = "all parties are organisations";
        return out;
      }
      for (std::size_t i = 0; i < c.parties.size(); ++i) {
        if (c.parties[i].kind == "organisation") {
          out.holds = true;
          out.because = describe(i) + " is an organisation";
          return out;
        }
      }
      out.because = "no party is an organisation; the rule wants at least one";
      return out;
    }
    case RoutingCondKind::kAny: {
      std::vector<std::string> failed;
      for (const auto& g : cond.groups) {
        ConditionCheck one = EvaluateAll(g, f);
        if (one.holds) {
          out.holds = true;
          out.because = "any: " + one.because;
          return out;
        }
        failed.push_back(one.because);
      }
      out.because = "any: none holds (";
      for (std::size_t i = 0; i < failed.size(); ++i) out.because += (i ? " / " : "") + failed[i];
      out.because += ")";
      return out;
    }
    case RoutingCondKind::kAll: {
      std::string facts;
      for (const auto& g : cond.groups) {
        ConditionCheck one = EvaluateAll(g, f);
        if (!one.holds) {
          out.because = "all: " + one.because;
          return out;
        }
        facts += (facts.empty() ? "" : "; ") + one.because;
      }
      out.holds = true;
      out.because = "all: " + facts;
      return out;
    }
    case RoutingCondKind::kNot: {
      ConditionCheck inner = EvaluateAll(cond.groups.front(), f);
      out.holds = !inner.holds;
      out.because = inner.holds ? "not: but " + inner.because : "not: " + inner.because;
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
    facts += (facts.empty() ? "" : "; ") + check.because;
  }
  out.because = facts.empty() ? "no conditions: every case matches" : facts;
  return out;
}

}  // namespace

ConditionCheck EvaluateConditions(const std::vector<RoutingCondition>& conds, const Case& c,
                                  const RoutingPlace& place, const std::string& level) {
  Facts f{c, place.street, place.community, place.grid, level};
  return EvaluateAll(conds, f);
}

}  // namespace mediate
