#!/usr/bin/env bash
# Runs a command with the pinned pnpm (.tools/bin) and the root node_modules/.bin first on PATH. The root scripts run
# turbo through here: turbo looks `pnpm` up on PATH ("Unable to find package manager binary" otherwise), and pnpm does
# not put itself there, so `.tools/bin/pnpm build` works from a fresh clone without any change to PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
. "$ROOT/scripts/lib.sh"
export PATH="$ROOT/.tools/bin:$ROOT/node_modules/.bin:$PATH"
exec "$@"
