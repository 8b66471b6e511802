#!/usr/bin/env bash
# Runs `npm install` only when package.json files or the lockfile changed since the last
# install (npm ci fails on this registry, see docs/architecture.md). A second run is a no-op.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
stamp="node_modules/.ssc-install-stamp"
fingerprint() {
  cat package.json package-lock.json */package.json 2>/dev/null | node -e \
    'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(require("crypto").createHash("sha256").update(process.version+s).digest("hex")))'
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(fingerprint)" ]; then
  exit 0
fi
echo "[install] installing dependencies with npm install (node $(node -v), npm $(npm -v))" >&2
npm install --no-audit --no-fund --loglevel=error >&2
fingerprint >"$stamp"
