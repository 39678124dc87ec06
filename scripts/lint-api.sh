#!/usr/bin/env bash
# Checks the API contract the way outside tools see it, offline (the tools come from
# tests/ and web/ node_modules, which scripts/deps.sh installs with `npm ci`):
#  1. Redocly CLI 2 lints api/openapi.yaml with its recommended rules, no configuration
#     and no ignore file: any error or warning fails.
#  2. The web client's types (web/src/api/schema.ts) are what openapi-typescript makes
#     of api/openapi.yaml now: a stale file fails; `cd web && npm run gen:api` renews it.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -f scripts/node-env.sh ]; then . scripts/node-env.sh; fi

# Redocly reports usage and checks for updates over the network unless told not to;
# there is no network here but the npm registry, and a test should not wait on one.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_SUPPRESS_NOTIFICATIONS=true

spec=api/openapi.yaml
redocly=tests/node_modules/.bin/redocly
generator=web/node_modules/.bin/openapi-typescript
generated_file=web/src/api/schema.ts
failed=0

for tool in "$redocly" "$generator"; do
  if [ ! -x "$tool" ]; then
    echo "lint-api: $tool is missing; run scripts/deps.sh (npm ci in tests/ and web/)" >&2
    exit 1
  fi
done

# The outside check runs with the built-in recommended rules; a config or ignore file
# here would make this check pass where that one fails.
for file in redocly.yaml redocly.yml .redocly.yaml .redocly.lint-ignore.yaml \
  api/redocly.yaml api/.redocly.yaml api/.redocly.lint-ignore.yaml; do
  if [ -e "$file" ]; then
    echo "lint-api: $file changes the lint rules; the contract is the recommended rules alone" >&2
    failed=1
  fi
done

work=$(mktemp -d /tmp/changwat-lint-api.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "redocly $("$redocly" --version 2>/dev/null) lint $spec (recommended rules)"
"$redocly" lint "$spec" --format=json >"$work/lint.json" 2>"$work/lint.err"
lint_status=$?
if ! totals=$(node -e '
  const { totals } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${totals.errors} ${totals.warnings}`);
' "$work/lint.json" 2>/dev/null); then
  echo "lint-api: redocly gave no report (exit $lint_status):" >&2
  cat "$work/lint.err" >&2
  failed=1
else
  read -r errors warnings <<<"$totals"
  echo "  $errors errors, $warnings warnings"
  if [ "$errors" != 0 ] || [ "$warnings" != 0 ] || [ "$lint_status" != 0 ]; then
    "$redocly" lint "$spec" --format=stylish --max-problems=200 2>&1 | grep -v '^\s*$' >&2
    echo "lint-api: fix api/openapi.yaml until Redocly reports no error and no warning" >&2
    failed=1
  fi
fi

echo "openapi-typescript $spec -> $generated_file (drift check)"
if ! (cd web && node_modules/.bin/openapi-typescript "../$spec" --output "$work/schema.ts") \
  >"$work/gen.log" 2>&1; then
  cat "$work/gen.log" >&2
  echo "lint-api: openapi-typescript could not read $spec" >&2
  failed=1
elif ! cmp -s "$work/schema.ts" "$generated_file"; then
  diff -u "$generated_file" "$work/schema.ts" | head -40 >&2
  echo "lint-api: $generated_file does not match $spec; run: cd web && npm run gen:api" >&2
  failed=1
else
  echo "  up to date"
fi

exit $failed
