#!/usr/bin/env bash
# Builds every ```csharp block of README.md, docs/, src/*/README.md, samples/*/README.md and benchmarks/README.md
# against the packages, as a newcomer would:
# packs src/ to a temporary local feed, creates a fresh console app (dotnet new console, net10.0) that references
# them (and the registry for their dependencies), puts each block in it as a file of its own, and builds.
# A failing block fails the script, named by file, block number and line. Conventions: .ci/snippets/README.md.
#
#   bash .ci/check-snippets.sh              packs (building src/ in Release when needed), then checks
#   bash .ci/check-snippets.sh --no-build   packs what is already built in Release (what .ci/run does)
#   KEEP_SNIPPETS=1 bash .ci/check-snippets.sh   keeps the temporary folder and prints where it is
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build_flag=()
[ "${1:-}" = "--no-build" ] && build_flag=(--no-build)
command -v python3 >/dev/null || { echo "check-snippets: python3 is required (apt-get install python3)" >&2; exit 1; }

started=$(date +%s)
work=$(mktemp -d /tmp/trendaccount-snippets.XXXXXX)
if [ "${KEEP_SNIPPETS:-}" = "1" ]; then echo "check-snippets: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# MSBuild looks for Directory.Build.props/targets and Directory.Packages.props above the project: give it empty
# ones here, so nothing of /tmp (or of this repository) leaks into the "fresh" app.
for f in Directory.Build.props Directory.Build.targets; do echo '<Project />' > "$work/$f"; done

# --- Pack -------------------------------------------------------------------------------------------------------
# A version of its own for this run: no stale copy in the NuGet cache can stand in for the package just packed.
base_version=$(dotnet msbuild src/TrendAccount.Sdk/TrendAccount.Sdk.csproj -getProperty:PackageVersion -p:Configuration=Release)
version="$base_version.snippets.$(date +%Y%m%d%H%M%S)"
for project in src/*/*.csproj; do
  if ! dotnet pack "$project" -c Release "${build_flag[@]}" -o "$work/feed" -p:PackageVersion="$version" \
      -nologo -clp:NoSummary -v:q > "$work/pack.log" 2>&1; then
    cat "$work/pack.log"; echo "check-snippets: dotnet pack $project failed" >&2; exit 1
  fi
done

# --- A fresh console app, one copy per set of packages the pages name --------------------------------------------
dotnet new console -o "$work/console" -n SnippetsApp --framework net10.0 > "$work/new.log" 2>&1 \
  || { cat "$work/new.log"; echo "check-snippets: dotnet new console failed" >&2; exit 1; }
conventions=0
python3 .ci/snippets/snippets.py prepare "$root" "$work" "$version" || conventions=$?
[ "$conventions" -le 1 ] || exit "$conventions"

# Restore into a folder of this run, reading (never writing) the machine's NuGet cache: the packages just packed
# never enter the cache, and dependencies already there are not downloaded again.
global_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
restore_props=(-p:RestorePackagesPath="$work/packages" -p:RestoreFallbackFolders="$global_packages"
  -p:RestoreAdditionalProjectSources="$work/feed")

if ! dotnet build "$work/snippets.slnx" -c Debug "${restore_props[@]}" -nologo -clp:NoSummary \
    -p:TreatWarningsAsErrors=false > "$work/build.log" 2>&1; then
  python3 .ci/snippets/snippets.py report "$root" "$work" "$work/build.log"
  exit 1
fi
[ "$conventions" -eq 0 ] || { echo "check-snippets: the blocks build, but break the conventions above" >&2; exit 1; }
echo "check-snippets: every C# block builds against TrendAccount.* $version ($(( $(date +%s) - started )) s)"
