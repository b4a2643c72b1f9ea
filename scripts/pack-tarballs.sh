#!/usr/bin/env bash
# `npm run pack:tarballs`: installs what the build needs (the pinned pnpm into .tools/, the dependencies), builds the
# public packages, and packs each into tarballs/ as it would be published: workspace versions made real, dist/, README,
# LICENSE. Until the packages are on the npm registry, install them from there (the README's "Install" section):
#   npm install <checkout>/tarballs/auth0-ts-core-<version>.tgz <checkout>/tarballs/auth0-ts-management-<version>.tgz
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=lib.sh
. scripts/lib.sh

ensure_pnpm || { echo "pnpm could not be installed" >&2; exit 1; }
pnpm install --frozen-lockfile --reporter=silent
pnpm exec turbo run build --filter='./packages/*' --output-logs=errors-only
rm -rf tarballs && mkdir tarballs
pnpm -r --filter './packages/*' pack --pack-destination "$ROOT/tarballs" >/dev/null
ls -1 tarballs
