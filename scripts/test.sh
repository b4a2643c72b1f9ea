#!/usr/bin/env bash
# `npm test`: on a fresh machine with only Node >= 20.19 and npm, install the pinned pnpm privately, install the
# dependencies, build, typecheck and run every unit and integration test. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=lib.sh
. scripts/lib.sh

ensure_pnpm || { echo "pnpm could not be installed"; echo "0 passed, 1 failed"; exit 1; }
step install pnpm install --frozen-lockfile
if [[ " ${failures[*]} " == *" install "* ]]; then echo "0 passed, 1 failed"; exit 1; fi

rm -rf packages/*/test-results apps/*/test-results codegen/test-results
step build pnpm exec turbo run build --output-logs=errors-only
step typecheck pnpm exec turbo run typecheck --output-logs=errors-only
# two packages at a time: each suite's vitest already uses both cores, and the integration suites (real servers,
# child processes, Redis) keep their timing margins when the machine is not oversubscribed
step test pnpm exec turbo run test --continue --concurrency=2 --output-logs=new-only

step_failures=0
test_failed=0
for f in "${failures[@]}"; do if [ "$f" = test ]; then test_failed=1; else step_failures=$((step_failures + 1)); fi; done
[ ${#failures[@]} -eq 0 ] || echo "failed steps: ${failures[*]}"
# .ci/run adds these step failures to its combined count
mkdir -p .ci-results && echo "{\"passed\":0,\"failed\":$step_failures,\"testStepFailed\":$test_failed}" > .ci-results/npm-test-steps.json
TEST_STEP_FAILED=$test_failed STEP_FAILURES=$step_failures node scripts/test-summary.mjs
