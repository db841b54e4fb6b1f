"""A real CalDAV server for the tests: Radicale on loopback with one user (htpasswd, plain), a calendar made for them
with MKCALENDAR, and its storage in a folder of the test's own. Prints "ready" once the calendar exists; stops
Radicale when it is stopped."""
import argparse
import base64
import ctypes
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
# The test runner may start this script with SIGTERM blocked; Radicale is told to stop when this script dies.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])


def die_with_parent():
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


radicale = subprocess.Popen([
    sys.executable, "-m", "radicale", "--server-hosts", "127.0.0.1:%d" % arguments.port,
    "--auth-type", "htpasswd", "--auth-htpasswd-filename", users, "--auth-htpasswd-encryption", "plain",
    "--storage-filesystem-folder", os.path.join(arguments.folder, "collections"), "--logging-level", "warning",
], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)


def stop(*_):
    # At once, as a server that goes down: a graceful stop would wait for the service's kept-alive connections.
    radicale.kill()
    radicale.wait()
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
parent = os.getppid()
while os.getppid() == parent:
    time.sleep(0.2)
stop()
