#include "value.hpp"

namespace mediate {

Value Value::Null(Mark m) {
  Value v;
  v.mark_ = m;
  return v;
}

Value Value::String(std::string text, Mark m) { return Scalar(std::move(text), true, m); }

Value Value::Scalar(std::string text, bool quoted, Mark m) {
  Value v;
  v.type_ = Type::kScalar;
  v.text_ = std::move(text);
  v.quoted_ = quoted;
  v.mark_ = m;
  return v;
}

Value Value::Int(std::int64_t n) { return Scalar(std::to_string(n), false); }

Value Value::Bool(bool b) { return Scalar(b ? "true" : "false", false); }

Value Value::Sequence(Mark m) {
  Value v;
  v.type_ = Type::kSequence;
  v.mark_ = m;
  return v;
}

Value Value::Map(Mark m) {
  Value v;
  v.type_ = Type::kMap;
  v.mark_ = m;
  return v;
}

Value Value::Strings(const std::vector<std::string>& items) {
  Value v = Sequence();
  v.items_.reserve(items.size());
  for (const auto& s : items) v.items_.push_back(String(s));
  return v;
}

Value& Value::Append(Value v) {
  items_.push_back(std::move(v));
  return items_.back();
}

const Value* Value::Find(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

Value* Value::Find(std::string_view key) {
  for (auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

Value& Value::Set(std::string key, Value v) {
  if (Value* existing = Find(key)) {
    *existing = std::move(v);
    return *existing;
  }
  entries_.emplace_back(std::move(key), std::move(v));
  return entries_.back().second;
}

void Value::SetIfNotEmpty(std::string key, const std::string& text) {
  if (!text.empty()) Set(std::move(key), String(text));
}

bool Value::Erase(std::string_view key) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->first == key) {
      entries_.erase(it);
      return true;
    }
  }
  return false;
}

bool Value::SameAs(const Value& other) const {
  if (type_ != other.type_ || text_ != other.text_) return false;
  if (items_.size() != other.items_.size() || entries_.size() != other.entries_.size())
    return false;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (!items_[i].SameAs(other.items_[i])) return false;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].first != other.entries_[i].first) return false;
    if (!entries_[i].second.SameAs(other.entries_[i].second)) return false;
  }
  return true;
}

}  // namespace mediate
