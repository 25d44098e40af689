#include "routing.hpp"

#include "money.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "lifecycle.hpp"
#include "record_reader.hpp"
#include "schema.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

enum class CondKind {
  kCategory,
  kSource,
  kRisk,
  kAmount,
  kParties,
  kReferral,
  kPeople,
  kStreet,
  kCommunity,
  kGrid,
  kLevel,
  kKeywords,
  kAny,
  kAll,
  kNot
};

struct Condition {
  CondKind kind = CondKind::kCategory;
  std::vector<std::string> codes;  ///< category / source / risk / place / level / keywords
  std::int64_t min_fen = -1;       ///< amount (fen) or people; -1 = open end
  std::int64_t max_fen = -1;
  bool all_parties = false;   ///< parties: all_organisations (else any_organisation)
  bool any_referral = false;  ///< referral: any
  /// any / all: each item a conjunction; not: exactly one conjunction.
  std::vector<std::vector<Condition>> groups;
};

enum class TargetKind { kOrg, kCommunityCommittee, kStreetCommittee, kDistrictCentre, kSpecialist };

struct Rule {
  std::string name;
  std::string note;
  Location where;
  std::vector<Condition> when;
  TargetKind target = TargetKind::kOrg;
  std::string org;
  std::string min_level;
  int deadline_days = 0;
  int mediator_grade = 0;
  bool auto_assign = false;
};

constexpr std::initializer_list<const char*> kTopFields = {"schema", "note", "rules"};
constexpr std::initializer_list<const char*> kRuleFields = {
    "name", "note", "when", "to", "min_level", "deadline_days", "assign"};
constexpr std::initializer_list<const char*> kWhenFields = {
    "category",        "source",   "referral", "risk",      "amount",
    "people_involved", "parties",  "street",   "community", "grid",
    "level",           "keywords", "any",      "all",       "not"};
constexpr std::initializer_list<const char*> kAmountFields = {"min", "max"};
constexpr std::initializer_list<const char*> kToFields = {"org", "committee", "district_centre",
                                                          "specialist"};
constexpr std::initializer_list<const char*> kAssignFields = {"grade", "auto"};

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
  c.min_fen = r.Money(v, "min", path).value_or(Money::FromFen(-1)).fen();
  c.max_fen = r.Money(v, "max", path).value_or(Money::FromFen(-1)).fen();
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

/// A list of one or more non-empty strings (a single one may be written
/// without the list).
std::optional<std::vector<std::pair<std::string, const Value*>>> ReadWords(
    RecordReader& r, const Value& v, const std::string& path, const std::string& what) {
  std::vector<std::pair<std::string, const Value*>> out;
  std::vector<const Value*> items;
  if (v.is_scalar()) {
    items.push_back(&v);
  } else if (v.is_sequence()) {
    for (const auto& item : v.items()) items.push_back(&item);
  } else {
    r.Error(v, path, "a list of " + what + " is expected");
    return std::nullopt;
  }
  if (items.empty()) {
    r.Error(
        v, path,
        "an empty list matches no case; list at least one " + what + " or remove the condition");
    return std::nullopt;
  }
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string p = v.is_sequence() ? path + "[" + std::to_string(i) + "]" : path;
    if (!items[i]->is_scalar() || items[i]->text().empty()) {
      r.Error(*items[i], p, "a single non-empty " + what + " is expected");
      ok = false;
      continue;
    }
    out.emplace_back(items[i]->text(), items[i]);
  }
  if (!ok) return std::nullopt;
  return out;
}

/// street / community / grid: division codes, checked against areas/ when known.
std::optional<Condition> ReadPlace(RecordReader& r, const Value& v, const std::string& path,
                                   CondKind kind, const AreaRegistry* areas) {
  const char* what = kind == CondKind::kStreet      ? "street"
                     : kind == CondKind::kCommunity ? "community"
                                                    : "grid";
  auto words = ReadWords(r, v, path, std::string(what) + " code");
  if (!words) return std::nullopt;
  Condition c;
  c.kind = kind;
  bool ok = true;
  for (const auto& [code, at] : *words) {
    if (areas) {
      bool known = kind == CondKind::kStreet      ? areas->FindStreet(code) != nullptr
                   : kind == CondKind::kCommunity ? areas->FindCommunity(code) != nullptr
                                                  : areas->FindGrid(code) != nullptr;
      if (!known) {
        std::string hint;
        if (kind == CondKind::kStreet) {
          if (const Street* st = areas->StreetByName(code))
            hint = "; write its code \"" + st->code + "\"";
        } else if (kind == CondKind::kCommunity) {
          auto named = areas->CommunitiesByName(code);
          if (named.size() == 1) hint = "; write its code \"" + named[0]->code + "\"";
        }
        r.Error(*at, path,
                std::string("unknown ") + what + " \"" + code + "\"; it must be a " + what +
                    " code of areas/" + hint);
        ok = false;
        continue;
      }
    }
    c.codes.push_back(code);
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Condition> ReadReferral(RecordReader& r, const Value& v, const std::string& path,
                                      const Vocabulary& vocab) {
  if (v.is_scalar() && v.text() == "any") {
    Condition c;
    c.kind = CondKind::kReferral;
    c.any_referral = true;
    for (const auto& t : vocab.source().terms())
      if (t.group == "referral") c.codes.push_back(t.code);
    return c;
  }
  auto c = ReadCodes(r, v, path, CondKind::kReferral, vocab.source());
  if (!c) return std::nullopt;
  bool ok = true;
  for (const auto& code : c->codes) {
    if (vocab.SourceGroup(code) != "referral") {
      std::string referrals;
      for (const auto& t : vocab.source().terms())
        if (t.group == "referral") referrals += (referrals.empty() ? "" : ", ") + t.code;
      r.Error(v, path,
              "source \"" + code + "\" is not a referral (its group is " + vocab.SourceGroup(code) +
                  "); referral kinds: " + referrals + ", or any");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<Condition> ReadPeople(RecordReader& r, const Value& v, const std::string& path) {
  if (!v.is_map()) {
    r.Error(v, path, "a range of people is expected ({min: 10} or {min: 5, max: 50})");
    return std::nullopt;
  }
  std::size_t errors = r.sink().error_count();
  RejectUnknownKeys(r, v, path, "people_involved", kAmountFields);
  Condition c;
  c.kind = CondKind::kPeople;
  c.min_fen = v.Find("min") ? r.Int(v, "min", path, -1) : -1;
  c.max_fen = v.Find("max") ? r.Int(v, "max", path, -1) : -1;
  if (r.sink().error_count() != errors) return std::nullopt;
  if (c.min_fen < 0 && c.max_fen < 0) {
    r.Error(v, path, "give min, max or both ({min: 10})");
    return std::nullopt;
  }
  if (c.min_fen >= 0 && c.max_fen >= 0 && c.min_fen > c.max_fen) {
    r.Error(*v.Find("min"), JoinPath(path, "min"),
            "min " + std::to_string(c.min_fen) + " is above max " + std::to_string(c.max_fen) +
                "; no case could match");
    return std::nullopt;
  }
  return c;
}

void ReadWhen(RecordReader& r, const Value& when, const std::string& path, const Vocabulary& vocab,
              const AreaRegistry* areas, std::vector<Condition>* out, const char* where = "when");

/// any / all: a non-empty list of condition maps.
std::optional<Condition> ReadGroups(RecordReader& r, const Value& v, const std::string& path,
                                    CondKind kind, const Vocabulary& vocab,
                                    const AreaRegistry* areas) {
  const char* key = kind == CondKind::kAny ? "any" : "all";
  if (!v.is_sequence() || v.items().empty()) {
    r.Error(v, path,
            std::string(key) +
                " takes a non-empty list of condition maps ([{risk: red}, "
                "{people_involved: {min: 10}}])");
    return std::nullopt;
  }
  Condition c;
  c.kind = kind;
  std::size_t errors = r.sink().error_count();
  for (std::size_t i = 0; i < v.items().size(); ++i) {
    const Value& item = v.items()[i];
    std::string p = path + "[" + std::to_string(i) + "]";
    if (!item.is_map()) {
      r.Error(item, p, "a map of conditions is expected ({category: [\"labour\"]})");
      continue;
    }
    std::vector<Condition> group;
    ReadWhen(r, item, p, vocab, areas, &group, "a condition map");
    c.groups.push_back(std::move(group));
  }
  if (r.sink().error_count() != errors) return std::nullopt;
  return c;
}

void ReadWhen(RecordReader& r, const Value& when, const std::string& path, const Vocabulary& vocab,
              const AreaRegistry* areas, std::vector<Condition>* out, const char* where) {
  if (when.is_null()) return;
  if (!r.ExpectMap(when, path)) return;
  RejectUnknownKeys(r, when, path, where, kWhenFields);
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
    } else if (k == "referral") {
      c = ReadReferral(r, v, p, vocab);
    } else if (k == "risk") {
      c = ReadCodes(r, v, p, CondKind::kRisk, vocab.risk());
    } else if (k == "amount") {
      c = ReadAmount(r, v, p);
    } else if (k == "people_involved") {
      c = ReadPeople(r, v, p);
    } else if (k == "parties") {
      c = ReadParties(r, v, p);
    } else if (k == "street") {
      c = ReadPlace(r, v, p, CondKind::kStreet, areas);
    } else if (k == "community") {
      c = ReadPlace(r, v, p, CondKind::kCommunity, areas);
    } else if (k == "grid") {
      c = ReadPlace(r, v, p, CondKind::kGrid, areas);
    } else if (k == "level") {
      c = ReadCodes(r, v, p, CondKind::kLevel, vocab.level());
    } else if (k == "keywords") {
      if (auto words = ReadWords(r, v, p, "keyword")) {
        Condition kw;
        kw.kind = CondKind::kKeywords;
        for (auto& [w, at] : *words) kw.codes.push_back(w);
        c = std::move(kw);
      }
    } else if (k == "any") {
      c = ReadGroups(r, v, p, CondKind::kAny, vocab, areas);
    } else if (k == "all") {
      c = ReadGroups(r, v, p, CondKind::kAll, vocab, areas);
    } else if (k == "not") {
      if (!v.is_map()) {
        r.Error(v, p, "not takes one map of conditions (not: {category: [\"labour\"]})");
        continue;
      }
      std::size_t errors = r.sink().error_count();
      Condition n;
      n.kind = CondKind::kNot;
      std::vector<Condition> group;
      ReadWhen(r, v, p, vocab, areas, &group, "a condition map");
      if (group.empty() && r.sink().error_count() == errors) {
        r.Error(v, p, "not: {} never holds; give the conditions to exclude");
        continue;
      }
      n.groups.push_back(std::move(group));
      if (r.sink().error_count() == errors) c = std::move(n);
    } else {
      continue;  // reported above
    }
    if (c) out->push_back(std::move(*c));
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
  const Value* centre = to->Find("district_centre");
  const Value* specialist = to->Find("specialist");
  int given = (org ? 1 : 0) + (committee ? 1 : 0) + (centre ? 1 : 0) + (specialist ? 1 : 0);
  if (given > 1) {
    std::vector<std::string> keys;
    const Value* last = nullptr;
    for (const auto& [k, v] : to->entries())
      if (IsOneOf(k, kToFields)) {
        keys.push_back(k);
        last = &v;
      }
    std::string both;
    for (std::size_t i = 0; i < keys.size(); ++i)
      both += (i ? (i + 1 == keys.size() ? " and " : ", ") : "") + keys[i];
    r.Error(*last, p,
            "give exactly one target (org, committee, district_centre or specialist), not " + both);
    return;
  }
  if (given == 0) {
    if (to->entries().empty())
      r.Error(*to, p,
              "give org: \"<org id>\", committee: \"community\" / \"street\", "
              "district_centre: true or specialist: true");
    return;
  }
  for (const Value* flag : {centre, specialist}) {
    if (!flag) continue;
    const char* key = flag == centre ? "district_centre" : "specialist";
    if (!flag->is_scalar() || flag->quoted() || flag->text() != "true") {
      r.Error(*flag, JoinPath(p, key), std::string(key) + " takes the value true");
      return;
    }
    rule->target = flag == centre ? TargetKind::kDistrictCentre : TargetKind::kSpecialist;
    if (flag == centre) {
      bool found = false;
      for (const auto& [id, o] : orgs)
        found = found || (o.kind == "district_centre" && o.status == "active");
      if (!found)
        r.Error(*flag, JoinPath(p, key),
                "orgs/ has no active organisation of kind district_centre");
    }
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

/// min_level, deadline_days and assign of a rule.
void ReadOptions(RecordReader& r, const Value& item, const std::string& path,
                 const Vocabulary& vocab, Rule* rule) {
  if (const Value* ml = item.Find("min_level")) {
    std::string p = JoinPath(path, "min_level");
    if (!ml->is_scalar() ||
        (ml->text() != "community" && ml->text() != "street" && ml->text() != "district")) {
      r.Error(*ml, p,
              "min_level is community, street or district (the place's committee at that "
              "level, or the district centre)" +
                  (ml->is_scalar() ? ", not \"" + ml->text() + "\"" : std::string()));
    } else {
      rule->min_level = ml->text();
    }
  }
  (void)vocab;
  if (const Value* dd = item.Find("deadline_days")) {
    std::size_t errors = r.sink().error_count();
    std::int64_t days = r.Int(item, "deadline_days", path, 0);
    if (r.sink().error_count() != errors) {
      // reported by the reader
    } else if (days < 1)
      r.Error(*dd, JoinPath(path, "deadline_days"), "deadline_days must be at least 1");
    else if (days > 366)
      r.Error(*dd, JoinPath(path, "deadline_days"),
              std::to_string(days) +
                  " days is over a year; the limit is counted in days from "
                  "acceptance (2002 Provisions Art. 33: one month)");
    else
      rule->deadline_days = static_cast<int>(days);
  }
  if (const Value* as = item.Find("assign")) {
    std::string p = JoinPath(path, "assign");
    if (!r.ExpectMap(*as, p)) return;
    RejectUnknownKeys(r, *as, p, "assign", kAssignFields);
    if (const Value* g = as->Find("grade")) {
      std::int64_t grade = r.Int(*as, "grade", p, 0);
      if (grade < 1 || grade > 4)
        r.Error(*g, JoinPath(p, "grade"),
                "grade is 1 (highest) to 4: \"grade 2\" means grade 2 or higher");
      else
        rule->mediator_grade = static_cast<int>(grade);
    }
    rule->auto_assign = r.Bool(*as, "auto", p, false);
  }
}

// --- matching -------------------------------------------------------------

struct Check {
  bool holds = false;
  std::string because;
};

/// What the conditions look at: the case, its place completed from areas/,
/// and the level it is at (or goes up to).
struct Facts {
  const Case& c;
  std::string street, community, grid;
  std::string level;
};

Facts MakeFacts(const Case& c, const AreaRegistry& areas, const std::string& level) {
  Facts f{c, c.place.street, c.place.community, c.place.grid, level};
  if (f.community.empty() && !f.grid.empty())
    if (const Community* cm = areas.CommunityOfGrid(f.grid)) f.community = cm->code;
  if (f.street.empty() && !f.community.empty())
    if (const Street* st = areas.StreetOfCommunity(f.community)) f.street = st->code;
  return f;
}

std::string AmountWant(const Condition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0)
    return "between " + FormatYuanGrouped(c.min_fen) + " and " + FormatYuanGrouped(c.max_fen) +
           " yuan";
  if (c.min_fen >= 0) return "at least " + FormatYuanGrouped(c.min_fen) + " yuan";
  return "at most " + FormatYuanGrouped(c.max_fen) + " yuan";
}

std::string PeopleWant(const Condition& c) {
  if (c.min_fen >= 0 && c.max_fen >= 0)
    return "between " + std::to_string(c.min_fen) + " and " + std::to_string(c.max_fen);
  if (c.min_fen >= 0) return "at least " + std::to_string(c.min_fen);
  return "at most " + std::to_string(c.max_fen);
}

Check EvaluateAll(const std::vector<Condition>& conds, const Facts& f);

/// A code-list condition over one fact of the case.
Check CodeCheck(const std::string& field, const std::string& value,
                const std::vector<std::string>& codes, const char* none) {
  Check out;
  if (value.empty()) {
    out.because = std::string(none) + "; the rule wants " + OrList(codes);
    return out;
  }
  for (const auto& code : codes) out.holds = out.holds || code == value;
  out.because = field + " is " + value;
  if (!out.holds) out.because += "; the rule wants " + OrList(codes);
  return out;
}

Check Evaluate(const Condition& cond, const Facts& f) {
  const Case& c = f.c;
  Check out;
  switch (cond.kind) {
    case CondKind::kCategory:
      return CodeCheck("category", c.category, cond.codes, "no category recorded");
    case CondKind::kSource:
      return CodeCheck("source", c.source, cond.codes, "no source recorded");
    case CondKind::kRisk:
      return CodeCheck("risk", c.risk, cond.codes, "no risk recorded");
    case CondKind::kStreet:
      return CodeCheck("street", f.street, cond.codes, "no street recorded");
    case CondKind::kCommunity:
      return CodeCheck("community", f.community, cond.codes, "no community recorded");
    case CondKind::kGrid:
      return CodeCheck("grid", f.grid, cond.codes, "no grid recorded");
    case CondKind::kLevel:
      return CodeCheck("level", f.level, cond.codes, "the case is at no level yet (first routing)");
    case CondKind::kReferral: {
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
    case CondKind::kKeywords: {
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
    case CondKind::kPeople: {
      std::int64_t n = c.people_involved;
      out.holds =
          (cond.min_fen < 0 || n >= cond.min_fen) && (cond.max_fen < 0 || n <= cond.max_fen);
      out.because = "people involved " + std::to_string(n);
      if (!out.holds) out.because += "; the rule wants " + PeopleWant(cond);
      return out;
    }
    case CondKind::kAmount: {
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
    case CondKind::kAny: {
      std::vector<std::string> failed;
      for (const auto& g : cond.groups) {
        Check one = EvaluateAll(g, f);
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
    case CondKind::kAll: {
      std::string facts;
      for (const auto& g : cond.groups) {
        Check one = EvaluateAll(g, f);
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
    case CondKind::kNot: {
      Check inner = EvaluateAll(cond.groups.front(), f);
      out.holds = !inner.holds;
      out.because = inner.holds ? "not: but " + inner.because : "not: " + inner.because;
      return out;
    }
  }
  return out;
}

/// Every condition of a conjunction; the first failing one is the reason.
Check EvaluateAll(const std::vector<Condition>& conds, const Facts& f) {
  Check out;
  out.holds = true;
  std::string facts;
  for (const Condition& cond : conds) {
    Check check = Evaluate(cond, f);
    if (!check.holds) return check;
    facts += (facts.empty() ? "" : "; ") + check.because;
  }
  out.because = facts.empty() ? "no conditions: every case matches" : facts;
  return out;
}

bool AlwaysHoldsAll(const std::vector<Condition>& conds);

/// True when a condition holds for every case whatever its facts (a
/// policy check: a rule after such a rule is never reached).
bool AlwaysHolds(const Condition& c) {
  switch (c.kind) {
    case CondKind::kPeople:
      return c.min_fen <= 0 && c.max_fen < 0;
    case CondKind::kAny:
      for (const auto& g : c.groups)
        if (AlwaysHoldsAll(g)) return true;
      return false;
    case CondKind::kAll:
      for (const auto& g : c.groups)
        if (!AlwaysHoldsAll(g)) return false;
      return true;
    default:
      return false;
  }
}

bool AlwaysHoldsAll(const std::vector<Condition>& conds) {
  for (const auto& c : conds)
    if (!AlwaysHolds(c)) return false;
  return true;
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

const Organisation* FindCentre(const OrgRegistry& orgs) {
  for (const auto& [id, o] : orgs)
    if (o.kind == "district_centre" && o.status == "active") return &o;
  return nullptr;
}

/// The place's organisation at `level` for facts `f`.
const Organisation* PlaceOrg(const Facts& f, const std::string& level, const AreaRegistry& areas,
                             const OrgRegistry& orgs, std::string* problem) {
  if (level == "district") {
    const Organisation* o = FindCentre(orgs);
    if (!o) *problem = "orgs/ has no active district_centre";
    return o;
  }
  const bool community = level == "community";
  if (!community && level != "street") {
    *problem = "no organisation of the case's place is at level " + level;
    return nullptr;
  }
  const std::string& code = community ? f.community : f.street;
  const char* what = community ? "community" : "street";
  if (code.empty()) {
    *problem = std::string("the case has no ") + what + " (place." + what + ")";
    return nullptr;
  }
  const Organisation* o =
      FindCommittee(orgs, community ? "community_committee" : "street_committee", code, community);
  if (!o) {
    std::string name = areas.NameOf(code);
    *problem =
        std::string("orgs/ has no active ") +
        (community ? "community_committee with community \"" : "street_committee with street \"") +
        code + "\"" + (name.empty() || name == code ? "" : " (" + name + ")");
  }
  return o;
}

/// Organisation kinds that mediate (not a referrer, confirmer or association).
bool Mediates(const Organisation& o) {
  return o.status == "active" && !IsOneOf(o.kind, kNonMediatingKinds) && o.kind != "association";
}

/// Distance of an organisation from the case's place: 0 same community, 1
/// same street, 2 district-wide, 3 city, 4 another street.
int Distance(const Organisation& o, const Facts& f) {
  if (!o.community.empty()) return o.community == f.community ? 0 : 4;
  if (!o.street.empty()) return o.street == f.street ? 1 : 4;
  if (o.level == "city") return 3;
  return 2;
}

/// Resolves the rule's target for `f`; sets org/org_name/level or problem.
void Resolve(const Rule& rule, const Facts& f, const std::string& at_least,
             const AreaRegistry& areas, const OrgRegistry& orgs, RoutingDecision* d) {
  const Organisation* target = nullptr;
  std::string problem;
  switch (rule.target) {
    case TargetKind::kOrg: {
      auto it = orgs.find(rule.org);
      if (it == orgs.end()) {
        d->problem =
            "rule \"" + rule.name + "\" names organisation " + rule.org + ", which is not in orgs/";
        return;
      }
      target = &it->second;
      break;
    }
    case TargetKind::kCommunityCommittee:
    case TargetKind::kStreetCommittee: {
      bool community = rule.target == TargetKind::kCommunityCommittee;
      const std::string& code = community ? f.community : f.street;
      const char* what = community ? "community" : "street";
      if (code.empty()) {
        d->problem = "rule \"" + rule.name + "\" routes to the " + what +
                     " committee of the case's place, but the case has no " + what + " (place." +
                     what + ")";
        return;
      }
      target = PlaceOrg(f, what, areas, orgs, &problem);
      if (!target) {
        std::string name = areas.NameOf(code);
        d->problem = "rule \"" + rule.name + "\" routes to the " + what + " committee of " + code +
                     (name.empty() || name == code ? "" : " " + name) +
                     ", but orgs/ has no active " +
                     (community ? "community_committee with community \""
                                : "street_committee with street \"") +
                     code + "\"";
        return;
      }
      break;
    }
    case TargetKind::kDistrictCentre:
      target = FindCentre(orgs);
      if (!target) problem = "orgs/ has no active district_centre";
      break;
    case TargetKind::kSpecialist: {
      int best = 1 << 30;
      for (const auto& [id, o] : orgs) {
        if (!Mediates(o)) continue;
        if (std::find(o.specialties.begin(), o.specialties.end(), f.c.category) ==
            o.specialties.end())
          continue;
        int dist = Distance(o, f);
        if (dist < best) {  // ties: the first by id (orgs are sorted)
          best = dist;
          target = &o;
        }
      }
      if (target) {
        static const char* kWhere[] = {"same community", "same street", "district-wide", "city",
                                       "another street"};
        d->target_note = "specialist in " + f.c.category + ", nearest (" + kWhere[best] + ")";
      } else {
        problem = "no active organisation lists " +
                  (f.c.category.empty() ? std::string("the case's category") : f.c.category) +
                  " among its specialties";
      }
      break;
    }
  }
  if (!target) {
    d->problem = "rule \"" + rule.name + "\" matches, but " + problem;
    return;
  }
  // min_level and escalation: never below the level asked for.
  std::string floor = rule.min_level;
  if (LevelRank(at_least) > LevelRank(floor)) floor = at_least;
  if (!floor.empty() && LevelRank(target->level) < LevelRank(floor)) {
    std::string lift_problem;
    const Organisation* lifted = PlaceOrg(f, floor, areas, orgs, &lift_problem);
    if (!lifted) {
      d->problem = "rule \"" + rule.name + "\" matches and " + target->id + " is at " +
                   target->level + " level, below " + floor + ", but " + lift_problem;
      return;
    }
    std::string why = at_least == floor && rule.min_level != floor ? "escalated to " + floor
                                                                   : "min_level " + floor;
    d->target_note = (d->target_note.empty() ? "" : d->target_note + "; ") + why + ": " +
                     target->id + " is at " + target->level + " level";
    target = lifted;
  }
  d->routed = true;
  d->org = target->id;
  d->org_name = target->name;
  d->level = target->level;
  d->deadline_days = rule.deadline_days;
  d->mediator_grade = rule.mediator_grade;
  d->auto_assign = rule.auto_assign;
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
                                       const Vocabulary& vocab, const OrgRegistry& orgs,
                                       const AreaRegistry* areas) {
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
    const std::size_t errors_before = sink.error_count();
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
      ReadWhen(r, *when, JoinPath(path, "when"), vocab, areas, &rule.when);
    ReadTarget(r, item, path, orgs, vocab, &rule);
    ReadOptions(r, item, path, vocab, &rule);
    if (catch_all) {
      const Rule& first = policy.impl->rules[*catch_all];
      r.Error(name && name->mark().line ? *name : item, path,
              "rule \"" + rule.name + "\" is never reached: rule \"" + first.name + "\" (line " +
                  std::to_string(first.where.line) + ") " +
                  (first.when.empty() ? "has no conditions and takes every case"
                                      : "has conditions that hold for every case") +
                  "; move it to the end");
    }
    bool has_when = false;
    if (const Value* when = item.Find("when"); when && !when->is_null())
      has_when = !when->is_map() || !when->entries().empty();
    bool always =
        !has_when || (r.sink().error_count() == errors_before && AlwaysHoldsAll(rule.when));
    if (always && !catch_all) catch_all = policy.impl->rules.size();
    policy.impl->rules.push_back(std::move(rule));
  }
  // The shape for every other tool: schemas/routing.schema.yaml. The
  // reader above gives the friendlier message, so the schema speaks only
  // when the reader found nothing.
  if (sink.error_count() == 0) CheckSchema(root, "routing.schema.yaml", file, &sink);
  MEDIATE_RETURN_IF_ERROR(done());
  return policy;
}

RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs) {
  return Route(policy, c, areas, orgs, RouteOptions{});
}

RoutingDecision Route(const RoutingPolicy& policy, const Case& c, const AreaRegistry& areas,
                      const OrgRegistry& orgs, const RouteOptions& options) {
  RoutingDecision d;
  const auto& rules = policy.impl->rules;
  const std::string level = options.level.empty() ? c.state.level : options.level;
  Facts facts = MakeFacts(c, areas, level);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    RuleTrace t;
    t.rule = rule.name;
    Check check = EvaluateAll(rule.when, facts);
    t.matched = check.holds;
    t.because = std::move(check.because);
    d.trace.push_back(std::move(t));
    if (!d.trace.back().matched) continue;
    d.rule = rule.name;
    Resolve(rule, facts, options.level, areas, orgs, &d);
    for (std::size_t j = i + 1; j < rules.size(); ++j) d.not_reached.push_back(rules[j].name);
    return d;
  }
  d.problem =
      "no rule matches this case; end the rules with one without conditions (e.g. to: "
      "{committee: \"community\"})";
  return d;
}

const Organisation* PlaceOrganisation(const Case& c, const std::string& level,
                                      const AreaRegistry& areas, const OrgRegistry& orgs,
                                      std::string* problem) {
  Facts f = MakeFacts(c, areas, level);
  return PlaceOrg(f, level, areas, orgs, problem);
}

int LevelRank(const std::string& level) {
  if (level == "grid") return 0;
  if (level == "community") return 1;
  if (level == "street") return 2;
  if (level == "district") return 3;
  if (level == "city") return 4;
  return -1;
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
  if (d.deadline_days > 0) e.payload.Set("deadline_days", Value::Int(d.deadline_days));
  if (d.mediator_grade > 0) e.payload.Set("mediator_grade", Value::Int(d.mediator_grade));
  c->events.push_back(std::move(e));
  c->state = Replay(*c, settings).state;
  return Status::Ok();
}

std::string FormatYuanGrouped(std::int64_t fen) { return Money::FromFen(fen).GroupedYuan(); }

}  // namespace mediate
