#!/usr/bin/env bash
# Shapes featuresBoot:
# - Aries JPA boots in a stage of its own, before everything else. Its container and EclipseLink's
#   javax.persistence bundle both export org.osgi.service.jpa 1.1.0 and import it. The framework picks
#   the exporter with the lowest bundle id, Karaf's features resolver the one with the highest bundle
#   version (the container). Installed together, javax.persistence gets the lower id (bundles are
#   installed in symbolic-name order), the two disagree, and every later feature:install/uninstall
#   "fixes" the wire by refreshing javax.persistence and the ~20 bundles wired to it (all areas, the
#   process engine): one area's hot deploy restarted all the others. Installed first, the container
#   has the lower id and both choose it.
# - The feature areas are added by name. karaf-maven-plugin folds <bootFeatures> into one generated
#   feature, and a feature folded in there cannot be uninstalled on its own; administrators must be
#   able to feature:uninstall / feature:install each area in the running portal.
# usage: boot-feature-areas.sh ASSEMBLY_DIR FIRST_STAGE_FEATURE[,...] AREA_FEATURE[,AREA_FEATURE...]
set -euo pipefail
cfg="$1/etc/org.apache.karaf.features.cfg"
first=$(echo "$2" | sed 's/ //g; s/,/, /g')
areas=$(echo "$3" | sed 's/ //g; s/,/, /g')
grep -q '^featuresBoot *=' "$cfg" || { echo "no featuresBoot in $cfg" >&2; exit 1; }
grep -q "^featuresBoot *=.*${3%%,*}" "$cfg" && exit 0   # already added (re-run on the same directory)
sed -i "s/^featuresBoot *= *\(.*[^ ]\) *$/featuresBoot = ($first), \1, $areas/" "$cfg"
grep '^featuresBoot' "$cfg"
