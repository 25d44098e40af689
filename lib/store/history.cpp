#include "history.hpp"

#include <algorithm>

#include "git_repo.hpp"
#include "i18n.hpp"
#include "personal_fields.hpp"
#include "timeline.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

/// An event type as the interface names it: its Chinese label when
/// translation is on (routed → 分流), else the code.
std::string EventText(const std::string& type) {
  if (!TranslationOn()) return type;
  auto kind = ParseEventKind(type);
  return kind ? InfoOf(*kind).zh : type;
}

std::string Show(const Value* v) {
  if (!v || v->is_null()) return "–";
  if (v->is_scalar()) return v->text();
  if (v->is_sequence()) {
    std::string s = "[";
    for (std::size_t i = 0; i < v->items().size(); ++i) {
      if (i) s += ", ";
      s += Show(&v->items()[i]);
    }
    return s + "]";
  }
  std::string s = "{";
  for (std::size_t i = 0; i < v->entries().size(); ++i) {
    if (i) s += ", ";
    s += v->entries()[i].first + ": " + Show(&v->entries()[i].second);
  }
  return s + "}";
}

std::string Trailer(const std::string& message, const std::string& key) {
  std::string needle = "\n" + key + ": ";
  auto pos = message.find(needle);
  if (pos == std::string::npos) return {};
  pos += needle.size();
  auto end = message.find('\n', pos);
  return message.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
}

}  // namespace

std::vector<FieldChange> DiffRecords(const Value& before, const Value& after) {
  std::vector<FieldChange> out;
  auto consider = [&](const std::string& key) {
    const Value* b = before.is_map() ? before.Find(key) : nullptr;
    const Value* a = after.is_map() ? after.Find(key) : nullptr;
    if (b && a && b->SameAs(*a)) return;
    if (!b && !a) return;
    if (key == "events" && a && a->is_sequence()) {
      std::size_t old_n = b && b->is_sequence() ? b->items().size() : 0;
      std::string added;
      bool append_only = old_n <= a->items().size();
      for (std::size_t i = 0; append_only && i < old_n; ++i)
        append_only = b->items()[i].SameAs(a->items()[i]);
      if (append_only) {
        for (std::size_t i = old_n; i < a->items().size(); ++i) {
          const Value* t = a->items()[i].Find("type");
          added += (added.empty() ? "" : _(", ")) + (t ? EventText(t->text()) : std::string("?"));
        }
        out.push_back({"events", "", "+ " + added});
        return;
      }
      const std::size_t n = a->items().size();
      out.push_back({"events", _("(rewritten)"), TrN("{0} event", "{0} events", n, n)});
      return;
    }
    out.push_back({key, Show(b), Show(a)});
  };
  std::vector<std::string> keys;
  for (const Value* v : {&after, &before})
    if (v->is_map())
      for (const auto& [k, val] : v->entries())
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  for (const auto& k : keys) consider(k);
  return out;
}

std::vector<FieldChange> AmendedChanges(const Value& before, const Value& after) {
  std::vector<FieldChange> out;
  const Value* a = after.is_map() ? after.Find("events") : nullptr;
  const Value* b = before.is_map() ? before.Find("events") : nullptr;
  if (!a || !a->is_sequence()) return out;
  std::size_t old_n = b && b->is_sequence() ? b->items().size() : 0;
  for (std::size_t i = old_n; i < a->items().size(); ++i) {
    const Value& e = a->items()[i];
    const Value* type = e.Find("type");
    const Value* changes = e.Find("changes");
    if (!type || type->text() != "amended" || !changes || !changes->is_sequence()) continue;
    for (const Value& ch : changes->items()) {
      const Value* field = ch.Find("field");
      if (!field) continue;
      auto side = [&](const char* key) {
        const Value* v = ch.Find(key);
        return v && !v->text().empty() ? v->text() : std::string("–");
      };
      out.push_back({field->text(), side("from"), side("to")});
    }
  }
  return out;
}

Result<std::vector<HistoryEntry>> RecordHistory(const Store& store, const std::string& path,
                                                bool reveal) {
  auto opened = GitRepo::Open(store.root());
  if (!opened.ok()) return opened.status();
  const GitRepo& repo = *opened;
  // The commits of `path`, then, across each renumber, of the path before.
  std::vector<CommitInfo> commits;
  std::vector<std::string> paths;   // parallel: the record's path in each
  std::string at = path, renumber;  // renumber: the commit the older path's history ends at
  for (int hop = 0; hop < 64; ++hop) {
    auto log = repo.Log(at);
    if (!log.ok()) return log.status();
    auto it = log->begin();
    if (!renumber.empty()) {
      while (it != log->end() && it->id != renumber) ++it;
      if (it != log->end()) ++it;  // the renumber commit itself is already listed
    }
    for (; it != log->end(); ++it) {
      commits.push_back(*it);
      paths.push_back(at);
    }
    if (commits.empty()) break;
    std::string from = Trailer(commits.back().message, kRenumberedFromTrailer);
    if (from.empty() || paths.back() != at || from == at) break;
    renumber = commits.back().id;
    at = from;
  }
  if (commits.empty()) return Status::NotFound(Tr("no commit touched {0}", path));
  const std::vector<CommitInfo>* log = &commits;
  std::vector<Value> versions;
  for (std::size_t k = 0; k < commits.size(); ++k) {
    const CommitInfo& c = commits[k];
    auto text = repo.ReadAt(c.id, paths[k]);
    if (!text.ok()) return text.status();
    Value v;
    if (text->has_value()) {
      auto parsed = ParseYaml(**text, paths[k]);
      if (parsed.ok()) v = std::move(parsed.value());
    }
    versions.push_back(std::move(v));
  }
  std::vector<HistoryEntry> out;
  for (std::size_t i = 0; i < log->size(); ++i) {
    HistoryEntry e;
    const CommitInfo& c = (*log)[i];
    e.commit = {c.id, c.short_id, c.time, c.offset_minutes, c.author, c.message, c.summary};
    e.action = Trailer(e.commit.message, "Mediate-Action");
    if (e.action.empty()) {
      e.action = e.commit.summary.substr(0, e.commit.summary.find_first_of(": "));
    }
    const Value& after = versions[i];
    bool has_before = i + 1 < log->size();
    e.created = !has_before;
    e.deleted = after.is_null();
    if (has_before && !after.is_null()) {
      e.changes = DiffRecords(versions[i + 1], after);
      std::vector<FieldChange> listed = AmendedChanges(versions[i + 1], after);
      if (!listed.empty()) {
        // The amended events name the fields they changed: "place.community",
        // "parties[1].phone"; those lines replace the top-level "place" and
        // "parties" lines.
        auto top = [](const std::string& f) { return f.substr(0, f.find_first_of(".[")); };
        std::erase_if(e.changes, [&](const FieldChange& ch) {
          return std::any_of(listed.begin(), listed.end(),
                             [&](const FieldChange& l) { return top(l.field) == ch.field; });
        });
        e.changes.insert(e.changes.end(), listed.begin(), listed.end());
      }
      // A sealed value (an encrypted store: personal_fields.hpp) is shown as
      // its mask on either side of a change — also where the older side is
      // still plain; the case's data key is no change to show.
      std::erase_if(e.changes, [](const FieldChange& ch) { return ch.field == "data_key"; });
      for (auto& ch : e.changes)
        if (ch.before.find("sealed:") != std::string::npos ||
            ch.after.find("sealed:") != std::string::npos)
          ch.before = ch.after = kSealedText;
      // A recorded conflict holds both sides' values, the parties' among
      // them: summarised like the parties themselves.
      if (!reveal)
        for (auto& ch : e.changes) {
          if (ch.field == "parties") ch.before = ch.after = _("(personal data changed; --reveal)");
          if (ch.field == "conflicts")
            ch.before = ch.after = _("(recorded conflicts changed; mediate conflicts, --reveal)");
        }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace mediate
