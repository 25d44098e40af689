// lib/store/key_ring.cpp: unlocking a desk's keys from the keys record and
// its key file.
#include <catch2/catch.hpp>

#include "key_ring.hpp"

using namespace mediate;

namespace {

const std::string kT = "2026-12-07T10:00:00+08:00";

struct District {
  BoxKeyPair xjy = BoxKeyPair::Generate(), abc = BoxKeyPair::Generate(),
             qf = BoxKeyPair::Generate();
  SecretKey e1 = SecretKey::Random(), e2 = SecretKey::Random(), lookup = SecretKey::Random();
  KeyRecord record;

  /// XJY and ABC hold epoch 1; ABC was revoked and epoch 2 went to XJY and QF only.
  District() {
    REQUIRE(InitSealing().ok());
    for (auto [code, pair] : {std::pair{"XJY", &xjy}, {"ABC", &abc}, {"QF", &qf}}) {
      KeyOffice o;
      o.code = code;
      o.public_key = pair->public_key;
      o.added = kT;
      o.by = "W";
      record.offices[code] = o;
    }
    record.offices["ABC"].revoked = "2026-12-08T10:00:00+08:00";
    record.offices["ABC"].revoked_by = "王某";
    KeyEpoch one{1, kT, "W", {}, Value::Map()};
    one.sealed["XJY"] = *Result<std::string>(SealTo(xjy.public_key, EpochSecret(e1, lookup)));
    one.sealed["ABC"] = *Result<std::string>(SealTo(abc.public_key, EpochSecret(e1, lookup)));
    KeyEpoch two{2, kT, "W", {}, Value::Map()};
    two.sealed["XJY"] = *Result<std::string>(SealTo(xjy.public_key, EpochSecret(e2, lookup)));
    two.sealed["QF"] = *Result<std::string>(SealTo(qf.public_key, EpochSecret(e2, lookup)));
    record.epochs = {one, two};
  }

  OfficeKeyFile File(const std::string& office, const BoxKeyPair& pair) const {
    Result<std::string> locked = LockWithPassphrase(pair.secret_key.Bytes(), "口令 pw");
    REQUIRE(locked.ok());
    return OfficeKeyFile{office, pair.public_key, *locked};
  }
};

}  // namespace

TEST_CASE("a key ring opens every epoch sealed to its office", "[keys]") {
  District d;
  auto ring = UnlockKeyRing(d.record, d.File("XJY", d.xjy), "口令 pw", "xjy.key");
  REQUIRE(ring.ok());
  CHECK(ring->office() == "XJY");
  CHECK(ring->current_epoch() == 2);
  CHECK(ring->Epochs() == std::vector<int>{1, 2});
  REQUIRE(ring->EpochKey(1));
  CHECK(*ring->EpochKey(1) == d.e1);
  CHECK(*ring->EpochKey(2) == d.e2);
  CHECK(ring->EpochKey(3) == nullptr);
  CHECK(ring->LookupKey() == d.lookup);

  // QF was given epoch 2 only: epoch 1 is not its to open.
  auto qf = UnlockKeyRing(d.record, d.File("QF", d.qf), "口令 pw", "qf.key");
  REQUIRE(qf.ok());
  CHECK(qf->EpochKey(1) == nullptr);
  CHECK(*qf->EpochKey(2) == d.e2);
  CHECK(qf->LookupKey() == d.lookup);
}

TEST_CASE("a revoked office's ring opens what was sealed to it before, and nothing since",
          "[keys]") {
  District d;
  // ABC was revoked when epoch 2 began: epoch 1 was sealed to it, epoch 2 not.
  auto abc = UnlockKeyRing(d.record, d.File("ABC", d.abc), "口令 pw", "abc.key");
  REQUIRE(abc.ok());
  CHECK(abc->revoked());
  CHECK(abc->Epochs() == std::vector<int>{1});
  CHECK(*abc->EpochKey(1) == d.e1);
  CHECK(abc->EpochKey(2) == nullptr);
  CHECK(abc->current_epoch() == 2);
  auto xjy = UnlockKeyRing(d.record, d.File("XJY", d.xjy), "口令 pw", "xjy.key");
  REQUIRE(xjy.ok());
  CHECK_FALSE(xjy->revoked());
}

TEST_CASE("a key ring is refused, naming the office and what to do", "[keys]") {
  District d;
  auto wrong = UnlockKeyRing(d.record, d.File("XJY", d.xjy), "not it", "xjy.key");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().kind() == ErrorKind::kRejected);
  CHECK_THAT(wrong.status().message(),
             Catch::Contains("wrong passphrase for the key file xjy.key"));

  auto stranger =
      UnlockKeyRing(d.record, d.File("HP", BoxKeyPair::Generate()), "口令 pw", "hp.key");
  REQUIRE_FALSE(stranger.ok());
  CHECK_THAT(stranger.status().message(), Catch::Contains("office HP holds no key"));
  CHECK_THAT(stranger.status().message(), Catch::Contains("'mediate key add-office HP'"));

  // XJY's name on another pair's file: not the key the record lists.
  auto other = UnlockKeyRing(d.record, d.File("XJY", d.qf), "口令 pw", "old.key");
  REQUIRE_FALSE(other.ok());
  CHECK_THAT(other.status().message(), Catch::Contains("the key file old.key is not the key"));
}
