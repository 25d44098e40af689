#include "number_blocks.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "i18n.hpp"
#include "schema_version.hpp"
#include "yaml_emit.hpp"
#include "yaml_io.hpp"

namespace mediate {

namespace {

constexpr const char* kSchema = "numbers/1";

/// `text` as a whole number ≥ 1, or nullopt.
std::optional<int> PositiveInt(const std::string& text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1) return std::nullopt;
  return n;
}

std::string Text(const Value& map, std::string_view key) {
  const Value* v = map.Find(key);
  return v && v->is_scalar() ? v->text() : "";
}

Value BlockValue(const NumberBlock& b) {
  Value v = Value::Map();
  v.Set("series", Value::String(b.series));
  v.Set("first", Value::Int(b.first));
  v.Set("last", Value::Int(b.last));
  v.Set("desk", Value::String(b.desk));
  v.SetIfNotEmpty("by", b.by);
  v.SetIfNotEmpty("at", b.at);
  return v.set_flow();
}

}  // namespace

SeriesPolicy PolicyOf(const std::string& series) {
  const std::string kind = series.substr(0, series.find('/'));
  if (kind == "training" || kind == "mediator") return {5, 1};
  return {20, 10};
}

std::string CaseSeries(const std::string& office, int year) {
  return "case/" + office + "/" + std::to_string(year);
}

std::string ConsultationSeries(const std::string& office, int year) {
  return "consultation/" + office + "/" + std::to_string(year);
}

std::string TrainingSeries(int year) { return "training/" + std::to_string(year); }

std::string MediatorSeries() { return "mediator"; }

std::string SeriesId(const std::string& series, int n) {
  const std::size_t a = series.find('/');
  const std::string kind = series.substr(0, a);
  if (kind == "mediator") return PaddedNumber("M-", n, 4);
  if (a == std::string::npos) return "";
  const std::string rest = series.substr(a + 1);
  if (kind == "training") return PaddedNumber("T-" + rest + "-", n, 3);
  const std::size_t b = rest.find('/');
  if (b == std::string::npos) return "";
  const std::string office = rest.substr(0, b), year = rest.substr(b + 1);
  if (kind == "case") return PaddedNumber(office + "-" + year + "-", n, 6);
  if (kind == "consultation") return PaddedNumber(office + "-ZX-" + year + "-", n, 6);
  return "";
}

Result<NumberBlocks> ParseNumberBlocks(const std::string& text, const std::string& file) {
  NumberBlocks record;
  record.root.Set("schema", Value::String(kSchema));
  record.root.Set("blocks", Value::Sequence());
  if (text.empty()) return record;
  auto root = ParseYaml(text, file);
  if (!root.ok()) return root.status();
  if (!root->is_map())
    return Status::Rejected(Tr("{0}: the record of reserved numbers is not a map", file));
  const std::string schema = Text(*root, "schema");
  if (schema != kSchema)
    return Status::Rejected(Tr("{0}: schema: {1}", file, SchemaMismatchMessage(schema, kSchema)));
  std::vector<Diagnostic> errors;
  const Value* blocks = root->Find("blocks");
  if (blocks && !blocks->is_sequence() && !blocks->is_null())
    errors.push_back({Severity::kError,
                      {file, blocks->mark().line, blocks->mark().column},
                      "blocks",
                      _("must be a list of blocks")});
  if (blocks && blocks->is_sequence()) {
    for (std::size_t i = 0; i < blocks->items().size(); ++i) {
      const Value& item = blocks->items()[i];
      const std::string where = "blocks[" + std::to_string(i) + "]";
      const Location at{file, item.mark().line, item.mark().column};
      NumberBlock b;
      b.series = Text(item, "series");
      b.desk = Text(item, "desk");
      b.by = Text(item, "by");
      b.at = Text(item, "at");
      auto first = PositiveInt(Text(item, "first"));
      auto last = PositiveInt(Text(item, "last"));
      if (b.series.empty())
        errors.push_back({Severity::kError, at, where + ".series", _("is required")});
      if (b.desk.empty())
        errors.push_back({Severity::kError, at, where + ".desk", _("is required")});
      if (!first || !last || *last < *first) {
        errors.push_back({Severity::kError, at, where,
                          Tr("first \"{0}\" and last \"{1}\" must be whole numbers with 1 ≤ "
                             "first ≤ last",
                             Text(item, "first"), Text(item, "last"))});
        continue;
      }
      b.first = *first;
      b.last = *last;
      record.blocks.push_back(std::move(b));
    }
  }
  if (!errors.empty())
    return Status::Rejected(
        Tr("{0}: the record of reserved numbers has errors; have the district centre restore it "
           "from the server's history (git log mediate/numbers)",
           file),
        std::move(errors));
  record.root = std::move(*root);
  if (!record.root.Find("blocks") || record.root.Find("blocks")->is_null())
    record.root.Set("blocks", Value::Sequence());
  return record;
}

std::string EmitNumberBlocks(const NumberBlocks& record) { return EmitYaml(record.root); }

void AddNumberBlock(NumberBlocks* record, const NumberBlock& block) {
  record->blocks.push_back(block);
  Value* list = record->root.Find("blocks");
  if (!list || !list->is_sequence()) list = &record->root.Set("blocks", Value::Sequence());
  list->Append(BlockValue(block));
}

std::vector<int> FreeNumbers(const NumberBlocks& record, const std::string& series,
                             const std::string& desk, const std::set<int>& used,
                             std::size_t count) {
  std::vector<int> out;
  for (const auto& b : record.blocks) {
    if (b.series != series || b.desk != desk) continue;
    for (int n = b.first; n <= b.last && out.size() < count; ++n)
      if (!used.count(n)) out.push_back(n);
    if (out.size() == count) break;
  }
  return out;
}

int FreeNumberCount(const NumberBlocks& record, const std::string& series, const std::string& desk,
                    const std::set<int>& used) {
  int free = 0;
  for (const auto& b : record.blocks) {
    if (b.series != series || b.desk != desk) continue;
    auto from = used.lower_bound(b.first), to = used.upper_bound(b.last);
    free += (b.last - b.first + 1) - static_cast<int>(std::distance(from, to));
  }
  return free;
}

NumberBlock NextNumberBlock(const NumberBlocks& record, const std::string& series,
                            const std::string& desk, int highest_used, const std::string& by,
                            const std::string& at, int size) {
  int highest = std::max(highest_used, 0);
  for (const auto& b : record.blocks)
    if (b.series == series) highest = std::max(highest, b.last);
  NumberBlock b;
  b.series = series;
  b.first = highest + 1;
  b.last = highest + (size > 0 ? size : PolicyOf(series).block);
  b.desk = desk;
  b.by = by;
  b.at = at;
  return b;
}

std::optional<int> NumberAfter(const std::string& id, const std::string& prefix) {
  if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return PositiveInt(id.substr(prefix.size()));
}

std::set<int> NumbersAfter(const std::vector<std::string>& ids, const std::string& prefix) {
  std::set<int> out;
  for (const auto& id : ids)
    if (auto n = NumberAfter(id, prefix)) out.insert(*n);
  return out;
}

std::string PaddedNumber(const std::string& prefix, int n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return prefix + digits;
}

bool FindOverlap(const NumberBlocks& record, std::string* clash) {
  std::map<std::string, std::vector<const NumberBlock*>> by_series;
  for (const auto& b : record.blocks) by_series[b.series].push_back(&b);
  for (auto& [series, list] : by_series) {
    std::sort(list.begin(), list.end(),
              [](const NumberBlock* a, const NumberBlock* b) { return a->first < b->first; });
    for (std::size_t i = 1; i < list.size(); ++i) {
      if (list[i]->first > list[i - 1]->last) continue;
      if (clash)
        *clash = series + " " + std::to_string(list[i - 1]->first) + "-" +
                 std::to_string(list[i - 1]->last) + " (" + list[i - 1]->desk + ") / " +
                 std::to_string(list[i]->first) + "-" + std::to_string(list[i]->last) + " (" +
                 list[i]->desk + ")";
      return true;
    }
  }
  return false;
}

}  // namespace mediate
