#include "index_segment.hpp"

#include "i18n.hpp"

#include "keyed_hash.hpp"

#include <cstdio>
#include <cstring>

#include "yaml_io.hpp"

namespace mediate {
namespace {

#if defined(__GLIBCXX__) && defined(__x86_64__) || defined(__GLIBCXX__) && defined(__aarch64__)
// Every field of CaseSummary must be encoded, decoded and compared below.
// When this fires, update EncodeSummary, DecodeSummary and
// SummaryDifference, then bump kCaseIndexVersion (and this size).
static_assert(sizeof(CaseSummary) == 840,
              "CaseSummary changed: update index_segment.cpp and bump kCaseIndexVersion");
#endif

constexpr char kMagic[8] = {'M', 'E', 'D', 'I', 'D', 'X', '\r', '\n'};

void PutDate(SegmentWriter& w, Date d) { w.I32(d.days()); }

}  // namespace

std::uint64_t IndexChecksum(const char* p, std::size_t n) {
  std::uint64_t h = 0x243f6a8885a308d3ull ^ (n * 0x9e3779b97f4a7c15ull);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p + i, n - i);
  h = (h ^ tail) * 0xbf58476d1ce4e5b9ull;
  h ^= h >> 31;
  return h;
}

std::uint64_t SegmentChecksum(std::string_view bytes) {
  return bytes.size() < 8 ? 0 : IndexChecksum(bytes.data(), bytes.size() - 8);
}

std::uint64_t SettingsFingerprint(const Settings& settings, std::string_view lookup_key) {
  std::string text = EmitYaml(settings.ToValue());
  text += "\nlookup key " + KeyedHash(lookup_key, "mediate index");
  for (const auto& name : settings.vocab.Names()) {
    text += "\nvocab " + name + ":";
    for (const auto& t : settings.vocab.Get(name).terms()) text += " " + t.code + "/" + t.group;
  }
  return IndexChecksum(text.data(), text.size());
}

std::string SegmentName(const std::string& year, const std::string& month) {
  auto esc = [](const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        out.push_back(static_cast<char>(c));
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  };
  return esc(year) + "_" + esc(month) + kSegmentSuffix;
}

void EncodeSummary(SegmentWriter& w, const CaseSummary& s, SegmentDict& dict) {
  w.Str(s.id);
  w.Str(s.file_no);
  PutDate(w, s.received);
  w.I64(s.received_unix);
  w.Var(dict.Ref(s.source));
  w.Var(dict.Ref(s.category));
  w.Var(dict.Ref(s.risk));
  w.Str(s.summary);
  w.I64(s.amount ? s.amount->fen() : -1);  // -1: none, in the index format only
  w.I32(s.people_involved);
  w.Var(dict.Ref(s.street));
  w.Var(dict.Ref(s.community));
  w.Var(dict.Ref(s.grid));
  w.Var(dict.Ref(s.status));
  w.Var(dict.Ref(s.level));
  w.Var(dict.Ref(s.org));
  w.Var(s.mediators.size());
  for (const auto& m : s.mediators) w.Var(dict.Ref(m));
  PutDate(w, s.deadline);
  w.Var(dict.Ref(s.outcome));
  PutDate(w, s.concluded);
  PutDate(w, s.closed);
  w.Var(dict.Ref(s.agreement_form));
  w.Var(dict.Ref(s.performance));
  PutDate(w, s.agreement_effective);
  PutDate(w, s.confirmation_applied);
  w.Var(dict.Ref(s.confirmation));
  PutDate(w, s.visited);
  w.I32(s.escalations);
  w.I32(s.conflicts);
  w.U8(static_cast<std::uint8_t>((s.extended ? 1 : 0) | (s.migrated ? 2 : 0) |
                                 (s.party_id_invalid ? 4 : 0)));
  for (const auto* list : {&s.party_hashes, &s.party_masked, &s.party_names, &s.party_numbers}) {
    w.Var(list->size());
    for (const auto& k : *list) w.Str(k);
  }
  w.Var(s.party_kinds.size());
  for (const auto& k : s.party_kinds) w.Var(dict.Ref(k));
  w.Str(s.notes);
}

bool DecodeSummary(SegmentReader& r, const std::vector<std::string>& dict, CaseSummary* s) {
  bool ok = true;
  auto code = [&](std::string* out) {
    std::uint64_t k = r.Var();
    if (k >= dict.size()) {
      ok = false;
      return;
    }
    *out = dict[k];
  };
  auto date = [&]() { return Date::FromDays(r.I32()); };
  auto count = [&]() -> std::size_t {
    std::uint64_t n = r.Var();
    if (n > r.left()) {  // every item takes at least one byte
      ok = false;
      return 0;
    }
    return static_cast<std::size_t>(n);
  };
  s->id = r.Str();
  s->file_no = r.Str();
  s->received = date();
  s->received_unix = r.I64();
  code(&s->source);
  code(&s->category);
  code(&s->risk);
  s->summary = r.Str();
  if (std::int64_t fen = r.I64(); fen >= 0) s->amount = Money::FromFen(fen);
  s->people_involved = r.I32();
  code(&s->street);
  code(&s->community);
  code(&s->grid);
  code(&s->status);
  code(&s->level);
  code(&s->org);
  s->mediators.resize(count());
  for (auto& m : s->mediators) code(&m);
  s->deadline = date();
  code(&s->outcome);
  s->concluded = date();
  s->closed = date();
  code(&s->agreement_form);
  code(&s->performance);
  s->agreement_effective = date();
  s->confirmation_applied = date();
  code(&s->confirmation);
  s->visited = date();
  s->escalations = r.I32();
  s->conflicts = r.I32();
  std::uint8_t flags = r.U8();
  s->extended = flags & 1;
  s->migrated = flags & 2;
  s->party_id_invalid = flags & 4;
  for (auto* list : {&s->party_hashes, &s->party_masked, &s->party_names, &s->party_numbers}) {
    list->resize(count());
    for (auto& k : *list) k = r.Str();
  }
  s->party_kinds.resize(count());
  for (auto& k : s->party_kinds) code(&k);
  s->notes = r.Str();
  return ok && !r.bad() && r.done();
}

std::string ReadSegmentHeader(const std::string& data, std::uint64_t settings,
                              const std::string& rel, SegmentHeader* h, SegmentReader* body) {
  if (data.size() < sizeof kMagic + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    return _("not an index segment");
  std::uint64_t sum;
  std::memcpy(&sum, data.data() + data.size() - 8, 8);
  if (sum != IndexChecksum(data.data(), data.size() - 8))
    return _("checksum mismatch (torn or damaged)");
  SegmentReader r(data.data() + sizeof kMagic, data.size() - sizeof kMagic - 8);
  h->version = r.U32();
  if (h->version != kCaseIndexVersion)
    return Tr("format version {0}, this mediate writes {1}", h->version, kCaseIndexVersion);
  h->summary_size = r.U32();
  if (h->summary_size != sizeof(CaseSummary)) return _("written by a different build of mediate");
  h->settings = r.U64();
  if (h->settings != settings) return _("written under other settings (mediate.yaml changed)");
  h->started_ns = r.I64();
  h->dir = r.Str();
  if (h->dir != rel) return Tr("covers {0}, not {1}", h->dir, rel);
  std::uint64_t n = r.Var();
  if (n > r.left()) return _("corrupt dictionary");
  h->dict.reserve(n);
  for (std::uint64_t i = 0; i < n && !r.bad(); ++i) h->dict.emplace_back(r.Str());
  if (r.bad()) return _("corrupt header");
  *body = r;
  return "";
}

/// Lists and stats one directory's case files (the selection
/// Store::ListCaseFiles makes), then serves what the directory's segment

FileKey ReadFileKey(SegmentReader& r) {
  FileKey key;
  key.size = r.U64();
  key.mtime_ns = r.I64();
  key.ctime_ns = r.I64();
  key.ino = r.U64();
  return key;
}

std::string EncodeSegment(const std::string& rel, std::uint64_t settings, std::int64_t started_ns,
                          const std::vector<SegmentEntry>& entries) {
  SegmentDict dict;
  std::string body;
  body.reserve(entries.size() * 256);
  std::string entry;
  for (const SegmentEntry& en : entries) {
    entry.clear();
    SegmentWriter e(&entry);
    e.Str(en.name);
    e.U64(en.key.size);
    e.I64(en.key.mtime_ns);
    e.I64(en.key.ctime_ns);
    e.U64(en.key.ino);
    e.Str(en.summary->import_fingerprint);
    EncodeSummary(e, *en.summary, dict);
    SegmentWriter b(&body);
    b.Var(entry.size());
    b.Raw(entry.data(), entry.size());
  }
  std::string out;
  out.reserve(body.size() + 4096);
  SegmentWriter w(&out);
  w.Raw(kMagic, sizeof kMagic);
  w.U32(kCaseIndexVersion);
  w.U32(sizeof(CaseSummary));
  w.U64(settings);
  w.I64(started_ns);
  w.Str(rel);
  w.Var(dict.strings().size());
  for (const auto& s : dict.strings()) w.Str(s);
  out += body;
  w.U64(IndexChecksum(out.data(), out.size()));
  return out;
}

std::string SummaryDifference(const CaseSummary& a, const CaseSummary& b) {
#define MEDIATE_CMP(f) \
  if (!(a.f == b.f)) return #f
  MEDIATE_CMP(id);
  MEDIATE_CMP(path);
  MEDIATE_CMP(file_no);
  MEDIATE_CMP(received);
  MEDIATE_CMP(received_unix);
  MEDIATE_CMP(source);
  MEDIATE_CMP(category);
  MEDIATE_CMP(risk);
  MEDIATE_CMP(summary);
  MEDIATE_CMP(amount);
  MEDIATE_CMP(people_involved);
  MEDIATE_CMP(street);
  MEDIATE_CMP(community);
  MEDIATE_CMP(grid);
  MEDIATE_CMP(status);
  MEDIATE_CMP(level);
  MEDIATE_CMP(org);
  MEDIATE_CMP(mediators);
  MEDIATE_CMP(deadline);
  MEDIATE_CMP(outcome);
  MEDIATE_CMP(concluded);
  MEDIATE_CMP(closed);
  MEDIATE_CMP(agreement_form);
  MEDIATE_CMP(performance);
  MEDIATE_CMP(agreement_effective);
  MEDIATE_CMP(confirmation_applied);
  MEDIATE_CMP(confirmation);
  MEDIATE_CMP(visited);
  MEDIATE_CMP(escalations);
  MEDIATE_CMP(conflicts);
  MEDIATE_CMP(extended);
  MEDIATE_CMP(migrated);
  MEDIATE_CMP(party_hashes);
  MEDIATE_CMP(party_masked);
  MEDIATE_CMP(party_id_invalid);
  MEDIATE_CMP(party_names);
  MEDIATE_CMP(party_numbers);
  MEDIATE_CMP(notes);
  MEDIATE_CMP(party_kinds);
  MEDIATE_CMP(import_fingerprint);
#undef MEDIATE_CMP
  return "";
}

}  // namespace mediate
