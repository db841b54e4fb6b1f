"""RFC 6238 codes (SHA-1, six digits, 30-second steps), as an authenticator app computes them, for the tests and
benchmarks that turn two factors on."""
import base64
import hashlib
import hmac
import struct
import time


def totp(secret, at=None):
    """The code for a base32 secret now, or at the moment `at` (seconds since the epoch)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return str((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000).zfill(6)
