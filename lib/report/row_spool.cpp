#include "row_spool.hpp"
#include "i18n.hpp"

#include <algorithm>
#include <cstring>

namespace mediate {
namespace {

// A row is encoded as its number of cells, then each cell: a tag byte,
// then for text its length and bytes, for an integer or a real its 8
// bytes (native order: the file never leaves the process).
enum Tag : char { kEmpty = 0, kText = 1, kInt = 2, kReal = 3 };

void PutLength(std::string* out, std::uint64_t n) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

bool GetLength(std::string_view* in, std::uint64_t* n) {
  *n = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

template <typename T>
void PutRaw(std::string* out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

template <typename T>
bool GetRaw(std::string_view* in, T* v) {
  if (in->size() < sizeof(T)) return false;
  std::memcpy(v, in->data(), sizeof(T));
  in->remove_prefix(sizeof(T));
  return true;
}

void Encode(const std::vector<Cell>& row, std::string* out) {
  PutLength(out, row.size());
  for (const Cell& cell : row) {
    if (const std::string* s = std::get_if<std::string>(&cell)) {
      out->push_back(kText);
      PutLength(out, s->size());
      out->append(*s);
    } else if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
      out->push_back(kInt);
      PutRaw(out, *i);
    } else if (const double* d = std::get_if<double>(&cell)) {
      out->push_back(kReal);
      PutRaw(out, *d);
    } else {
      out->push_back(kEmpty);
    }
  }
}

/// False when `in` is not a row Encode wrote (a torn scratch file).
bool Decode(std::string_view in, std::vector<Cell>* row) {
  std::uint64_t n = 0;
  if (!GetLength(&in, &n) || n > in.size()) return false;
  row->clear();
  row->reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) {
    if (in.empty()) return false;
    char tag = in.front();
    in.remove_prefix(1);
    switch (tag) {
      case kEmpty:
        row->emplace_back(std::monostate{});
        break;
      case kText: {
        std::uint64_t len = 0;
        if (!GetLength(&in, &len) || len > in.size()) return false;
        row->emplace_back(std::string(in.substr(0, len)));
        in.remove_prefix(len);
        break;
      }
      case kInt: {
        std::int64_t v = 0;
        if (!GetRaw(&in, &v)) return false;
        row->emplace_back(v);
        break;
      }
      case kReal: {
        double v = 0;
        if (!GetRaw(&in, &v)) return false;
        row->emplace_back(v);
        break;
      }
      default:
        return false;
    }
  }
  return in.empty();
}

}  // namespace

RowSpool::RowSpool(std::string scratch_dir, std::size_t memory_limit)
    : scratch_dir_(std::move(scratch_dir)), memory_limit_(memory_limit) {}

Status RowSpool::Add(std::string_view key, const std::vector<Cell>& row) {
  const std::uint64_t spilled = spilled_ ? spilled_->size() : 0;
  const std::size_t start = buffer_.size();
  Encode(row, &buffer_);
  entries_.push_back(
      Entry{std::string(key), spilled + start, static_cast<std::uint32_t>(buffer_.size() - start)});
  if (buffer_.size() < memory_limit_) return Status::Ok();
  if (!spilled_) {
    auto file = ScratchFile::Create(scratch_dir_);
    if (!file.ok()) return file.status();
    spilled_.emplace(std::move(file.value()));
  }
  MEDIATE_RETURN_IF_ERROR(spilled_->Append(buffer_));
  buffer_.clear();
  return Status::Ok();
}

Status RowSpool::ForEachSorted(const std::function<Status(const std::vector<Cell>&)>& visit) {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.key < b.key; });
  const std::uint64_t spilled = spilled_ ? spilled_->size() : 0;
  std::string bytes;
  std::vector<Cell> row;
  for (const Entry& e : entries_) {
    std::string_view encoded;
    if (e.offset < spilled) {
      MEDIATE_RETURN_IF_ERROR(spilled_->ReadAt(e.offset, e.size, &bytes));
      encoded = bytes;
    } else {
      encoded = std::string_view(buffer_).substr(e.offset - spilled, e.size);
    }
    if (!Decode(encoded, &row))
      return Status::Io(Tr("a temporary file in {0} does not read back as written", scratch_dir_));
    MEDIATE_RETURN_IF_ERROR(visit(row));
  }
  return Status::Ok();
}

}  // namespace mediate
