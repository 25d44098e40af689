// The derived index's file format: one segment per case directory
// (`cases/2026/03` → `2026_03.seg`) under `<git dir>/mediate/index/`,
// holding the CaseSummary of each case file of that directory. How segments
// are read, refreshed and written during a scan is case_index.hpp. A
// segment is
//
//   header   magic "MEDIDX\r\n", format version (kCaseIndexVersion),
//            sizeof(CaseSummary), the settings fingerprint (a changed time
//            zone or limit changes the summaries), the time the scan that
//            wrote it began, the directory it covers, and a table of the
//            segment's low-cardinality strings (codes, org and mediator
//            ids, division codes) that entries refer to by number;
//   entries  sorted by file name, each length-prefixed: the file name, its
//            stat key (size, mtime ns, ctime ns, inode), the case's import
//            fingerprint ("" when it was not imported) and the rest of the
//            summary — the fingerprint ahead of it, so `mediate import`
//            reads it without decoding the summary;
//   trailer  a 64-bit checksum of everything before it.
//
// Numbers are little-endian (fixed width) or varints; strings are
// length-prefixed. Nothing here touches the disk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "case_summary.hpp"
#include "settings.hpp"

namespace mediate {

/// Version of the segment format and of what a summary holds. Bump it
/// whenever the encoding, CaseSummary, Summarize or anything a summary is
/// derived from changes meaning: older segments are then ignored and
/// rewritten by the next command.
inline constexpr std::uint32_t kCaseIndexVersion = 4;

/// The file name suffix of a segment.
inline constexpr const char* kSegmentSuffix = ".seg";

/// Appends little-endian fixed-width numbers, varints and length-prefixed
/// strings to `*out` (which must outlive the writer).
class SegmentWriter {
 public:
  explicit SegmentWriter(std::string* out) : out_(out) {}
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

/// Reads what SegmentWriter wrote from the `n` bytes at `p` (not owned), with bounds checks: any
/// overrun sets `bad` and yields zeros, so corrupt input never reads out of bounds.
class SegmentReader {
 public:
  SegmentReader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
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

/// A fast 64-bit checksum (word at a time) of the `n` bytes at `p`;
/// detects torn and garbled segments, not tampering.
std::uint64_t IndexChecksum(const char* p, std::size_t n);

/// The checksum that ends a segment, over all its bytes before the last 8
/// (exposed so tests can forge segments that pass it); 0 when shorter.
std::uint64_t SegmentChecksum(std::string_view bytes);

/// A fingerprint of everything in the settings a summary depends on: the
/// settings record (time zone, limits, risk scheme, office) and every
/// vocabulary's codes (a code that becomes unknown makes a file unreadable)
/// — and of the clone's lookup key (Store::LookupKey): summaries hashed
/// under another key are not used.
std::uint64_t SettingsFingerprint(const Settings& settings, std::string_view lookup_key = {});

/// The segment file name of case directory cases/<year>/<month>: "2026",
/// "03" → "2026_03.seg"; any byte but [0-9A-Za-z] is %XX-escaped so the
/// name is unique and safe.
std::string SegmentName(const std::string& year, const std::string& month);

/// Numbers the low-cardinality strings of one segment (its dictionary).
class SegmentDict {
 public:
  /// The number of `s`, adding it when new.
  std::uint32_t Ref(const std::string& s) {
    auto [it, inserted] = ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(s);
    return it->second;
  }
  /// The strings in number order.
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> strings_;
};

/// Appends summary `s` to `w`, its codes as numbers of `dict`; all of it
/// but `import_fingerprint`, which the entry holds ahead of the summary.
void EncodeSummary(SegmentWriter& w, const CaseSummary& s, SegmentDict& dict);

/// Decodes one summary from `r` (the rest of an entry) against the
/// segment's dictionary `dict`; false on corrupt input (out of bounds, a
/// bad dictionary reference, trailing bytes). `s->path` is not stored, and
/// `s->import_fingerprint` is read from the entry before the summary.
bool DecodeSummary(SegmentReader& r, const std::vector<std::string>& dict, CaseSummary* s);

/// A file's stat key: any change to the file changes one of these (ctime
/// even when mtime is set back, as a checkout or `touch -d` would).
/// Times in nanoseconds since the epoch.
struct FileKey {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t ino = 0;
  bool operator==(const FileKey&) const = default;
};

/// Reads a FileKey as EncodeSegment writes it into an entry (after the
/// file name); `r` goes bad on short input.
FileKey ReadFileKey(SegmentReader& r);

/// A segment's header.
struct SegmentHeader {
  std::uint32_t version = 0;       ///< kCaseIndexVersion of the writer
  std::uint32_t summary_size = 0;  ///< sizeof(CaseSummary) of the writer
  std::uint64_t settings = 0;      ///< SettingsFingerprint
  std::int64_t started_ns = 0;     ///< when the scan that wrote it began (ns since the epoch)
  std::string dir;                 ///< the directory covered ("cases/2026/03")
  std::vector<std::string> dict;   ///< the dictionary
};

/// Checks segment `data`'s frame (magic, checksum) and reads its header
/// into `h`; `body` is then positioned at the first entry. Gives "" when
/// the segment can be used, else the reason it cannot ("checksum mismatch
/// (torn or damaged)", another format version, build, `settings`
/// fingerprint or directory than `rel`, a corrupt header).
std::string ReadSegmentHeader(const std::string& data, std::uint64_t settings,
                              const std::string& rel, SegmentHeader* h, SegmentReader* body);

/// One entry to write: a file of the directory, its stat key and summary.
struct SegmentEntry {
  std::string_view name;       ///< the file name ("WBL-2026-000042.yaml")
  FileKey key;                 ///< its stat key when it was read
  const CaseSummary* summary;  ///< its summary (not owned)
};

/// The whole segment for directory `rel` ("cases/2026/03"): header (with
/// `settings` fingerprint and `started_ns`, the time the scan began), the
/// `entries` in the order given (they must be sorted by name) and trailer.
std::string EncodeSegment(const std::string& rel, std::uint64_t settings, std::int64_t started_ns,
                          const std::vector<SegmentEntry>& entries);

/// The name of the first field in which `a` and `b` differ ("" when they
/// are equal in every field). Used by CheckIndex and the tests.
std::string SummaryDifference(const CaseSummary& a, const CaseSummary& b);

}  // namespace mediate
