#!/usr/bin/env bash
# Fails with one clear sentence when a tool that `make` needs is missing or too old.
set -euo pipefail
need="${1:-python java node}"

fail() { echo "gluestack: $1" >&2; exit 1; }

for tool in $need; do
  case "$tool" in
    python)
      py="${PYTHON:-python3}"
      command -v "$py" >/dev/null || fail "Python >= 3.11 is required but '$py' was not found; install it or set PYTHON=/path/to/python3.11."
      "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || fail "Python >= 3.11 is required but '$py' is $("$py" -V 2>&1); set PYTHON=/path/to/python3.11."
      "$py" -c 'import venv, ensurepip' 2>/dev/null \
        || fail "Python's venv module with ensurepip is required; on Debian/Ubuntu install python3-venv."
      ;;
    java)
      command -v java >/dev/null || fail "Java 17 is required for local Spark but 'java' was not found; install a JDK 17 (e.g. openjdk-17-jdk) and put it on PATH."
      major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
      [ "${major:-0}" -ge 17 ] || fail "Java 17 is required for local Spark but 'java' is version ${major:-unknown}; install a JDK 17."
      ;;
    node)
      command -v node >/dev/null || fail "Node.js >= 20 is required for the AWS CDK CLI but 'node' was not found; install Node.js 20 or newer."
      major=$(node -p 'process.versions.node.split(".")[0]')
      [ "$major" -ge 20 ] || fail "Node.js >= 20 is required for the AWS CDK CLI but 'node' is $(node --version); install Node.js 20 or newer."
      command -v npm >/dev/null || fail "npm is required to install the AWS CDK CLI but 'npm' was not found; install it with Node.js."
      ;;
  esac
done
