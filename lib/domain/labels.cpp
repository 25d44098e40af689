#include "labels.hpp"

#include "i18n.hpp"
#include "keyed_hash.hpp"
#include "party_lookup.hpp"
#include "sealing.hpp"

namespace mediate {
namespace {

const char* VocabName(const std::string& field) {
  if (field == "category") return "category";
  if (field == "source") return "source";
  if (field == "source_group") return "source_group";
  if (field == "status") return "status";
  if (field == "outcome") return "outcome";
  if (field == "risk") return "risk";
  if (field == "level") return "level";
  if (field == "form") return "agreement_form";
  if (field == "org_kind") return "org_kind";
  return nullptr;
}

}  // namespace

std::string LabelOf(const Store& store, const std::string& field, const std::string& code) {
  if (code.empty()) return {};
  if (const char* v = VocabName(field)) return store.vocab().Get(v).Zh(code);
  if (field == "street" || field == "community" || field == "grid")
    return store.areas().NameOf(code);
  if (field == "org") {
    auto it = store.orgs().find(code);
    return it == store.orgs().end() ? std::string() : it->second.name;
  }
  if (field == "mediator") {
    auto it = store.mediators().find(code);
    return it == store.mediators().end() ? std::string() : it->second.name;
  }
  return {};
}

std::string SensitiveReasonShown(const std::string& code) {
  if (!TranslationOn()) return code;
  static const std::pair<const char*, const char*> kNames[] = {
      {"health", "健康信息"},        {"minor", "不满十四周岁的未成年人"},
      {"financial", "金融账户信息"}, {"biometric", "生物识别信息"},
      {"religion", "宗教信仰信息"},  {"location", "行踪轨迹信息"},
      {"other", "其他敏感个人信息"}};
  for (const auto& [c, zh] : kNames)
    if (code == c) return zh;
  return code;
}

std::string SensitiveReasonsShown(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes)
    out += (out.empty() ? "" : TranslationOn() ? "、" : ", ") + SensitiveReasonShown(c);
  return out;
}

std::string FieldLabel(const std::string& field) {
  if (!TranslationOn()) return field;
  static const std::pair<const char*, const char*> kNames[] = {
      {"category", "类别"},
      {"source", "来源"},
      {"source_group", "来源分组"},
      {"status", "状态"},
      {"outcome", "结果"},
      {"risk", "风险等级"},
      {"level", "层级"},
      {"form", "协议形式"},
      {"org_kind", "组织类型"},
      {"org", "调解组织"},
      {"mediators", "调解员"},
      {"mediator", "调解员"},
      {"grid_worker", "网格员"},
      {"deadline", "期限"},
      {"summary", "纠纷简要情况"},
      {"amount", "涉及金额"},
      {"people_involved", "涉及人数"},
      {"place", "地点"},
      {"parties", "当事人"},
      {"received", "受理时间"},
      {"file_no", "卷宗号"},
      {"tags", "标签"},
      {"procedure", "程序"},
  };
  for (const auto& [code, zh] : kNames)
    if (field == code) return zh;
  return field;
}

int RankOf(const Store& store, const std::string& field, const std::string& code) {
  if (const char* v = VocabName(field)) return store.vocab().Get(v).Rank(code);
  return -1;
}

Result<Dimension> StoreDimension(const Store& store, const std::string& given) {
  const Store* s = &store;
  // A dimension may be named by its Chinese heading: --by 类别.
  std::string name = given;
  for (const std::string& n : DimensionNames()) {
    auto d = FindDimension(n, nullptr, nullptr, nullptr);
    if (d.ok() && !d->heading.empty() && d->heading == given) name = n;
  }
  return FindDimension(
      name, [s](const std::string& source) { return s->vocab().SourceGroup(source); },
      [s](const std::string& f, const std::string& c) { return RankOf(*s, f, c); },
      [s](const std::string& org) {
        auto it = s->orgs().find(org);
        return it == s->orgs().end() ? std::string() : it->second.kind;
      });
}

Labeler StoreLabeler(const Store& store) {
  const Store* s = &store;
  return [s](const std::string& f, const std::string& c) { return LabelOf(*s, f, c); };
}

AggregateOptions StoreAggregateOptions(const Store& store, Date today, const Period& period) {
  const Store* s = &store;
  AggregateOptions o;
  o.today = today;
  o.period = period;
  o.source_group = [s](const std::string& source) { return s->vocab().SourceGroup(source); };
  return o;
}

std::vector<std::string> VocabCodes(const Store& store, const std::string& vocab) {
  std::vector<std::string> out;
  for (const auto& t : store.vocab().Get(vocab).terms()) out.push_back(t.code);
  return out;
}

std::string NormalizeFilterValue(const Store& store, const std::string& field,
                                 const std::string& value) {
  if (const char* v = VocabName(field)) {
    if (const Term* t = store.vocab().Get(v).Resolve(value)) return t->code;
    return value;
  }
  if (field == "street") {
    if (const Street* s = store.areas().StreetByName(value)) return s->code;
  } else if (field == "community") {
    auto found = store.areas().CommunitiesByName(value);
    if (found.size() == 1) return found.front()->code;
  }
  return value;
}

namespace {

/// "M-0012 (WBL-CENTRE 万柏林区…中心)": a mediator as a filter message
/// names a candidate.
std::string MediatorCandidate(const Store& store, const Mediator& m) {
  std::string org = m.org;
  if (auto it = store.orgs().find(m.org); it != store.orgs().end() && !it->second.name.empty())
    org += " " + it->second.name;
  return Tr("{0} ({1})", m.id, org.empty() ? std::string(_("no organisation")) : org);
}

/// The ID a mediator filter value names: a registered ID (any letter case),
/// else the name of exactly one registered mediator. kUsage naming the value
/// when no mediator has it, or listing the candidates (ID and organisation)
/// when several share the name.
Result<std::string> ResolveMediator(const Store& store, const std::string& value) {
  const MediatorRegistry& all = store.mediators();
  if (all.count(value)) return value;
  std::string upper = value;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (all.count(upper)) return upper;
  std::vector<const Mediator*> named;
  for (const auto& [id, m] : all)
    if (m.name == value) named.push_back(&m);
  if (named.size() == 1) return named.front()->id;
  if (named.empty())
    return Status::Usage(
        Tr("mediator:{0}: unknown mediator \"{0}\" in the filter; give a registered mediator's "
           "ID (M-0307) or name (mediate mediator list shows them)",
           value));
  std::string list;
  for (const Mediator* m : named) list += "\n  " + MediatorCandidate(store, *m);
  return Status::Usage(
      Tr("mediator:{0}: {1} mediators are named {0}; give the ID (mediator:{2}):{3}", value,
         named.size(), named.front()->id, list));
}

/// The organisation ID an org filter value names: a registered ID, else
/// the full name of exactly one registered organisation; the value
/// unchanged otherwise (UnknownFilterValue reports it).
std::string ResolveOrg(const Store& store, const std::string& value) {
  if (store.orgs().count(value)) return value;
  const Organisation* found = nullptr;
  for (const auto& [id, o] : store.orgs()) {
    if (o.name != value) continue;
    if (found) return value;
    found = &o;
  }
  return found ? found->id : value;
}

/// Why `code` (already normalised) is not a value of `field`, or "" when it
/// is, or when `field` has no closed set of values in the store. Messages
/// start with the term's field and value, and say what to give instead.
std::string UnknownFilterValue(const Store& store, const std::string& field,
                               const std::string& code) {
  const std::string term = field + ":" + code + ": ";
  if (const char* v = VocabName(field)) {
    const auto& vocab = store.vocab().Get(v);
    if (vocab.terms().empty() || vocab.Resolve(code)) return "";
    return term + Tr("unknown {0} \"{1}\" in the filter; known: {2}", FieldLabel(field), code,
                     vocab.KnownValues());
  }
  const AreaRegistry& areas = store.areas();
  if (field == "street" && !areas.FindStreet(code))
    return term + Tr("unknown street \"{0}\" in the filter; give its code or full name (e.g. "
                     "140109005 or 万柏林街道)",
                     code);
  if (field == "community" && !areas.FindCommunity(code))
    return term + Tr("unknown community \"{0}\" in the filter (or a name several communities "
                     "share); give its 12-digit code or its name",
                     code);
  if (field == "grid" && !areas.FindGrid(code))
    return term + Tr("unknown grid \"{0}\" in the filter; give its 15-digit code", code);
  if (field == "org" && store.orgs().find(code) == store.orgs().end())
    return term + Tr("unknown organisation \"{0}\" in the filter; give its ID or full name "
                     "(mediate org list shows them)",
                     code);
  return "";
}

}  // namespace

Result<Filter> ParseStoreFilter(const Store& store, const std::vector<std::string>& terms) {
  const Store* s = &store;
  // party: matches the hashes sealed values carry, under the district's
  // lookup key; text: reads the case files opened (ScanSelected): the
  // desk's keys are unlocked first (docs/personal-data.md).
  if (store.Encrypted() && !store.OpenedKeys())
    for (const std::string& t : terms)
      if (t.rfind("party:", 0) == 0 || t.rfind("text:", 0) == 0) {
        auto keys = store.Keys();
        if (!keys.ok())
          return Status::Rejected(Tr("{0} searches personal data this store keeps sealed: {1}",
                                     t.substr(0, t.find(':') + 1), keys.status().message()));
        break;
      }
  std::string unknown;  // the first value no vocabulary or register knows
  auto filter = Filter::Parse(
      terms,
      [s, &unknown](const std::string& field, const std::string& value) {
        if (field == "party") {
          // A name, and the keyed hash of the value read as a number: the
          // index holds the numbers only hashed (party_lookup.hpp).
          // In an encrypted store, also the hashes under the district's
          // lookup key that sealed values carry (personal_fields.hpp).
          std::string number = NormalizeLookupNumber(value);
          std::string name = NormalizeLookupName(value);
          std::string out = name;
          if (!number.empty()) out += "\n" + KeyedHash(s->LookupKey(), number);
          if (const CaseKeySource* keys = s->OpenedKeys()) {
            if (!number.empty()) out += "\n" + HmacHex(keys->LookupKey(), number);
            out += "\n" + HmacHex(keys->LookupKey(), name);
          }
          return out;
        }
        if (field == "mediator") {
          auto id = ResolveMediator(*s, value);
          if (id.ok()) return *id;
          if (unknown.empty()) unknown = id.status().message();
          return value;
        }
        std::string code =
            field == "org" ? ResolveOrg(*s, value) : NormalizeFilterValue(*s, field, value);
        if (unknown.empty()) unknown = UnknownFilterValue(*s, field, code);
        return code;
      },
      [s](const std::string& source) { return s->vocab().SourceGroup(source); });
  if (filter.ok() && !unknown.empty()) return Status::Usage(unknown);
  return filter;
}

namespace {

/// True when `c` is received in the selection's period and matches `filter`.
bool Selected(const CaseSummary& c, const Filter& filter, Date today,
              const SelectOptions& options) {
  return options.received.Contains(c.received) && filter.Matches(c, today);
}

/// Scans the store with `keep` and turns unreadable files into the
/// selection's error (or into `skipped` when keeping going).
/// A text: search in an encrypted store reads every case file opened with
/// the desk's keys: the index holds the summaries and notes only masked.
Result<CaseScan> ScanSelected(const Store& store, const Filter& filter,
                              const SelectOptions& options,
                              std::function<bool(const CaseSummary&)> keep,
                              std::vector<Diagnostic>* skipped) {
  ScanOptions scan_options;
  scan_options.use_index = options.use_index;
  if (store.Encrypted())
    for (const std::string& t : filter.terms())
      if (t.rfind("text:", 0) == 0) scan_options.keys = store.OpenedKeys();
  scan_options.keep = std::move(keep);
  CaseScan scan = store.ScanCases(scan_options);
  MEDIATE_RETURN_IF_ERROR(RefuseDuplicateCaseIds(scan.duplicates));
  if (scan.unreadable > 0) {
    if (!options.keep_going) {
      return Status::Rejected(Tr("{0} case file(s) cannot be read; fix them (mediate validate) or "
                                 "give --keep-going to leave them out",
                                 scan.unreadable),
                              scan.problems);
    }
    if (skipped) *skipped = scan.problems;
  }
  return scan;
}

}  // namespace

Result<std::vector<CaseSummary>> SelectCases(const Store& store, const Filter& filter, Date today,
                                             const SelectOptions& options,
                                             std::vector<Diagnostic>* skipped) {
  std::function<bool(const CaseSummary&)> keep;
  if (!filter.empty() || options.received.set())
    keep = [&](const CaseSummary& c) { return Selected(c, filter, today, options); };
  auto scan = ScanSelected(store, filter, options, std::move(keep), skipped);
  if (!scan.ok()) return scan.status();
  return std::move(scan->cases);
}

Status VisitCases(const Store& store, const Filter& filter, Date today,
                  const SelectOptions& options,
                  const std::function<void(const CaseSummary&)>& visit,
                  std::vector<Diagnostic>* skipped) {
  auto scan = ScanSelected(
      store, filter, options,
      [&](const CaseSummary& c) {
        if (Selected(c, filter, today, options)) visit(c);
        return false;
      },
      skipped);
  return scan.status();
}

}  // namespace mediate
