#!/usr/bin/env bash
# PostgreSQL's JDBC driver, for offline JDBC sources: Debian's libpostgresql-jdbc-java, installed
# when missing and this is a Debian machine on which we may (root); else one clear sentence.
set -euo pipefail
jar=/usr/share/java/postgresql.jar
fail() { echo "gluestack: $1" >&2; exit 1; }

if [ -n "${GLUESTACK_JDBC_DRIVER:-}" ]; then
  [ -f "$GLUESTACK_JDBC_DRIVER" ] || fail "GLUESTACK_JDBC_DRIVER=$GLUESTACK_JDBC_DRIVER is not a file; point it at a postgresql-*.jar."
  exit 0
fi
[ -f "$jar" ] && exit 0
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends libpostgresql-jdbc-java >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends libpostgresql-jdbc-java >/dev/null; }
  [ -f "$jar" ] && exit 0
fi
fail "PostgreSQL's JDBC driver is missing: install it (Debian: sudo apt-get install libpostgresql-jdbc-java) or set GLUESTACK_JDBC_DRIVER to a postgresql-*.jar."
