"""Opens what mediate seals, from outside the program: the system libsodium through
ctypes, the formats read from lib/base/sealing.cpp, lib/store/office_key_file.cpp,
lib/records/key_record.hpp, lib/store/key_ring.cpp and lib/records/personal_fields.cpp.
For end-to-end tests that check which keys the bytes of a git repository give up.

The chain (docs/personal-data.md, "Keys"):
  key file   secret = base64(salt 16 || nonce 24 || crypto_secretbox(secret key 32)),
             the box key Argon2id13 (crypto_pwhash, interactive limits) of the passphrase
  keys record  epochs[].sealed[OFFICE] = base64(crypto_box_seal(epoch key 32 || lookup key 32))
  wrapped    base64(nonce 24 || XChaCha20-Poly1305-IETF(data key 32) + tag 16),
             associated data "mediate case data key"
  field      {masked, hash, sealed}: sealed = base64(nonce 24 || ciphertext || tag 16),
             XChaCha20-Poly1305-IETF under crypto_kdf_derive_from_key(data key, id 1,
             "mediatef"), associated data case id + "\\n" + path
Every base64 is the URL-safe alphabet, padding optional (written without)."""
import base64
import binascii
import ctypes
import ctypes.util
import re
import subprocess

import yaml

_lib = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
if _lib.sodium_init() < 0:
    raise ImportError("libsodium cannot start (sodium_init)")

_ull = ctypes.c_ulonglong
_buf = ctypes.c_char_p
for _name in ("crypto_pwhash_opslimit_interactive", "crypto_pwhash_memlimit_interactive",
              "crypto_pwhash_saltbytes", "crypto_secretbox_noncebytes",
              "crypto_secretbox_macbytes", "crypto_box_sealbytes"):
    getattr(_lib, _name).restype = ctypes.c_size_t
_lib.crypto_pwhash.argtypes = [ctypes.c_void_p, _ull, _buf, _ull, _buf, _ull, ctypes.c_size_t,
                               ctypes.c_int]
_lib.crypto_secretbox_open_easy.argtypes = [ctypes.c_void_p, _buf, _ull, _buf, _buf]
_lib.crypto_box_seal_open.argtypes = [ctypes.c_void_p, _buf, _ull, _buf, _buf]
_lib.crypto_scalarmult_base.argtypes = [ctypes.c_void_p, _buf]
_lib.crypto_aead_xchacha20poly1305_ietf_decrypt.argtypes = [
    ctypes.c_void_p, ctypes.POINTER(_ull), ctypes.c_void_p, _buf, _ull, _buf, _ull, _buf, _buf]
_lib.crypto_kdf_derive_from_key.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint64,
                                            _buf, _buf]

KEY_BYTES = 32
SALT_BYTES = _lib.crypto_pwhash_saltbytes()            # 16
BOX_NONCE_BYTES = _lib.crypto_secretbox_noncebytes()   # 24
BOX_MAC_BYTES = _lib.crypto_secretbox_macbytes()       # 16
SEAL_BYTES = _lib.crypto_box_sealbytes()               # 48
AEAD_NONCE_BYTES = 24  # crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
AEAD_TAG_BYTES = 16    # crypto_aead_xchacha20poly1305_ietf_ABYTES

DATA_KEY_AD = b"mediate case data key"  # kDataKeyAd, lib/records/personal_fields.hpp
FIELD_CONTEXT = b"mediatef"             # kFieldContext, lib/base/sealing.cpp
FIELD_ENCRYPTION_ID = 1                 # kFieldEncryptionId (id 2 keys the nonce hash)


def b64decode(text):
    """The bytes of URL-safe base64 `text` (str or bytes; padding optional), or None when
    it is not base64 of that alphabet."""
    if isinstance(text, str):
        text = text.encode("ascii", "replace")
    text = text.rstrip(b"=")
    try:
        return base64.b64decode(text + b"=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return None


def _out(n):
    return ctypes.create_string_buffer(max(n, 1))


def _aead_open(key, blob, ad):
    """XChaCha20-Poly1305-IETF: `blob` = nonce 24 || ciphertext || tag 16 opened under `key`
    (32 bytes) with associated data `ad` (bytes); the plaintext bytes, or None."""
    if blob is None or len(blob) < AEAD_NONCE_BYTES + AEAD_TAG_BYTES or len(key) != KEY_BYTES:
        return None
    nonce, sealed = blob[:AEAD_NONCE_BYTES], blob[AEAD_NONCE_BYTES:]
    out, n = _out(len(sealed) - AEAD_TAG_BYTES), _ull(0)
    if _lib.crypto_aead_xchacha20poly1305_ietf_decrypt(out, ctypes.byref(n), None, sealed,
                                                       len(sealed), ad, len(ad), nonce,
                                                       bytes(key)) != 0:
        return None
    return out.raw[:n.value]


def unlock_office_key(key_file_path, passphrase):
    """The key pair in an office's key file (schema office-key/1: office, public_key,
    secret) unlocked with `passphrase` (str, taken as UTF-8): (public key, secret key),
    32 raw bytes each. Raises ValueError when the passphrase is wrong (the secretbox does
    not open), the file is not a key file, or the secret is not the public key's."""
    with open(key_file_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if not isinstance(doc, dict) or doc.get("schema") != "office-key/1":
        raise ValueError("%s: not an office-key/1 key file" % key_file_path)
    public_key = b64decode(str(doc.get("public_key", "")))
    locked = b64decode(str(doc.get("secret", "")))
    if public_key is None or len(public_key) != KEY_BYTES or locked is None \
            or len(locked) < SALT_BYTES + BOX_NONCE_BYTES + BOX_MAC_BYTES:
        raise ValueError("%s: public_key or secret is not what mediate writes" % key_file_path)
    salt = locked[:SALT_BYTES]
    nonce = locked[SALT_BYTES:SALT_BYTES + BOX_NONCE_BYTES]
    box = locked[SALT_BYTES + BOX_NONCE_BYTES:]
    pw = passphrase.encode("utf-8")
    box_key = _out(KEY_BYTES)
    if _lib.crypto_pwhash(box_key, KEY_BYTES, pw, len(pw), salt,
                          _lib.crypto_pwhash_opslimit_interactive(),
                          _lib.crypto_pwhash_memlimit_interactive(),
                          _lib.crypto_pwhash_alg_argon2id13()) != 0:
        raise MemoryError("Argon2id could not get its memory")
    secret = _out(len(box) - BOX_MAC_BYTES)
    if _lib.crypto_secretbox_open_easy(secret, box, len(box), nonce, box_key.raw) != 0:
        raise ValueError("%s: wrong passphrase, or the file was altered" % key_file_path)
    secret_key = secret.raw[:len(box) - BOX_MAC_BYTES]
    derived = _out(KEY_BYTES)
    if len(secret_key) != KEY_BYTES or _lib.crypto_scalarmult_base(derived, secret_key) != 0 \
            or derived.raw != public_key:
        raise ValueError("%s: the secret is not the key of its public_key" % key_file_path)
    return public_key, secret_key


def epoch_keys(district_yaml_text, office, public_key, secret_key):
    """{epoch number: epoch key (32 bytes)} for every epoch of the keys record
    (keys/district.yaml, schema keys/1) whose `sealed` map has an entry for `office` that
    opens (crypto_box_seal_open) with the pair (`public_key`, `secret_key`, raw bytes) to 64
    bytes: the epoch key, then the district's lookup key (left out). Epochs not sealed to
    the office, and entries that do not open with this pair, are skipped."""
    doc = yaml.safe_load(district_yaml_text) or {}
    keys = {}
    for epoch in doc.get("epochs") or []:
        sealed = b64decode(str(((epoch or {}).get("sealed") or {}).get(office, "")))
        if not sealed or len(sealed) < SEAL_BYTES:
            continue
        out = _out(len(sealed) - SEAL_BYTES)
        if _lib.crypto_box_seal_open(out, sealed, len(sealed), bytes(public_key),
                                     bytes(secret_key)) != 0:
            continue
        secret = out.raw[:len(sealed) - SEAL_BYTES]
        if len(secret) == 2 * KEY_BYTES:
            keys[int(epoch["epoch"])] = secret[:KEY_BYTES]
    return keys


def unwrap(epoch_key, wrapped_b64):
    """The data key (32 bytes) that `wrapped_b64` (a `wrapped:` value: base64 of nonce 24
    || XChaCha20-Poly1305 of the key || tag 16, associated data "mediate case data key")
    holds under `epoch_key` (32 bytes), or None when it does not open (another key, not
    base64, not 72 bytes, altered)."""
    blob = b64decode(wrapped_b64)
    if blob is None or len(blob) != AEAD_NONCE_BYTES + KEY_BYTES + AEAD_TAG_BYTES:
        return None
    return _aead_open(epoch_key, blob, DATA_KEY_AD)


def open_field(data_key, sealed_b64, case_id, path):
    """The text of a sealed personal value (the `sealed` of {masked, hash, sealed}) under the
    case's `data_key` (32 bytes), bound to `case_id` (the id its data key was made for,
    `data_key.case`) and `path` (its bound: "parties[0].name" for a party's name): the
    field key is crypto_kdf_derive_from_key(data_key, 1, "mediatef"), the associated data
    case_id + "\\n" + path. None when it does not open. (mediate also refuses a text whose
    nonce is not its keyed hash of the value; this only reads.)"""
    if len(data_key) != KEY_BYTES:
        return None
    field_key = _out(KEY_BYTES)
    _lib.crypto_kdf_derive_from_key(field_key, KEY_BYTES, FIELD_ENCRYPTION_ID, FIELD_CONTEXT,
                                    bytes(data_key))
    ad = ("%s\n%s" % (case_id, path)).encode("utf-8")
    plain = _aead_open(field_key.raw, b64decode(sealed_b64), ad)
    return None if plain is None else plain.decode("utf-8")


# A `wrapped` key (not part of a longer name), its colon, then a double-quoted,
# single-quoted or plain value (a plain one may not itself be a key).
_WRAPPED = re.compile(r"""(?<![\w-])["']?wrapped["']?[ \t]*:\s*"""
                      r"""(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_=-]+)(?![\w=-]*:))""")


def wrapped_tokens(blob_bytes):
    """Every value of a `wrapped:` key anywhere in `blob_bytes` (decoded as UTF-8, bad bytes
    dropped): YAML block or flow form, double-, single- or un-quoted. In the order found,
    repeats kept."""
    text = blob_bytes.decode("utf-8", errors="ignore")
    return [next(g for g in m.groups() if g is not None) for m in _WRAPPED.finditer(text)]


def repo_blobs(git_dir_or_worktree):
    """Yields the content (bytes) of every blob in the object database of the repository
    at `git_dir_or_worktree` (a work tree, its .git, or a bare repository): loose and
    packed, reachable or not, from `git cat-file --batch-all-objects --batch`, read by the
    sizes its headers give. Raises CalledProcessError when git fails."""
    args = ["git", "-C", git_dir_or_worktree, "cat-file", "--batch-all-objects", "--batch"]
    with subprocess.Popen(args, stdout=subprocess.PIPE) as p:
        while True:
            header = p.stdout.readline()
            if not header:
                break
            _, kind, size = header.split()  # "<oid> <type> <size>\n"
            content = p.stdout.read(int(size))
            if p.stdout.read(1) != b"\n" or len(content) != int(size):
                raise ValueError("git cat-file --batch: short or misframed object")
            if kind == b"blob":
                yield content
    if p.returncode != 0:
        raise subprocess.CalledProcessError(p.returncode, args)


def recoverable_data_keys(repo_paths, epoch_key_list):
    """Every data key (32 bytes) that some `wrapped:` value in some blob of the
    repositories `repo_paths` unwraps to under some key of `epoch_key_list`: the case
    records' `data_key` and any other blob that carries a wrapped key (a keys ref's
    blobs are in the same object database). A set of bytes."""
    tokens = set()
    for repo in repo_paths:
        for blob in repo_blobs(repo):
            if b"wrapped" in blob:
                tokens.update(wrapped_tokens(blob))
    keys = set()
    for token in tokens:
        for epoch_key in epoch_key_list:
            key = unwrap(epoch_key, token)
            if key is not None:
                keys.add(key)
    return keys
