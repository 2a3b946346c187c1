# Shared by e2e/run.sh and e2e/flows.sh (source it after lib.bash and start_sandbox/write_config,
# with FLOWS naming the workflows file): runs a workflow locally and with `pyflyte run --remote`,
# and checks with FlyteRemote (e2e/run/remote.py) that both end the same.
#
#   local_run <workflow> [args...]         # what `pyflyte run` prints locally (its last line; stdin
#                                           # answers a gate's prompt, whose text is dropped)
#   remote_run <name> <workflow> [args...] # `pyflyte run --remote`, the execution named <name>
#   remote <mode> <name> [args...]         # e2e/run/remote.py on that execution
#   same <name> <workflow> [args...]       # both, then: the same output, or FAILED with the error
#                                           # local pyflyte printed last

PYFLYTE=("$VENV/bin/pyflyte" --config "$WORK/config.yaml")

local_run() {
  (cd "$WORK" && "$VENV/bin/pyflyte" run "$E2E_ROOT/$FLOWS" "$@" 2>&1 | tail -1) \
    | sed -E 's/^\[(Approval|Input) Gate\] .*(\[Y\/n\]|>): //'
}

remote_run() {
  local name="$1"
  shift
  (cd "$WORK" && "${PYFLYTE[@]}" run --remote --project flytesnacks --domain development \
    --name "$name" "$E2E_ROOT/$FLOWS" "$@") >"$WORK/run-$name.log" 2>&1 \
    || { cat "$WORK/run-$name.log"; tail -80 "$WORK/sandbox.log"; exit 1; }
}

remote() {
  "$VENV/bin/python" e2e/run/remote.py "$ADMIN_GRPC" "$@" || { tail -80 "$WORK/sandbox.log"; exit 1; }
}

same() {
  local name="$1" expected status=0
  shift
  expected="$(local_run "$@" </dev/null)" || status=$?
  expected="$(sed 's/^ *//' <<<"$expected")"
  remote_run "$name" "$@"
  if ((status != 0)); then
    remote check "$name" FAILED "$expected"
  else
    remote check "$name" SUCCEEDED "$expected"
  fi
}
