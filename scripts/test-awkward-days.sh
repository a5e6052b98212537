#!/usr/bin/env bash
# Runs the tests that depend on today's date with the app's clock (app/domain/clock.ts) moved to
# the days where date arithmetic goes wrong: month ends, a leap day, both DST Sundays, the turn of
# the year (vitest.dates.config.ts). A test that assumes "a month is 30 days" or "today is in this
# year" fails here.
#   npm run test:dates            (every awkward day)
#   npm run test:dates -- 2028-02-29
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then export AWKWARD_DAYS="$*"; fi
# Only the tests that import the clock, directly or through the modules they test.
exec npx vitest related app/domain/clock.ts --run --config vitest.dates.config.ts --reporter=dot
