"""localstripe (PyPI), a stateful stand-in for Stripe's API and Stripe.js, on 127.0.0.1 for the tests. It starts
empty and keeps its objects in memory only (localstripe would otherwise write them all to /tmp on every change,
which several servers side by side would share). Prints "ready" once it listens."""
import argparse

from aiohttp import web
from localstripe import resources, server

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
arguments = parser.parse_args()

resources.Store.dump_to_disk = lambda self: None

web.run_app(server.app, host="127.0.0.1", port=arguments.port, print=lambda *_: print("ready", flush=True), access_log=None)
