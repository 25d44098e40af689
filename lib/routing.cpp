#include "routing.hpp"

#include <map>
#include <optional>

#include "lifecycle.hpp"
#include "record_reader.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

enum class CondKind { kCategory, kSource, kRisk, kAmount, kParties };

struct Condition {
  CondKind kind = CondKind::kCategory;
  std::vector<std::string> codes;  ///< category / source / risk
  std::int64_t min_fen = -1;       ///< amount; -1 = open end
  std::int64_t max_fen = -1;
  bool all_parties = false;  ///< parties: all_organisations (else any_organisation)
};

enum class TargetKind { kOrg, kCommunityCommittee, kStreetCommittee };

struct Rule {
  std::string name;
  std::string note;
  Location where;
  std::vector<Condition> when;
  TargetKind target = TargetKind::kOrg;
  std::string org;
};

constexpr std::initializer_list<const char*> kTopFields = {"schema", "note", "rules"};
constexpr std::initializer_list<const char*> kRuleFields = {"name", "note", "when", "to"};
constexpr std::initializer_list<const char*> kWhenFields = {"category", "source", "risk", "amount",
                                                            "parties"};
constexpr std::initializer_list<const char*> kAmountFields = {"min", "max"};
constexpr std::initializer_list<const char*> kToFields = {"org", "committee"};

/// Organisation kinds that refer or confirm cases but do not mediate them.
constexpr std::initializer_list<const char*> kNonMediatingKinds = {"court", "police",
                                                                   "petition_office"};

std::string JoinNames(std::initializer_list<const char*> names) {
  std::string s;
  for (const char* n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

bool IsOneOf(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (s == n) return true;
  return false;
}

/// "a", "a or b", "a, b or c".
std::string OrList(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) s += i + 1 == items.size() ? " or " : ", ";
    s += items[i];
  }
  return s;
}

/// Reports every key of `map` not in `known` as an error (a typo in a
/// policy must not silently change what it does).
void RejectUnknownKeys(RecordReader& r, const Value& map, const std::string& path,
                       const char* where, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : map.entries()) {
    if (IsOneOf(k, known)) continue;
    r.Error(v, JoinPath(path, k),
            "unknown field \"" + k + "\" in " + where + "; known fields: " + JoinNames(known));
  }
}

/// A code list condition: one code or a list of codes of `vocab`.
std::optional<Condition> ReadCodes(RecordReader& r, const Value& v, const std::string& path,
                                   CondKind kind, const VocabList& vocab) {
  std::vector<const Value*> items;
  if (v.is_scalar()) {
    items.push_back(&v);
  } else if (v.is_sequence()) {
    for (const auto& item : v.items()) items.push_back(&item);
    if (items.empty()) {
      r.Error(v, path,
              "an empty list matches no case; list at least one " + vocab.name() +
                  " code or remove the condition");
      return std::nullopt;
    }
  } else {
    r.Error(v, path,
            "a list of " + vocab.name() + " codes is expected ([\"" +
                (vocab.terms().empty() ? "code" : vocab.terms()[0].code) + "\"])");
    return std::nullopt;
  }
  Condition c;
  c.kind = kind;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value& item = *items[i];
    std::string p = v.is_sequence() ? path + "[" + std::to_string(i) + "]" : path;
    if (!item.is_scalar()) {
      r.Error(item, p, "a single " + vocab.name() + " code is expected");
      ok = false;
      continue;
    }
    const std::string& code = item.text();
    if (!vocab.Has(code)) {
      const Term* t = vocab.Resolve(code);
      if (t) {
        r.Error(item, p,
                "unknown " + vocab.name() + " code \"" + code + "\"; write its code \"" + t->code +
                    "\"");
      } else {
        r.Error(item, p,
                "unknown " + vocab.name() + " code \"" + code + "\"; known: " + vocab.CodeList());
      }
      ok = false;
      continue;
    }
    c.codes.push_back(code);
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Condition> ReadAmount(RecordReader& r, const Value& v, const std::string& path) {
  if (!v.is_map()) {
    r.Error(v, path, "a range in yuan is expected ({min: \"5000\", max: \"100000\"})");
    return std::nullopt;
  }
  std::size_t errors = r.sink().error_count();
  RejectUnknownKeys(r, v, path, "amount", kAmountFields);
  Condition c;
  c.kind = CondKind::kAmount;
  c.min_fen = r.Money(v, "min", path);
  c.max_fen = r.Money(v, "max", path);
  if (r.sink().error_count() != errors) return std::nullopt;
  if (c.min_fen < 0 && c.max_fen < 0) {
    r.Error(v, path, "give min, max or both (yuan: {min: \"5000\", max: \"100000\"})");
    return std::nullopt;
  }
  if (c.min_fen >= 0 && c.max_fen >= 0 && c.min_fen > c.max_fen) {
    r.Error(*v.Find("min"), JoinPath(path, "min"),
            "min " + FormatYuanGrouped(c.min_fen) + " is above max " +
                FormatYuanGrouped(c.max_fen) + "; no case could match");
    return std::nullopt;
  }
  return c;
}

std::optional<Condition> ReadParties(RecordReader& r, const Value& v, const std::string& path) {
  if (v.is_scalar() && (v.text() == "all_organisations" || v.text() == "any_organisation")) {
    Condition c;
    c.kind = CondKind::kParties;
    c.all_parties = v.text() == "all_organisations";
    return c;
  }
  r.Error(v, path,
          (v.is_scalar() ? "\"" + v.text() + "\" is not a parties condition; "
                         : std::string("a single value is expected; ")) +
              "write all_organisations (every party is an organisation) or any_organisation "
              "(at least one is)");
  return std::nullopt;
}

void ReadWhen(RecordReader& r, const Value& when, const std::string& path, const Vocabulary& vocab,
              Rule* rule) {
  if (when.is_null()) return;
  if (!r.ExpectMap(when, path)) return;
  RejectUnknownKeys(r, when, path, "when", kWhenFields);
  for (const auto& [k, v] : when.entries()) {
    std::string p = JoinPath(path, k);
    if (v.is_null()) {
      r.Error(v.mark().line ? v : when, p, "is empty; give a value or remove the condition");
      continue;
    }
    std::optional<Condition> c;
    if (k == "category") {
      c = ReadCodes(r, v, p, CondKind::kCategory, vocab.category());
    } else if (k == "source") {
      c = ReadCodes(r, v, p, CondKind::kSource, vocab.source());
    } else if (k == "risk") {
      c = ReadCodes(r, v, p, CondKind::kRisk, vocab.risk());
    } else if (k == "amount") {
      c = ReadAmount(r, v, p);
    } else if (k == "parties") {
      c = ReadParties(r, v, p);
    } else {
      continue;  // reported above
    }
    if (c) rule->when.push_back(std::move(*c));
  }
}

void ReadTarget(RecordReader& r, const Value& rule_map, const std::string& path,
                const OrgRegistry& orgs, const Vocabulary& vocab, Rule* rule) {
  const Value* to = rule_map.Find("to");
  std::string p = JoinPath(path, "to");
  if (!to || to->is_null()) {
    r.Error(to && to->mark().line ? *to : rule_map, p,
            "rule \"" + rule->name +
                "\" has no target; give to: {org: \"<org id>\"} or to: {committee: "
                "\"community\"}");
    return;
  }
  if (!r.ExpectMap(*to, p)) return;
  RejectUnknownKeys(r, *to, p, "to", kToFields);
  const Value* org = to->Find("org");
  const Value* committee = to->Find("committee");
  if (org && committee) {
    r.Error(*committee, p, "give either org or committee, not both");
    return;
  }
  if (!org && !committee) {
    r.Error(*to, p, "give org: \"<org id>\" or committee: \"community\" / \"street\"");
    return;
  }
  if (org) {
    rule->target = TargetKind::kOrg;
    rule->org = r.String(*to, "org", p, true);
    if (rule->org.empty()) return;
    auto it = orgs.find(rule->org);
    if (it == orgs.end()) {
      r.Error(*org, JoinPath(p, "org"),
              "unknown organisation \"" + rule->org +
                  "\"; it must be an id of orgs/ (mediate org "
                  "list)");
    } else if (it->second.status != "active") {
      r.Error(*org, JoinPath(p, "org"),
              "organisation " + rule->org + " " + it->second.name +
                  " is retired; route to the organisation that took over its work");
    } else if (IsOneOf(it->second.kind, kNonMediatingKinds)) {
      std::string kind = vocab.Get("org_kind").Zh(it->second.kind);
      r.Error(*org, JoinPath(p, "org"),
              "organisation " + rule->org + " " + it->second.name + " is a " + it->second.kind +
                  (kind.empty() ? "" : " (" + kind + ")") +
                  ", which refers or confirms cases but does not mediate them");
    }
    return;
  }
  std::string level = r.String(*to, "committee", p, true);
  if (level == "community") {
    rule->target = TargetKind::kCommunityCommittee;
  } else if (level == "street") {
    rule->target = TargetKind::kStreetCommittee;
  } else if (!level.empty()) {
    r.Error(*committee, JoinPath(p, "committee"),
            "committee is \"community\" or \"street\" (the committee of the case's own place), "
            "not \"" +
                level + "\"");
  }
}

// --- matching -------------------------------------------------------------

struct Check {
  bool holds = false;
  std::string because;
};

const char* FieldName(CondKind k) {
  switch (k) {
    case CondKind::kCategory:
      return "category";
    case CondKind::kSource:
      return "source";
    case CondKind::kRisk:
      return "risk";
    case CondKind::kAmount:
      return "amount";
    case CondKind::kParties:
      return "parties";
  }
  return "";
}

std::string AmountWant(const Condition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0)
    return "between " + FormatYuanGrouped(c.min_fen) + " and " + FormatYuanGrouped(c.max_fen) +
           " yuan";
  if (c.min_fen >= 0) return "at least " + FormatYuanGrouped(c.min_fen) + " yuan";
  return "at most " + FormatYuanGrouped(c.max_fen) + " yuan";
}

Check Evaluate(const Condition& cond, const Case& c) {
  Check out;
  switch (cond.kind) {
    case CondKind::kCategory:
    case CondKind::kSource:
    case CondKind::kRisk: {
      const std::string& value = cond.kind == CondKind::kCategory ? c.category
                                 : cond.kind == CondKind::kSource ? c.source
                                                                  : c.risk;
      std::string field = FieldName(cond.kind);
      if (value.empty()) {
        out.because = "no " + field + " recorded; the rule wants " + OrList(cond.codes);
        return out;
      }
      for (const auto& code : cond.codes) out.holds = out.holds || code == value;
      out.because = field + " is " + value;
      if (!out.holds) out.because += "; the rule wants " + OrList(cond.codes);
      return out;
    }
    case CondKind::kAmount: {
      if (c.amount_fen < 0) {
        out.because = "no amount recorded; the rule wants " + AmountWant(cond);
        return out;
      }
      out.holds = (cond.min_fen < 0 || c.amount_fen >= cond.min_fen) &&
                  (cond.max_fen < 0 || c.amount_fen <= cond.max_fen);
      out.because = "amount is " + FormatYuanGrouped(c.amount_fen) + " yuan";
      if (!out.holds) out.because += "; the rule wants " + AmountWant(cond);
      return out;
    }
    case CondKind::kParties: {
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
  }
  return out;
}

/// The first active organisation of `kind` whose `field` is `code`.
const Organisation* FindCommittee(const OrgRegistry& orgs, const std::string& kind,
                                  const std::string& code, bool community) {
  for (const auto& [id, o] : orgs) {
    if (o.kind != kind || o.status != "active") continue;
    if ((community ? o.community : o.street) == code) return &o;
  }
  return nullptr;
}

/// Resolves the rule's target for `c`; sets org/org_name/level or problem.
void Resolve(const Rule& rule, const Case& c, const AreaRegistry& areas, const OrgRegistry& orgs,
             RoutingDecision* d) {
  const Organisation* target = nullptr;
  if (rule.target == TargetKind::kOrg) {
    auto it = orgs.find(rule.org);
    if (it == orgs.end()) {
      d->problem =
          "rule \"" + rule.name + "\" names organisation " + rule.org + ", which is not in orgs/";
      return;
    }
    target = &it->second;
  } else {
    bool community = rule.target == TargetKind::kCommunityCommittee;
    std::string community_code = c.place.community;
    if (community_code.empty() && !c.place.grid.empty()) {
      if (const Community* cm = areas.CommunityOfGrid(c.place.grid)) community_code = cm->code;
    }
    std::string street_code = c.place.street;
    if (street_code.empty() && !community_code.empty()) {
      if (const Street* st = areas.StreetOfCommunity(community_code)) street_code = st->code;
    }
    const std::string& code = community ? community_code : street_code;
    const char* what = community ? "community" : "street";
    if (code.empty()) {
      d->problem = "rule \"" + rule.name + "\" routes to the " + what +
                   " committee of the case's place, but the case has no " + what + " (place." +
                   what + ")";
      return;
    }
    target = FindCommittee(orgs, community ? "community_committee" : "street_committee", code,
                           community);
    if (!target) {
      std::string name = areas.NameOf(code);
      d->problem = "rule \"" + rule.name + "\" routes to the " + what + " committee of " + code +
                   (name.empty() || name == code ? "" : " " + name) + ", but orgs/ has no active " +
                   (community ? "community_committee with community \""
                              : "street_committee with street \"") +
                   code + "\"";
      return;
    }
  }
  d->routed = true;
  d->org = target->id;
  d->org_name = target->name;
  d->level = target->level;
}

}  // namespace

struct RoutingPolicy::Impl {
  std::string file;
  std::vector<Rule> rules;
};

RoutingPolicy::RoutingPolicy() : impl(std::make_unique<Impl>()) {}
RoutingPolicy::~RoutingPolicy() = default;
RoutingPolicy::RoutingPolicy(RoutingPolicy&&) noexcept = default;
RoutingPolicy& RoutingPolicy::operator=(RoutingPolicy&&) noexcept = default;

std::vector<std::string> RoutingPolicy::RuleNames() const {
  std::vector<std::string> names;
  if (!impl) return names;
  for (const auto& r : impl->rules) names.push_back(r.name);
  return names;
}

std::size_t RoutingPolicy::size() const { return impl ? impl->rules.size() : 0; }

Result<RoutingPolicy> LoadRoutingRules(const std::string& text, const std::string& file,
                                       const Vocabulary& vocab, const OrgRegistry& orgs) {
  auto parsed = ParseYaml(text, file);
  if (!parsed.ok()) return parsed.status();
  const Value& root = *parsed;
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  auto done = [&]() -> Status {
    std::size_t n = sink.error_count();
    return sink.ToStatus(std::to_string(n) + (n == 1 ? " error" : " errors") + " in " + file +
                         " (the routing rules)");
  };
  if (root.is_null()) {
    sink.Error({file, 1, 1}, "",
               "the file is empty; it needs schema: \"" + std::string(kRoutingSchema) +
                   "\" and a list of rules");
    return done();
  }
  if (!r.ExpectMap(root, "")) return done();
  RejectUnknownKeys(r, root, "", "the routing rules file", kTopFields);
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != kRoutingSchema)
    r.Error(*root.Find("schema"), "schema",
            "unsupported schema \"" + schema + "\"; expected \"" + kRoutingSchema + "\"");
  r.String(root, "note", "");

  RoutingPolicy policy;
  policy.impl->file = file;
  const Value* rules = root.Find("rules");
  if (!rules || rules->is_null() || (rules->is_sequence() && rules->items().empty())) {
    r.Error(rules && rules->mark().line ? *rules : root, "rules",
            "there are no rules; list at least one, and end with a rule without conditions "
            "(e.g. to: {committee: \"community\"})");
    return done();
  }
  if (!rules->is_sequence()) {
    r.Error(*rules, "rules", "a list of rules is expected (each item starting with \"- name:\")");
    return done();
  }
  std::map<std::string, int> first_line;
  std::optional<std::size_t> catch_all;  // index of the first rule without conditions
  for (std::size_t i = 0; i < rules->items().size(); ++i) {
    const Value& item = rules->items()[i];
    std::string path = "rules[" + std::to_string(i) + "]";
    if (!r.ExpectMap(item, path)) continue;
    Rule rule;
    rule.where = r.At(item);
    RejectUnknownKeys(r, item, path, "a rule", kRuleFields);
    const Value* name = item.Find("name");
    if (!name || name->is_null()) {
      r.Error(name && name->mark().line ? *name : item, JoinPath(path, "name"),
              "rule " + std::to_string(i + 1) + " has no name; give it one (name: \"medical\")");
    } else {
      rule.name = r.String(item, "name", path, true);
      if (!rule.name.empty()) {
        auto [it, fresh] = first_line.emplace(rule.name, name->mark().line);
        if (!fresh)
          r.Error(*name, JoinPath(path, "name"),
                  "duplicate rule name \"" + rule.name + "\" (first at line " +
                      std::to_string(it->second) + "); each rule needs its own name");
      }
    }
    rule.note = r.String(item, "note", path);
    if (const Value* when = item.Find("when"))
      ReadWhen(r, *when, JoinPath(path, "when"), vocab, &rule);
    ReadTarget(r, item, path, orgs, vocab, &rule);
    if (catch_all) {
      const Rule& first = policy.impl->rules[*catch_all];
      r.Error(name && name->mark().line ? *name : item, path,
              "rule \"" + rule.name + "\" is never reached: rule \"" + first.name + "\" (line " +
                  std::to_string(first.where.line) +
                  ") has no conditions and takes every case; move it to the end");
    }
    bool has_when = false;
    if (const Value* when = item.Find("when"); when && !when->is_null())
      has_when = !when->is_map() || !when->entries().empty();
    if (!has_when && !catch_all) catch_all = policy.impl->rules.size();
    policy.impl->rules.push_back(std::move(rule));
  }
  MEDIATE_RETURN_IF_ERROR(done());
  return policy;
}

RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs) {
  RoutingDecision d;
  const auto& rules = policy.impl->rules;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    RuleTrace t;
    t.rule = rule.name;
    t.matched = true;
    std::string facts;
    for (const Condition& cond : rule.when) {
      Check check = Evaluate(cond, c);
      if (!check.holds) {
        t.matched = false;
        t.because = std::move(check.because);
        break;
      }
      facts += (facts.empty() ? "" : "; ") + check.because;
    }
    if (t.matched) t.because = facts.empty() ? "no conditions: every case matches" : facts;
    d.trace.push_back(std::move(t));
    if (!d.trace.back().matched) continue;
    d.rule = rule.name;
    Resolve(rule, c, areas, orgs, &d);
    for (std::size_t j = i + 1; j < rules.size(); ++j) d.not_reached.push_back(rules[j].name);
    return d;
  }
  d.problem =
      "no rule matches this case; end the rules with one without conditions (e.g. to: "
      "{committee: \"community\"})";
  return d;
}

Status ApplyRouting(const RoutingDecision& d, Timestamp at, const std::string& by,
                    const Settings& settings, Case* c) {
  if (!d.routed) return Status::Rejected(c->id + " cannot be routed: " + d.problem);
  MEDIATE_RETURN_IF_ERROR(CheckStep(*c, Replay(*c, settings), "routed"));
  Event e;
  e.at = at;
  e.type = "routed";
  e.by = by;
  e.payload.Set("org", Value::String(d.org));
  e.payload.Set("level", Value::String(d.level));
  e.payload.Set("rule", Value::String(d.rule));
  c->events.push_back(std::move(e));
  c->state = Replay(*c, settings).state;
  return Status::Ok();
}

std::string FormatYuanGrouped(std::int64_t fen) {
  bool negative = fen < 0;
  std::uint64_t v =
      negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string yuan = std::to_string(v / 100);
  std::string grouped;
  for (std::size_t i = 0; i < yuan.size(); ++i) {
    if (i && (yuan.size() - i) % 3 == 0) grouped += ',';
    grouped += yuan[i];
  }
  unsigned cents = static_cast<unsigned>(v % 100);
  return (negative ? "-" : "") + grouped + "." + static_cast<char>('0' + cents / 10) +
         static_cast<char>('0' + cents % 10);
}

}  // namespace mediate
