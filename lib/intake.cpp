#include "intake.hpp"

#include <cctype>

#include "lifecycle.hpp"
#include "pii.hpp"

namespace mediate {

Result<Case> RegisterCase(Case c, const std::string& id, const Timestamp& now, const Signature& op,
                          const std::string& channel, const CheckContext& ctx,
                          std::vector<Diagnostic>* warnings) {
  c.id = id;
  if (!c.received.valid()) c.received = now;
  for (Party& p : c.parties) {
    if (!p.id_number.empty()) {
      IdNumberCheck chk = CheckCitizenId(p.id_number);
      if (chk.valid) p.id_number = chk.normalized;
    }
    if (!p.credit_code.empty()) {
      for (char& ch : p.credit_code)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
  }
  Event received;
  received.at = c.received;
  received.type = "received";
  received.by = op.ToString();
  if (!channel.empty()) received.payload.Set("channel", Value::String(channel));
  c.events.clear();
  c.events.push_back(std::move(received));
  c.state = Replay(c, *ctx.settings).state;

  DiagnosticSink sink;
  CheckCase(c, Value(), "intake", ctx, &sink);
  if (warnings)
    for (const auto& d : sink.items())
      if (d.severity == Severity::kWarning) warnings->push_back(d);
  if (sink.has_errors()) {
    std::vector<Diagnostic> errors;
    for (const auto& d : sink.items())
      if (d.severity == Severity::kError) errors.push_back(d);
    return Status::Rejected(std::to_string(errors.size()) + " error(s); nothing was registered",
                            std::move(errors));
  }
  return c;
}

std::string IntakeCommitMessage(const Case& c, const std::string& category_label) {
  return "intake: " + c.id + " " + category_label +
         "\n\nMediate-Action: intake\nMediate-Case: " + c.id + "\n";
}

}  // namespace mediate
