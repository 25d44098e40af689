// The derived index's Watchman state: a text file in the index folder
// (kWatchmanStateName) holding the Watchman clock taken when the last scan
// began, the month folders whose segments were then complete and fresh
// (with each segment's checksum), and how that scan checked freshness; and
// the plan a scan makes from it by asking Watchman (watchman.hpp) what
// changed. How a scan uses the plan is case_index.cpp; why it is right is
// docs/architecture.md ("Freshness of the derived index").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "index_segment.hpp"

namespace mediate {

/// The state file's name in the index directory. Text, a "key value" line
/// each after the line "mediate watchman state 1": store, watch, relative,
/// clock, sock (the server's socket, asked once through the CLI; later reads
/// connect to it directly), last-scan, then "folder <checksum, 16 hex digits> <year>/<month>"
/// per clean folder. The last-scan line is for people: "watchman
/// folders=120 unchanged=118 walked=2", or "walk folders=120 unchanged=0
/// walked=120 reason=no clock stored". Written atomically like a segment;
/// removed with the index.
inline constexpr const char* kWatchmanStateName = "watchman-state";

/// What the state file holds.
struct WatchState {
  std::string store;     ///< the store root it was written for (real path)
  std::string watch;     ///< Watchman's watched root
  std::string relative;  ///< the store root relative to `watch` ("" when the same)
  std::string clock;     ///< taken at the start of the scan that wrote it
  std::string sock;      ///< the server's socket (get-sockname); "" when not known
  std::map<std::string, std::uint64_t> folders;  ///< "2026/03" → checksum of its segment
};

/// The state in `index_dir`, or nullopt when there is none or it is not
/// exactly what EncodeWatchState writes (then it is ignored: a full walk).
std::optional<WatchState> ReadWatchState(const std::string& index_dir);

/// The last-scan line of the state in `index_dir` ("watchman folders=120
/// unchanged=118 walked=2"): how the last read that asked Watchman checked
/// the case files. "" when there is no state (Watchman not installed, off,
/// or not asked yet).
std::string LastScanLine(const std::string& index_dir);

/// The state file's text for `w`, with `last_scan` as its last-scan line.
std::string EncodeWatchState(const WatchState& w, const std::string& last_scan);

/// Whether the store's git config lets scans use Watchman (store setting
/// mediate.watchman, read from the repository's own config and the files it
/// includes, not from the global or system config): anything but a git
/// "false" (false, no, off, 0); on when unset. Off when the repository at
/// `root` cannot be opened. Reads .git/config as text first and opens the
/// repository only when that text mentions "watchman" or an include.
bool WatchmanWanted(const std::string& root);

/// What Watchman told a scan before it began.
struct WatchPlan {
  bool used = false;              ///< a clock was obtained: the scan records a new state
  WatchState next;                ///< the state to record (folders filled in at the end)
  bool answered = false;          ///< changes since a stored clock are known
  std::set<std::string> changed;  ///< then: month folders ("2026/03") with a reported change
  std::map<std::string, std::uint64_t> vouched;  ///< then: the stored state's folders
  std::string why_walk;  ///< why every folder is listed and stat'ed ("" when not)
};

/// Asks Watchman what changed under `root`/cases since the state stored in
/// `index_dir`, or, without a usable state (none, another store root),
/// watches `root` and takes a first clock. Never fails: whatever goes wrong
/// gives a plan that walks every folder, with the reason in `why_walk`; an
/// error on a stored clock removes the state (the next scan starts over).
WatchPlan PlanWithWatchman(const std::string& root, const std::string& index_dir);

/// One month folder as a scan left it, for RecordWatchState.
struct WatchedFolder {
  std::string rel;                ///< "cases/2026/03"
  bool served_unchanged = false;  ///< served from its segment without a stat
  bool clean = false;             ///< its segment now holds every case file, fresh
  std::uint64_t segment_sum = 0;  ///< that segment's checksum
};

/// The last-scan line for `folders` and `plan`; when `plan.used`, writes
/// the new state (plan.next with the clean folders) to `index_dir`. A
/// failed write is ignored: it costs a walk next time.
std::string RecordWatchState(WatchPlan* plan, const std::string& index_dir,
                             const std::vector<WatchedFolder>& folders);

/// The checksum trailer of a segment's bytes (its last 8), 0 when shorter.
std::uint64_t SegmentTrailer(const std::string& data);

/// Whether `path` is a directory itself, not a symbolic link to one.
bool IsRealDirectory(const std::string& path);

/// Whether a case file in `dir` is a symbolic link (Watchman does not
/// follow links), read from the directory's entry types, lstat where the
/// file system gives none. True when `dir` cannot be read.
bool HasLinkedCaseFile(const std::string& dir);

/// Reads the segment at `path` into `*data` when its checksum is
/// `checksum` (the one a stored state vouches for) and its header is good
/// for `settings` and directory `rel`; gives its entries' file names and
/// stat keys, sorted. False (and `*data` emptied) when the segment is
/// missing, another one, empty or malformed.
bool ReadVouchedSegment(const std::string& path, std::uint64_t settings, const std::string& rel,
                        std::uint64_t checksum, std::string* data, std::vector<std::string>* names,
                        std::vector<FileKey>* keys);

}  // namespace mediate
