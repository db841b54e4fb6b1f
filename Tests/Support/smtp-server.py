"""A real SMTP server for the tests (aiosmtpd): STARTTLS with the given certificate, AUTH required over TLS with
one user, and every accepted message written to a Maildir. Prints "ready" once it listens."""
import argparse
import mailbox
import signal
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--maildir", required=True)
parser.add_argument("--cert", help="required without --plain")
parser.add_argument("--key", help="required without --plain")
parser.add_argument("--user", help="required without --plain")
parser.add_argument("--password", help="required without --plain")
parser.add_argument("--plain", action="store_true", help="an old relay: no STARTTLS and no AUTH")
arguments = parser.parse_args()


class Store:
    def __init__(self, path):
        self.box = mailbox.Maildir(path, create=True)

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.original_content)
        return "250 Message accepted for delivery"


def authenticate(server, session, envelope, mechanism, auth_data):
    if isinstance(auth_data, LoginPassword) and auth_data.login.decode() == arguments.user \
            and auth_data.password.decode() == arguments.password:
        return AuthResult(success=True)
    return AuthResult(success=False, handled=False)


if arguments.plain:
    controller = Controller(Store(arguments.maildir), hostname="127.0.0.1", port=arguments.port)
else:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(arguments.cert, arguments.key)
    controller = Controller(Store(arguments.maildir), hostname="127.0.0.1", port=arguments.port, tls_context=context,
                            require_starttls=True, authenticator=authenticate, auth_required=True,
                            auth_require_tls=True)
# The test process may hand its children SIGTERM blocked or ignored; stopping must work all the same.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
controller.start()
print("ready", flush=True)
try:
    while True:
        time.sleep(1)
finally:
    controller.stop()
