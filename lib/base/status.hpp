// Errors as values: the library never prints, throws across its API or exits.
//
// A `Status` carries a kind (which the CLI maps to an exit code),
// a one-line message, and zero or more `Diagnostic`s, each pointing at a
// place in an input (file:line:column, or file:row for ledgers) with the
// field and the value concerned. `Result<T>` is a value or a failed Status.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mediate {

/// What went wrong, coarse enough to choose an exit code.
enum class ErrorKind {
  kCheckFailed,  ///< a check (validate, audit, review check) found errors: exit 1
  kUsage,        ///< bad command line or filter: exit 2
  kRejected,     ///< invalid data, a forbidden step, nothing eligible: exit 3
  kNotFound,     ///< a named case/record does not exist: exit 3
  kBusy,         ///< store lock held, index.lock present, HEAD moved: exit 4
  kIo,           ///< a write, fsync or git operation failed: exit 4
  kInternal,     ///< a bug: exit 70
};

/// A place in an input. `line`/`column` are 1-based; 0 means unknown.
/// For ledgers `line` holds the data row number as people count it
/// (the ledger's header is row 1 in a spreadsheet; we report the file line).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file:line:column", "file:line" or "file" depending on what is known.
  std::string ToString() const;
};

enum class Severity { kError, kWarning };

/// One finding about an input: where, which field, which value, what is wrong.
struct Diagnostic {
  Severity severity = Severity::kError;
  Location where;
  std::string field;    ///< field path ("parties[0].id_number") or ledger column
  std::string message;  ///< what is wrong and, where possible, what would be right

  /// "file:line:col: field: message", or "file:line:col: warning: field:
  /// message" for a warning, the word "warning" in the interface's language
  /// (i18n.hpp: "…：警告：…"); the message as the library gave it.
  std::string ToString() const;
};

/// Success, or an error of some kind with a message and diagnostics.
class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status Error(ErrorKind kind, std::string message,
                      std::vector<Diagnostic> diagnostics = {});
  static Status Usage(std::string message) { return Error(ErrorKind::kUsage, std::move(message)); }
  static Status Rejected(std::string message, std::vector<Diagnostic> d = {}) {
    return Error(ErrorKind::kRejected, std::move(message), std::move(d));
  }
  static Status NotFound(std::string message) {
    return Error(ErrorKind::kNotFound, std::move(message));
  }
  static Status CheckFailed(std::string message, std::vector<Diagnostic> d = {}) {
    return Error(ErrorKind::kCheckFailed, std::move(message), std::move(d));
  }
  static Status Busy(std::string message) { return Error(ErrorKind::kBusy, std::move(message)); }
  static Status Io(std::string message) { return Error(ErrorKind::kIo, std::move(message)); }
  static Status Internal(std::string message) {
    return Error(ErrorKind::kInternal, std::move(message));
  }

  bool ok() const { return !error_.has_value(); }
  ErrorKind kind() const { return error_->kind; }
  /// The one-line summary; empty when ok.
  const std::string& message() const;
  /// Findings behind the error (possibly empty).
  const std::vector<Diagnostic>& diagnostics() const;
  /// Adds context in front of the message: "loading x: <message>".
  Status& Prefix(const std::string& context);

 private:
  struct Rep {
    ErrorKind kind;
    std::string message;
    std::vector<Diagnostic> diagnostics;
  };
  std::optional<Rep> error_;
};

/// A value of type T, or a failed Status. Accessing value() on an error is a
/// programming error (asserts).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  /// The error; Status::Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

/// Collects diagnostics while checking many things, so every error is
/// reported at once rather than the first only.
class DiagnosticSink {
 public:
  void Error(Location where, std::string field, std::string message);
  void Warning(Location where, std::string field, std::string message);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const std::vector<Diagnostic>& more);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }

  /// Ok when there are no errors; otherwise kRejected with `summary` and
  /// all diagnostics (warnings included, in the order they were added).
  Status ToStatus(const std::string& summary) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace mediate

/// Returns early from the enclosing function when `expr` (a Status) fails.
#define MEDIATE_RETURN_IF_ERROR(expr) \
  do {                                \
    ::mediate::Status _st = (expr);   \
    if (!_st.ok()) return _st;        \
  } while (0)
