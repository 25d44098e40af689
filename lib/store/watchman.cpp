#include "watchman.hpp"

#include <mutex>
#include <utility>

#include "subprocess.hpp"

namespace mediate {
namespace {

using nlohmann::json;

std::mutex g_factory_mu;
std::function<std::unique_ptr<WatchmanClient>()> g_factory;

/// The error an answer holds ("error": "…"), or "" when none.
std::string AnswerError(const json& answer) {
  if (!answer.is_object()) return "the answer is not a JSON object";
  auto e = answer.find("error");
  if (e == answer.end()) return "";
  return e->is_string() ? e->get<std::string>() : e->dump();
}

Result<std::string> StringMember(const json& answer, const char* key, const char* what) {
  if (std::string err = AnswerError(answer); !err.empty())
    return Status::Io("watchman " + std::string(what) + ": " + err);
  auto v = answer.find(key);
  if (v == answer.end() || !v->is_string())
    return Status::Io("watchman " + std::string(what) + ": the answer has no \"" + key +
                      "\" string");
  return v->get<std::string>();
}

}  // namespace

Result<json> ProcessWatchmanClient::Call(const json& command) {
  ProcessOptions options;
  options.timeout_ms = timeout_ms_;
  options.discard_stderr = true;
  auto run = RunProcess({"watchman", "-j", "--no-pretty"}, command.dump(), options);
  if (!run.ok()) {
    if (run.status().kind() == ErrorKind::kNotFound)
      return Status::NotFound("watchman is not installed (not on PATH)");
    return run.status();
  }
  if (run->timed_out)
    return Status::Io("watchman did not answer within " + std::to_string(timeout_ms_) + " ms");
  json answer = json::parse(run->out, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded() || !answer.is_object()) {
    std::string how = run->signal != 0 ? "signal " + std::to_string(run->signal)
                                       : "exit status " + std::to_string(run->exit_code);
    return Status::Io("watchman gave no JSON answer (" + how + ")");
  }
  return answer;
}

std::unique_ptr<WatchmanClient> MakeWatchmanClient() {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  if (g_factory) return g_factory();
  return std::make_unique<ProcessWatchmanClient>();
}

void SetWatchmanClientFactoryForTesting(std::function<std::unique_ptr<WatchmanClient>()> factory) {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  g_factory = std::move(factory);
}

Result<WatchRoot> ParseWatchProject(const json& answer) {
  auto root = StringMember(answer, "watch", "watch-project");
  if (!root.ok()) return root.status();
  WatchRoot w;
  w.root = std::move(root.value());
  if (auto r = answer.find("relative_path"); r != answer.end()) {
    if (!r->is_string())
      return Status::Io("watchman watch-project: \"relative_path\" is not a string");
    w.relative_path = r->get<std::string>();
  }
  while (!w.relative_path.empty() && w.relative_path.back() == '/') w.relative_path.pop_back();
  return w;
}

Result<std::string> ParseClock(const json& answer) {
  return StringMember(answer, "clock", "clock");
}

Result<WatchmanChanges> ParseChanges(const json& answer) {
  auto clock = StringMember(answer, "clock", "query");
  if (!clock.ok()) return clock.status();
  WatchmanChanges c;
  c.clock = std::move(clock.value());
  if (auto f = answer.find("is_fresh_instance"); f != answer.end() && f->is_boolean())
    c.fresh_instance = f->get<bool>();
  auto files = answer.find("files");
  if (files == answer.end()) {
    if (c.fresh_instance) return c;  // nothing listed: everything counts as changed anyway
    return Status::Io("watchman query: the answer has no \"files\" list");
  }
  if (!files->is_array()) return Status::Io("watchman query: \"files\" is not a list");
  for (const auto& f : *files) {
    // With one field the server sends bare names; with several, objects.
    const json* name = &f;
    if (f.is_object()) {
      auto n = f.find("name");
      if (n == f.end()) return Status::Io("watchman query: a file without a \"name\"");
      name = &*n;
    }
    if (!name->is_string()) return Status::Io("watchman query: a file name that is not a string");
    const std::string& s = name->get_ref<const std::string&>();
    auto slash = s.find('/');
    if (slash == std::string::npos) continue;  // a year folder or a stray file in cases/
    auto second = s.find('/', slash + 1);
    c.changed.insert(second == std::string::npos ? s : s.substr(0, second));
  }
  return c;
}

Result<WatchRoot> WatchProject(WatchmanClient& client, const std::string& dir) {
  auto answer = client.Call(json::array({"watch-project", dir}));
  if (!answer.ok()) return answer.status();
  return ParseWatchProject(*answer);
}

Result<std::string> CurrentClock(WatchmanClient& client, const WatchRoot& root) {
  auto answer = client.Call(json::array({"clock", root.root, {{"sync_timeout", 4000}}}));
  if (!answer.ok()) return answer.status();
  return ParseClock(*answer);
}

Result<WatchmanChanges> ChangedCaseFolders(WatchmanClient& client, const WatchRoot& root,
                                           const std::string& since) {
  std::string cases = root.relative_path.empty() ? "cases" : root.relative_path + "/cases";
  json query = {{"since", since},
                {"relative_root", cases},
                {"fields", json::array({"name", "exists", "type"})},
                {"empty_on_fresh_instance", true},
                {"sync_timeout", 4000}};
  auto answer = client.Call(json::array({"query", root.root, query}));
  if (!answer.ok()) return answer.status();
  return ParseChanges(*answer);
}

}  // namespace mediate
