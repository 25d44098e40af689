#include "ledger_import.hpp"

#include "money.hpp"

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "i18n.hpp"
#include "ledger_cells.hpp"
#include "ledger_row.hpp"
#include "text_input.hpp"

namespace mediate {
namespace {

std::string Plural(std::size_t n, const char* one, const char* many) {
  return GroupThousands(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string LedgerImport::Summary() const {
  if (error_count == 0) return {};
  const std::string errors = GroupThousands(error_count);
  if (error_rows == 0)
    return TrN("{0} error in the header; nothing was imported.",
               "{0} errors in the header; nothing was imported.", error_count, errors);
  const std::string rows = GroupThousands(error_rows);
  // The two counts: one sentence per plural form of the errors, the rows' in the field.
  const std::string in_rows = TrN("in {0} row", "in {0} rows", error_rows, rows);
  return TrN("{0} error {1}; nothing was imported.", "{0} errors {1}; nothing was imported.",
             error_count, errors, in_rows);
}

Status LedgerImport::ToStatus() const {
  if (ok()) return Status::Ok();
  return Status::Rejected(Summary(), diagnostics);
}

LedgerImport ImportLedger(const CsvTable& table, const Settings& settings,
                          const AreaRegistry& areas, const OrgRegistry& orgs,
                          const LedgerImportOptions& options) {
  LedgerImport out;
  DiagnosticSink sink;
  const auto& columns = LedgerColumns();
  const Location header_at{options.display_name, 1, 0};

  // Map the header to columns.
  LedgerColumnMap cols;
  cols.fill(-1);
  std::vector<bool> mapped_seen;
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    std::string h = NormalizeCell(table.header()[i]);
    if (h.empty() || h == kRejectsErrorColumn) continue;
    int c = -1;
    if (options.mapping && options.mapping->MapColumn(h, &c)) {
      if (c < 0) continue;  // mapped to "ignore"
    } else {
      c = FindLedgerColumn(h);
    }
    if (c < 0) {
      sink.Warning(header_at, Tr("column {0}", table.header()[i]),
                   _("is not a ledger column; not imported"));
    } else if (cols[static_cast<std::size_t>(c)] >= 0) {
      sink.Error(header_at, Tr("column {0}", table.header()[i]),
                 // The field name (mapping files use it) in English; the ledger's
                 // own header of the column in Chinese.
                 Tr("names the {0} column again (first as {1})",
                    TranslationOn() ? columns[static_cast<std::size_t>(c)].header
                                    : columns[static_cast<std::size_t>(c)].field,
                    table.header()[static_cast<std::size_t>(cols[static_cast<std::size_t>(c)])]));
    } else {
      cols[static_cast<std::size_t>(c)] = static_cast<int>(i);
    }
  }
  if (options.mapping) {
    for (const auto& [header, c] : options.mapping->columns) {
      bool present = false;
      for (const auto& h : table.header()) present = present || NormalizeCell(h) == header;
      if (!present)
        sink.Warning({options.mapping->file, 0, 0}, "columns." + header,
                     Tr("the ledger has no column {0}; mapping not used", header));
    }
  }
  std::string missing;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].required && cols[c] < 0)
      missing += (missing.empty() ? "" : _(", ")) + columns[c].header;
  if (!missing.empty()) {
    std::string found;
    for (const auto& h : table.header()) found += (found.empty() ? "" : ",") + h;
    sink.Error(header_at, "", Tr("missing column(s) {0}; the header is: {1}", missing, found));
  }
  if (sink.has_errors()) {
    out.header_ok = false;
    out.error_count = sink.error_count();
    out.diagnostics = std::move(sink.items());
    return out;
  }

  const std::size_t width = table.header().size();
  const std::size_t total = table.rows().size();
  if (total == 0) {
    sink.Error(header_at, "", _("the ledger has no rows below its header"));
    out.header_ok = false;
    out.error_count = sink.error_count();
    out.diagnostics = std::move(sink.items());
    return out;
  }
  out.rows = total;
  std::unordered_map<std::string, std::size_t> seen;  // fingerprint → index in `cases`
  std::vector<LedgerCase> cases;
  cases.reserve(total);
  for (std::size_t r = 0; r < total; ++r) {
    const CsvRecord& row = table.rows()[r];
    const Location at{options.display_name, row.line, 0};
    const std::size_t errors_before = sink.error_count();
    const std::size_t items_before = sink.items().size();
    std::size_t extra = 0;
    for (std::size_t i = width; i < row.fields.size(); ++i)
      if (!TrimLedgerText(row.fields[i]).empty()) ++extra;
    if (row.fields.size() < width || extra > 0) {
      std::string msg =
          row.fields.size() < width
              ? Tr("the row has {0} cells; the header has {1} (a cell is missing or the row is cut "
                   "short)",
                   row.fields.size(), width)
              : Tr("the row has {0} cells; the header has {1} (an unquoted comma inside a cell?)",
                   row.fields.size(), width);
      sink.Error(at, "", msg);
      ++out.error_rows;
    } else {
      LedgerRow read = ReadLedgerRow(table, row, cols, settings, areas, orgs, options,
                                     static_cast<int>(r + 1), &sink);
      std::optional<Case>& c = read.record;
      if (read.errors > 0) {
        ++out.error_rows;
      } else if (c) {
        auto it = seen.find(c->import.fingerprint);
        if (it != seen.end()) {
          const LedgerCase& first = cases[it->second];
          sink.Warning(at, "",
                       Tr("same registration date, parties, category and summary as row {0} "
                          "(line {1}); imported once",
                          first.record.import.row, first.line));
          ++out.repeated;
        } else {
          seen.emplace(c->import.fingerprint, cases.size());
          if (c->migrated) ++out.migrated;
          cases.push_back({row.line, std::move(*c)});
        }
      }
    }
    if (sink.error_count() > errors_before) {
      LedgerReject reject{r, row.line, {}};
      for (std::size_t i = items_before; i < sink.items().size(); ++i)
        if (sink.items()[i].severity == Severity::kError) reject.errors.push_back(sink.items()[i]);
      out.rejected.push_back(std::move(reject));
    }
    if (options.progress) options.progress(r + 1, total);
  }
  out.error_count = sink.error_count();
  out.diagnostics = std::move(sink.items());
  if (out.error_count == 0 || options.keep_valid_rows) {
    out.cases = std::move(cases);
  } else {
    out.migrated = 0;
  }
  return out;
}

std::size_t DropAlreadyImported(std::vector<LedgerCase>* cases,
                                const std::unordered_set<std::string>& existing) {
  std::size_t before = cases->size();
  std::erase_if(*cases, [&](const LedgerCase& lc) {
    return existing.count(lc.record.import.fingerprint) > 0;
  });
  return before - cases->size();
}

std::string ImportCommitMessage(std::size_t count, const std::string& source_name) {
  return "import: " + Plural(count, "case", "cases") + " from " + source_name +
         "\n\nMediate-Action: import\nMediate-Source: " + source_name + "\n";
}

std::string GroupThousands(std::size_t n) {
  return GroupDigits(static_cast<std::int64_t>(n));  // counts stay far below 2^63
}

}  // namespace mediate