"""A real CalDAV server for the tests: Radicale on loopback with one user (htpasswd, plain), a calendar made for them
with MKCALENDAR, and its storage in a folder of the test's own. Prints "ready" once the calendar exists; stops
Radicale when it is stopped."""
import argparse
import base64
import os
import signal
import subprocess
import sys
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--folder", required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--calendar", required=True)
arguments = parser.parse_args()

os.makedirs(arguments.folder, exist_ok=True)
users = os.path.join(arguments.folder, "users")
with open(users, "w") as handle:
    handle.write("%s:%s\n" % (arguments.user, arguments.password))
radicale = subprocess.Popen([
    sys.executable, "-m", "radicale", "--server-hosts", "127.0.0.1:%d" % arguments.port,
    "--auth-type", "htpasswd", "--auth-htpasswd-filename", users, "--auth-htpasswd-encryption", "plain",
    "--storage-filesystem-folder", os.path.join(arguments.folder, "collections"), "--logging-level", "warning",
], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(*_):
    radicale.terminate()
    try:
        radicale.wait(timeout=5)
    except subprocess.TimeoutExpired:
        radicale.kill()
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
authorization = "Basic " + base64.b64encode(("%s:%s" % (arguments.user, arguments.password)).encode()).decode()
deadline = time.time() + 20
while True:
    try:
        request = urllib.request.Request("http://127.0.0.1:%d/%s/%s/" % (arguments.port, arguments.user, arguments.calendar),
                                         method="MKCALENDAR", headers={"Authorization": authorization})
        urllib.request.urlopen(request, timeout=2)
        break
    except urllib.error.HTTPError as error:
        if error.code == 405:  # made already
            break
        raise
    except OSError:
        if time.time() > deadline or radicale.poll() is not None:
            stop()
        time.sleep(0.1)
print("ready", flush=True)
signal.pause()
