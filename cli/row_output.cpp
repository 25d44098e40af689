#include "row_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace mediate::cli {
namespace {

/// Where spilled rows go: the store's .git directory (the same disk as the
/// cases, with its protection), else $TMPDIR, else /tmp.
std::string ScratchDir(Context& ctx) {
  if (ctx.store) {
    std::error_code ec;
    std::string git = ctx.store->root() + "/.git";
    if (std::filesystem::is_directory(git, ec)) return git;
  }
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

/// A temporary name beside `path`, for writing it all at once.
std::string PartName(const std::string& path) {
  return path + ".part-" + std::to_string(::getpid());
}

}  // namespace

Result<RowOutput> RowOutput::Open(Context& ctx, const OutputOptions& options,
                                  std::vector<Column> columns) {
  auto format = options.ParsedFormat();
  if (!format.ok()) return format.status();
  if (*format == Format::kXlsx && options.output.empty())
    return Status::Usage("--format xlsx needs an output file: -o FILE.xlsx");
  return RowOutput(*format, options.output, std::move(columns), ScratchDir(ctx));
}

void RowOutput::Add(std::string_view key, const std::vector<Cell>& row) {
  if (!failed_.ok()) return;
  widths_.Measure(row);
  failed_ = spool_.Add(key, row);
}

Status RowOutput::Drain(TableWriter& writer, const std::vector<Cell>& totals,
                        const std::vector<std::string>& notes) {
  MEDIATE_RETURN_IF_ERROR(
      spool_.ForEachSorted([&](const std::vector<Cell>& row) { return writer.Row(row); }));
  return writer.Finish(totals, notes);
}

Status RowOutput::Write(Context& ctx, const std::vector<Cell>& totals,
                        const std::vector<std::string>& notes, const std::string& sheet) {
  MEDIATE_RETURN_IF_ERROR(failed_);
  if (!totals.empty()) widths_.Measure(totals);

  if (output_.empty()) {  // standard output, as the rows come
    std::FILE* out = ctx.out;
    auto writer = OpenTextWriter(format_, columns_, widths_.widths(), [out](std::string_view s) {
      std::fwrite(s.data(), 1, s.size(), out);
    });
    return Drain(*writer, totals, notes);
  }

  const std::string part = PartName(output_);
  Status st;
  if (format_ == Format::kXlsx) {
    auto writer =
        OpenXlsxWriter(columns_, widths_.widths(), spool_.size(), !totals.empty(), part, sheet);
    st = writer.ok() ? Drain(**writer, totals, notes) : writer.status();
  } else if (std::FILE* f = std::fopen(part.c_str(), "wb")) {
    bool write_failed = false;
    auto writer = OpenTextWriter(format_, columns_, widths_.widths(), [&](std::string_view s) {
      if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) write_failed = true;
    });
    st = Drain(*writer, totals, notes);
    int saved = 0;
    if (std::fflush(f) != 0 || write_failed) saved = errno ? errno : EIO;
    if (std::fclose(f) != 0 && saved == 0) saved = errno;
    if (st.ok() && saved != 0)
      st = Status::Io("cannot write " + output_ + ": " + std::strerror(saved));
  } else {
    st = Status::Io("cannot write " + output_ + ": " + std::strerror(errno));
  }
  if (st.ok() && std::rename(part.c_str(), output_.c_str()) != 0)
    st = Status::Io("cannot write " + output_ + ": " + std::strerror(errno));
  if (!st.ok()) std::remove(part.c_str());
  return st;
}

}  // namespace mediate::cli
