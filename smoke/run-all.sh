#!/usr/bin/env bash
# The runtime smoke matrix: the built packages, imported by name, against one local server on 127.0.0.1.
#   bash smoke/run-all.sh [--json FILE]    (pnpm smoke; .ci/run passes --json; run it after a build)
#   bash smoke/run-all.sh --install-only   (only installs the runtimes: CI may start it early, in the background)
#   SMOKE_NETNS=0 bash smoke/run-all.sh    (skips the `unshare -n` sandbox)
# 1. Installs the runtimes with npm into .runtimes/ (outside the pnpm workspace; exact pins in
#    smoke/runtimes/package.json; no install scripts) and Debian's chromium when missing, and bundles the edge
#    entries. The install runs in the background while the rows that need none of it (Node 20, Chromium) run.
# 2. Runs the matrix inside `unshare -n` (a network namespace with only loopback) when the machine allows it, which
#    proves that nothing leaves 127.0.0.1; otherwise with the network, and says so.
# 3. Starts smoke/server.mjs, runs every runtime in turn, kills what it started by PID.
# Each runtime ends with "<runtime>: N passed, N failed" (a runtime that crashes before its line counts as one
# failure); the run ends with "smoke: N passed, N failed" and exits non-zero on any failure.
# Artifacts in .smoke/: one log per runtime, last-run.json, runtimes.md (the README's table, from this run).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.smoke
RT=$ROOT/.runtimes
R=$RT/node_modules
JSON=
PHASE=all
while [ $# -gt 0 ]; do
  case $1 in
    --json) JSON=${2:?--json needs a file} && shift 2 ;;
    --install-only) PHASE=install && shift ;;
    --phase) PHASE=${2:?} && shift 2 ;;
    *) echo "usage: bash smoke/run-all.sh [--json FILE | --install-only]" >&2 && exit 2 ;;
  esac
done
now_ms() { echo $(($(date +%s%N) / 1000000)); }
secs_since() { awk -v ms="$(($(now_ms) - $1))" 'BEGIN { printf "%.1f", ms / 1000 }'; }
T0=${SMOKE_T0:-$(now_ms)}
mkdir -p "$OUT"

finish() { # finish PASSED FAILED: the closing line, the JSON file, the exit status
  [ -n "$JSON" ] && echo "{\"passed\":$1,\"failed\":$2}" >"$JSON"
  echo "smoke: $1 passed, $2 failed"
  [ "$2" -eq 0 ] && [ "$1" -gt 0 ]
  exit
}

# --- setup -------------------------------------------------------------------------------------------------------
# The binaries are called from their platform packages, so no install script has to run (npm 11 already warns
# that bun's, deno's and workerd's scripts are not covered by allowScripts).
BUN=$R/@oven/bun-linux-x64/bin/bun
DENO=$R/@deno/linux-x64-glibc/deno
WORKERD=$R/@cloudflare/workerd-linux-64/bin/workerd
install_runtimes() { # one installer at a time (flock), a no-op once the manifest is installed
  mkdir -p "$RT" && exec 9>"$RT/.lock" && flock 9 || return 1
  if cmp -s smoke/runtimes/package.json "$RT/package.json" && [ -f "$RT/.installed" ]; then return 0; fi
  echo "smoke: installing runtimes into .runtimes/"
  rm -f "$RT/.installed" && cp smoke/runtimes/package.json "$RT/package.json" &&
    npm install --prefix "$RT" --no-audit --no-fund --no-save --ignore-scripts --prefer-offline --loglevel=error &&
    touch "$RT/.installed"
}
install_chromium() {
  command -v chromium >/dev/null && return 0
  echo "smoke: installing chromium from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends chromium >/dev/null; }
}

if [ "$PHASE" = install ]; then
  install_runtimes && install_chromium
  exit
fi

if [ "$PHASE" = all ]; then
  rm -f "$OUT/install.rc"
  (
    t=$(now_ms)
    install_runtimes >"$OUT/install.log" 2>&1
    rc=$?
    echo "took $(secs_since "$t")s" >>"$OUT/install.log"
    echo $rc >"$OUT/install.rc"
  ) &
  export SMOKE_INSTALL_PID=$!
  install_chromium || echo "smoke: the chromium install failed (its row will fail)"
  node smoke/bundle.mjs || { echo "smoke: bundling failed" && finish 0 1; }
  args=(--phase matrix)
  [ -n "$JSON" ] && args+=(--json "$JSON")
  export SMOKE_T0=$T0
  if [ "${SMOKE_NETNS:-1}" = 1 ] && unshare -n ip link set lo up 2>/dev/null; then
    echo "smoke: running offline, in a network namespace with only loopback (unshare -n)"
    exec unshare -n bash -c 'ip link set lo up && exec bash smoke/run-all.sh "$@"' run-all "${args[@]}"
  fi
  echo "smoke: not sandboxed (SMOKE_NETNS=0, or unshare -n is unavailable): running with the network; every call still targets 127.0.0.1"
  exec bash smoke/run-all.sh "${args[@]}"
fi

# --- matrix --------------------------------------------------------------------------------------------------------
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  # an install still running when the matrix is interrupted
  [ -n "${SMOKE_INSTALL_PID:-}" ] && [ ! -f "$OUT/install.rc" ] && kill "$SMOKE_INSTALL_PID" 2>/dev/null
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the one server (mock tenant + static page + admin routes), on 127.0.0.1:0
node smoke/server.mjs >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
B=
for _ in $(seq 1 300); do
  B=$(awk '/^LISTENING /{print $2; exit}' "$OUT/server.log")
  [ -n "$B" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$B" ]; then
  echo "FAIL smoke server > did not start:" && sed 's/^/    /' "$OUT/server.log"
  finish 0 1
fi
echo "smoke: server $B"

CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium || true)}
# --no-check on `deno test`: Deno type-checks the workspace-linked dist as local files and cannot map tsup's
# shared `.d.ts` chunk imports (`./chunk.js`); from a real node_modules install the same check passes.
DENO_FLAGS=(--no-prompt --cached-only --node-modules-dir=manual --allow-net=127.0.0.1)
export CHROMIUM_PATH DENO_DIR=$OUT/deno DENO_NO_UPDATE_CHECK=1 NO_COLOR=1

passed=0
failed=0
rows=()
times=()
table=("| runtime | how | checks | seconds |" "| --- | --- | --- | --- |")
run_rows() { # each argument: "label|what the row proves (the README table)|command"
  local entry label rest what cmd log t rc took line p f secs
  for entry in "$@"; do
    label=${entry%%|*}
    rest=${entry#*|}
    what=${rest%%|*}
    cmd=${rest#*|}
    log=$OUT/$label.log
    t=$(now_ms)
    # shellcheck disable=SC2086 # the command is a word list on purpose
    timeout 120 $cmd >"$log" 2>&1
    rc=$?
    secs=$(secs_since "$t")
    line=$(grep -E "^$label: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -n 1)
    if [ -z "$line" ]; then
      p=0 f=1
      echo "FAIL $label > did not finish (exit $rc); last output:" && tail -n 15 "$log" | sed 's/^/    /'
    else
      p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
      f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
      grep -E '^FAIL |^    ' "$log"
      if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "FAIL $label > exited $rc after reporting no failure" && tail -n 15 "$log" | sed 's/^/    /'
      fi
    fi
    echo "$label: $p passed, $f failed"
    passed=$((passed + p))
    failed=$((failed + f))
    rows+=("{\"runtime\":\"$label\",\"passed\":$p,\"failed\":$f,\"seconds\":$secs}")
    times+=("$label=$secs")
    table+=("| $label | $what | $p passed, $f failed | $secs |")
  done
}

node_v() { "$1" -p 'process.versions.node'; }
# rows that need nothing from .runtimes/, while the install may still run
run_rows \
  "node20-esm|Node $(node_v node), ESM \`import\` by package name|node smoke/node.mjs $B node20-esm" \
  "node20-cjs|Node $(node_v node), CJS \`require()\`|node smoke/node.cjs $B node20-cjs" \
  "chromium|Chromium $("${CHROMIUM_PATH:-false}" --version 2>/dev/null | awk '{print $2}') (Debian, headless, playwright-core), esbuild bundle|node smoke/chromium.mjs $B chromium"

t=$(now_ms)
if [ -n "${SMOKE_INSTALL_PID:-}" ]; then
  until [ -f "$OUT/install.rc" ]; do sleep 0.2; done
  echo "smoke: waited $(secs_since "$t")s for the runtime install ($(tail -n 1 "$OUT/install.log"))"
fi
if [ "$(cat "$OUT/install.rc" 2>/dev/null || echo 0)" != 0 ] || [ ! -f "$RT/.installed" ]; then
  echo "FAIL runtimes > the install failed:" && tail -n 15 "$OUT/install.log" | sed 's/^/    /'
  failed=$((failed + 1))
else
  run_rows \
    "node22-esm|Node $(node_v "$R/node22/bin/node"), ESM|$R/node22/bin/node smoke/node.mjs $B node22-esm" \
    "node22-cjs|Node $(node_v "$R/node22/bin/node"), CJS|$R/node22/bin/node smoke/node.cjs $B node22-cjs" \
    "node24-esm|Node $(node_v "$R/node24/bin/node"), ESM|$R/node24/bin/node smoke/node.mjs $B node24-esm" \
    "node24-cjs|Node $(node_v "$R/node24/bin/node"), CJS|$R/node24/bin/node smoke/node.cjs $B node24-cjs" \
    "bun-esm|Bun $("$BUN" --version), ESM|$BUN smoke/node.mjs $B bun-esm" \
    "bun-cjs|Bun, CJS|$BUN smoke/node.cjs $B bun-cjs" \
    "bun-test|Bun, \`bun test\`|env SMOKE_BASE=$B SMOKE_LABEL=bun-test $BUN test ./smoke/bun" \
    "deno|Deno $("$DENO" --version | awk 'NR==1{print $2}'), \`deno run --allow-net=127.0.0.1\`|$DENO run ${DENO_FLAGS[*]} smoke/node.mjs $B deno" \
    "deno-test|Deno, \`deno test\`|$DENO test ${DENO_FLAGS[*]} --no-check smoke/deno/ -- $B deno-test" \
    "workerd|workerd $("$WORKERD" --version | awk '{print $2}') (raw, compatibilityDate 2025-09-01, no Node globals), esbuild bundle|node smoke/workerd.mjs $WORKERD $B workerd" \
    "workerd-canary|workerd refuses a bundle whose core entry touches \`process.env\` (negative control)|node smoke/workerd.mjs $WORKERD $B workerd-canary --canary"
fi

kill "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
total=$(secs_since "$T0")
(IFS=,; echo "{\"passed\":$passed,\"failed\":$failed,\"seconds\":$total,\"runtimes\":[${rows[*]}]}") >"$OUT/last-run.json"
printf '%s\n' "${table[@]}" >"$OUT/runtimes.md"
echo "smoke: seconds per runtime: ${times[*]}"
echo "smoke: ${total}s in total (install, bundles and the matrix)"
finish "$passed" "$failed"
