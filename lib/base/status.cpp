#include "status.hpp"

#include <cassert>

#include "i18n.hpp"

namespace mediate {

std::string Location::ToString() const {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

std::string Diagnostic::ToString() const {
  const std::string where_s = where.ToString();
  const std::string what = field.empty() ? message : field + ": " + message;
  if (severity == Severity::kWarning)
    return where_s.empty() ? Tr("warning: {0}", what) : Tr("{0}: warning: {1}", where_s, what);
  return where_s.empty() ? what : where_s + ": " + what;
}

Status Status::Error(ErrorKind kind, std::string message, std::vector<Diagnostic> diagnostics) {
  Status s;
  s.error_ = Rep{kind, std::move(message), std::move(diagnostics)};
  return s;
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return error_ ? error_->message : kEmpty;
}

const std::vector<Diagnostic>& Status::diagnostics() const {
  static const std::vector<Diagnostic> kNone;
  return error_ ? error_->diagnostics : kNone;
}

Status& Status::Prefix(const std::string& context) {
  if (error_) error_->message = context + ": " + error_->message;
  return *this;
}

void DiagnosticSink::Error(Location where, std::string field, std::string message) {
  items_.push_back({Severity::kError, std::move(where), std::move(field), std::move(message)});
}

void DiagnosticSink::Warning(Location where, std::string field, std::string message) {
  items_.push_back({Severity::kWarning, std::move(where), std::move(field), std::move(message)});
}

void DiagnosticSink::Append(const std::vector<Diagnostic>& more) {
  items_.insert(items_.end(), more.begin(), more.end());
}

bool DiagnosticSink::has_errors() const { return error_count() > 0; }

std::size_t DiagnosticSink::error_count() const {
  std::size_t n = 0;
  for (const auto& d : items_) n += d.severity == Severity::kError;
  return n;
}

std::size_t DiagnosticSink::warning_count() const { return items_.size() - error_count(); }

Status DiagnosticSink::ToStatus(const std::string& summary) const {
  if (!has_errors()) return Status::Ok();
  return Status::Rejected(summary, items_);
}

}  // namespace mediate
