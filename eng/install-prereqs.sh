#!/usr/bin/env bash
# Installs what CallCenter needs to run and test on a Debian 12 machine, and nothing that is already
# there: PostgreSQL 15, Redis, sipp (sip-tester), debootstrap, chromium; Azurite and the reference
# GraphQL clients the tests run (graphql-ws, graphql-js, graphql-http's audit, graphql-codegen, Apollo
# Client) from npm into the project-local .tools/ folder; and Asterisk 22 (Debian unstable) in a root
# filesystem cached outside the repository. Idempotent: quiet when everything is present.
#
#   --containers   also install and configure podman, a loopback image registry and the local base images
#                  (eng/install-containers.sh): what the container tests and the AppHost's container mode need.
set -euo pipefail

containers=0
for arg in "$@"; do
  case "$arg" in
    --containers) containers=1 ;;
    *) printf '[install-prereqs] ERROR: unknown option %s (known: --containers)\n' "$arg" >&2; exit 2 ;;
  esac
done

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${CALLCENTER_CACHE:-$HOME/.cache/callcenter}
rootfs=${CALLCENTER_ASTERISK_ROOTFS:-$cache/asterisk-rootfs}
tools=${CALLCENTER_TOOLS:-$repo/.tools}
# Exact versions, each running on Node.js 20 (graphql 17 and graphql-codegen 6+ need Node 22).
npm_tools=(
  azurite@3.37.0
  graphql-ws@6.4.2
  ws@8.23.0
  graphql@16.11.0
  graphql-http@1.23.1
  @graphql-codegen/cli@5.0.7
  @graphql-codegen/typescript@4.1.6
  @graphql-codegen/typescript-operations@4.6.1
  @apollo/client@4.3.8
  rxjs@7.8.2
)

say() { printf '[install-prereqs] %s\n' "$*"; }
fail() { printf '[install-prereqs] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() {
  [ "$(id -u)" -eq 0 ] || fail "$1 needs root. Run: sudo $0"
}

# --- Debian packages -------------------------------------------------------------------------------
missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v sipp >/dev/null || missing+=(sip-tester)
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
# The GraphiQL and console browser tests drive Debian's Chromium (Playwright downloads no browser).
command -v chromium >/dev/null || missing+=(chromium)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v unshare >/dev/null || missing+=(util-linux)

if [ ${#missing[@]} -gt 0 ]; then
  need_root "Installing ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed: is the Debian package mirror reachable?"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed (see the output above)"
  # The Debian package creates a 'main' cluster; CallCenter runs its own clusters, so do not start it.
fi

# --- npm tools (project-local) ----------------------------------------------------------------------
npm_missing=()
for tool in "${npm_tools[@]}"; do
  name=${tool%@*} version=${tool##*@}
  installed=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$tools/node_modules/$name/package.json" 2>/dev/null || true)
  [ "$installed" = "$version" ] || npm_missing+=("$tool")
done
if [ ${#npm_missing[@]} -gt 0 ]; then
  say "installing ${npm_missing[*]} into $tools (npm)"
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || printf '{ "name": "callcenter-tools", "private": true }\n' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${npm_tools[@]}" >/dev/null \
    || fail "npm install failed: is the npm registry reachable?"
fi

# --- Asterisk 22 root filesystem ---------------------------------------------------------------------
if [ ! -x "$rootfs/usr/sbin/asterisk" ]; then
  need_root "Building the Asterisk root filesystem (debootstrap)"
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || fail "cannot find the Debian mirror apt uses (/etc/apt/sources.list.d/debian.sources)"
  say "building the Asterisk 22 root filesystem (Debian unstable) in $rootfs from $mirror; about a minute"
  mkdir -p "$cache"
  rm -rf "$rootfs.partial"
  debootstrap --variant=minbase --include=asterisk sid "$rootfs.partial" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || fail "debootstrap failed; see $cache/debootstrap.log (is $mirror reachable?)"
  mv "$rootfs.partial" "$rootfs"
fi

# The launcher runs Asterisk as root inside the root filesystem with its own per-instance folders;
# the hostname must resolve there or Asterisk's threads stall on DNS.
if ! grep -q "$(hostname)" "$rootfs/etc/hosts" 2>/dev/null; then
  need_root "Writing $rootfs/etc/hosts"
  printf '127.0.0.1 localhost %s\n::1 localhost\n' "$(hostname)" > "$rootfs/etc/hosts"
fi

if [ "$containers" -eq 1 ]; then
  need_root "Installing podman and the base images"
  CALLCENTER_ASTERISK_ROOTFS="$rootfs" CALLCENTER_CACHE="$cache" bash "$repo/eng/install-containers.sh"
fi

exit 0
