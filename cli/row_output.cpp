#include "row_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "i18n.hpp"

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
    return Status::Usage(_("--format xlsx needs an output file: -o FILE.xlsx"));
  return RowOutput(*format, options.output, !options.no_bom, std::move(columns), ScratchDir(ctx));
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

  if (format_ != Format::kXlsx)
    return WriteOutputFile(output_, format_, bom_, [&](const TextSink& sink) {
      auto writer = OpenTextWriter(format_, columns_, widths_.widths(), sink);
      return Drain(*writer, totals, notes);
    });
  const std::string part = PartName(output_);
  auto writer =
      OpenXlsxWriter(columns_, widths_.widths(), spool_.size(), !totals.empty(), part, sheet);
  Status st = writer.ok() ? Drain(**writer, totals, notes) : writer.status();
  if (st.ok() && std::rename(part.c_str(), output_.c_str()) != 0)
    st = Status::Io(Tr("cannot write {0}: {1}", output_, std::strerror(errno)));
  if (!st.ok()) std::remove(part.c_str());
  return st;
}

}  // namespace mediate::cli
