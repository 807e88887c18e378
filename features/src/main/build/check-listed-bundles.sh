#!/usr/bin/env bash
# Fails the build when features.xml lists a CertPortal bundle that this module does not depend on:
# Maven would then not build it before the distribution, and a fresh machine could not start.
set -euo pipefail
dir=$1
missing=0
for artifact in $(grep -o 'mvn:org\.certportal/[a-z0-9-]*/' "$dir/src/main/feature/features.xml" | cut -d/ -f2 | sort -u); do
  if ! grep -q "<artifactId>$artifact</artifactId>" "$dir/pom.xml"; then
    echo "features.xml lists $artifact, but features/pom.xml does not depend on it: add it to <dependencies>" >&2
    missing=1
  fi
done
exit $missing
