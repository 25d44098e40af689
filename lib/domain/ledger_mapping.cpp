#include "ledger_mapping.hpp"

#include "i18n.hpp"
#include "ledger_columns.hpp"
#include "text_input.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

std::string FieldList() {
  std::string s;
  for (const LedgerColumn& c : LedgerColumns()) {
    std::string f = c.field;
    for (char& ch : f)
      if (ch == ' ') ch = '_';
    s += (s.empty() ? "" : ", ") + f;
  }
  return s;
}

class MappingReader {
 public:
  MappingReader(const std::string& file, const Vocabulary& vocab, DiagnosticSink* sink)
      : file_(file), vocab_(vocab), sink_(sink) {}

  void Error(const Value& at, const std::string& path, std::string message) {
    sink_->Error({file_, at.mark().line, at.mark().column}, path, std::move(message));
  }

  void Columns(const Value& v, LedgerMapping* m) {
    if (!v.is_map()) {
      if (!v.is_null()) Error(v, "columns", _("a map of ledger header → field is expected"));
      return;
    }
    std::map<int, std::string> taken;  // column → header that took it
    for (const auto& [header, target] : v.entries()) {
      const std::string path = "columns." + header;
      std::string h = NormalizeCell(header);
      if (h.empty()) {
        Error(target, path, _("a blank header cannot be mapped"));
        continue;
      }
      if (!target.is_scalar() || target.text().empty()) {
        Error(target, path,
              Tr("the field this column fills is expected ({0}, or ignore)", FieldList()));
        continue;
      }
      int col = -1;
      if (NormalizeCell(target.text()) != "ignore") {
        col = FindLedgerColumn(target.text());
        if (col < 0) {
          Error(target, path,
                Tr("unknown field \"{0}\"; fields: {1}, ignore", target.text(), FieldList()));
          continue;
        }
        if (auto it = taken.find(col); it != taken.end()) {
          Error(target, path,
                Tr("maps a second header to {0} (first: {1})", LedgerColumns()[col].field,
                   it->second));
          continue;
        }
        taken.emplace(col, header);
      }
      m->columns[h] = col;
    }
  }

  void Values(const Value& v, LedgerMapping* m) {
    if (!v.is_map()) {
      if (!v.is_null()) Error(v, "values", Tr("a map of field → {{value → code}} is expected"));
      return;
    }
    for (const auto& [field, table] : v.entries()) {
      const std::string path = "values." + field;
      int col = FindLedgerColumn(field);
      if (col < 0) {
        Error(table, path, Tr("unknown field \"{0}\"; fields: {1}", field, FieldList()));
        continue;
      }
      if (!table.is_map()) {
        Error(table, path, _("a map of value as written → code is expected"));
        continue;
      }
      const std::string& vocab_name = LedgerColumns()[col].vocab;
      const VocabList* list = vocab_name.empty() ? nullptr : &vocab_.Get(vocab_name);
      auto& out = m->values[col];
      for (const auto& [written, code] : table.entries()) {
        const std::string item = path + "." + written;
        if (!code.is_scalar()) {
          Error(code, item, _("a code is expected"));
          continue;
        }
        if (list && !list->Has(code.text())) {
          Error(code, item,
                Tr("unknown {0} code \"{1}\"; codes: {2}", vocab_name, code.text(),
                   list->CodeList()));
          continue;
        }
        out[NormalizeCell(written)] = code.text();
      }
    }
  }

 private:
  const std::string& file_;
  const Vocabulary& vocab_;
  DiagnosticSink* sink_;
};

}  // namespace

bool LedgerMapping::MapColumn(std::string_view header, int* column) const {
  auto it = columns.find(NormalizeCell(header));
  if (it == columns.end()) return false;
  *column = it->second;
  return true;
}

const std::string* LedgerMapping::MapValue(int column, std::string_view cell) const {
  auto t = values.find(column);
  if (t == values.end()) return nullptr;
  auto it = t->second.find(NormalizeCell(cell));
  return it == t->second.end() ? nullptr : &it->second;
}

Result<LedgerMapping> ParseLedgerMapping(std::string_view yaml, const std::string& file,
                                         const Vocabulary& vocab) {
  auto root = ParseYaml(yaml, file);
  if (!root.ok()) {
    Status st = root.status();
    if (st.diagnostics().empty()) return Status::Rejected(file + ": " + st.message());
    return Status::Rejected(Tr("{0} is not a readable mapping file", file), st.diagnostics());
  }
  DiagnosticSink sink;
  LedgerMapping m;
  m.file = file;
  MappingReader r(file, vocab, &sink);
  if (!root->is_map()) {
    r.Error(*root, "", _("a map with `columns` and/or `values` is expected"));
  } else {
    for (const auto& [key, v] : root->entries()) {
      if (key == "columns")
        r.Columns(v, &m);
      else if (key == "values")
        r.Values(v, &m);
      else
        r.Error(v, key, _("unknown key; a mapping has `columns` and `values`"));
    }
  }
  if (sink.has_errors())
    return sink.ToStatus(Tr("{0} is not a valid mapping; nothing was imported", file));
  return m;
}

}  // namespace mediate
