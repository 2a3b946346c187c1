#!/usr/bin/env bash
# Rewrites the committed renders of the charts (deployment/*/flyte_*generated.yaml) after a
# change to charts/: the deployment-tests module renders each overlay with Helm's library and
# writes it here. Commit the result; `mvn verify` fails while a render is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl deployment-tests -am verify \
  -Dtest='RenderedManifestsTest#committedRenderIsCurrent' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
  -Dflyte.deployment.regenerate=true "$@"
git status --short deployment/
