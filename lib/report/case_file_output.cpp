#include "case_file_output.hpp"
#include "i18n.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace mediate {

Result<std::vector<WrittenDocument>> WriteCaseFile(const Case& c, const DocumentContext& ctx,
                                                   const std::string& dir,
                                                   const std::string& format) {
  if (format != "md" && format != "html")
    return Status::Usage(Tr("--format is md or html, not \"{0}\"", format));
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Io(Tr("cannot create directory {0}: {1}", dir, ec.message()));
  std::vector<WrittenDocument> out;
  std::vector<CaseFileEntry> contents = CaseFileContents(c, *ctx.settings);
  int session = 0;
  for (const CaseFileEntry& entry : contents) {
    int pick = 0;
    if (entry.kind == "session" && entry.event >= 0) pick = ++session;
    auto doc = DraftDocument(c, entry.kind, ctx, pick);
    if (!doc.ok()) return doc.status();
    const std::string path = (fs::path(dir) / CaseFileName(entry, format)).string();
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << (format == "html" ? RenderDocumentHtml(*doc) : RenderDocumentMarkdown(*doc));
    file.close();
    if (!file) return Status::Io(Tr("cannot write {0}: {1}", path, std::strerror(errno)));
    out.push_back({path, doc->missing});
  }
  return out;
}

}  // namespace mediate
