# Shared by scripts/test.sh, scripts/start.sh and .ci/run: the pinned pnpm in a private prefix, on PATH.
PNPM_VERSION=12.4.2 # keep equal to package.json "packageManager"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1 COREPACK_ENABLE_STRICT=0

ensure_pnpm() {
  local tools="$ROOT/.tools"
  if [ "$("$tools/bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "::: installing pnpm $PNPM_VERSION into .tools/"
    # stdout only says "added 2 packages"; no update notice (a fresh HOME has no npmrc that turns it off); errors
    # still reach stderr
    npm install -g --prefix "$tools" --allow-scripts=pnpm "pnpm@$PNPM_VERSION" \
      --no-audit --no-fund --no-update-notifier --loglevel=error >/dev/null || return 1
  fi
  export PATH="$tools/bin:$ROOT/node_modules/.bin:$PATH"
}

failures=()
step() { # step NAME CMD...: run it, time it, remember a failure
  local name=$1
  shift
  local t0=$SECONDS
  echo "::: $name"
  if "$@"; then
    echo "::: $name ok ($((SECONDS - t0))s)"
  else
    echo "::: $name FAILED ($((SECONDS - t0))s)"
    failures+=("$name")
  fi
}
