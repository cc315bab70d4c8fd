#!/usr/bin/env bash
# The Debian packages the tests need, installed where they are missing: used by `npm test`
# (scripts/test.mjs) and by CI (.ci/run). Only as root on Debian or Ubuntu; anywhere else it
# installs nothing, and the tests that need a missing component are skipped with one line each
# (test/helpers/components.ts names the same packages).
# Fast when everything is there: one dpkg-query, no apt-get update.
set -euo pipefail

# Mail lab (Dovecot, Postfix, dnsmasq, openssl; flock and script from util-linux/bsdutils;
# unshare and ip for its network namespace), keyring (gnome-keyring, dbus), keytar's build
# (libsecret-1-dev, pkg-config, a C++ toolchain), browser tests (chromium), traffic capture
# (tshark's dumpcap), Thunderbird profile tests (thunderbird), port holders (ss from iproute2).
PACKAGES=(
  dovecot-imapd dovecot-pop3d postfix dnsmasq-base openssl ca-certificates util-linux bsdutils
  gnome-keyring dbus libsecret-1-0 libsecret-1-dev pkg-config g++ make python3
  chromium fonts-dejavu-core tshark procps iproute2 thunderbird
)

[ "$(id -u)" = 0 ] || exit 0
command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1 || exit 0

installed=" $(dpkg-query -W -f='${Package}=${db:Status-Abbrev} ' "${PACKAGES[@]}" 2>/dev/null || true) "
missing=()
for package in "${PACKAGES[@]}"; do
  case "$installed" in *" $package=ii "*) ;; *) missing+=("$package") ;; esac
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Keep the packages' postinst from starting system instances (they would hold ports such as
# 0.0.0.0:25 and :993 on the host).
policy_rc_d=/usr/sbin/policy-rc.d
if [ ! -e "$policy_rc_d" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy_rc_d" && chmod 755 "$policy_rc_d"
  trap 'rm -f "$policy_rc_d"' EXIT
fi
log=$(mktemp)
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  echo "test-deps: apt-get could not install ${missing[*]}: $(grep -E '^(E|Err):' "$log" | head -n 1)" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
