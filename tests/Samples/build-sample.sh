#!/usr/bin/env bash
# Packs KeyLint into artifacts/, builds the TradingBot sample against that package and prints KeyLint's
# diagnostics. Exits non-zero when the build fails or KeyLint reports nothing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="$repo/tests/Samples/TradingBot/TradingBot.csproj"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "Packing KeyLint into $repo/artifacts ..."
if ! dotnet pack "$repo/src/KeyLint.Package/KeyLint.Package.csproj" -c Release -o "$repo/artifacts" \
  -tl:off -nologo >"$log" 2>&1; then
  cat "$log"
  echo "Packing KeyLint failed." >&2
  exit 1
fi
version="$(dotnet msbuild "$repo/src/KeyLint.Package/KeyLint.Package.csproj" -getProperty:PackageVersion)"

# The sample's Directory.Build.targets removes the previously extracted KeyLint before restore, so this build uses
# the package just packed even when its version did not change.
echo "Building tests/Samples/TradingBot with KeyLint $version ..."
if ! dotnet build "$sample" --no-incremental -tl:off -nologo -p:KeyLintVersion="$version" >"$log" 2>&1; then
  cat "$log"
  echo "The sample failed to build." >&2
  exit 1
fi

# MSBuild prints each warning twice, inline and in the summary, so only one copy of each is kept, in file and
# line order.
diagnostics="$(grep -E ': (warning|error) KL[0-9]{4}:' "$log" | sed -E 's/^ +//; s# \[[^]]*\.csproj\]$##' | sort -u -V || true)"
if [[ -z "$diagnostics" ]]; then
  cat "$log"
  echo "KeyLint reported nothing: check that the analyzers loaded (warning CS8032) and that artifacts/ holds the package." >&2
  exit 1
fi

echo
echo "$diagnostics" | sed "s#^$repo/##"
echo
echo "KeyLint reported $(echo "$diagnostics" | wc -l) diagnostics in tests/Samples/TradingBot."
