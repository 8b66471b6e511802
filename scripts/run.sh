#!/usr/bin/env bash
# Entry point of every npm script: makes sure the project runs on Node >= 22.12,
# installs dependencies when they are missing or stale, then runs the named task
# (scripts/tasks/<task>.ts) on that Node. Everything it fetches stays inside the project.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/node-env.sh
source "$root/scripts/node-env.sh"
bash "$root/scripts/install-deps.sh"
task="${1:?usage: run.sh <task> [args...]}"
shift
exec node "$root/scripts/tasks/$task.ts" "$@"
