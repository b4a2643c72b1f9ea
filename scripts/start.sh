#!/usr/bin/env bash
# `npm start`: on a fresh machine with only Node >= 20.19 and npm, install the pinned pnpm privately, install the
# dependencies, build the packages and the playground, then run the playground on 127.0.0.1 until Ctrl-C.
# With no AUTH0_* variables it runs on the embedded mock tenant (see apps/playground/README.md).
# Its last line of output is "Playground: http://127.0.0.1:<port>/".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=lib.sh
. scripts/lib.sh

ensure_pnpm || { echo "pnpm could not be installed" >&2; exit 1; }
echo "::: installing dependencies"
pnpm install --frozen-lockfile --reporter=silent
echo "::: building the packages and the playground"
pnpm exec turbo run build --filter=@auth0-ts/playground... --output-logs=errors-only
exec node apps/playground/dist/server/main.js
