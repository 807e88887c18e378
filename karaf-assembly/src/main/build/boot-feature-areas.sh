#!/usr/bin/env bash
# Adds the feature areas to featuresBoot by name. karaf-maven-plugin folds <bootFeatures> into one
# generated feature, and a feature folded in there cannot be uninstalled on its own; administrators
# must be able to feature:uninstall / feature:install each area in the running portal.
# usage: boot-feature-areas.sh ASSEMBLY_DIR FEATURE[,FEATURE...]
set -euo pipefail
cfg="$1/etc/org.apache.karaf.features.cfg"
areas=$(echo "$2" | sed 's/ //g; s/,/, /g')
grep -q '^featuresBoot *=' "$cfg" || { echo "no featuresBoot in $cfg" >&2; exit 1; }
grep -q "^featuresBoot *=.*${2%%,*}" "$cfg" && exit 0   # already added (re-run on the same directory)
sed -i "s/^\(featuresBoot *= *.*[^ ]\) *$/\1, $areas/" "$cfg"
grep '^featuresBoot' "$cfg"
