#include "query.hpp"

#include "party_lookup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

#include "case_record.hpp"
#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

enum class Field : std::uint8_t {
  kId,
  kStatus,
  kCategory,
  kSource,
  kSourceGroup,
  kRisk,
  kLevel,
  kStreet,
  kCommunity,
  kGrid,
  kOrg,
  kMediator,
  kOutcome,
  kForm,
  kReceived,
  kConcluded,
  kDeadline,
  kAmount,
  kPeople,
  kMigrated,
  kText,
  kParty,
  kOpen,     // word
  kOverdue,  // word
};

/// How a field's values are written and compared.
enum class Kind : std::uint8_t { kCode, kDate, kAmount, kCount, kBool, kText, kWord };

struct FieldInfo {
  std::string_view name;
  Field field;
  Kind kind;
};

// The order is the order of the "known fields" list in messages.
constexpr std::array<FieldInfo, 22> kFields{{
    {"id", Field::kId, Kind::kCode},
    {"status", Field::kStatus, Kind::kCode},
    {"category", Field::kCategory, Kind::kCode},
    {"source", Field::kSource, Kind::kCode},
    {"source_group", Field::kSourceGroup, Kind::kCode},
    {"risk", Field::kRisk, Kind::kCode},
    {"level", Field::kLevel, Kind::kCode},
    {"street", Field::kStreet, Kind::kCode},
    {"community", Field::kCommunity, Kind::kCode},
    {"grid", Field::kGrid, Kind::kCode},
    {"org", Field::kOrg, Kind::kCode},
    {"mediator", Field::kMediator, Kind::kCode},
    {"outcome", Field::kOutcome, Kind::kCode},
    {"form", Field::kForm, Kind::kCode},
    {"received", Field::kReceived, Kind::kDate},
    {"concluded", Field::kConcluded, Kind::kDate},
    {"deadline", Field::kDeadline, Kind::kDate},
    {"amount", Field::kAmount, Kind::kAmount},
    {"people", Field::kPeople, Kind::kCount},
    {"migrated", Field::kMigrated, Kind::kBool},
    {"text", Field::kText, Kind::kText},
    {"party", Field::kParty, Kind::kText},
}};

// Other spellings people use for a field (the record's own field names).
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kAliases{{
    {"agreement_form", "form"},
    {"people_involved", "people"},
}};

const FieldInfo* FindField(std::string_view name) {
  for (const auto& [alias, canonical] : kAliases) {
    if (name == alias) name = canonical;
  }
  for (const FieldInfo& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

/// The values of a closed vocabulary for an error message, in the
/// interface's language: their Chinese labels when translation is on
/// (VocabList::KnownValues; the same list), else the codes.
std::string FixedKnownValues(Field f, const std::vector<std::string_view>& fixed) {
  const char* list = f == Field::kStatus    ? "status"
                     : f == Field::kLevel   ? "level"
                     : f == Field::kOutcome ? "outcome"
                                            : "agreement_form";
  const VocabList& vocab = Vocabulary::Builtin().Get(list);
  if (TranslationOn() && vocab.terms().size() == fixed.size()) return vocab.KnownValues();
  std::string known;
  for (std::string_view k : fixed) {
    if (!known.empty()) known += ", ";
    known += k;
  }
  return known;
}

/// The Chinese name of a field with a closed vocabulary: 状态, 层级, 结果,
/// 协议形式.
std::string_view FixedFieldName(Field f) {
  return f == Field::kStatus    ? "状态"
         : f == Field::kLevel   ? "层级"
         : f == Field::kOutcome ? "结果"
                                : "协议形式";
}

std::string KnownFields() {
  std::string s;
  for (const FieldInfo& f : kFields) {
    if (!s.empty()) s += ", ";
    s += f.name;
  }
  return Tr("{0}; words: open, overdue", s);
}

// Closed vocabularies fixed by the state machine (docs/law.md); a value
// outside them is a typo, reported rather than silently matching nothing.
// Categories, sources and risk colours are extendable per store: not checked.
const std::vector<std::string_view>* FixedValues(Field f) {
  static const std::vector<std::string_view> kStatus{
      "received", "routed", "mediating", "agreed", "terminated", "withdrawn", "refused", "closed"};
  static const std::vector<std::string_view> kLevel{"grid", "community", "street", "district",
                                                    "city"};
  static const std::vector<std::string_view> kOutcome{"agreed", "terminated", "withdrawn",
                                                      "refused"};
  static const std::vector<std::string_view> kForm{"written", "oral"};
  switch (f) {
    case Field::kStatus:
      return &kStatus;
    case Field::kLevel:
      return &kLevel;
    case Field::kOutcome:
      return &kOutcome;
    case Field::kForm:
      return &kForm;
    default:
      return nullptr;
  }
}

/// True when `s` (any letter case) is a case id like WBL-2026-000042.
bool IsCaseId(std::string_view s) {
  std::string office;
  int year = 0;
  int sequence = 0;
  return ParseCaseId(CanonicalCaseId(s), &office, &year, &sequence);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

/// A date bound: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" meaning the month or
/// year — its first day when `end` is false, its last day when true.
Result<std::int64_t> ParseDateBound(std::string_view s, bool end) {
  auto not_a_date = [&](bool shape_ok) {
    if (!shape_ok)
      return Status::Usage(Tr("{0} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)", s));
    return Status::Usage(Tr("{0} is not a date", s));
  };
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) &&
      AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8, 2))) {
    std::optional<Date> d = Date::Parse(s);
    if (!d) return not_a_date(true);
    return static_cast<std::int64_t>(d->days());
  }
  if (s.size() == 7 && s[4] == '-' && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2))) {
    int y = ToInt(s.substr(0, 4));
    auto m = static_cast<unsigned>(ToInt(s.substr(5, 2)));
    std::optional<Date> first = Date::FromYmd(y, m, 1);
    if (!first) return not_a_date(true);
    if (!end) return static_cast<std::int64_t>(first->days());
    std::optional<Date> next = m == 12 ? Date::FromYmd(y + 1, 1, 1) : Date::FromYmd(y, m + 1, 1);
    return static_cast<std::int64_t>(next->days()) - 1;
  }
  if (s.size() == 4 && AllDigits(s)) {
    int y = ToInt(s);
    std::optional<Date> d = end ? Date::FromYmd(y, 12, 31) : Date::FromYmd(y, 1, 1);
    if (!d) return not_a_date(true);
    return static_cast<std::int64_t>(d->days());
  }
  return not_a_date(false);
}

/// Yuan ("5000", "5000.5", "5000.50") to fen, exactly.
Result<std::int64_t> ParseAmountBound(std::string_view s) {
  std::string_view whole = s;
  std::string_view frac;
  if (std::size_t dot = s.find('.'); dot != std::string_view::npos) {
    whole = s.substr(0, dot);
    frac = s.substr(dot + 1);
    if (!AllDigits(frac)) {
      return Status::Usage(Tr("{0} is not an amount in yuan (write 5000 or 5000.50)", s));
    }
    if (frac.size() > 2) {
      return Status::Usage(Tr("{0} has more than two decimals (amounts are in yuan)", s));
    }
  }
  if (!AllDigits(whole)) {
    return Status::Usage(Tr("{0} is not an amount in yuan (write 5000 or 5000.50)", s));
  }
  if (whole.size() > 13) return Status::Usage(Tr("{0} is too large an amount", s));
  std::int64_t fen = 0;
  for (char c : whole) fen = fen * 10 + (c - '0');
  fen *= 100;
  if (frac.size() >= 1) fen += (frac[0] - '0') * 10;
  if (frac.size() == 2) fen += frac[1] - '0';
  return fen;
}

Result<std::int64_t> ParseCountBound(std::string_view s) {
  if (!AllDigits(s) || s.size() > 9) {
    return Status::Usage(Tr("{0} is not a whole number", s));
  }
  return static_cast<std::int64_t>(ToInt(s));
}

Result<std::int64_t> ParseBound(Kind kind, std::string_view s, bool end) {
  switch (kind) {
    case Kind::kDate:
      return ParseDateBound(s, end);
    case Kind::kAmount:
      return ParseAmountBound(s);
    default:
      return ParseCountBound(s);
  }
}

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  if (values.size() <= 8) {
    for (const std::string& s : values) {
      if (s == v) return true;
    }
    return false;
  }
  return std::binary_search(values.begin(), values.end(), v, std::less<>());
}

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

}  // namespace

struct Filter::Term {
  Field field = Field::kOpen;
  bool negate = false;
  std::vector<std::string> values;                            // codes or texts, sorted, unique
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;  // inclusive: days, fen, people
  bool want_true = false;                                     // migrated
  bool want_false = false;                                    // migrated
  SourceGrouper group;                                        // source_group

  bool InRanges(std::int64_t x) const {
    for (const auto& [lo, hi] : ranges) {
      if (lo <= x && x <= hi) return true;
    }
    return false;
  }

  bool Holds(const CaseSummary& c, Date today) const {
    switch (field) {
      case Field::kId:
        return Contains(values, c.id);
      case Field::kStatus:
        return Contains(values, c.status);
      case Field::kCategory:
        return Contains(values, c.category);
      case Field::kSource:
        return Contains(values, c.source);
      case Field::kSourceGroup:
        return Contains(values, group(c.source));
      case Field::kRisk:
        return Contains(values, c.risk);
      case Field::kLevel:
        return Contains(values, c.level);
      case Field::kStreet:
        return Contains(values, c.street);
      case Field::kCommunity:
        return Contains(values, c.community);
      case Field::kGrid:
        return Contains(values, c.grid);
      case Field::kOrg:
        return Contains(values, c.org);
      case Field::kMediator:
        for (const std::string& m : c.mediators) {
          if (Contains(values, m)) return true;
        }
        return false;
      case Field::kOutcome:
        return Contains(values, c.outcome);
      case Field::kForm:
        return Contains(values, c.agreement_form);
      case Field::kReceived:
        return c.received.valid() && InRanges(c.received.days());
      case Field::kConcluded:
        return c.concluded.valid() && InRanges(c.concluded.days());
      case Field::kDeadline:
        return c.deadline.valid() && InRanges(c.deadline.days());
      case Field::kAmount:
        return c.amount && InRanges(c.amount->fen());
      case Field::kPeople:
        return InRanges(c.people_involved);
      case Field::kMigrated:
        return c.migrated ? want_true : want_false;
      case Field::kText:
        // The summary, the parties' names and the sessions' notes.
        for (const std::string& v : values) {
          if (c.summary.find(v) != std::string::npos || c.notes.find(v) != std::string::npos)
            return true;
          for (const auto& n : c.party_names)
            if (n.find(v) != std::string::npos) return true;
        }
        return false;
      case Field::kParty:
        // "name\nhash…": a whole name, then keyed hashes of the value (labels.cpp):
        // a name is the name or a hash of it; a number one of the hashes.
        for (const std::string& v : values) {
          std::size_t nl = v.find('\n');
          std::string_view name = std::string_view(v).substr(0, nl);
          std::vector<std::string_view> hashes;
          while (nl != std::string::npos) {
            std::size_t next = v.find('\n', nl + 1);
            hashes.push_back(std::string_view(v).substr(
                nl + 1, next == std::string::npos ? std::string::npos : next - nl - 1));
            nl = next;
          }
          for (const auto& n : c.party_names) {
            if (n == name) return true;
            for (std::string_view h : hashes)
              if (n == h) return true;
          }
          for (const auto& h : c.party_numbers)
            for (std::string_view want : hashes)
              if (h == want) return true;
        }
        return false;
      case Field::kOpen:
        return IsOpenStatus(c.status);
      case Field::kOverdue:
        return IsPendingStatus(c.status) && c.deadline.valid() && c.deadline < today;
    }
    return false;
  }
};

namespace {

/// Splits "a,b,c"; an empty piece is kept (and reported by the caller).
std::vector<std::string_view> SplitCommas(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
}

}  // namespace

Filter::Filter() : terms_parsed_(std::make_shared<const std::vector<Term>>()) {}

Result<Filter> Filter::Parse(const std::vector<std::string>& terms,
                             const ValueNormalizer& normalize, const SourceGrouper& group) {
  auto parsed = std::make_shared<std::vector<Term>>();
  parsed->reserve(terms.size());
  for (const std::string& term : terms) {
    auto fail = [&](std::string_view problem) {
      return Status::Usage(fmt::format("{}: {}", term, problem));
    };
    Term t;
    std::string_view body = term;
    if (body.starts_with("not:")) {
      t.negate = true;
      body.remove_prefix(4);
      if (body.starts_with("not:")) return fail(_("not: may be written once"));
    }
    if (body.empty()) {
      return Status::Usage(term.empty() ? std::string(_("empty filter term"))
                                        : Tr("{0}: nothing to negate", term));
    }
    std::size_t colon = body.find(':');
    std::string_view name = body.substr(0, colon);
    // The words, also in Chinese: 未结 (open), 逾期 (overdue).
    const bool open = name == "open" || name == "未结";
    if (open || name == "overdue" || name == "逾期") {
      if (colon != std::string_view::npos) {
        return fail(Tr("{0} is a word, not a field: write {0} or not:{0}", name));
      }
      t.field = open ? Field::kOpen : Field::kOverdue;
      parsed->push_back(std::move(t));
      continue;
    }
    std::string bare_id;  // a case id alone stands for id:ID
    if (colon == std::string_view::npos && IsCaseId(body)) {
      bare_id = "id:" + CanonicalCaseId(body);
      body = bare_id;
      colon = 2;
      name = "id";
    }
    const FieldInfo* info = FindField(name);
    if (colon == std::string_view::npos) {
      if (info != nullptr) {
        return fail(Tr("a field needs a value: {0}:VALUE", info->name));
      }
      return Status::Usage(
          Tr("filter term \"{0}\" is neither field:value, a case id (WBL-2026-000042) nor a "
             "word; known fields: {1}",
             term, KnownFields()));
    }
    if (info == nullptr) {
      return Status::Usage(Tr("unknown filter field \"{0}\" in \"{1}\"; known fields: {2}", name,
                              term, KnownFields()));
    }
    t.field = info->field;
    std::string_view value = body.substr(colon + 1);
    if (value.empty()) return fail(Tr("no value: write {0}:VALUE", info->name));
    if (info->field == Field::kSourceGroup) {
      if (!group) return Status::Internal("filter field source_group used without a SourceGrouper");
      t.group = group;
    }

    for (std::string_view piece : SplitCommas(value)) {
      if (piece.empty()) return fail(_("empty value between commas"));
      std::string v(piece);
      if (info->field == Field::kId && IsCaseId(v)) v = CanonicalCaseId(v);
      if (normalize) v = normalize(std::string(info->name), v);
      if (v.empty()) return fail(Tr("empty value for {0}", info->name));

      switch (info->kind) {
        case Kind::kDate:
        case Kind::kAmount:
        case Kind::kCount: {
          std::size_t dots = v.find("..");
          std::int64_t lo = kMin;
          std::int64_t hi = kMax;
          if (dots == std::string::npos) {
            Result<std::int64_t> a = ParseBound(info->kind, v, false);
            if (!a.ok()) return fail(a.status().message());
            Result<std::int64_t> b = ParseBound(info->kind, v, true);
            if (!b.ok()) return fail(b.status().message());
            lo = *a;
            hi = *b;
          } else {
            std::string_view lo_s = std::string_view(v).substr(0, dots);
            std::string_view hi_s = std::string_view(v).substr(dots + 2);
            if (lo_s.empty() && hi_s.empty()) {
              return fail(_("a range needs a start, an end or both (LO.., ..HI, LO..HI)"));
            }
            if (!lo_s.empty()) {
              Result<std::int64_t> a = ParseBound(info->kind, lo_s, false);
              if (!a.ok()) return fail(a.status().message());
              lo = *a;
            }
            if (!hi_s.empty()) {
              Result<std::int64_t> b = ParseBound(info->kind, hi_s, true);
              if (!b.ok()) return fail(b.status().message());
              hi = *b;
            }
            if (lo > hi) {
              return fail(Tr("the range is empty ({0} is after {1})", lo_s, hi_s));
            }
          }
          t.ranges.emplace_back(lo, hi);
          break;
        }
        case Kind::kBool:
          if (v == "true") {
            t.want_true = true;
          } else if (v == "false") {
            t.want_false = true;
          } else {
            return fail(Tr("{0} is not true or false", v));
          }
          break;
        case Kind::kText:
          if (info->field == Field::kParty && v.find('\n') == std::string::npos)
            v = NormalizeLookupName(v);  // no store to hash a number with: names only
          t.values.push_back(std::move(v));
          break;
        case Kind::kCode:
        case Kind::kWord: {
          if (v.find("..") != std::string::npos) {
            return fail(
                Tr("{0} takes no range (..); ranges work on received, concluded, deadline, "
                   "amount and people",
                   info->name));
          }
          if (const auto* fixed = FixedValues(info->field)) {
            if (std::find(fixed->begin(), fixed->end(), v) == fixed->end()) {
              return fail(Tr("unknown {0} \"{1}\"; known: {2}",
                             TranslationOn() ? FixedFieldName(info->field) : info->name, v,
                             FixedKnownValues(info->field, *fixed)));
            }
          }
          t.values.push_back(std::move(v));
          break;
        }
      }
    }
    std::sort(t.values.begin(), t.values.end());
    t.values.erase(std::unique(t.values.begin(), t.values.end()), t.values.end());
    parsed->push_back(std::move(t));
  }
  Filter f;
  f.terms_parsed_ = std::move(parsed);
  f.terms_ = terms;
  return f;
}

bool Filter::Matches(const CaseSummary& c, Date today) const {
  for (const Term& t : *terms_parsed_) {
    if (t.Holds(c, today) == t.negate) return false;
  }
  return true;
}

bool Filter::empty() const { return terms_parsed_->empty(); }

const std::vector<std::string>& Filter::terms() const { return terms_; }

std::vector<std::string> FilterFieldNames() {
  std::vector<std::string> out;
  for (const FieldInfo& f : kFields) out.emplace_back(f.name);
  return out;
}

}  // namespace mediate
