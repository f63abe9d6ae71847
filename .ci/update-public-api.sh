#!/usr/bin/env bash
# Refreshes PublicAPI.Unshipped.txt of every packable project from the PublicApiAnalyzers diagnostics:
# RS0016 (a public symbol that is not declared) is added, RS0017 (a declared symbol that is gone) removed.
# Usage: bash .ci/update-public-api.sh [project-dir ...]   (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || mapfile -t dirs < <(find src -name '*.csproj' -printf '%h\n' | sort)
for dir in "${dirs[@]}"; do
  file="$dir/PublicAPI.Unshipped.txt"
  [ -f "$file" ] || printf '#nullable enable\n' > "$file"
  for round in 1 2 3; do
    log=$(dotnet build "$dir" -nologo -clp:NoSummary 2>&1 || true)
    add=$(printf '%s\n' "$log" | grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" | sort -u || true)
    del=$(printf '%s\n' "$log" | grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API)" | sort -u || true)
    [ -z "$add$del" ] && break
    # Each step succeeds whether there is something to add, to remove, both, or (after the removals) nothing left:
    # grep -v exits 1 when it prints no line, which pipefail would otherwise turn into a silent exit.
    body=$(tail -n +2 "$file")
    [ -z "$add" ] || body=$(printf '%s\n%s\n' "$body" "$add")
    [ -z "$del" ] || body=$(printf '%s\n' "$body" | { grep -vxF -f <(printf '%s\n' "$del") || true; })
    { head -n1 "$file"; printf '%s\n' "$body" | { grep . || true; } | LC_ALL=C sort -u; } > "$file.tmp"
    mv "$file.tmp" "$file"
  done
  echo "$file: $(($(wc -l < "$file") - 1)) symbols"
done
