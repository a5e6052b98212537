#!/usr/bin/env bash
# Runs the tests that depend on today's date with the app's clock (app/domain/clock.ts) moved to
# the days where date arithmetic goes wrong: month ends, a leap day, both DST Sundays, the turn of
# the year. A test that assumes "a month is 30 days" or "today is in this year" fails here.
#   npm run test:dates            (every awkward day)
#   npm run test:dates -- 2028-02-29
set -euo pipefail
cd "$(dirname "$0")/.."
days=("$@")
[ ${#days[@]} -gt 0 ] || days=(2027-01-31 2028-02-29 2027-03-28 2027-10-31 2027-12-31 2028-01-01)
files=(
  tests/unit/
  tests/integration/honoris-gratia.test.ts
  tests/integration/deadlines.test.ts
  tests/integration/board.test.ts
  tests/integration/retention.test.ts
)
for day in "${days[@]}"; do
  echo "== the clock on $day"
  MERENTI_TODAY="$day" npx vitest run --project unit --project integration --reporter=dot "${files[@]}"
done
