"""A real OpenID Connect provider for the tests: Debian's glewlwyd on a free loopback port, over a fresh SQLite
database, with an OIDC plugin signing ID tokens with a new RSA key (RS256), one confidential client with PKCE
required, and users (with whether the issuer verified their address). Prints one JSON line (issuer, client, users) when ready; SIGTERM stops it.

A user signs in with POST /api/auth/ and grants scopes with PUT /api/auth/grant/CLIENT (scopes separated by spaces);
the authorization endpoint then answers with a code when the request carries `g_continue`, which glewlwyd's own
login page adds after the person confirms.

    python oidc-server.py --directory DIR --redirect-uri URI"""
import argparse
import gzip
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--directory", required=True)
parser.add_argument("--redirect-uri", required=True)
arguments = parser.parse_args()
directory = arguments.directory

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
base = f"http://localhost:{port}"

database = os.path.join(directory, "glewlwyd.db")
connection = sqlite3.connect(database)
connection.executescript(open("/usr/share/dbconfig-common/data/glewlwyd/install/sqlite3").read())
# Users keep whether the issuer verified their address, which ID tokens carry as `email_verified`.
(parameters,) = connection.execute("SELECT gumi_parameters FROM g_user_module_instance WHERE gumi_name = 'database'").fetchone()
parameters = json.loads(parameters)
parameters["data-format"]["email_verified"] = {"multiple": False, "read": True, "write": True, "profile-read": False, "profile-write": False}
connection.execute("UPDATE g_user_module_instance SET gumi_parameters = ? WHERE gumi_name = 'database'", (json.dumps(parameters),))
connection.commit()
connection.close()

# The configuration is Debian's sample with this server's port, address, database and log, and plain-HTTP cookies.
config = os.path.join(directory, "glewlwyd.conf")
middleware = os.path.join(directory, "user_middleware")
os.makedirs(middleware, exist_ok=True)
sample = gzip.open("/usr/share/doc/glewlwyd/glewlwyd.conf.sample.gz", "rt").read()
replacements = {
    r"^port=.*$": f"port={port}",
    r"^external_url=.*$": f'external_url="{base}"',
    r"^log_mode=.*$": 'log_mode="file"',
    r"^log_file=.*$": f'log_file="{directory}/glewlwyd.log"',
    r"^cookie_secure=.*$": "cookie_secure=0",
    r"^user_middleware_module_path=.*$": f'user_middleware_module_path="{middleware}"',
    r'path = "/var/cache/glewlwyd/glewlwyd.db"': f'path = "{database}"',
}
for pattern, replacement in replacements.items():
    sample = re.sub(pattern, replacement, sample, flags=re.MULTILINE)
with open(config, "w") as handle:
    handle.write(sample)

signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
server = subprocess.Popen(["glewlwyd", "--config-file=" + config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(*_):
    server.terminate()
    server.wait(timeout=10)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)

# glewlwyd scopes its session cookie to Domain=localhost, which Python's cookie jar refuses: it is kept by hand.
session = {}


def call(method, path, body=None):
    headers = {"Content-Type": "application/json"}
    if "cookie" in session:
        headers["Cookie"] = session["cookie"]
    request = urllib.request.Request(base + "/api" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(), headers=headers)
    with urllib.request.urlopen(request) as answer:
        cookie = answer.headers.get("Set-Cookie")
        if cookie:
            session["cookie"] = cookie.split(";")[0]
        text = answer.read()
        return json.loads(text) if text else None


for _ in range(100):
    try:
        call("POST", "/auth/", {"username": "admin", "password": "password"})
        break
    except OSError:
        time.sleep(0.1)
else:
    stop()

key = subprocess.run(["openssl", "genrsa", "2048"], capture_output=True, check=True).stdout.decode()
cert = subprocess.run(["openssl", "rsa", "-pubout"], input=key.encode(), capture_output=True, check=True).stdout.decode()
call("POST", "/mod/plugin/", {
    "module": "oidc", "name": "oidc", "display_name": "OpenID Connect", "enabled": True,
    "parameters": {
        "iss": base + "/api/oidc", "jwt-type": "rsa", "jwt-key-size": "256", "key": key, "cert": cert,
        "access-token-duration": 3600, "refresh-token-duration": 1209600, "code-duration": 600,
        "refresh-token-rolling": True, "allow-non-oidc": False,
        "auth-type-code-enabled": True, "auth-type-token-enabled": False, "auth-type-id-token-enabled": False,
        "auth-type-none-enabled": False, "auth-type-password-enabled": False, "auth-type-client-enabled": False,
        "auth-type-device-enabled": False, "auth-type-refresh-enabled": True,
        "scope": [], "additional-parameters": [], "jwks-show": True,
        "claims": [{"name": "email_verified", "user-property": "email_verified", "type": "boolean", "boolean-value-true": "1",
                    "boolean-value-false": "0", "mandatory": True, "on-demand": False, "scope": []}],
        "name-claim": "mandatory", "name-claim-scope": [], "email-claim": "mandatory", "email-claim-scope": [],
        "scope-claim": "no", "scope-claim-scope": [], "allowed-scope": ["openid", "email", "profile"],
        "pkce-allowed": True, "pkce-method-plain-allowed": False, "pkce-required": True,
        "pkce-required-public-client": True, "pkce-scopes": [],
        "secret-type": "pairwise", "session-management-allowed": False,
        "address-claim": {"type": "no", "formatted": "", "street_address": "", "locality": "", "region": "",
                          "postal_code": "", "country": "", "mandatory": False},
    },
})
for scope in ("email", "profile"):
    call("POST", "/scope/", {"name": scope, "display_name": scope, "description": scope, "password_required": False,
                             "scheme": {}})
client = {"client_id": "agora", "client_secret": "agora-client-secret-0123456789"}
call("POST", "/client/", {
    "client_id": client["client_id"], "name": "Agora", "description": "Agora", "enabled": True, "confidential": True,
    "password": client["client_secret"], "client_secret": client["client_secret"],
    "token_endpoint_auth_method": ["client_secret_basic", "client_secret_post"], "redirect_uri": [arguments.redirect_uri],
    "authorization_type": ["code", "refresh_token"], "scope": [],
})
users = []
# Grace's address is verified at the issuer; Ada's and Linus's are not.
for username, name, email, verified in (("grace", "Grace Hopper", "grace@example.com", "1"),
                                        ("ada", "Ada Lovelace", "ada@example.com", "0"),
                                        ("linus", "Linus Pauling", "linus@example.com", "0")):
    password = "Glewlwyd-Password-" + username
    call("POST", "/user/", {"username": username, "name": name, "email": email, "enabled": True, "email_verified": verified,
                            "password": password, "scope": ["g_profile", "openid", "email", "profile"]})
    users.append({"username": username, "password": password, "email": email, "name": name})

print(json.dumps({"base": base, "issuer": base + "/api/oidc", **client, "users": users}), flush=True)
while True:
    time.sleep(1)
