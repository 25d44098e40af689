#include <catch2/catch.hpp>

#include "status.hpp"

using namespace mediate;

TEST_CASE("Diagnostic renders file:line:col, field and message") {
  Diagnostic d{Severity::kError, {"cases/a.yaml", 7, 1}, "category", "duplicate key"};
  CHECK(d.ToString() == "cases/a.yaml:7:1: category: duplicate key");
  Diagnostic w{Severity::kWarning, {"l.csv", 45, 0}, "", "odd"};
  CHECK(w.ToString() == "l.csv:45: warning: odd");
}

TEST_CASE("DiagnosticSink reports all errors, ignores warnings for ok-ness") {
  DiagnosticSink sink;
  sink.Warning({}, "x", "w");
  CHECK(sink.ToStatus("bad").ok());
  sink.Error({"f", 1, 2}, "y", "e");
  Status s = sink.ToStatus("1 error");
  REQUIRE_FALSE(s.ok());
  CHECK(s.kind() == ErrorKind::kRejected);
  CHECK(s.diagnostics().size() == 2);
}
