#!/usr/bin/env bash
# Makes .build/venv, a Python environment with the test tools of the requirements files given, and prints its
# python. Kept under .build/ (git-ignored) and reused while the requirements do not change.
set -euo pipefail
venv=.build/venv
stamp="$venv/.requirements"
wanted=$(cat "$@" | sort)
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" 2>/dev/null || {
        Tests/Support/install-debian-packages.sh python3-venv
        python3 -m venv "$venv"
    }
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    "$venv/bin/python" -m pip install -q --disable-pip-version-check $(cat "$@") >&2
    echo "$wanted" > "$stamp"
fi
echo "$venv/bin/python"
