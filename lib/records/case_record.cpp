#include "case_record.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "i18n.hpp"
#include "personal_fields.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"
#include "text_input.hpp"
#include "timeline.hpp"
#include "vocab.hpp"

namespace mediate {
namespace {

constexpr std::initializer_list<const char*> kKnownFields = {
    "schema",   "id",        "file_no",   "received",        "source",
    "category", "summary",   "amount",    "people_involved", "place",
    "parties",  "risk",      "procedure", "migrated",        "status",
    "level",    "org",       "mediators", "deadline",        "events",
    "import",   "sensitive", "tags",      "conflicts",       "data_key"};

constexpr std::initializer_list<const char*> kPartyFields = {"role",
                                                             "kind",
                                                             "name",
                                                             "id_number",
                                                             "credit_code",
                                                             "phone",
                                                             "born",
                                                             "sex",
                                                             "address",
                                                             "ethnicity",
                                                             "occupation",
                                                             "representative",
                                                             "representative_title",
                                                             "agents"};
constexpr std::initializer_list<const char*> kAgentFields = {"name", "relation", "id_number",
                                                             "phone", "authority"};
constexpr std::initializer_list<const char*> kPlaceFields = {"street", "community", "grid",
                                                             "address"};
constexpr std::initializer_list<const char*> kImportFields = {"file", "row", "fingerprint"};

/// The payload keys this version writes or reads for an event of `type`
/// (lifecycle_steps.cpp, routing.cpp, intake, import and consultation write
/// them; lifecycle.cpp and documents.cpp read them); nullptr for a type it
/// does not know. Every event may also carry `date`, the local day it
/// happened when that is not the day recorded in `at`.
const std::vector<std::string_view>* EventPayloadKeys(std::string_view type) {
  using Keys = std::vector<std::string_view>;
  static const std::vector<std::pair<std::string_view, Keys>> kTable = {
      {"received", {"channel", "consultation"}},
      {"routed",
       {"org", "level", "rule", "reason", "deadline_days", "mediator_grade", "grid_worker"}},
      {"assigned",
       {"mediators", "chosen_by", "materials_received", "grid_worker", "level", "grid", "by_rule"}},
      {"session", {"mode", "participants", "note"}},
      {"escalated",
       {"org", "level", "from_level", "from_org", "reason", "rule", "mediator_grade",
        "grid_worker"}},
      {"extended", {"deadline", "previous", "consent", "reason"}},
      {"agreed",
       {"form", "effective", "facts", "terms", "amount", "manner", "place", "performance_deadline",
        "instalments", "signed_by", "mediator_signed", "sealed"}},
      {"terminated", {"reason", "guidance", "materials"}},
      {"withdrawn", {"reason"}},
      {"refused", {"reason", "go_to"}},
      {"confirmation",
       {"result", "court", "applied", "decided", "matter", "late", "supplementary"}},
      {"performance", {"performance", "note"}},
      {"visited",
       {"visitor", "method", "performance", "satisfaction", "renewed_risk", "risk_note", "lawsuit",
        "note"}},
      {"visit_waived", {"reason"}},
      {"closed", {"retention"}},
      {"note", {"note"}},
      {"resolved", {"field", "took", "reason", "merged_at"}},
      {"renumbered", {"from", "reason", "file_no_from", "file_no"}},
      {"amended", {"reason", "changes"}},
      {"erased", {"reason", "basis"}},
  };
  for (const auto& [t, keys] : kTable)
    if (t == type) return &keys;
  return nullptr;
}

Party PartyFrom(RecordReader& r, const Value& v, const std::string& path, const Vocabulary& vocab) {
  Party p;
  if (!r.ExpectMap(v, path)) return p;
  p.role = r.Code(v, "role", path, vocab.Get("party_role"), true);
  p.kind = r.Code(v, "kind", path, vocab.Get("party_kind"), true);
  p.name = r.String(v, "name", path, true);
  p.id_number = r.String(v, "id_number", path);
  p.credit_code = r.String(v, "credit_code", path);
  p.phone = r.String(v, "phone", path);
  p.born = r.DateField(v, "born", path);
  p.sex = r.String(v, "sex", path);
  if (!p.sex.empty() && p.sex != "male" && p.sex != "female")
    r.Error(*v.Find("sex"), path + ".sex", Tr("sex is male or female, not \"{0}\"", p.sex));
  p.address = r.String(v, "address", path);
  p.ethnicity = r.String(v, "ethnicity", path);
  p.occupation = r.String(v, "occupation", path);
  p.representative = r.String(v, "representative", path);
  p.representative_title = r.String(v, "representative_title", path);
  if (const Value* agents = v.Find("agents")) {
    if (!agents->is_sequence()) {
      r.Error(*agents, path + ".agents", _("agents is a list of the party's agents"));
    } else {
      for (std::size_t i = 0; i < agents->items().size(); ++i) {
        const Value& av = agents->items()[i];
        const std::string ap = path + ".agents[" + std::to_string(i) + "]";
        if (!r.ExpectMap(av, ap)) continue;
        Agent a;
        a.name = r.String(av, "name", ap, true);
        a.relation = r.String(av, "relation", ap);
        a.id_number = r.String(av, "id_number", ap);
        a.phone = r.String(av, "phone", ap);
        a.authority = r.String(av, "authority", ap);
        if (!a.authority.empty() && a.authority != "general" && a.authority != "special")
          r.Error(*av.Find("authority"), ap + ".authority",
                  Tr("authority is general (一般授权) or special (特别授权), not \"{0}\"",
                     a.authority));
        a.extra = r.KeepUnknownKeys(av, ap, kAgentFields);
        p.agents.push_back(std::move(a));
      }
    }
  }
  p.extra = r.KeepUnknownKeys(v, path, kPartyFields);
  return p;
}

Event EventFrom(RecordReader& r, const Value& v, const std::string& path) {
  Event e;
  if (!r.ExpectMap(v, path)) return e;
  e.at = r.TimeField(v, "at", path, true);
  e.type = r.String(v, "type", path, true);
  e.by = r.String(v, "by", path);
  if (!e.type.empty() && !ParseEventKind(e.type)) {
    std::string known;
    for (const auto& row : EventKinds())
      known += (known.empty() ? "" : ", ") + std::string(row.code);
    r.Error(*v.Find("type"), JoinPath(path, "type"),
            Tr("event kind \"{0}\" is not one this version of mediate knows ({1}: {2}); a newer "
               "mediate may have written it: upgrade mediate to read or change this case",
               e.type, kCaseSchema, known));
  }
  // The payload keeps every other key where it was, known or not; those
  // this version does not know for the event's type are named (a type it
  // does not know is an error, above).
  const auto* known = EventPayloadKeys(e.type);
  for (const auto& [k, val] : v.entries()) {
    if (k == "at" || k == "type" || k == "by") continue;
    e.payload.entries().emplace_back(k, val);
    if (known && k != "date" && std::find(known->begin(), known->end(), k) == known->end())
      r.Warning(val, JoinPath(path, k), _("unknown field (kept as is)"));
  }
  return e;
}

Value PartyToValue(const Party& p) {
  Value v = Value::Map();
  v.Set("role", Value::String(p.role));
  v.Set("kind", Value::String(p.kind));
  v.Set("name", Value::String(p.name));
  v.SetIfNotEmpty("id_number", p.id_number);
  v.SetIfNotEmpty("credit_code", p.credit_code);
  v.SetIfNotEmpty("phone", p.phone);
  if (p.born.valid()) v.Set("born", Value::String(p.born.ToString()));
  v.SetIfNotEmpty("sex", p.sex);
  v.SetIfNotEmpty("address", p.address);
  v.SetIfNotEmpty("ethnicity", p.ethnicity);
  v.SetIfNotEmpty("occupation", p.occupation);
  v.SetIfNotEmpty("representative", p.representative);
  v.SetIfNotEmpty("representative_title", p.representative_title);
  if (!p.agents.empty()) {
    Value agents = Value::Sequence();
    for (const Agent& a : p.agents) {
      Value av = Value::Map();
      av.Set("name", Value::String(a.name));
      av.SetIfNotEmpty("relation", a.relation);
      av.SetIfNotEmpty("id_number", a.id_number);
      av.SetIfNotEmpty("phone", a.phone);
      av.SetIfNotEmpty("authority", a.authority);
      WriteUnknownKeys(a.extra, &av);
      agents.Append(std::move(av));
    }
    v.Set("agents", std::move(agents));
  }
  WriteUnknownKeys(p.extra, &v);
  return v.set_flow();
}

Value EventToValue(const Event& e) {
  Value v = Value::Map();
  v.Set("at", Value::String(e.at.ToString()));
  v.Set("type", Value::String(e.type));
  v.SetIfNotEmpty("by", e.by);
  for (const auto& [k, val] : e.payload.entries()) v.Set(k, val);
  return v.set_flow();
}

}  // namespace

Case CaseFromValue(const Value& given, const std::string& file, const Vocabulary& vocab,
                   DiagnosticSink* sink, bool draft) {
  RecordReader r(file, sink);
  Case c;
  if (!r.ExpectMap(given, "")) return c;
  // A record of an encrypted store read without its key: the sealed values
  // are read as their masked forms, and kept for the write.
  std::optional<Value> masked;
  if (const Value* dk = given.Find("data_key"); dk && !dk->is_null()) {
    masked = given;
    c.sealed = MaskPersonalValues(*masked);
    c.data_key = *dk;
  }
  const Value& root = masked ? *masked : given;
  std::string schema = r.String(root, "schema", "", !draft);
  if (!schema.empty() && schema != kCaseSchema)
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, kCaseSchema));
  c.id = r.String(root, "id", "", !draft);
  if (!c.id.empty()) {
    std::string office;
    int year, seq;
    if (!ParseCaseId(c.id, &office, &year, &seq))
      r.Error(*root.Find("id"), "id", Tr("{0} is not a case id like WBL-2026-000042", c.id));
  }
  c.file_no = r.String(root, "file_no", "");
  if (const Value* cf = root.Find("conflicts"); cf && !cf->is_null()) {
    if (!cf->is_sequence())
      r.Error(*cf, "conflicts", _("a list of conflicts is expected"));
    else
      c.conflicts = *cf;
  }
  c.received = r.TimeField(root, "received", "", !draft);
  c.source = r.Code(root, "source", "", vocab.source(), true);
  c.category = r.Code(root, "category", "", vocab.category(), true);
  c.summary = r.String(root, "summary", "", true);
  c.amount = r.Money(root, "amount", "");
  c.people_involved = static_cast<int>(r.Int(root, "people_involved", "", 0));
  if (const Value* pl = root.Find("place"); pl && !pl->is_null()) {
    if (r.ExpectMap(*pl, "place")) {
      c.place.street = r.String(*pl, "street", "place");
      c.place.community = r.String(*pl, "community", "place");
      c.place.grid = r.String(*pl, "grid", "place");
      c.place.address = r.String(*pl, "address", "place");
      c.place.extra = r.KeepUnknownKeys(*pl, "place", kPlaceFields);
    }
  }
  if (const Value* ps = root.Find("parties"); ps && !ps->is_null()) {
    if (!ps->is_sequence()) {
      r.Error(*ps, "parties", _("a list of parties is expected"));
    } else {
      for (std::size_t i = 0; i < ps->items().size(); ++i)
        c.parties.push_back(
            PartyFrom(r, ps->items()[i], "parties[" + std::to_string(i) + "]", vocab));
    }
  } else {
    r.Error(root, "parties", _("is required (at least the applicant)"));
  }
  c.risk = r.Code(root, "risk", "", vocab.risk());
  c.procedure = r.String(root, "procedure", "");
  if (!c.procedure.empty() && c.procedure != "court_ordinary" && c.procedure != "court_summary")
    r.Error(*root.Find("procedure"), "procedure",
            Tr("procedure is court_ordinary or court_summary, not \"{0}\"", c.procedure));
  c.migrated = r.Bool(root, "migrated", "", false);
  c.state.status = r.Code(root, "status", "", vocab.status());
  c.state.level = r.Code(root, "level", "", vocab.level());
  c.state.org = r.String(root, "org", "");
  c.state.mediators = r.Strings(root, "mediators", "");
  c.state.deadline = r.DateField(root, "deadline", "");
  if (const Value* es = root.Find("events"); es && es->is_sequence()) {
    c.events.reserve(es->items().size());
    for (std::size_t i = 0; i < es->items().size(); ++i)
      c.events.push_back(EventFrom(r, es->items()[i], "events[" + std::to_string(i) + "]"));
  } else if (es && !es->is_null()) {
    r.Error(*es, "events", _("a list of events is expected"));
  } else if (!draft) {
    r.Error(root, "events", _("is required (the timeline starts with \"received\")"));
  }
  if (const Value* im = root.Find("import"); im && !im->is_null() && r.ExpectMap(*im, "import")) {
    c.import.file = r.String(*im, "file", "import", true);
    c.import.row = static_cast<int>(r.Int(*im, "row", "import", 0));
    c.import.fingerprint = r.String(*im, "fingerprint", "import");
    c.import.extra = r.KeepUnknownKeys(*im, "import", kImportFields);
  }
  c.sensitive = r.Strings(root, "sensitive", "");
  c.tags = r.Strings(root, "tags", "");
  for (const auto& [k, v] : root.entries()) {
    bool known = false;
    for (const char* f : kKnownFields) known = known || k == f;
    if (known) continue;
    // Kept and written back unchanged (a later version's field), but named:
    // a misspelt field would otherwise go unnoticed.
    r.Warning(v, k, _("unknown field (kept as is)"));
    c.extra.entries().emplace_back(k, v);
  }
  return c;
}

Value CaseToValue(const Case& c) {
  Value v = Value::Map();
  v.Set("schema", Value::String(kCaseSchema));
  v.Set("id", Value::String(c.id));
  v.SetIfNotEmpty("file_no", c.file_no);
  if (!c.data_key.is_null()) v.Set("data_key", c.data_key);
  if (!c.conflicts.items().empty()) v.Set("conflicts", c.conflicts);
  v.Set("received", Value::String(c.received.ToString()));
  v.Set("source", Value::String(c.source));
  v.Set("category", Value::String(c.category));
  v.Set("summary", Value::String(c.summary));
  if (c.amount) v.Set("amount", Value::String(c.amount->Yuan()));
  if (c.people_involved > 0) v.Set("people_involved", Value::Int(c.people_involved));
  Value place = Value::Map();
  place.SetIfNotEmpty("street", c.place.street);
  place.SetIfNotEmpty("community", c.place.community);
  place.SetIfNotEmpty("grid", c.place.grid);
  place.SetIfNotEmpty("address", c.place.address);
  WriteUnknownKeys(c.place.extra, &place);
  v.Set("place", std::move(place.set_flow()));
  Value parties = Value::Sequence();
  for (const Party& p : c.parties) parties.Append(PartyToValue(p));
  v.Set("parties", std::move(parties));
  v.SetIfNotEmpty("risk", c.risk);
  v.SetIfNotEmpty("procedure", c.procedure);
  if (c.migrated) v.Set("migrated", Value::Bool(true));
  v.Set("status", Value::String(c.state.status));
  v.SetIfNotEmpty("level", c.state.level);
  v.SetIfNotEmpty("org", c.state.org);
  v.Set("mediators", Value::Strings(c.state.mediators).set_flow());
  if (c.state.deadline.valid()) v.Set("deadline", Value::String(c.state.deadline.ToString()));
  if (!c.sensitive.empty()) v.Set("sensitive", Value::Strings(c.sensitive).set_flow());
  if (!c.tags.empty()) v.Set("tags", Value::Strings(c.tags).set_flow());
  Value events = Value::Sequence();
  for (const Event& e : c.events) events.Append(EventToValue(e));
  v.Set("events", std::move(events));
  if (!c.import.file.empty()) {
    Value im = Value::Map();
    im.Set("file", Value::String(c.import.file));
    im.Set("row", Value::Int(c.import.row));
    im.SetIfNotEmpty("fingerprint", c.import.fingerprint);
    WriteUnknownKeys(c.import.extra, &im);
    v.Set("import", std::move(im.set_flow()));
  }
  for (const auto& [k, val] : c.extra.entries()) v.Set(k, val);
  RestoreSealedValues(v, c.sealed);
  return v;
}

bool ParseCaseId(const std::string& id, std::string* office, int* year, int* sequence) {
  // OFFICE-YYYY-NNNNNN, OFFICE = [A-Z0-9]+
  auto d1 = id.find('-');
  if (d1 == std::string::npos || d1 == 0) return false;
  if (id.size() != d1 + 1 + 4 + 1 + 6 || id[d1 + 5] != '-') return false;
  for (std::size_t i = 0; i < d1; ++i)
    if (!((id[i] >= 'A' && id[i] <= 'Z') || (id[i] >= '0' && id[i] <= '9'))) return false;
  int y = 0, n = 0;
  for (std::size_t i = d1 + 1; i < d1 + 5; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    y = y * 10 + (id[i] - '0');
  }
  for (std::size_t i = d1 + 6; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    n = n * 10 + (id[i] - '0');
  }
  if (office) *office = id.substr(0, d1);
  if (year) *year = y;
  if (sequence) *sequence = n;
  return true;
}

std::string FormatCaseId(const std::string& office, int year, int sequence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "-%04d-%06d", year, sequence);
  return office + buf;
}

std::string CanonicalCaseId(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string CaseIdOfPath(const std::string& path) {
  if (path.rfind("cases/", 0) != 0 || path.size() < 6 || path.substr(path.size() - 5) != ".yaml")
    return "";
  std::string name = path.substr(path.rfind('/') + 1);
  name.resize(name.size() - 5);
  return ParseCaseId(name, nullptr, nullptr, nullptr) ? name : "";
}

std::string Case::PathIn(const TimeZone& tz) const {
  Date d = tz.LocalDate(received);
  char buf[32];
  std::snprintf(buf, sizeof buf, "cases/%04d/%02u/", d.year(), d.month());
  return buf + id + ".yaml";
}

}  // namespace mediate
