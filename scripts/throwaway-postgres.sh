#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a free loopback port, for the two-replica tests
# (pnpm test:postgres) in CI and on a developer machine. Needs the server binaries of Debian's
# `postgresql` package (apt-get install -y postgresql); as root the cluster runs as the `postgres` user,
# since initdb refuses root. Password authentication over TCP, fsync off (the data is thrown away).
#   scripts/throwaway-postgres.sh start DIR   # prints postgres://soleus:<password>@127.0.0.1:<port>/postgres
#   scripts/throwaway-postgres.sh stop DIR    # stops the cluster and deletes DIR
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
command=$1
dir=$2

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "$found"
}

# Runs a command as the cluster owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "$command" in
  start)
    bin=$(bindir)
    mkdir -p "$dir"
    password=$(node -e "console.log(require('crypto').randomBytes(18).toString('hex'))")
    port=$(free_port)
    printf '%s\n' "$password" >"$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
      chown -R postgres "$dir"
      if ! runuser -u postgres -- test -w "$dir"; then
        echo "$dir: the postgres user cannot reach it (a parent directory is private); use e.g. \$(mktemp -d)" >&2
        exit 1
      fi
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U soleus -E UTF8 --locale=C \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/password" >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off -c max_connections=100" \
      >/dev/null
    echo "postgres://soleus:$password@127.0.0.1:$port/postgres" | tee "$dir/url"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
