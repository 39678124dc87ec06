#!/usr/bin/env bash
# Installs everything changwat needs on Debian 12, idempotently: Debian packages with
# apt-get (only the missing ones); the pinned Node.js and npm (scripts/node-env.sh) from
# the npm registry into .tools/; then the web and test packages with that npm.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node-env.sh

packages=(
  build-essential cmake ninja-build pkg-config ccache git curl
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev libsodium-dev libicu-dev
  libspdlog-dev libfmt-dev libcli11-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev
  libcairo2-dev libpango1.0-dev fonts-tlwg-laksaman fonts-tlwg-garuda-ttf
  libjpeg62-turbo-dev libpng-dev libexif-dev
  postgresql chromium wrk python3 python3-openpyxl poppler-utils
  clang libclang-rt-14-dev
)
# Debian's Node.js (18) and npm only fetch the pinned Node below: Vite 8 needs a newer
# one, so nothing else runs on them. Any npm already on the machine does the same job.
if [ ! -x "$changwat_node_dir/bin/node" ] && ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  hash -r
fi

# The pinned Node: installed next to its own npm in a scratch folder, checked, then
# moved into place, so an interrupted install is never mistaken for a finished one.
if [ "$(command -v node)" != "$changwat_node_dir/bin/node" ] ||
  [ "$(node --version 2>/dev/null)" != "v$changwat_node_version" ]; then
  if [ -z "$changwat_node_package" ]; then
    echo "deps: the npm registry has no Node.js build for $(uname -s) $(uname -m);" \
      "put Node.js $changwat_node_version and npm $changwat_npm_version in $changwat_node_dir/bin" >&2
    exit 1
  fi
  echo "deps: installing Node.js $changwat_node_version ($changwat_node_package) and npm" \
    "$changwat_npm_version from the npm registry into .tools/"
  partial="$changwat_node_dir.partial"
  rm -rf "$partial"
  mkdir -p "$partial/bin"
  echo '{ "private": true }' >"$partial/package.json"
  npm install --prefix "$partial" --no-save --no-package-lock --no-audit --no-fund \
    --ignore-scripts --loglevel=error "$changwat_node_package@$changwat_node_version" \
    "npm@$changwat_npm_version"
  ln -s "../node_modules/$changwat_node_package/bin/node" "$partial/bin/node"
  for tool in npm npx; do
    # npm's own scripts would pick whichever `node` comes first on PATH; this one
    # always runs the node beside it.
    printf '#!/bin/sh\nhere=$(dirname "$0")\nexec "$here/node" "$here/../node_modules/npm/bin/%s-cli.js" "$@"\n' \
      "$tool" >"$partial/bin/$tool"
    chmod +x "$partial/bin/$tool"
  done
  got_node=$("$partial/bin/node" --version)
  got_npm=$("$partial/bin/npm" --version)
  if [ "$got_node" != "v$changwat_node_version" ] || [ "$got_npm" != "$changwat_npm_version" ]; then
    echo "deps: the installed Node.js says $got_node and npm $got_npm;" \
      "expected v$changwat_node_version and $changwat_npm_version" >&2
    exit 1
  fi
  rm -rf "$changwat_node_dir"
  mv "$partial" "$changwat_node_dir"
  # Versions this checkout no longer uses; .tools/node is the current one, for people.
  for old in .tools/node-v*; do
    [ "$old" = ".tools/node-v$changwat_node_version" ] || rm -rf "$old"
  done
  ln -sfn "node-v$changwat_node_version" .tools/node
  hash -r
  changwat_check_node
  echo "deps: node $(node --version), npm $(npm --version) in .tools/node/bin"
fi

for dir in web tests; do
  if [ -f "$dir/package.json" ]; then
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      (cd "$dir" && npm ci --no-audit --no-fund)
    fi
  fi
done
