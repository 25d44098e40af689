#include "schema.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "case_checks.hpp"
#include "embedded.hpp"
#include "i18n.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

bool IsInteger(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

/// A plain decimal fraction "1.5", "-0.25" (digits, one point, digits).
bool IsDecimalFraction(const std::string& s) {
  std::size_t dot = s.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == s.size() || s.size() > 18) return false;
  return IsInteger(s.substr(0, dot)) && IsInteger(s.substr(dot + 1)) && s[dot + 1] != '-';
}

/// Plain scalars become booleans or numbers only when they are exactly
/// `true`/`false`, a decimal integer or a decimal fraction (1.5, as in a
/// training's hours); everything else is a string.
nlohmann::json ToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull:
      return nullptr;
    case Value::Type::kScalar:
      if (!v.quoted()) {
        if (v.text() == "true") return true;
        if (v.text() == "false") return false;
        if (IsInteger(v.text())) return std::stoll(v.text());
        if (IsDecimalFraction(v.text())) return std::stod(v.text());
      }
      return v.text();
    case Value::Type::kSequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& item : v.items()) a.push_back(ToJson(item));
      return a;
    }
    case Value::Type::kMap: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, item] : v.entries()) o[k] = ToJson(item);
      return o;
    }
  }
  return nullptr;
}

struct LoadedSchemas {
  std::map<std::string, std::unique_ptr<valijson::Schema>> by_name;
  std::string problem;
};

const LoadedSchemas& Schemas() {
  static const LoadedSchemas kSchemas = [] {
    LoadedSchemas out;
    for (const auto& f : EmbeddedFiles()) {
      std::string name(f.name);
      if (name.find(".schema.yaml") == std::string::npos) continue;
      auto v = ParseYaml(f.text, "schemas/" + name);
      if (!v.ok()) {
        out.problem += "schemas/" + name + ": " + v.status().message() + "; ";
        continue;
      }
      nlohmann::json doc = ToJson(*v);
      auto schema = std::make_unique<valijson::Schema>();
      try {
        valijson::SchemaParser parser;
        valijson::adapters::NlohmannJsonAdapter adapter(doc);
        parser.populateSchema(adapter, *schema);
      } catch (const std::exception& e) {
        out.problem += "schemas/" + name + ": " + e.what() + "; ";
        continue;
      }
      out.by_name[name] = std::move(schema);
    }
    return out;
  }();
  return kSchemas;
}

/// valijson's context ["<root>", "[parties]", "[0]", "[name]"] → "parties[0].name".
std::string PathOf(const std::vector<std::string>& context) {
  std::string path;
  for (const auto& part : context) {
    if (part == "<root>" || part.size() < 2) continue;
    std::string inner = part.substr(1, part.size() - 2);
    bool index = !inner.empty() && IsInteger(inner);
    if (index) {
      path += "[" + inner + "]";
    } else {
      if (!path.empty()) path += ".";
      path += inner;
    }
  }
  return path;
}

/// What the record holds where the schema objected: "; found \"abc\"",
/// "; found a list", … ("" at the record itself).
std::string Found(const Value* v) {
  if (!v) return "";
  switch (v->type()) {
    case Value::Type::kNull:
      return _("; found an empty value");
    case Value::Type::kScalar: {
      std::string text = v->text();
      if (text.size() > 60) {
        std::size_t cut = 60;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "…";
      }
      return v->quoted() ? Tr("; found \"{0}\"", text) : Tr("; found {0}", text);
    }
    case Value::Type::kSequence:
      return _("; found a list");
    case Value::Type::kMap:
      return _("; found a map");
  }
  return "";
}

/// valijson's description of a problem (valijson/validation_visitor.hpp) in
/// the interface's language. The descriptions the store's schemas can give
/// are marked here with valijson's own English, so English output is
/// valijson's; any other description is passed on as it is.
std::string Described(const std::string& description) {
  static constexpr const char* kFixed[] = {
      N_("Value type not permitted by 'type' constraint."),
      N_("Failed to match against any enum values."),
      N_("Failed to match regex specified by 'pattern' constraint."),
      N_("Failed to match expected value set by 'const' constraint."),
      N_("String should be a valid date"),
      N_("String should be a valid date-time"),
  };
  for (const char* fixed : kFixed)
    if (description == fixed) return _(fixed);
  const std::string missing = "Missing required property '";
  if (description.rfind(missing, 0) == 0 && description.size() > missing.size() + 2 &&
      description.compare(description.size() - 2, 2, "'.") == 0)
    return Tr("Missing required property '{0}'.",
              description.substr(missing.size(), description.size() - missing.size() - 2));
  return description;
}

}  // namespace

std::vector<std::string> SchemaNames() {
  std::vector<std::string> names;
  for (const auto& [n, s] : Schemas().by_name) names.push_back(n);
  return names;
}

void CheckSchema(const Value& root, const std::string& schema_name, const std::string& file,
                 DiagnosticSink* sink) {
  const LoadedSchemas& schemas = Schemas();
  auto it = schemas.by_name.find(schema_name);
  if (it == schemas.by_name.end()) {
    sink->Error({file, 0, 0}, "", Tr("internal: no schema {0} {1}", schema_name, schemas.problem));
    return;
  }
  nlohmann::json doc = ToJson(root);
  valijson::adapters::NlohmannJsonAdapter adapter(doc);
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(*it->second, adapter, &results)) return;
  valijson::ValidationResults::Error error;
  std::map<std::string, std::string> seen;  // path → first specific message
  while (results.popError(error)) {
    // Container errors ("Failed to validate item #0 …") repeat what the
    // specific error below them says.
    if (error.description.rfind("Failed to validate", 0) == 0) continue;
    std::string path = PathOf(error.context);
    if (seen.count(path) && seen[path] == error.description) continue;
    seen[path] = error.description;
    std::string message = Described(error.description);
    if (!path.empty()) {
      std::string found = Found(FieldAt(root, path));
      if (!found.empty() && !message.empty() && message.back() == '.') message.pop_back();
      message += found;
    }
    sink->Error(LocateField(root, file, path), path.empty() ? _("(record)") : path,
                message + " (" + schema_name + ")");
  }
}

}  // namespace mediate
