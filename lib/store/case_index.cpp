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
#include <unordered_set>

#include "case_ids.hpp"
#include "disk.hpp"
#include "i18n.hpp"
#include "index_files.hpp"
#include "index_segment.hpp"
#include "index_watch.hpp"
#include "parallel.hpp"
#include "summary_sort.hpp"

namespace mediate {
namespace {

namespace fs = std::filesystem;

std::atomic<std::int64_t> g_racy_margin_ns{kRacyMarginNs};

std::int64_t NowNs() {
  timespec ts;
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// ---------------------------------------------------------------------------
// The scan

enum class FileState : std::uint8_t {
  kPending,     ///< to be parsed
  kFromIndex,   ///< summary decoded from a fresh entry
  kParsed,      ///< summary parsed now
  kUnreadable,  ///< the parse failed (never cached)
};

enum class Mode {
  kScan,          ///< use fresh entries, rewrite changed segments
  kCheck,         ///< use fresh entries (to compare with a parse), write nothing
  kRebuild,       ///< ignore the index, write every segment
  kFingerprints,  ///< like kScan, but only the import fingerprints are wanted: a
                  ///< fresh entry's summary is decoded only if its segment is rewritten
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
  // kFingerprints: each fresh entry's fingerprint, and where its summary
  // lies in the segment (decoded only when the segment is rewritten).
  std::vector<std::string> fingerprints;                        ///< parallel to names
  std::vector<std::pair<std::size_t, std::size_t>> summary_at;  ///< offset, length in `data`
  std::string data;                                             ///< the segment read
  std::vector<std::string> dict;                                ///< its dictionary
  std::size_t pending = 0;                                      ///< files still to be parsed
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
  // Watchman (kWatchmanStateName): whether the folder can be served from its
  // segment as it is, and whether it can be next time.
  bool track = false;             ///< the scan records which folders are clean
  bool trusted = false;           ///< no change reported since the stored clock
  std::uint64_t trusted_sum = 0;  ///< the checksum of the segment the stored state vouches for
  bool served_unchanged = false;  ///< served from the segment without listing or stat
  bool real_dir = false;          ///< year and month folders are directories, not links
  bool has_link = false;          ///< a case file is a symbolic link (Watchman cannot follow)
  std::uint64_t segment_sum = 0;  ///< checksum of the segment read or written
  bool clean = false;             ///< every file is in the segment, fresh: recordable
};

/// Lists and stats one directory's case files (the selection
/// Store::ListCaseFiles makes), then serves what the directory's segment
/// holds fresh (unless rebuilding). Leaves `pending` files to parse.
void ScanDir(const std::string& root, const std::string& index_dir, std::uint64_t settings,
             Mode mode, DirScan* d) {
  std::string abs = root + "/" + d->rel;
  Disk& disk = CurrentDisk();
  if (d->track) {
    d->real_dir =
        IsRealDirectory(root + "/" + d->rel.substr(0, d->rel.rfind('/'))) && IsRealDirectory(abs);
    d->trusted = d->trusted && d->real_dir;
  }
  // No change reported since the state vouching for this very segment:
  // the names and stat keys are the segment's own, nothing is listed.
  d->served_unchanged = d->trusted && mode != Mode::kRebuild && mode != Mode::kCheck &&
                        ReadVouchedSegment(index_dir + "/" + d->segment, settings, d->rel,
                                           d->trusted_sum, &d->data, &d->names, &d->keys);
  if (d->served_unchanged) {
    d->regular.assign(d->names.size(), true);
  } else {
    auto listed = disk.List(abs);
    if (!listed.ok()) return;
    for (auto& name : *listed)
      if (IsCaseFileName(name.c_str())) d->names.push_back(std::move(name));
    std::sort(d->names.begin(), d->names.end());
    const std::size_t n = d->names.size();
    d->keys.resize(n);
    d->regular.assign(n, false);
    auto stats = disk.StatMany(abs, d->names);
    for (std::size_t i = 0; i < n; ++i) {
      if (!stats[i]) continue;  // the parse reports it
      const FileStat& st = *stats[i];
      d->regular[i] = st.is_regular();
      d->keys[i] = {st.size, st.mtime_sec * 1'000'000'000 + st.mtime_nsec,
                    st.ctime_sec * 1'000'000'000 + st.ctime_nsec, st.ino};
    }
    if (d->track) d->has_link = HasLinkedCaseFile(abs);
  }
  const std::size_t n = d->names.size();
  d->files = n;
  d->states.assign(n, FileState::kPending);

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
  std::string& data = d->data;
  if (!d->served_unchanged && !ReadIndexFile(index_dir + "/" + d->segment, &data)) {
    d->unindexed = n;
    return finish_counts();
  }
  d->segment_present = true;
  d->segment_sum = SegmentTrailer(data);
  SegmentHeader h;
  SegmentReader r(nullptr, 0);
  d->bad_reason = ReadSegmentHeader(data, settings, d->rel, &h, &r);
  if (!d->bad_reason.empty()) {
    d->unindexed = n;
    return finish_counts();
  }
  d->segment_good = true;
  d->dirty = false;
  const bool lazy = mode == Mode::kFingerprints;
  if (lazy) {
    d->fingerprints.resize(n);
    d->summary_at.assign(n, {0, 0});
  } else {
    d->summaries.resize(n);
  }
  const std::int64_t trusted_before = h.started_ns - g_racy_margin_ns.load();

  std::size_t i = 0;
  std::string_view prev;
  while (!r.done()) {
    std::uint64_t len = r.Var();
    if (r.bad() || len > r.left()) {
      d->dirty = true;  // cannot happen past a good checksum, but never trust blindly
      break;
    }
    SegmentReader e(r.pos(), len);
    r.Skip(len);
    ++d->entries;
    std::string_view name = e.Str();
    FileKey key = ReadFileKey(e);
    std::string_view fingerprint = e.Str();
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
    // A folder in which Watchman saw no change since the clock taken before
    // its segment was last confirmed needs no racy margin: an edit in the
    // same clock tick would have been reported.
    bool racy = !d->served_unchanged && std::max(key.mtime_ns, key.ctime_ns) >= trusted_before;
    if (!d->regular[i] || !(key == d->keys[i]) || racy) {
      ++d->stale;
      d->dirty = true;
      ++i;
      continue;
    }
    if (lazy) {
      d->fingerprints[i] = fingerprint;
      d->summary_at[i] = {static_cast<std::size_t>(e.pos() - data.data()), e.left()};
      d->states[i] = FileState::kFromIndex;
      ++d->fresh;
      ++i;
      continue;
    }
    CaseSummary& s = d->summaries[i];
    if (DecodeSummary(e, h.dict, &s)) {
      s.import_fingerprint = fingerprint;
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
  if (lazy)
    d->dict = std::move(h.dict);
  else
    std::string().swap(data);
  // Files without an entry make the segment dirty once one of them parses
  // (finish); unreadable files are never cached, so they alone do not.
  finish_counts();
}

/// The directory's good summaries as a segment (EncodeSegment).
std::string EncodeDirSegment(const DirScan& d, std::uint64_t settings, std::int64_t started_ns) {
  std::vector<SegmentEntry> entries;
  entries.reserve(d.names.size());
  for (std::size_t i = 0; i < d.names.size(); ++i) {
    if (d.states[i] != FileState::kFromIndex && d.states[i] != FileState::kParsed) continue;
    if (!d.regular[i]) continue;
    entries.push_back({d.names[i], d.keys[i], &d.summaries[i]});
  }
  return EncodeSegment(d.rel, settings, started_ns, entries);
}

/// What one run over the store did, for the three public entry points.
struct Run {
  std::vector<DirScan> dirs;
  std::vector<std::string> stray_segments;  ///< segment files of no current directory
  CaseScan scan;
  std::unordered_set<std::string> fingerprints;  ///< kFingerprints: what was found
  Status write_status;
  std::string last_scan;  ///< how freshness was checked (the state's last-scan line)
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
  const std::uint64_t settings = SettingsFingerprint(store.settings(), store.LookupKey());

  bool can_write = false;
  if (mode != Mode::kCheck && !index_dir.empty()) {
    std::error_code ec;
    fs::create_directories(index_dir, ec);
    if (ec) run.write_status = Status::Io(Tr("cannot create {0}: {1}", index_dir, ec.message()));
    can_write = !ec;
  }

  // Watchman: which folders changed since the clock stored with the index.
  WatchPlan plan;
  const bool watch =
      can_write && (mode == Mode::kScan || mode == Mode::kFingerprints) && WatchmanWanted(root);
  if (watch) plan = PlanWithWatchman(root, index_dir);

  for (const auto& year : ListSortedNames(root + "/cases"))
    for (const auto& month : ListSortedNames(root + "/cases/" + year)) {
      DirScan d;
      d.rel = "cases/" + year + "/" + month;
      d.segment = SegmentName(year, month);
      d.track = plan.used;
      if (plan.answered && plan.changed.count(year + "/" + month) == 0) {
        if (auto v = plan.vouched.find(year + "/" + month); v != plan.vouched.end()) {
          d.trusted = true;
          d.trusted_sum = v->second;
        }
      }
      run.dirs.push_back(std::move(d));
    }

  std::mutex keep_mu;
  auto finish = [&](DirScan& d) {
    bool parsed_any = std::any_of(d.states.begin(), d.states.end(),
                                  [](FileState s) { return s == FileState::kParsed; });
    const bool rewrite = can_write && (d.dirty || parsed_any);
    if (mode == Mode::kFingerprints) {
      {
        std::lock_guard<std::mutex> lock(keep_mu);
        for (std::size_t i = 0; i < d.names.size(); ++i) {
          const std::string* fp = d.states[i] == FileState::kFromIndex ? &d.fingerprints[i]
                                  : d.states[i] == FileState::kParsed
                                      ? &d.summaries[i].import_fingerprint
                                      : nullptr;
          if (fp && !fp->empty()) run.fingerprints.insert(*fp);
        }
      }
      // The segment is rewritten whole: the fresh entries' summaries now.
      if (rewrite && d.fresh > 0) {
        d.summaries.resize(d.names.size());
        for (std::size_t i = 0; i < d.names.size(); ++i) {
          if (d.states[i] != FileState::kFromIndex) continue;
          auto [at, len] = d.summary_at[i];
          SegmentReader e(d.data.data() + at, len);
          CaseSummary& s = d.summaries[i];
          if (DecodeSummary(e, d.dict, &s)) {
            s.import_fingerprint = std::move(d.fingerprints[i]);
          } else {
            s = CaseSummary();
            d.regular[i] = false;  // left out of the segment: parsed next time
          }
        }
      }
      std::vector<std::string>().swap(d.dict);
      std::vector<std::string>().swap(d.fingerprints);
      std::vector<std::pair<std::size_t, std::size_t>>().swap(d.summary_at);
    }
    bool written = false;
    if (rewrite) {
      bool any = false;
      for (std::size_t i = 0; i < d.names.size() && !any; ++i)
        any = d.regular[i] &&
              (d.states[i] == FileState::kFromIndex || d.states[i] == FileState::kParsed);
      if (any) {
        std::string encoded = EncodeDirSegment(d, settings, started);
        d.write_status = WriteIndexFile(index_dir, d.segment, encoded);
        if (d.write_status.ok()) {
          written = true;
          d.segment_sum = SegmentTrailer(encoded);
        }
      } else if (Status st = CurrentDisk().Remove(index_dir + "/" + d.segment);
                 !st.ok() && st.kind() != ErrorKind::kNotFound) {
        d.write_status =
            Status::Io(Tr("cannot remove {0}: {1}", index_dir + "/" + d.segment, st.message()));
      }
    }
    bool all_good = std::all_of(d.states.begin(), d.states.end(), [](FileState s) {
      return s == FileState::kFromIndex || s == FileState::kParsed;
    });
    if (d.track) {
      // Clean: the segment on disk now holds every case file of the folder,
      // each fresh, so the next scan may serve it without listing the
      // folder if Watchman reports no change in it.
      bool clean = !d.names.empty() && all_good && d.real_dir && !d.has_link &&
                   std::all_of(d.regular.begin(), d.regular.end(), [](bool r) { return r; });
      d.clean = clean && (rewrite ? written : d.segment_good && !d.dirty && !parsed_any);
    }
    if (mode == Mode::kFingerprints) {
      // Nothing is kept: the fingerprints were collected above.
    } else if (mode != Mode::kCheck && !keep && all_good) {
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
    std::string().swap(d.data);
    std::vector<std::string>().swap(d.names);
    std::vector<FileKey>().swap(d.keys);
    std::vector<bool>().swap(d.regular);
    std::vector<FileState>().swap(d.states);
  };

  // A. Walk and serve, a directory per task.
  CaseIdTally ids;
  ParallelFor(run.dirs.size(), threads, 1, [&](std::size_t i) {
    DirScan& d = run.dirs[i];
    ScanDir(root, index_dir, settings, mode, &d);
    ids.Add(d.rel, d.names);
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
        std::string field =
            pc.ok ? SummaryDifference(d.summaries[i], pc.summary) : _("(unreadable)");
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
  run.scan.duplicates = ids.Duplicates();

  // C. Segments of directories that no longer exist, and temporary files a
  // killed writer left (older than a minute: a live writer renames at once).
  if (!index_dir.empty()) {
    std::vector<std::string> known;
    for (const auto& d : run.dirs) known.push_back(d.segment);
    std::sort(known.begin(), known.end());
    for (const auto& name : ListSortedNames(index_dir)) {
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

  // The new Watchman state: the clock taken before the walk, and the
  // folders now clean.
  if (watch) {
    std::vector<WatchedFolder> folders;
    folders.reserve(run.dirs.size());
    for (const auto& d : run.dirs)
      folders.push_back({d.rel, d.served_unchanged, d.clean, d.segment_sum});
    run.last_scan = RecordWatchState(&plan, index_dir, folders);
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
  SortSummariesById(&run.scan.cases);
  return run;
}

}  // namespace

std::string CaseIndexDir(const Store& store) {
  std::string git = GitDirOf(store.root());
  return git.empty() ? "" : git + "/mediate/index";
}

FingerprintScan ScanImportFingerprints(const Store& store, unsigned threads) {
  Run run = RunScan(store, threads, Mode::kFingerprints, nullptr);
  FingerprintScan out;
  out.fingerprints = std::move(run.fingerprints);
  out.unreadable = run.scan.unreadable;
  out.problems = std::move(run.scan.problems);
  return out;
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
      st.bad_reasons.push_back(Tr("{0}: {1}", d.segment, d.bad_reason));
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
    st.bad_reasons.push_back(Tr("{0}: no such case directory", name));
  }
  return st;
}

Status DropIndex(const Store& store) {
  std::string dir = CaseIndexDir(store);
  if (dir.empty()) return Status::Ok();
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (ec) return Status::Io(Tr("cannot remove {0}: {1}", dir, ec.message()));
  return Status::Ok();
}

Result<CaseScan> RebuildIndex(const Store& store, unsigned threads) {
  if (CaseIndexDir(store).empty())
    return Status::NotFound(Tr("{0} has no git directory to keep the index in", store.root()));
  MEDIATE_RETURN_IF_ERROR(DropIndex(store));
  Run run = RunScan(store, threads, Mode::kRebuild, nullptr);
  if (!run.write_status.ok()) return run.write_status;
  return std::move(run.scan);
}
void SetRacyMarginForTesting(std::int64_t ns) { g_racy_margin_ns = ns; }

CaseScan Store::ScanCases(const ScanOptions& options) const {
  if (options.use_index && !options.keys) return ScanWithIndex(*this, options);
  CaseScan scan;
  CaseIdTally ids;
  std::vector<std::string> paths;
  ForEachCaseDir([&](const std::string& dir, const std::vector<std::string>& names) {
    ids.Add(dir, names);
    for (const auto& name : names) paths.push_back(dir + "/" + name);
  });
  scan.duplicates = ids.Duplicates();
  auto parsed = ParseCaseFiles(*this, paths, options.threads, options.keys);
  scan.parsed = parsed.size();
  for (auto& pc : parsed) {
    if (pc.ok) {
      if (options.keep && !options.keep(pc.summary)) continue;
      scan.cases.push_back(std::move(pc.summary));
    } else {
      ++scan.unreadable;
      for (auto& d : pc.problems) scan.problems.push_back(std::move(d));
    }
  }
  std::sort(scan.cases.begin(), scan.cases.end(),
            [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; });
  return scan;
}

}  // namespace mediate
