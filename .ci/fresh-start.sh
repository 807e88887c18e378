#!/usr/bin/env bash
# README's start command as a newcomer meets it: a fresh clone, no CertPortal artifact in the local
# Maven repository. Passes when the sign-in page renders in headless Chromium (its form is built by
# Vaadin in the browser, so the check reads the rendered DOM, not the HTTP status).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
local_repo="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}"
rm -rf "$local_repo/org/certportal"
work=$(mktemp -d)
clone="$work/certportal"
git clone -q "$repo" "$clone"
stop() { bash "$clone/karaf-assembly/portal.sh" stop || true; rm -rf "$work"; }
trap stop EXIT
bash "$clone/karaf-assembly/portal.sh" start
profile=$(mktemp -d)
dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --virtual-time-budget=20000 --dump-dom http://localhost:8181/login 2>/dev/null || true)
rm -rf "$profile"
if ! grep -q 'id="sign-in"' <<<"$dom" || ! grep -q 'id="username"' <<<"$dom"; then
  echo "fresh start: the sign-in page did not render; rendered DOM:" >&2
  head -c 3000 <<<"$dom" >&2
  exit 1
fi
echo "fresh start: sign-in page rendered from a fresh clone with an empty org/certportal repository"
