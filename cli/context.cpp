#include <unistd.h>

#include <cstdlib>

#include "command.hpp"
#include "i18n.hpp"
#include "remote_access.hpp"

namespace mediate::cli {

Result<Signature> Context::Operator() const {
  std::string fallback_email;
  std::optional<std::string> git_name;
  if (store) {
    fallback_email = StoreConfigString(store->root(), "user.email").value_or("");
    git_name = StoreConfigString(store->root(), "user.name");
  }
  std::string text = global.as;
  if (text.empty()) {
    if (const char* env = std::getenv("MEDIATE_USER"); env && *env) text = env;
  }
  if (text.empty() && git_name) text = *git_name;
  if (text.empty())
    return Status::Usage(
        _("who is making this change? give --as \"Name <email>\", set MEDIATE_USER, or set git "
          "config user.name and user.email"));
  auto sig = Signature::Parse(text, fallback_email);
  if (!sig) return Status::Usage(Tr("operator \"{0}\" is not like \"Name <email>\"", text));
  if (sig->email.empty()) sig->email = "unknown@localhost";
  return *sig;
}

Timestamp Context::Now() const {
  Timestamp t = (clock ? *clock : DefaultClock()).Now();
  if (store) return store->settings().time_zone.ToLocal(t);
  return t;
}

Date Context::Today() const {
  Timestamp t = Now();
  if (store) return store->settings().time_zone.LocalDate(t);
  return Date::FromDays(static_cast<std::int32_t>(t.unix_seconds / 86400));
}

bool Context::ErrIsTerminal() const { return isatty(fileno(err)) != 0; }

std::string Context::Program() const {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("mediate");
}

Status Context::OpenPersonalData() {
  if (!store || !store->Encrypted()) return Status::Ok();
  auto keys = store->Keys();
  return keys.ok() ? Status::Ok() : keys.status();
}

Result<StoreWrite*> Context::Writer() {
  if (!write) {
    auto dry = StoreWrite::DryRun(*store, Today(), write_options);
    if (!dry.ok()) return dry.status();
    write.emplace(std::move(dry.value()));
  }
  return &*write;
}

Result<StoreWrite*> Context::BeginWrite(const std::string& what) {
  auto op = Operator();
  if (!op.ok()) return op.status();
  WriteOptions wo = write_options;
  wo.holder = what + " by " + op->ToString();
  auto w = StoreWrite::Begin(*store, wo, Today());
  if (!w.ok()) return w.status();
  write.emplace(std::move(w.value()));
  // In a clone, a desk whose reserved numbers run short reserves more from
  // the district's server when it is in reach (docs/offices.md).
  ReserveOptions reserve;
  reserve.access = RemoteAccessFromEnvironment();
  reserve.author = *op;
  reserve.now = Now();
  reserve.today = Today();
  reserve.office = write->office();
  write->SetNumberReserver(OnlineReserver(store->root(), std::move(reserve)));
  return &*write;
}

Status Emit(Context& ctx, const Table& table, Format format, const std::string& xlsx_path,
            const std::string& sheet) {
  if (format == Format::kXlsx) {
    if (xlsx_path.empty())
      return Status::Usage(_("--format xlsx needs an output file: -o FILE.xlsx"));
    return WriteXlsx(table, xlsx_path, sheet);
  }
  std::string text = Render(table, format);
  std::fwrite(text.data(), 1, text.size(), ctx.out);
  return Status::Ok();
}

void PrintStatus(std::FILE* err, const Status& status) {
  for (const auto& d : status.diagnostics()) std::fprintf(err, "%s\n", d.ToString().c_str());
  if (!status.message().empty()) std::fprintf(err, "%s\n", status.message().c_str());
}

void PrintWarnings(std::FILE* err, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::kWarning) std::fprintf(err, "%s\n", d.ToString().c_str());
}

}  // namespace mediate::cli
