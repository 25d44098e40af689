#include "routing_conditions.hpp"

#include <optional>
#include <utility>

#include "i18n.hpp"
#include "money.hpp"

namespace mediate {

namespace {

constexpr std::initializer_list<const char*> kWhenFields = {
    "category",        "source",   "referral", "risk",      "amount",
    "people_involved", "parties",  "street",   "community", "grid",
    "level",           "keywords", "any",      "all",       "not"};
constexpr std::initializer_list<const char*> kAmountFields = {"min", "max"};

std::string JoinNames(std::initializer_list<const char*> names) {
  std::string s;
  for (const char* n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

/// The name of vocabulary `vocab` as messages say it ("category"; 类别 in
/// Chinese, where the catalogue has the word).
std::string ListNoun(const VocabList& vocab) { return Translate(vocab.name().c_str()); }

/// A code list condition: one code or a list of codes of `vocab`.
std::optional<RoutingCondition> ReadCodes(RecordReader& r, const Value& v, const std::string& path,
                                          RoutingCondKind kind, const VocabList& vocab) {
  std::vector<const Value*> items;
  if (v.is_scalar()) {
    items.push_back(&v);
  } else if (v.is_sequence()) {
    for (const auto& item : v.items()) items.push_back(&item);
    if (items.empty()) {
      r.Error(v, path,
              Tr("an empty list matches no case; list at least one {0} code or remove the "
                 "condition",
                 ListNoun(vocab)));
      return std::nullopt;
    }
  } else {
    r.Error(v, path,
            Tr("a list of {0} codes is expected ([\"{1}\"])", ListNoun(vocab),
               vocab.terms().empty() ? std::string("code") : vocab.terms()[0].code));
    return std::nullopt;
  }
  RoutingCondition c;
  c.kind = kind;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value& item = *items[i];
    std::string p = v.is_sequence() ? path + "[" + std::to_string(i) + "]" : path;
    if (!item.is_scalar()) {
      r.Error(item, p, Tr("a single {0} code is expected", ListNoun(vocab)));
      ok = false;
      continue;
    }
    const std::string& code = item.text();
    if (!vocab.Has(code)) {
      const Term* t = vocab.Resolve(code);
      if (t) {
        r.Error(
            item, p,
            Tr("unknown {0} code \"{1}\"; write its code \"{2}\"", ListNoun(vocab), code, t->code));
      } else {
        r.Error(
            item, p,
            Tr("unknown {0} code \"{1}\"; known: {2}", ListNoun(vocab), code, vocab.CodeList()));
      }
      ok = false;
      continue;
    }
    c.codes.push_back(code);
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<RoutingCondition> ReadAmount(RecordReader& r, const Value& v,
                                           const std::string& path) {
  if (!v.is_map()) {
    r.Error(v, path, Tr("a range in yuan is expected ({{min: \"5000\", max: \"100000\"}})"));
    return std::nullopt;
  }
  std::size_t errors = r.sink().error_count();
  RejectUnknownFields(r, v, path, "amount", kAmountFields);
  RoutingCondition c;
  c.kind = RoutingCondKind::kAmount;
  c.min_fen = r.Money(v, "min", path).value_or(Money::FromFen(-1)).fen();
  c.max_fen = r.Money(v, "max", path).value_or(Money::FromFen(-1)).fen();
  if (r.sink().error_count() != errors) return std::nullopt;
  if (c.min_fen < 0 && c.max_fen < 0) {
    r.Error(v, path, Tr("give min, max or both (yuan: {{min: \"5000\", max: \"100000\"}})"));
    return std::nullopt;
  }
  if (c.min_fen >= 0 && c.max_fen >= 0 && c.min_fen > c.max_fen) {
    r.Error(*v.Find("min"), JoinPath(path, "min"),
            Tr("min {0} is above max {1}; no case could match",
               Money::FromFen(c.min_fen).GroupedYuan(), Money::FromFen(c.max_fen).GroupedYuan()));
    return std::nullopt;
  }
  return c;
}

std::optional<RoutingCondition> ReadParties(RecordReader& r, const Value& v,
                                            const std::string& path) {
  if (v.is_scalar() && (v.text() == "all_organisations" || v.text() == "any_organisation")) {
    RoutingCondition c;
    c.kind = RoutingCondKind::kParties;
    c.all_parties = v.text() == "all_organisations";
    return c;
  }
  r.Error(v, path,
          v.is_scalar()
              ? Tr("\"{0}\" is not a parties condition; write all_organisations (every party is "
                   "an organisation) or any_organisation (at least one is)",
                   v.text())
              : std::string(_("a single value is expected; write all_organisations (every party "
                              "is an organisation) or any_organisation (at least one is)")));
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
    r.Error(v, path, Tr("a list of {0} is expected", what));
    return std::nullopt;
  }
  if (items.empty()) {
    r.Error(
        v, path,
        Tr("an empty list matches no case; list at least one {0} or remove the condition", what));
    return std::nullopt;
  }
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string p = v.is_sequence() ? path + "[" + std::to_string(i) + "]" : path;
    if (!items[i]->is_scalar() || items[i]->text().empty()) {
      r.Error(*items[i], p, Tr("a single non-empty {0} is expected", what));
      ok = false;
      continue;
    }
    out.emplace_back(items[i]->text(), items[i]);
  }
  if (!ok) return std::nullopt;
  return out;
}

/// street / community / grid: division codes, checked against areas/ when known.
std::optional<RoutingCondition> ReadPlace(RecordReader& r, const Value& v, const std::string& path,
                                          RoutingCondKind kind, const AreaRegistry* areas) {
  const std::string what = kind == RoutingCondKind::kStreet      ? _("street")
                           : kind == RoutingCondKind::kCommunity ? _("community")
                                                                 : _("grid");
  auto words = ReadWords(r, v, path, Tr("{0} code", what));
  if (!words) return std::nullopt;
  RoutingCondition c;
  c.kind = kind;
  bool ok = true;
  for (const auto& [code, at] : *words) {
    if (areas) {
      bool known = kind == RoutingCondKind::kStreet      ? areas->FindStreet(code) != nullptr
                   : kind == RoutingCondKind::kCommunity ? areas->FindCommunity(code) != nullptr
                                                         : areas->FindGrid(code) != nullptr;
      if (!known) {
        std::string hint;
        if (kind == RoutingCondKind::kStreet) {
          if (const Street* st = areas->StreetByName(code)) hint = st->code;
        } else if (kind == RoutingCondKind::kCommunity) {
          auto named = areas->CommunitiesByName(code);
          if (named.size() == 1) hint = named[0]->code;
        }
        r.Error(*at, path,
                hint.empty()
                    ? Tr("unknown {0} \"{1}\"; it must be a {0} code of areas/", what, code)
                    : Tr("unknown {0} \"{1}\"; it must be a {0} code of areas/; write its code "
                         "\"{2}\"",
                         what, code, hint));
        ok = false;
        continue;
      }
    }
    c.codes.push_back(code);
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<RoutingCondition> ReadReferral(RecordReader& r, const Value& v,
                                             const std::string& path, const Vocabulary& vocab) {
  if (v.is_scalar() && v.text() == "any") {
    RoutingCondition c;
    c.kind = RoutingCondKind::kReferral;
    c.any_referral = true;
    for (const auto& t : vocab.source().terms())
      if (t.group == "referral") c.codes.push_back(t.code);
    return c;
  }
  auto c = ReadCodes(r, v, path, RoutingCondKind::kReferral, vocab.source());
  if (!c) return std::nullopt;
  bool ok = true;
  for (const auto& code : c->codes) {
    if (vocab.SourceGroup(code) != "referral") {
      std::string referrals;
      for (const auto& t : vocab.source().terms())
        if (t.group == "referral") referrals += (referrals.empty() ? "" : ", ") + t.code;
      r.Error(v, path,
              Tr("source \"{0}\" is not a referral (its group is {1}); referral kinds: {2}, or "
                 "any",
                 code, vocab.SourceGroup(code), referrals));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return c;
}

std::optional<RoutingCondition> ReadPeople(RecordReader& r, const Value& v,
                                           const std::string& path) {
  if (!v.is_map()) {
    r.Error(v, path, Tr("a range of people is expected ({{min: 10}} or {{min: 5, max: 50}})"));
    return std::nullopt;
  }
  std::size_t errors = r.sink().error_count();
  RejectUnknownFields(r, v, path, "people_involved", kAmountFields);
  RoutingCondition c;
  c.kind = RoutingCondKind::kPeople;
  c.min_fen = v.Find("min") ? r.Int(v, "min", path, -1) : -1;
  c.max_fen = v.Find("max") ? r.Int(v, "max", path, -1) : -1;
  if (r.sink().error_count() != errors) return std::nullopt;
  if (c.min_fen < 0 && c.max_fen < 0) {
    r.Error(v, path, Tr("give min, max or both ({{min: 10}})"));
    return std::nullopt;
  }
  if (c.min_fen >= 0 && c.max_fen >= 0 && c.min_fen > c.max_fen) {
    r.Error(*v.Find("min"), JoinPath(path, "min"),
            Tr("min {0} is above max {1}; no case could match", c.min_fen, c.max_fen));
    return std::nullopt;
  }
  return c;
}

/// any / all: a non-empty list of condition maps.
std::optional<RoutingCondition> ReadGroups(RecordReader& r, const Value& v, const std::string& path,
                                           RoutingCondKind kind, const Vocabulary& vocab,
                                           const AreaRegistry* areas) {
  const char* key = kind == RoutingCondKind::kAny ? "any" : "all";
  if (!v.is_sequence() || v.items().empty()) {
    r.Error(v, path,
            Tr("{0} takes a non-empty list of condition maps ([{{risk: red}}, "
               "{{people_involved: {{min: 10}}}}])",
               key));
    return std::nullopt;
  }
  RoutingCondition c;
  c.kind = kind;
  std::size_t errors = r.sink().error_count();
  for (std::size_t i = 0; i < v.items().size(); ++i) {
    const Value& item = v.items()[i];
    std::string p = path + "[" + std::to_string(i) + "]";
    if (!item.is_map()) {
      r.Error(item, p, Tr("a map of conditions is expected ({{category: [\"labour\"]}})"));
      continue;
    }
    std::vector<RoutingCondition> group;
    ReadRoutingConditions(r, item, p, vocab, areas, &group, _("a condition map"));
    c.groups.push_back(std::move(group));
  }
  if (r.sink().error_count() != errors) return std::nullopt;
  return c;
}

}  // namespace

bool IsOneOf(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (s == n) return true;
  return false;
}

void RejectUnknownFields(RecordReader& r, const Value& map, const std::string& path,
                         const char* where, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : map.entries()) {
    if (IsOneOf(k, known)) continue;
    r.Error(v, JoinPath(path, k),
            Tr("unknown field \"{0}\" in {1}; known fields: {2}", k, where, JoinNames(known)));
  }
}

void ReadRoutingConditions(RecordReader& r, const Value& when, const std::string& path,
                           const Vocabulary& vocab, const AreaRegistry* areas,
                           std::vector<RoutingCondition>* out, const char* where) {
  if (when.is_null()) return;
  if (!r.ExpectMap(when, path)) return;
  RejectUnknownFields(r, when, path, where, kWhenFields);
  for (const auto& [k, v] : when.entries()) {
    std::string p = JoinPath(path, k);
    if (v.is_null()) {
      r.Error(v.mark().line ? v : when, p, _("is empty; give a value or remove the condition"));
      continue;
    }
    std::optional<RoutingCondition> c;
    if (k == "category") {
      c = ReadCodes(r, v, p, RoutingCondKind::kCategory, vocab.category());
    } else if (k == "source") {
      c = ReadCodes(r, v, p, RoutingCondKind::kSource, vocab.source());
    } else if (k == "referral") {
      c = ReadReferral(r, v, p, vocab);
    } else if (k == "risk") {
      c = ReadCodes(r, v, p, RoutingCondKind::kRisk, vocab.risk());
    } else if (k == "amount") {
      c = ReadAmount(r, v, p);
    } else if (k == "people_involved") {
      c = ReadPeople(r, v, p);
    } else if (k == "parties") {
      c = ReadParties(r, v, p);
    } else if (k == "street") {
      c = ReadPlace(r, v, p, RoutingCondKind::kStreet, areas);
    } else if (k == "community") {
      c = ReadPlace(r, v, p, RoutingCondKind::kCommunity, areas);
    } else if (k == "grid") {
      c = ReadPlace(r, v, p, RoutingCondKind::kGrid, areas);
    } else if (k == "level") {
      c = ReadCodes(r, v, p, RoutingCondKind::kLevel, vocab.level());
    } else if (k == "keywords") {
      if (auto words = ReadWords(r, v, p, _("keyword"))) {
        RoutingCondition kw;
        kw.kind = RoutingCondKind::kKeywords;
        for (auto& [w, at] : *words) kw.codes.push_back(w);
        c = std::move(kw);
      }
    } else if (k == "any") {
      c = ReadGroups(r, v, p, RoutingCondKind::kAny, vocab, areas);
    } else if (k == "all") {
      c = ReadGroups(r, v, p, RoutingCondKind::kAll, vocab, areas);
    } else if (k == "not") {
      if (!v.is_map()) {
        r.Error(v, p, Tr("not takes one map of conditions (not: {{category: [\"labour\"]}})"));
        continue;
      }
      std::size_t errors = r.sink().error_count();
      RoutingCondition n;
      n.kind = RoutingCondKind::kNot;
      std::vector<RoutingCondition> group;
      ReadRoutingConditions(r, v, p, vocab, areas, &group, _("a condition map"));
      if (group.empty() && r.sink().error_count() == errors) {
        r.Error(v, p, Tr("not: {{}} never holds; give the conditions to exclude"));
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

namespace {

/// True when a condition holds for every case whatever its facts (a
/// policy check: a rule after such a rule is never reached).
bool AlwaysHolds(const RoutingCondition& c) {
  switch (c.kind) {
    case RoutingCondKind::kPeople:
      return c.min_fen <= 0 && c.max_fen < 0;
    case RoutingCondKind::kAny:
      for (const auto& g : c.groups)
        if (RoutingConditionsAlwaysHold(g)) return true;
      return false;
    case RoutingCondKind::kAll:
      for (const auto& g : c.groups)
        if (!RoutingConditionsAlwaysHold(g)) return false;
      return true;
    default:
      return false;
  }
}

}  // namespace

bool RoutingConditionsAlwaysHold(const std::vector<RoutingCondition>& conds) {
  for (const auto& c : conds)
    if (!AlwaysHolds(c)) return false;
  return true;
}

}  // namespace mediate
