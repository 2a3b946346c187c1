#!/usr/bin/env bash
# The JUnit tests that drive the real flytekit, run with the venv that e2e/lib.bash creates, so
# that .ci/run runs them instead of skipping them (`mvn -B verify` comes first, before any venv
# exists): RealPyflyteTest and RealFlytekitTest (the runner with real pyflyte-execute processes)
# and FlytekitRemoteTest (FlyteRemote over a replayed run). FLYTEKIT_TESTS=required makes a
# missing venv an error instead of a skip.
#
#   e2e/flytekit-tests.sh      # called by .ci/run after `mvn -B verify`
set -euo pipefail
source "$(dirname "$0")/lib.bash"

export E2E_VENV="$VENV" FLYTEKIT_TESTS=required
mvn -B -q -pl runner,flyteadmin -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='RealPyflyteTest,RealFlytekitTest,FlytekitRemoteTest' >"$WORK/mvn.log" 2>&1 \
  || { tail -80 "$WORK/mvn.log"; exit 1; }
# each test class ran (a skip would leave skipped="1" in its report)
for report in runner/target/surefire-reports/TEST-org.flyte.runner.RealPyflyteTest.xml \
  runner/target/surefire-reports/TEST-org.flyte.runner.RealFlytekitTest.xml \
  flyteadmin/target/surefire-reports/TEST-org.flyte.admin.api.FlytekitRemoteTest.xml; do
  grep -q 'skipped="0"' "$report" && grep -q 'failures="0"' "$report" \
    || { echo "$report: skipped or failed" >&2; sed -n 1,5p "$report" >&2; exit 1; }
done
echo "== e2e/flytekit-tests.sh passed"
