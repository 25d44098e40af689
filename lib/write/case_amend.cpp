#include "case_amend.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "case_record.hpp"
#include "case_step.hpp"
#include "i18n.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "money.hpp"
#include "pii.hpp"
#include "text_input.hpp"

namespace mediate {

namespace {

const std::vector<std::string> kCaseFields = {"received", "summary", "category",  "source",
                                              "risk",     "street",  "community", "grid",
                                              "address",  "amount",  "people"};
const std::vector<std::string> kPartyFields = {"name",
                                               "kind",
                                               "id",
                                               "phone",
                                               "sex",
                                               "born",
                                               "address",
                                               "ethnicity",
                                               "occupation",
                                               "representative",
                                               "representative_title"};

/// The text fields of a party, by name (the rest have their own rules).
std::string* TextField(Party& p, const std::string& field) {
  if (field == "address") return &p.address;
  if (field == "ethnicity") return &p.ethnicity;
  if (field == "occupation") return &p.occupation;
  if (field == "representative") return &p.representative;
  if (field == "representative_title") return &p.representative_title;
  return nullptr;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
  return s;
}

/// `items` joined for a person to read: ", " ("、" in Chinese).
std::string JoinedShown(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : _(", ")) + i;
  return s;
}

/// The party field `field` of `p` as recorded in an event (numbers masked).
std::string Shown(const Party& p, const std::string& field) {
  if (field == "name") return p.name;
  if (field == "kind") return p.kind;
  if (field == "id")
    return p.kind == "organisation" ? (p.credit_code.empty() ? "" : MaskCreditCode(p.credit_code))
                                    : (p.id_number.empty() ? "" : MaskIdNumber(p.id_number));
  if (field == "phone") return p.phone.empty() ? "" : MaskPhone(p.phone);
  if (field == "sex") return p.sex;
  if (field == "born") return p.born.valid() ? p.born.ToString() : "";
  if (std::string* t = TextField(const_cast<Party&>(p), field)) return *t;
  return "";
}

/// "applicant 李某" for a party added or removed.
std::string Described(const Party& p) { return p.role + " " + p.name; }

/// Sets party field `field` of `p` to `value` as typed. kUsage naming `flag`.
Status SetPartyField(Party& p, const std::string& field, const std::string& value,
                     const std::string& flag) {
  if (field == "name") {
    if (value.empty()) return Status::Usage(Tr("{0}: a party's name cannot be cleared", flag));
    p.name = value;
  } else if (field == "kind") {
    if (value != "person" && value != "organisation")
      return Status::Usage(Tr("{0}: kind is person or organisation, not \"{1}\"", flag, value));
    if (value != p.kind) std::swap(p.id_number, p.credit_code);
    p.kind = value;
  } else if (field == "id") {
    (p.kind == "organisation" ? p.credit_code : p.id_number) = NormalizeCell(value);
  } else if (field == "phone") {
    // Kept as the rest of the product keeps phones (full-width digits, spaces
    // and dashes dropped); one it does not recognise is left to CheckCase.
    p.phone = NormalizePhone(value).value_or(value);
  } else if (field == "sex") {
    if (value == "male" || value == "男")
      p.sex = "male";
    else if (value == "female" || value == "女")
      p.sex = "female";
    else if (value.empty())
      p.sex.clear();
    else
      return Status::Usage(Tr("{0}: sex is male or female (男/女), not \"{1}\"", flag, value));
  } else if (std::string* t = TextField(p, field)) {
    *t = value;
  } else if (field == "born") {
    if (value.empty()) {
      p.born = Date{};
    } else if (auto d = ParseLedgerDate(NormalizeCell(value))) {
      p.born = *d;
    } else {
      return Status::Usage(Tr("{0}: {1} is not a date (YYYY-MM-DD)", flag, value));
    }
  } else {
    return Status::Usage(
        Tr("{0}: unknown party field \"{1}\"; known: {2}", flag, field, JoinedShown(kPartyFields)));
  }
  return Status::Ok();
}

/// Sets case field `field` of `c` to `value` as typed. kUsage naming it.
Status SetCaseField(const Store& store, Case& c, const std::string& field, const std::string& value,
                    const std::set<std::string>& given) {
  const std::string flag = "--" + field;
  auto code = [&](const char* vocab, std::string& out) -> Status {
    if (value.empty() && std::string(vocab) == "risk") {
      out.clear();
      return Status::Ok();
    }
    const Term* t = store.vocab().Get(vocab).Resolve(value);
    if (!t) {
      // Labels: "、" between them in Chinese (KnownValues), ", " in English.
      const VocabList& list = store.vocab().Get(vocab);
      const std::string known = TranslationOn() ? list.KnownValues() : list.ZhList();
      const std::string kind = vocab;
      if (kind == "category")
        return Status::Usage(Tr("{0}: unknown category \"{1}\"; known: {2}", flag, value, known));
      if (kind == "source")
        return Status::Usage(Tr("{0}: unknown source \"{1}\"; known: {2}", flag, value, known));
      return Status::Usage(Tr("{0}: unknown risk \"{1}\"; known: {2}", flag, value, known));
    }
    out = t->code;
    return Status::Ok();
  };
  if (field == "received") {
    // A late or mistaken registration date: the case's date and its
    // "received" step move together (the timeline checks keep it before
    // the next step; the ID keeps the year it was given).
    std::optional<Timestamp> t = Timestamp::Parse(value);
    if (!t)
      if (auto d = ParseLedgerDate(NormalizeCell(value))) t = store.settings().time_zone.At(*d);
    if (!t)
      return Status::Usage(
          Tr("--received: \"{0}\" is not a date (YYYY-MM-DD) or a time "
             "(2026-03-02T09:30:00+08:00)",
             value));
    // The file lies under cases/YYYY/MM/ by the month received, and a
    // correction never moves it: the new date stays in that month.
    const TimeZone& tz = store.settings().time_zone;
    const Date was = tz.LocalDate(c.received), now_on = tz.LocalDate(*t);
    if (was.year() != now_on.year() || was.month() != now_on.month())
      return Status::Usage(
          Tr("--received {0}: the case file lies under cases/{1}/{2}/ by the month it was "
             "received, and a correction does not move it; give a date in {3} (a case "
             "registered in the wrong month is withdrawn and registered again)",
             value, was.ToString().substr(0, 4), was.ToString().substr(5, 2),
             was.ToString().substr(0, 7)));
    c.received = *t;
    if (!c.events.empty() && c.events.front().type == "received") c.events.front().at = *t;
  } else if (field == "summary") {
    if (value.empty()) return Status::Usage(_("--summary cannot be cleared"));
    c.summary = value;
  } else if (field == "category") {
    return code("category", c.category);
  } else if (field == "source") {
    return code("source", c.source);
  } else if (field == "risk") {
    return code("risk", c.risk);
  } else if (field == "street") {
    c.place.street = value.empty() ? "" : NormalizeFilterValue(store, "street", value);
  } else if (field == "community") {
    c.place.community = value.empty() ? "" : NormalizeFilterValue(store, "community", value);
    if (!given.count("street") && !c.place.community.empty())
      if (const Street* s = store.areas().StreetOfCommunity(c.place.community))
        c.place.street = s->code;
  } else if (field == "grid") {
    c.place.grid = value;
    if (!given.count("community") && !value.empty())
      if (const Community* cm = store.areas().CommunityOfGrid(value)) {
        c.place.community = cm->code;
        if (!given.count("street"))
          if (const Street* s = store.areas().StreetOfCommunity(cm->code)) c.place.street = s->code;
      }
  } else if (field == "address") {
    c.place.address = value;
  } else if (field == "amount") {
    if (value.empty()) {
      c.amount.reset();
    } else {
      auto fen = ParseYuanToFen(NormalizeCell(value));
      if (!fen || *fen < 0) return Status::Usage(Tr("--amount: {0} is not yuan (3500.00)", value));
      c.amount = Money::FromFen(*fen);
    }
  } else if (field == "people") {
    std::string v = NormalizeCell(value);
    if (v.empty()) {
      c.people_involved = 0;
    } else if (v.size() > 6 ||
               !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return Status::Usage(Tr("--people: {0} is not a number of people", value));
    } else {
      c.people_involved = std::stoi(v);
    }
  } else {
    return Status::Usage(
        Tr("unknown case field \"{0}\"; known: {1}", field, JoinedShown(kCaseFields)));
  }
  return Status::Ok();
}

/// The case field `field` of `c` as recorded in an event.
std::string CaseShown(const Case& c, const std::string& field) {
  if (field == "received") return c.received.ToString();
  if (field == "summary") return c.summary;
  if (field == "category") return c.category;
  if (field == "source") return c.source;
  if (field == "risk") return c.risk;
  if (field == "street") return c.place.street;
  if (field == "community") return c.place.community;
  if (field == "grid") return c.place.grid;
  if (field == "address") return c.place.address;
  if (field == "amount") return c.amount ? c.amount->Yuan() : "";
  if (field == "people") return c.people_involved ? std::to_string(c.people_involved) : "";
  return "";
}

std::string CaseFieldPath(const std::string& field) {
  if (field == "street" || field == "community" || field == "grid" || field == "address")
    return "place." + field;
  if (field == "people") return "people_involved";
  return field;
}

/// The changes from `before` to `after`, case fields first, then parties by place.
std::vector<FieldChange> Changes(const Case& before, const Case& after,
                                 const std::vector<int>& origin) {
  std::vector<FieldChange> out;
  for (const auto& f : kCaseFields) {
    std::string a = CaseShown(before, f), b = CaseShown(after, f);
    if (a != b) out.push_back({CaseFieldPath(f), a, b});
  }
  // origin[i]: the place (from 0) in `before` of party i of `after`, -1 when new.
  std::vector<bool> kept(before.parties.size(), false);
  for (std::size_t i = 0; i < after.parties.size(); ++i) {
    const std::string at = "parties[" + std::to_string(i + 1) + "]";
    if (origin[i] < 0) {
      out.push_back({at, "", Described(after.parties[i])});
      continue;
    }
    kept[origin[i]] = true;
    for (const auto& f : kPartyFields) {
      std::string a = Shown(before.parties[origin[i]], f), b = Shown(after.parties[i], f);
      if (a != b ||
          (f == "id" &&
           before.parties[origin[i]].id_number + before.parties[origin[i]].credit_code !=
               after.parties[i].id_number + after.parties[i].credit_code) ||
          (f == "phone" && before.parties[origin[i]].phone != after.parties[i].phone))
        out.push_back({at + "." + f, a, b});
    }
  }
  for (std::size_t j = 0; j < before.parties.size(); ++j)
    if (!kept[j])
      out.push_back({"parties[" + std::to_string(j + 1) + "]", Described(before.parties[j]), ""});
  return out;
}

}  // namespace

const std::vector<std::string>& AmendableCaseFields() { return kCaseFields; }

std::vector<FieldChange> DescribeCaseChanges(const Case& before, const Case& after) {
  std::vector<int> origin;
  for (std::size_t i = 0; i < after.parties.size(); ++i)
    origin.push_back(i < before.parties.size() ? static_cast<int>(i) : -1);
  // A shorter list lost its last parties: Changes lists them as removed.
  return Changes(before, after, origin);
}

Value ChangesValue(const std::vector<FieldChange>& changes) {
  Value out = Value::Sequence();
  for (const auto& ch : changes) {
    Value m = Value::Map();
    m.Set("field", Value::String(ch.field));
    m.SetIfNotEmpty("from", ch.from);
    m.SetIfNotEmpty("to", ch.to);
    out.Append(std::move(m));
  }
  return out;
}

Result<AmendOutcome> AmendCase(StoreWrite& w, const Signature& op, const CaseAmendment& a) {
  const Store& store = w.store();
  const Settings& settings = store.settings();
  if (a.reason.empty())
    return Status::Usage(_("--reason is required: say why the case is corrected (更正原因)"));
  const std::string id = CanonicalCaseId(a.id);
  auto loaded = store.LoadCase(id);
  if (!loaded.ok()) return loaded.status();
  const Case before = loaded->record;
  Case c = before;

  std::set<std::string> given;
  for (const auto& [field, value] : a.fields) given.insert(field);
  for (const auto& [field, value] : a.fields)
    MEDIATE_RETURN_IF_ERROR(SetCaseField(store, c, field, value, given));

  for (const auto& e : a.party_edits) {
    if (e.party < 1 || e.party > c.parties.size())
      return Status::Usage(
          TrN("--party {0}: {1} has {2} party (1-{2}, as 'mediate show' lists "
              "them)",
              "--party {0}: {1} has {2} parties (1-{2}, as 'mediate show' lists "
              "them)",
              c.parties.size(), e.party, id, c.parties.size()));
    MEDIATE_RETURN_IF_ERROR(SetPartyField(c.parties[e.party - 1], e.field, e.value,
                                          "--party " + std::to_string(e.party) + " --" + e.field));
  }

  // Removals by the places as they were; then additions at the end.
  std::vector<int> origin;
  std::vector<Party> parties;
  std::set<std::size_t> removed(a.removed_parties.begin(), a.removed_parties.end());
  for (std::size_t r : removed)
    if (r < 1 || r > c.parties.size())
      return Status::Usage(TrN("--remove-party {0}: {1} has {2} party",
                               "--remove-party {0}: {1} has {2} parties", c.parties.size(), r, id,
                               c.parties.size()));
  for (std::size_t i = 0; i < c.parties.size(); ++i) {
    if (removed.count(i + 1)) continue;
    parties.push_back(c.parties[i]);
    origin.push_back(static_cast<int>(i));
  }
  for (const auto& spec : a.added_parties) {
    Party p;
    p.kind = "person";
    auto role = spec.find("role");
    if (role == spec.end() || (role->second != "applicant" && role->second != "respondent" &&
                               role->second != "third_party"))
      return Status::Usage(
          _("--add-party needs role=applicant, role=respondent or role=third_party"));
    p.role = role->second;
    if (auto k = spec.find("kind"); k != spec.end())
      MEDIATE_RETURN_IF_ERROR(SetPartyField(p, "kind", k->second, "--add-party kind"));
    if (!spec.count("name")) return Status::Usage(_("--add-party needs name=…"));
    for (const auto& [key, value] : spec) {
      if (key == "role" || key == "kind") continue;
      MEDIATE_RETURN_IF_ERROR(SetPartyField(p, key, value, "--add-party " + key));
    }
    parties.push_back(std::move(p));
    origin.push_back(-1);
  }
  c.parties = std::move(parties);

  AmendOutcome out;
  out.id = c.id;
  out.changes = Changes(before, c, origin);
  if (out.changes.empty())
    return Status::Rejected(
        Tr("nothing to change: {0} already holds the values given; nothing was written", id));

  Event e;
  e.at = settings.time_zone.ToLocal(a.now);
  e.type = "amended";
  e.by = op.ToString();
  e.payload.Set("reason", Value::String(a.reason));
  e.payload.Set("changes", ChangesValue(out.changes));
  c.events.push_back(std::move(e));
  c.state = Replay(c, settings).state;
  if (w.dry_run()) return out;
  w.Put(loaded->path, CaseToValue(c));
  std::vector<std::string> names;
  for (const auto& ch : out.changes) names.push_back(ch.field);
  auto commit = w.Commit(op, StepCommitMessage("amend", c.id, Joined(names)));
  if (!commit.ok()) return commit.status();
  out.commit = *commit;
  return out;
}

}  // namespace mediate
