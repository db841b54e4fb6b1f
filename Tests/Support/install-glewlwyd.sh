#!/usr/bin/env bash
# Installs Debian's glewlwyd (the OpenID Connect server of the Google sign-in tests) without configuring or starting
# its system service: the tests start their own instance on a free port.
set -euo pipefail
dpkg-query -W -f='${Status}' glewlwyd 2>/dev/null | grep -q "install ok installed" && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "glewlwyd glewlwyd/config_type select No configuration" | $sudo debconf-set-selections
# Packages must not start daemons here; a policy-rc.d that says so is the Debian way.
added=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    added=yes
fi
trap 'if [ -n "$added" ]; then $sudo rm -f /usr/sbin/policy-rc.d; fi' EXIT
# dbconfig-no-thanks: the tests make their own database, so no database server is pulled in for it.
Tests/Support/install-debian-packages.sh dbconfig-no-thanks glewlwyd
