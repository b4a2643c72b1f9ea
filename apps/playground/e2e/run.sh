#!/usr/bin/env bash
# The playground's browser e2e, as .ci/run calls it: bash apps/playground/e2e/run.sh <result.json>
# Builds the playground and the packages it uses, starts its server on a free 127.0.0.1 port (embedded mock
# tenant), drives Debian chromium with playwright-core, writes {"passed":N,"failed":N} to <result.json>, stops the
# server, and exits non-zero when anything failed. Screenshots and the server log go to apps/playground/e2e/out/.
set -uo pipefail
RESULT=${1:?usage: bash apps/playground/e2e/run.sh <result.json>}
case $RESULT in /*) ;; *) RESULT="$PWD/$RESULT" ;; esac
cd "$(dirname "$0")/../../.."
ROOT=$PWD
APP=$ROOT/apps/playground
OUT=$APP/e2e/out
mkdir -p "$OUT" "$(dirname "$RESULT")"
rm -f "$RESULT" "$OUT"/*.png
# shellcheck source=../../../scripts/lib.sh
. scripts/lib.sh

fail() {
  echo "e2e: $1" >&2
  echo '{"passed":0,"failed":1}' >"$RESULT"
  exit 1
}

ensure_pnpm || fail "pnpm could not be installed"
CHROMIUM=${CHROMIUM_PATH:-$(command -v chromium || true)}
[ -x "$CHROMIUM" ] || fail "chromium not found: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH"

pnpm exec turbo run build --filter=@auth0-ts/playground... --output-logs=errors-only || fail "build failed"

SECRETS=$(mktemp)
# Always the embedded mock tenant, whatever AUTH0_* the environment has; the server lists its secrets for the scan.
env -u AUTH0_DOMAIN -u AUTH0_CLIENT_ID -u AUTH0_CLIENT_SECRET -u AUTH0_CLIENT_ASSERTION_SIGNING_KEY \
  PORT=0 PLAYGROUND_SECRETS_FILE="$SECRETS" node "$APP/dist/server/main.js" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
stop_server() {
  kill "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  rm -f "$SECRETS"
}
trap stop_server EXIT

URL=
for _ in $(seq 1 300); do
  URL=$(sed -n 's/^Playground: \(http[^ ]*\)$/\1/p' "$OUT/server.log" | tail -n 1)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.2
done
[ -n "$URL" ] || { cat "$OUT/server.log" >&2; fail "the playground server did not start"; }
echo "e2e: playground at $URL (pid $SERVER_PID)"

BASE_URL=$URL CHROMIUM_PATH=$CHROMIUM SECRETS_FILE=$SECRETS E2E_OUT=$OUT \
  timeout 300 node "$APP/e2e/playground.mjs" | tail -n 1 >"$RESULT"
rc=${PIPESTATUS[0]}
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (!Number.isInteger(r.passed) || !Number.isInteger(r.failed)) process.exit(1)' "$RESULT" 2>/dev/null ||
  { echo '{"passed":0,"failed":1}' >"$RESULT"; rc=1; }
echo "e2e: $(cat "$RESULT")"
exit "$rc"
