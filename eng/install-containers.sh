#!/usr/bin/env bash
# The container side of eng/install-prereqs.sh (its --containers flag): Debian's podman configured so that it runs
# here, Debian's docker-registry (a loopback registry the .NET SDK takes its base image from), and the two local base
# images, built from debootstrap root filesystems because no image registry is reachable:
#   localhost/callcenter/aspnet:10.0       Debian 12 minbase + this machine's ASP.NET Core runtime, laid out like
#                                          Microsoft's aspnet image (the services' base, see eng/Containers.props)
#   localhost/callcenter/asterisk-base:22  the Asterisk 22 root filesystem (asterisk/Containerfile's BASE_IMAGE)
# Idempotent: quiet when everything is present. Needs root.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${CALLCENTER_CACHE:-$HOME/.cache/callcenter}
asterisk_rootfs=${CALLCENTER_ASTERISK_ROOTFS:-$cache/asterisk-rootfs}
base_rootfs=$cache/aspnet-base-rootfs
dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
aspnet_image=localhost/callcenter/aspnet:10.0
asterisk_image=localhost/callcenter/asterisk-base:22
# The three fixes podman 4.3 needs here (no netavark without iptables, a hard RLIMIT_NOFILE below podman's default,
# crun refusing hybrid cgroups), as a drop-in that leaves the machine's own containers.conf alone.
podman_conf=/etc/containers/containers.conf.d/50-callcenter.conf

say() { printf '[install-containers] %s\n' "$*"; }
fail() { printf '[install-containers] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "podman and the base images need root. Run: sudo eng/install-prereqs.sh --containers"

missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v iptables >/dev/null || missing+=(iptables)
command -v docker-registry >/dev/null || missing+=(docker-registry)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed: is the Debian package mirror reachable?"
  # policy-rc.d exit 101: the registry package must not start its own daemon on port 5000 (tests start their own).
  # Only when the machine has no policy of its own, which is left as it is.
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
  fi
  installed=0
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null && installed=1
  [ "$own_policy" -eq 0 ] || rm -f /usr/sbin/policy-rc.d
  [ "$installed" -eq 1 ] || fail "apt-get install ${missing[*]} failed"
fi

if [ ! -f "$podman_conf" ]; then
  say "configuring podman ($podman_conf)"
  mkdir -p "$(dirname "$podman_conf")"
  cat > "$podman_conf" <<'EOF'
# CallCenter (eng/install-containers.sh): what Debian 12's podman needs on these machines.
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1000:1000"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
fi
podman info >/dev/null 2>&1 || fail "podman is installed but 'podman info' fails: $(podman info 2>&1 | tail -3)"

mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)

# --- the services' base: Debian 12 + the ASP.NET Core runtime --------------------------------------------------
runtime=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | grep '^10\.' | sort -V | tail -1)
[ -n "$runtime" ] || fail "no ASP.NET Core 10 runtime under $dotnet_root/shared"
if ! podman image exists "$aspnet_image" || [ "$(podman image inspect -f '{{index .Config.Labels "dotnet.runtime"}}' "$aspnet_image")" != "$runtime" ]; then
  if [ ! -x "$base_rootfs/bin/sh" ]; then
    [ -n "$mirror" ] || fail "cannot find the Debian mirror apt uses"
    say "building the Debian 12 root filesystem of the services' base image in $base_rootfs; about a minute"
    rm -rf "$base_rootfs.partial"
    # libssl3 for TLS (Redis, PostgreSQL, Azure), ca-certificates for the public CAs, tzdata for local times.
    debootstrap --variant=minbase --include=libssl3,ca-certificates,tzdata bookworm "$base_rootfs.partial" "$mirror" \
      >"$cache/debootstrap-aspnet.log" 2>&1 || fail "debootstrap failed; see $cache/debootstrap-aspnet.log"
    # What a runtime image has no use for.
    rm -rf "$base_rootfs.partial"/usr/share/{doc,man,info,locale} "$base_rootfs.partial"/var/cache/apt/* "$base_rootfs.partial"/var/lib/apt/lists/*
    mv "$base_rootfs.partial" "$base_rootfs"
  fi
  say "importing $aspnet_image (ASP.NET Core $runtime from $dotnet_root)"
  staging=$(mktemp -d)
  trap 'rm -rf "$staging"' EXIT
  cp -a "$base_rootfs/." "$staging/"
  mkdir -p "$staging/usr/share/dotnet/host/fxr" "$staging/usr/share/dotnet/shared" "$staging/home/app" "$staging/app"
  cp -a "$dotnet_root/dotnet" "$staging/usr/share/dotnet/"
  cp -a "$dotnet_root/host/fxr/$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)" "$staging/usr/share/dotnet/host/fxr/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$staging/usr/share/dotnet/shared/$framework"
    cp -a "$dotnet_root/shared/$framework/$runtime" "$staging/usr/share/dotnet/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$staging/usr/bin/dotnet"
  # The `app` user (uid 1654) of Microsoft's images.
  grep -q '^app:' "$staging/etc/passwd" || echo 'app:x:1654:1654:app:/home/app:/usr/sbin/nologin' >> "$staging/etc/passwd"
  grep -q '^app:' "$staging/etc/group" || echo 'app:x:1654:' >> "$staging/etc/group"
  chown 1654:1654 "$staging/home/app"
  tar -C "$staging" --numeric-owner -c . | podman import --quiet \
    --change 'ENV ASPNETCORE_HTTP_PORTS=8080' --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
    --change 'ENV APP_UID=1654' --change "ENV DOTNET_VERSION=$runtime" --change "ENV ASPNETCORE_VERSION=$runtime" \
    --change "LABEL dotnet.runtime=$runtime" --change 'USER 1654' --change 'WORKDIR /app' \
    - "$aspnet_image" >/dev/null || fail "podman import of $aspnet_image failed"
  rm -rf "$staging"
  trap - EXIT
fi

# --- Asterisk's base: the root filesystem eng/install-prereqs.sh built ------------------------------------------
if ! podman image exists "$asterisk_image"; then
  [ -x "$asterisk_rootfs/usr/sbin/asterisk" ] || fail "no Asterisk root filesystem at $asterisk_rootfs: run eng/install-prereqs.sh first"
  say "importing $asterisk_image from $asterisk_rootfs"
  # Not the instances of tests and the AppHost, nor the bind-mount points' contents.
  tar -C "$asterisk_rootfs" --numeric-owner --exclude=./var/tmp/callcenter --exclude='./proc/*' --exclude='./dev/*' -c . \
    | podman import --quiet - "$asterisk_image" >/dev/null || fail "podman import of $asterisk_image failed"
fi

exit 0
