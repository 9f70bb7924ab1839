# PostgreSQL server binaries for the storage tests, which start their own throw-away clusters (initdb + pg_ctl in a
# temp folder, loopback only) and fail, never skip, when the binaries are missing. Sourced by tests/run.sh.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL server binaries are missing; install the Debian package: sudo apt-get install postgresql" >&2
    return 1
  fi
  echo "[tests] installing PostgreSQL (Debian package postgresql)" >&2
  # The package would start a cluster of its own on port 5432; the tests need none (policy-rc.d 101: do not start).
  pg_policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && pg_policy_added=1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_install_status=$?
  [ "$pg_policy_added" -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$pg_install_status" -eq 0 ] || return 1
fi
