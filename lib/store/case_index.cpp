#include "case_index.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iterator>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "disk.hpp"
#include "parallel.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

namespace fs = std::filesystem;

#if defined(__GLIBCXX__) && defined(__x86_64__) || defined(__GLIBCXX__) && defined(__aarch64__)
// Every field of CaseSummary must be encoded, decoded and compared below.
// When this fires, update EncodeSummary, DecodeSummary and
// SummaryDifference, then bump kCaseIndexVersion (and this size).
static_assert(sizeof(CaseSummary) == 728,
              "CaseSummary changed: update case_index.cpp and bump kCaseIndexVersion");
#endif

std::atomic<std::int64_t> g_racy_margin_ns{kRacyMarginNs};

constexpr char kMagic[8] = {'M', 'E', 'D', 'I', 'D', 'X', '\r', '\n'};
constexpr const char* kSegmentSuffix = ".seg";

// ---------------------------------------------------------------------------
// Bytes

/// Appends little-endian fixed-width numbers, varints and strings.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void U8(std::uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(std::uint32_t v) { Raw(&v, 4); }
  void U64(std::uint64_t v) { Raw(&v, 8); }
  void I64(std::int64_t v) { Raw(&v, 8); }
  void I32(std::int32_t v) { Raw(&v, 4); }
  void Var(std::uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void Str(std::string_view s) {
    Var(s.size());
    out_->append(s.data(), s.size());
  }
  void Raw(const void* p, std::size_t n) { out_->append(static_cast<const char*>(p), n); }

 private:
  std::string* out_;
};

/// Reads what Writer wrote, with bounds checks: any overrun sets `bad`
/// and yields zeros, so corrupt input never reads out of bounds.
class Reader {
 public:
  Reader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
  bool bad() const { return bad_; }
  bool done() const { return p_ == end_; }
  std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }
  const char* pos() const { return p_; }
  void Skip(std::size_t n) {
    if (n > left()) {
      bad_ = true;
      p_ = end_;
      return;
    }
    p_ += n;
  }
  std::uint8_t U8() {
    std::uint8_t v = 0;
    Fixed(&v, 1);
    return v;
  }
  std::uint32_t U32() {
    std::uint32_t v = 0;
    Fixed(&v, 4);
    return v;
  }
  std::uint64_t U64() {
    std::uint64_t v = 0;
    Fixed(&v, 8);
    return v;
  }
  std::int64_t I64() {
    std::int64_t v = 0;
    Fixed(&v, 8);
    return v;
  }
  std::int32_t I32() {
    std::int32_t v = 0;
    Fixed(&v, 4);
    return v;
  }
  std::uint64_t Var() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) {
        bad_ = true;
        return 0;
      }
      auto b = static_cast<std::uint8_t>(*p_++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    bad_ = true;
    return 0;
  }
  std::string_view Str() {
    std::uint64_t n = Var();
    if (n > left()) {
      bad_ = true;
      p_ = end_;
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }

 private:
  void Fixed(void* v, std::size_t n) {
    if (n > left()) {
      bad_ = true;
      p_ = end_;
      return;
    }
    std::memcpy(v, p_, n);
    p_ += n;
  }
  const char* p_;
  const char* end_;
  bool bad_ = false;
};

/// A fast 64-bit checksum (word at a time); detects torn and garbled
/// segments, not tampering.
std::uint64_t Checksum(const char* p, std::size_t n) {
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

// ---------------------------------------------------------------------------
// Files

bool ReadAll(const std::string& path, std::string* out) {
  auto text = CurrentDisk().ReadFile(path);
  if (!text.ok()) return false;
  *out = std::move(text.value());
  return true;
}

/// Writes `data` to a temporary file in `dir` and renames it to `name`.
/// No fsync: the index is a cache, and a torn segment fails its checksum.
Status WriteAtomically(const std::string& dir, const std::string& name, const std::string& data) {
  static std::atomic<unsigned> counter{0};
  std::string tmp = dir + "/.tmp-" + std::to_string(::getpid()) + "-" +
                    std::to_string(counter.fetch_add(1)) + "-" + name;
  Disk& disk = CurrentDisk();
  if (Status st = disk.WriteFile(tmp, data, /*sync=*/false); !st.ok()) {
    (void)disk.Remove(tmp);
    return Status::Io("cannot write " + tmp + ": " + st.message());
  }
  if (Status st = disk.Rename(tmp, dir + "/" + name); !st.ok()) {
    (void)disk.Remove(tmp);
    return Status::Io("cannot replace " + dir + "/" + name + ": " + st.message());
  }
  return Status::Ok();
}

std::int64_t NowNs() {
  timespec ts;
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/// The git directory of the work tree `root`: `.git` when it is a
/// directory, or the `gitdir:` a `.git` file names (worktrees). "" when none.
std::string GitDir(const std::string& root) {
  std::string dot = root + "/.git";
  auto st = CurrentDisk().Stat(dot);
  if (!st.ok()) return "";
  if (st->is_directory()) return dot;
  if (!st->is_regular()) return "";
  std::string text;
  if (!ReadAll(dot, &text) || text.rfind("gitdir:", 0) != 0) return "";
  std::string dir = text.substr(7);
  auto b = dir.find_first_not_of(" \t");
  auto e = dir.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  dir = dir.substr(b, e - b + 1);
  if (dir[0] != '/') dir = root + "/" + dir;
  if (auto d = CurrentDisk().Stat(dir); !d.ok() || !d->is_directory()) return "";
  return dir;
}

/// A fingerprint of everything in the settings a summary depends on: the
/// settings record (time zone, limits, risk scheme, office) and every
/// vocabulary's codes (a code that becomes unknown makes a file unreadable).
std::uint64_t SettingsFingerprint(const Settings& settings) {
  std::string text = EmitYaml(settings.ToValue());
  for (const auto& name : settings.vocab.Names()) {
    text += "\nvocab " + name + ":";
    for (const auto& t : settings.vocab.Get(name).terms()) text += " " + t.code + "/" + t.group;
  }
  return Checksum(text.data(), text.size());
}

bool IsYamlName(const char* name) {
  std::size_t n = std::strlen(name);
  return n > 5 && std::memcmp(name + n - 5, ".yaml", 5) == 0 && name[0] != '.';
}

/// Names in `dir` (no "." / ".."), sorted; empty when it cannot be listed.
/// The same selection Store::ListCaseFiles makes.
std::vector<std::string> ListNames(const std::string& dir) {
  auto names = CurrentDisk().List(dir);
  if (!names.ok()) return {};
  std::sort(names->begin(), names->end());
  return std::move(names.value());
}

/// "2026", "03" → "2026_03.seg"; any byte but [0-9A-Za-z] is %XX-escaped so
/// the name is unique and safe.
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

// ---------------------------------------------------------------------------
// Summaries

/// Numbers the low-cardinality strings of one segment.
class Dict {
 public:
  std::uint32_t Ref(const std::string& s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> strings_;
};

void PutDate(Writer& w, Date d) { w.I32(d.days()); }

void EncodeSummary(Writer& w, const CaseSummary& s, Dict& dict) {
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
  w.U8(static_cast<std::uint8_t>((s.extended ? 1 : 0) | (s.migrated ? 2 : 0)));
  w.Var(s.party_keys.size());
  for (const auto& k : s.party_keys) w.Str(k);
  w.Var(s.party_kinds.size());
  for (const auto& k : s.party_kinds) w.Var(dict.Ref(k));
  w.Str(s.import_fingerprint);
}

/// Decodes one summary; false on corrupt input (out of bounds, a bad
/// dictionary reference, trailing bytes).
bool DecodeSummary(Reader& r, const std::vector<std::string>& dict, CaseSummary* s) {
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
  std::uint8_t flags = r.U8();
  s->extended = flags & 1;
  s->migrated = flags & 2;
  s->party_keys.resize(count());
  for (auto& k : s->party_keys) k = r.Str();
  s->party_kinds.resize(count());
  for (auto& k : s->party_kinds) code(&k);
  s->import_fingerprint = r.Str();
  return ok && !r.bad() && r.done();
}

// ---------------------------------------------------------------------------
// The scan

/// A file's stat key: any change to the file changes one of these (ctime
/// even when mtime is set back, as a checkout or `touch -d` would).
struct FileKey {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t ino = 0;
  bool operator==(const FileKey&) const = default;
};

enum class FileState : std::uint8_t {
  kPending,     ///< to be parsed
  kFromIndex,   ///< summary decoded from a fresh entry
  kParsed,      ///< summary parsed now
  kUnreadable,  ///< the parse failed (never cached)
};

enum class Mode {
  kScan,     ///< use fresh entries, rewrite changed segments
  kCheck,    ///< use fresh entries (to compare with a parse), write nothing
  kRebuild,  ///< ignore the index, write every segment
};

/// One case directory (cases/<year>/<month>) on its way through the scan:
/// listed and stat'ed, served from its segment, the rest parsed, its
/// segment rewritten when it changed, its summaries handed over and freed.
struct DirScan {
  std::string rel;                 ///< "cases/2026/03"
  std::string segment;             ///< "2026_03.seg"
  std::vector<std::string> names;  ///< case files, sorted
  std::vector<FileKey> keys;
  std::vector<bool> regular;
  std::vector<FileState> states;
  std::vector<CaseSummary> summaries;  ///< parallel to names; allocated when needed
  std::size_t pending = 0;             ///< files still to be parsed
  bool segment_present = false;
  bool segment_good = false;
  std::string bad_reason;
  bool dirty = false;  ///< the segment must be rewritten
  // What was found (for CheckIndex), kept after the data is freed.
  std::size_t files = 0, entries = 0, fresh = 0, stale = 0, orphaned = 0, unindexed = 0,
              unreadable = 0;
  std::vector<Diagnostic> problems;  ///< parse errors, in file order
  std::vector<IndexMismatch> mismatches;
  std::vector<CaseSummary> kept;  ///< what `keep` kept, until the scan collects it
  Status write_status;
};

struct SegmentHeader {
  std::uint32_t version = 0;
  std::uint32_t summary_size = 0;
  std::uint64_t settings = 0;
  std::int64_t started_ns = 0;
  std::string dir;
  std::vector<std::string> dict;
};

/// Checks a segment's frame (magic, checksum) and reads its header;
/// returns a reason when it cannot be used.
std::string ReadHeader(const std::string& data, std::uint64_t settings, const std::string& rel,
                       SegmentHeader* h, Reader* body) {
  if (data.size() < sizeof kMagic + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    return "not an index segment";
  std::uint64_t sum;
  std::memcpy(&sum, data.data() + data.size() - 8, 8);
  if (sum != Checksum(data.data(), data.size() - 8)) return "checksum mismatch (torn or damaged)";
  Reader r(data.data() + sizeof kMagic, data.size() - sizeof kMagic - 8);
  h->version = r.U32();
  if (h->version != kCaseIndexVersion)
    return "format version " + std::to_string(h->version) + ", this mediate writes " +
           std::to_string(kCaseIndexVersion);
  h->summary_size = r.U32();
  if (h->summary_size != sizeof(CaseSummary)) return "written by a different build of mediate";
  h->settings = r.U64();
  if (h->settings != settings) return "written under other settings (mediate.yaml changed)";
  h->started_ns = r.I64();
  h->dir = r.Str();
  if (h->dir != rel) return "covers " + h->dir + ", not " + rel;
  std::uint64_t n = r.Var();
  if (n > r.left()) return "corrupt dictionary";
  h->dict.reserve(n);
  for (std::uint64_t i = 0; i < n && !r.bad(); ++i) h->dict.emplace_back(r.Str());
  if (r.bad()) return "corrupt header";
  *body = r;
  return "";
}

/// Lists and stats one directory's case files (the selection
/// Store::ListCaseFiles makes), then serves what the directory's segment
/// holds fresh (unless rebuilding). Leaves `pending` files to parse.
void ScanDir(const std::string& root, const std::string& index_dir, std::uint64_t settings,
             Mode mode, DirScan* d) {
  std::string abs = root + "/" + d->rel;
  Disk& disk = CurrentDisk();
  auto listed = disk.List(abs);
  if (!listed.ok()) return;
  for (auto& name : *listed)
    if (IsYamlName(name.c_str())) d->names.push_back(std::move(name));
  std::sort(d->names.begin(), d->names.end());
  const std::size_t n = d->names.size();
  d->files = n;
  d->keys.resize(n);
  d->regular.assign(n, false);
  d->states.assign(n, FileState::kPending);
  auto stats = disk.StatMany(abs, d->names);
  for (std::size_t i = 0; i < n; ++i) {
    if (!stats[i]) continue;  // the parse reports it
    const FileStat& st = *stats[i];
    d->regular[i] = st.is_regular();
    d->keys[i] = {st.size, st.mtime_sec * 1'000'000'000 + st.mtime_nsec,
                  st.ctime_sec * 1'000'000'000 + st.ctime_nsec, st.ino};
  }

  d->dirty = true;
  auto finish_counts = [&] {
    d->pending = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (mode == Mode::kCheck || d->states[i] == FileState::kPending) ++d->pending;
  };
  if (index_dir.empty() || mode == Mode::kRebuild) {
    d->unindexed = n;
    return finish_counts();
  }
  std::string data;
  if (!ReadAll(index_dir + "/" + d->segment, &data)) {
    d->unindexed = n;
    return finish_counts();
  }
  d->segment_present = true;
  SegmentHeader h;
  Reader r(nullptr, 0);
  d->bad_reason = ReadHeader(data, settings, d->rel, &h, &r);
  if (!d->bad_reason.empty()) {
    d->unindexed = n;
    return finish_counts();
  }
  d->segment_good = true;
  d->dirty = false;
  d->summaries.resize(n);
  const std::int64_t trusted_before = h.started_ns - g_racy_margin_ns.load();

  std::size_t i = 0;
  std::string_view prev;
  while (!r.done()) {
    std::uint64_t len = r.Var();
    if (r.bad() || len > r.left()) {
      d->dirty = true;  // cannot happen past a good checksum, but never trust blindly
      break;
    }
    Reader e(r.pos(), len);
    r.Skip(len);
    ++d->entries;
    std::string_view name = e.Str();
    FileKey key;
    key.size = e.U64();
    key.mtime_ns = e.I64();
    key.ctime_ns = e.I64();
    key.ino = e.U64();
    if (e.bad() || name <= prev) {  // entries are strictly sorted by name
      d->dirty = true;
      break;
    }
    prev = name;
    for (; i < n && d->names[i] < name; ++i) ++d->unindexed;  // files without an entry
    if (i == n || d->names[i] != name) {
      ++d->orphaned;  // its file is gone
      d->dirty = true;
      continue;
    }
    bool racy = std::max(key.mtime_ns, key.ctime_ns) >= trusted_before;
    if (!d->regular[i] || !(key == d->keys[i]) || racy) {
      ++d->stale;
      d->dirty = true;
      ++i;
      continue;
    }
    CaseSummary& s = d->summaries[i];
    if (DecodeSummary(e, h.dict, &s)) {
      s.path.reserve(d->rel.size() + 1 + d->names[i].size());
      s.path.append(d->rel).append(1, '/').append(d->names[i]);
      d->states[i] = FileState::kFromIndex;
      ++d->fresh;
    } else {
      s = CaseSummary();
      d->dirty = true;
    }
    ++i;
  }
  for (; i < n; ++i) ++d->unindexed;
  // Files without an entry make the segment dirty once one of them parses
  // (finish); unreadable files are never cached, so they alone do not.
  finish_counts();
}

/// Encodes the directory's good summaries as a segment.
std::string EncodeSegment(const DirScan& d, std::uint64_t settings, std::int64_t started_ns) {
  Dict dict;
  std::string body;
  body.reserve(d.names.size() * 256);
  std::string entry;
  for (std::size_t i = 0; i < d.names.size(); ++i) {
    if (d.states[i] != FileState::kFromIndex && d.states[i] != FileState::kParsed) continue;
    if (!d.regular[i]) continue;
    entry.clear();
    Writer e(&entry);
    e.Str(d.names[i]);
    e.U64(d.keys[i].size);
    e.I64(d.keys[i].mtime_ns);
    e.I64(d.keys[i].ctime_ns);
    e.U64(d.keys[i].ino);
    EncodeSummary(e, d.summaries[i], dict);
    Writer b(&body);
    b.Var(entry.size());
    b.Raw(entry.data(), entry.size());
  }
  std::string out;
  out.reserve(body.size() + 4096);
  Writer w(&out);
  w.Raw(kMagic, sizeof kMagic);
  w.U32(kCaseIndexVersion);
  w.U32(sizeof(CaseSummary));
  w.U64(settings);
  w.I64(started_ns);
  w.Str(d.rel);
  w.Var(dict.strings().size());
  for (const auto& s : dict.strings()) w.Str(s);
  out += body;
  w.U64(Checksum(out.data(), out.size()));
  return out;
}

/// Sorts summaries by id, moving each (large) struct once, in place.
void SortById(std::vector<CaseSummary>* cases) {
  auto by_id = [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; };
  if (std::is_sorted(cases->begin(), cases->end(), by_id)) return;
  struct Key {
    char id[24];
    std::uint32_t at;
  };
  std::vector<Key> keys(cases->size());
  bool fits = true;
  for (std::size_t i = 0; i < cases->size(); ++i) {
    const std::string& id = (*cases)[i].id;
    fits = fits && id.size() < sizeof keys[i].id && id.find('\0') == std::string::npos;
    std::memset(keys[i].id, 0, sizeof keys[i].id);
    std::memcpy(keys[i].id, id.data(), std::min(id.size(), sizeof keys[i].id - 1));
    keys[i].at = static_cast<std::uint32_t>(i);
  }
  if (fits) {
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      int c = std::memcmp(a.id, b.id, sizeof a.id);
      return c != 0 ? c < 0 : a.at < b.at;
    });
  } else {
    std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      return (*cases)[a.at].id < (*cases)[b.at].id;
    });
  }
  // Apply the permutation cycle by cycle (a second vector of summaries
  // would double the peak memory of a large store).
  std::vector<std::uint32_t> from(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) from[i] = keys[i].at;
  keys.clear();
  keys.shrink_to_fit();
  auto& v = *cases;
  for (std::size_t start = 0; start < v.size(); ++start) {
    if (from[start] == start) continue;
    CaseSummary held = std::move(v[start]);
    std::size_t j = start;
    for (;;) {
      std::size_t k = from[j];
      from[j] = static_cast<std::uint32_t>(j);
      if (k == start) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[k]);
      j = k;
    }
  }
}

/// What one run over the store did, for the three public entry points.
struct Run {
  std::vector<DirScan> dirs;
  std::vector<std::string> stray_segments;  ///< segment files of no current directory
  CaseScan scan;
  Status write_status;
};

/// One pass over the store:
///   A. per directory, in parallel: list, stat, serve fresh entries; a
///      directory with nothing left to parse is finished at once;
///   B. the files left are parsed on all threads in chunks, in path order,
///      and each directory is finished when its last file is parsed;
///   C. segments of directories that are gone are removed.
/// Finishing a directory rewrites its segment when it changed (not when
/// checking), hands its summaries to the scan (through `keep`) and frees
/// them, so only a few directories' summaries are in memory at a time
/// beyond what the caller keeps.
Run RunScan(const Store& store, unsigned threads, Mode mode,
            const std::function<bool(const CaseSummary&)>& keep) {
  Run run;
  const std::int64_t started = NowNs();
  const std::string root = store.root();
  const std::string index_dir = CaseIndexDir(store);
  const std::uint64_t settings = SettingsFingerprint(store.settings());

  bool can_write = false;
  if (mode != Mode::kCheck && !index_dir.empty()) {
    std::error_code ec;
    fs::create_directories(index_dir, ec);
    if (ec) run.write_status = Status::Io("cannot create " + index_dir + ": " + ec.message());
    can_write = !ec;
  }

  for (const auto& year : ListNames(root + "/cases"))
    for (const auto& month : ListNames(root + "/cases/" + year)) {
      DirScan d;
      d.rel = "cases/" + year + "/" + month;
      d.segment = SegmentName(year, month);
      run.dirs.push_back(std::move(d));
    }

  std::mutex keep_mu;
  auto finish = [&](DirScan& d) {
    bool parsed_any = std::any_of(d.states.begin(), d.states.end(),
                                  [](FileState s) { return s == FileState::kParsed; });
    if (can_write && (d.dirty || parsed_any)) {
      bool any = false;
      for (std::size_t i = 0; i < d.names.size() && !any; ++i)
        any = d.regular[i] &&
              (d.states[i] == FileState::kFromIndex || d.states[i] == FileState::kParsed);
      if (any) {
        d.write_status = WriteAtomically(index_dir, d.segment, EncodeSegment(d, settings, started));
      } else if (Status st = CurrentDisk().Remove(index_dir + "/" + d.segment);
                 !st.ok() && st.kind() != ErrorKind::kNotFound) {
        d.write_status =
            Status::Io("cannot remove " + index_dir + "/" + d.segment + ": " + st.message());
      }
    }
    bool all_good = std::all_of(d.states.begin(), d.states.end(), [](FileState s) {
      return s == FileState::kFromIndex || s == FileState::kParsed;
    });
    if (mode != Mode::kCheck && !keep && all_good) {
      d.kept = std::move(d.summaries);  // the common case: no copy at all
    } else if (mode != Mode::kCheck && !d.summaries.empty()) {
      std::unique_lock<std::mutex> lock(keep_mu, std::defer_lock);
      if (keep) lock.lock();  // keep is never called concurrently
      for (std::size_t i = 0; i < d.names.size(); ++i) {
        if (d.states[i] != FileState::kFromIndex && d.states[i] != FileState::kParsed) continue;
        if (keep && !keep(d.summaries[i])) continue;
        d.kept.push_back(std::move(d.summaries[i]));
      }
    }
    std::vector<CaseSummary>().swap(d.summaries);
    std::vector<std::string>().swap(d.names);
    std::vector<FileKey>().swap(d.keys);
    std::vector<bool>().swap(d.regular);
    std::vector<FileState>().swap(d.states);
  };

  // A. Walk and serve, a directory per task.
  ParallelFor(run.dirs.size(), threads, 1, [&](std::size_t i) {
    DirScan& d = run.dirs[i];
    ScanDir(root, index_dir, settings, mode, &d);
    if (d.pending == 0) finish(d);
  });

  // B. Parse what the index could not serve (every file when checking).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;
  for (std::size_t di = 0; di < run.dirs.size(); ++di) {
    const DirScan& d = run.dirs[di];
    if (d.pending == 0) continue;
    for (std::size_t i = 0; i < d.names.size(); ++i)
      if (mode == Mode::kCheck || d.states[i] == FileState::kPending)
        where.emplace_back(static_cast<std::uint32_t>(di), static_cast<std::uint32_t>(i));
  }
  constexpr std::size_t kChunk = 8192;
  std::vector<std::string> paths;
  for (std::size_t begin = 0; begin < where.size(); begin += kChunk) {
    std::size_t end = std::min(where.size(), begin + kChunk);
    paths.clear();
    for (std::size_t k = begin; k < end; ++k) {
      const DirScan& d = run.dirs[where[k].first];
      paths.push_back(d.rel + "/" + d.names[where[k].second]);
    }
    auto parsed = ParseCaseFiles(store, paths, threads);
    for (std::size_t k = begin; k < end; ++k) {
      auto [di, i] = where[k];
      DirScan& d = run.dirs[di];
      ParsedCase& pc = parsed[k - begin];
      if (d.summaries.empty()) d.summaries.resize(d.names.size());
      if (mode == Mode::kCheck && d.states[i] == FileState::kFromIndex) {
        // Compare the fresh entry with the parse (a parse failure differs too).
        std::string field = pc.ok ? SummaryDifference(d.summaries[i], pc.summary) : "(unreadable)";
        if (!field.empty()) d.mismatches.push_back({paths[k - begin], field});
        if (!pc.ok) ++d.unreadable;
      } else if (pc.ok) {
        d.summaries[i] = std::move(pc.summary);
        d.states[i] = FileState::kParsed;
      } else {
        d.states[i] = FileState::kUnreadable;
        ++d.unreadable;
        for (auto& p : pc.problems) d.problems.push_back(std::move(p));
      }
      if (--d.pending == 0) finish(d);
    }
  }
  run.scan.parsed = where.size();

  // C. Segments of directories that no longer exist, and temporary files a
  // killed writer left (older than a minute: a live writer renames at once).
  if (!index_dir.empty()) {
    std::vector<std::string> known;
    for (const auto& d : run.dirs) known.push_back(d.segment);
    std::sort(known.begin(), known.end());
    for (const auto& name : ListNames(index_dir)) {
      std::string full = index_dir + "/" + name;
      if (name.rfind(".tmp-", 0) == 0) {
        if (can_write)
          if (auto st = CurrentDisk().Stat(full);
              st.ok() && st->mtime_sec + 60 < started / 1'000'000'000)
            (void)CurrentDisk().Remove(full);
        continue;
      }
      if (name.size() > 4 && name.compare(name.size() - 4, 4, kSegmentSuffix) == 0 &&
          !std::binary_search(known.begin(), known.end(), name)) {
        run.stray_segments.push_back(name);
        if (can_write) (void)CurrentDisk().Remove(full);
      }
    }
  }

  // Collect what was kept (reserved at once: growing a vector of a million
  // summaries would hold two copies at its last reallocation).
  std::size_t kept = 0;
  for (const auto& d : run.dirs) kept += d.kept.size();
  run.scan.cases.reserve(kept);
  for (auto& d : run.dirs) {
    std::move(d.kept.begin(), d.kept.end(), std::back_inserter(run.scan.cases));
    std::vector<CaseSummary>().swap(d.kept);
  }
  for (auto& d : run.dirs) {
    run.scan.unreadable += d.unreadable;
    if (mode != Mode::kCheck && d.fresh > 0) run.scan.from_index = true;
    for (auto& p : d.problems) run.scan.problems.push_back(std::move(p));
    d.problems.clear();
    if (!d.write_status.ok() && run.write_status.ok()) run.write_status = d.write_status;
  }
  if (mode == Mode::kCheck) run.scan.unreadable = 0;  // counted per directory for the check
  SortById(&run.scan.cases);
  return run;
}

}  // namespace

std::string CaseIndexDir(const Store& store) {
  std::string git = GitDir(store.root());
  return git.empty() ? "" : git + "/mediate/index";
}

CaseScan ScanWithIndex(const Store& store, const ScanOptions& options) {
  if (!options.use_index) return store.ScanCases(options);
  return std::move(RunScan(store, options.threads, Mode::kScan, options.keep).scan);
}

Result<IndexStatus> CheckIndex(const Store& store, unsigned threads) {
  Run run = RunScan(store, threads, Mode::kCheck, nullptr);
  IndexStatus st;
  st.dir = CaseIndexDir(store);
  for (const auto& d : run.dirs) {
    st.files += d.files;
    if (d.segment_present) ++st.segments;
    if (d.segment_present && !d.segment_good) {
      ++st.bad_segments;
      st.bad_reasons.push_back(d.segment + ": " + d.bad_reason);
    }
    st.entries += d.entries;
    st.fresh += d.fresh;
    st.stale += d.stale;
    st.orphaned += d.orphaned;
    st.unindexed += d.unindexed;
    st.unreadable += d.unreadable;
    for (const auto& m : d.mismatches) st.mismatches.push_back(m);
  }
  for (const auto& name : run.stray_segments) {
    ++st.segments;
    ++st.bad_segments;
    st.bad_reasons.push_back(name + ": no such case directory");
  }
  return st;
}

Status DropIndex(const Store& store) {
  std::string dir = CaseIndexDir(store);
  if (dir.empty()) return Status::Ok();
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (ec) return Status::Io("cannot remove " + dir + ": " + ec.message());
  return Status::Ok();
}

Result<CaseScan> RebuildIndex(const Store& store, unsigned threads) {
  if (CaseIndexDir(store).empty())
    return Status::NotFound(store.root() + " has no git directory to keep the index in");
  MEDIATE_RETURN_IF_ERROR(DropIndex(store));
  Run run = RunScan(store, threads, Mode::kRebuild, nullptr);
  if (!run.write_status.ok()) return run.write_status;
  return std::move(run.scan);
}

std::uint64_t SegmentChecksum(std::string_view bytes) {
  return bytes.size() < 8 ? 0 : Checksum(bytes.data(), bytes.size() - 8);
}

void SetRacyMarginForTesting(std::int64_t ns) { g_racy_margin_ns = ns; }

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
  MEDIATE_CMP(extended);
  MEDIATE_CMP(migrated);
  MEDIATE_CMP(party_keys);
  MEDIATE_CMP(party_kinds);
  MEDIATE_CMP(import_fingerprint);
#undef MEDIATE_CMP
  return "";
}

}  // namespace mediate
