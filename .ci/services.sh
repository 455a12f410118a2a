#!/usr/bin/env bash
# Installs (from Debian packages) and starts what the tests need: PostgreSQL, Chromium, Python's icalendar
# (a second reader of every calendar the app produces) and xmllint (frab schedule.xml against its XSD).
# Idempotent: installs only what is missing.
# Prints the exports to use, e.g.:  eval "$(bash .ci/services.sh)"
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
log() { echo "services: $*" >&2; }

has_chromium() { command -v chromium >/dev/null 2>&1; }
has_postgres() { ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; }
# Debian's own python3: a python3 earlier on PATH (pyenv, a virtualenv) does not see Debian's packages.
has_icalendar() { /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1; }
# libxml2's validator checks frab schedule.xml against the published XSD.
has_xmllint() { command -v xmllint >/dev/null 2>&1; }

if ! has_chromium || ! has_postgres || ! has_icalendar || ! has_xmllint; then
  log "installing packages"
  apt-get update -qq >&2
  has_chromium || apt-get install -y -qq chromium >&2
  has_postgres || apt-get install -y -qq --no-install-recommends postgresql >&2
  has_icalendar || apt-get install -y -qq --no-install-recommends python3-icalendar >&2
  has_xmllint || apt-get install -y -qq --no-install-recommends libxml2-utils >&2
fi

# A private throwaway cluster: its own port, trust auth on loopback, fsync off (test data is disposable).
PGBIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin
PGDATA=${PGDATA_DIR:-/tmp/convene-pg}
PGPORT=${PGPORT:-54329}
if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    rm -rf "$PGDATA"; install -d -o postgres -g postgres "$PGDATA"
    su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres -A trust -E UTF8 --no-locale" >/dev/null
  fi
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300' start" >&2
fi
for _ in $(seq 1 30); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.5; done
"$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='convene_test'" | grep -q 1 \
  || "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres convene_test
log "PostgreSQL ready on 127.0.0.1:$PGPORT; $(chromium --version 2>/dev/null | head -1); icalendar $(/usr/bin/python3 -c 'import icalendar; print(icalendar.__version__)'); $(xmllint --version 2>&1 | head -1)"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/convene_test"
echo "export CHROMIUM_PATH=$(command -v chromium)"
echo "export ICS_PYTHON=/usr/bin/python3"
