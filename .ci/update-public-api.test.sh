#!/usr/bin/env bash
# Checks .ci/update-public-api.sh against a fake `dotnet` that reports RS0016/RS0017 for a wanted symbol set:
# add-only, remove-only, both, remove-everything and nothing-to-do must each leave exactly the wanted symbols.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/repo/.ci" "$tmp/repo/src/P" "$tmp/bin"
cp "$here/update-public-api.sh" "$tmp/repo/.ci/"
cat > "$tmp/bin/dotnet" <<'FAKE'
#!/usr/bin/env bash
f=src/P/PublicAPI.Unshipped.txt
for s in $WANT; do grep -qxF "$s" "$f" || echo "x.cs(1,1): error RS0016: Symbol '$s' is not part of the declared public API [p.csproj]"; done
tail -n +2 "$f" | while read -r s; do
  case " $WANT " in *" $s "*) ;; *) echo "x.cs(1,1): error RS0017: Symbol '$s' is part of the declared API, but is either not public or could not be found [p.csproj]";; esac
done
exit 1
FAKE
chmod +x "$tmp/bin/dotnet"
failed=0
check() { # check NAME "WANTED" DECLARED...
  local name=$1 want=$2; shift 2
  { printf '#nullable enable\n'; [ $# -eq 0 ] || printf '%s\n' "$@"; } > "$tmp/repo/src/P/PublicAPI.Unshipped.txt"
  (cd "$tmp/repo" && WANT="$want" PATH="$tmp/bin:$PATH" bash .ci/update-public-api.sh src/P >/dev/null) || { echo "FAIL $name: exit $?"; failed=1; return; }
  local got; got=$(tail -n +2 "$tmp/repo/src/P/PublicAPI.Unshipped.txt" | tr '\n' ' ')
  [ "$got" = "$(printf '%s ' $want)" ] || [ -z "$want$got" ] || { echo "FAIL $name: got '$got', want '$want'"; failed=1; return; }
  [ "$(head -n1 "$tmp/repo/src/P/PublicAPI.Unshipped.txt")" = '#nullable enable' ] || { echo "FAIL $name: header lost"; failed=1; return; }
  echo "ok   $name"
}
check add-only "A B C" A
check remove-only "A" A B C
check add-and-remove "A D" A B C
check remove-everything "" A B
check nothing-to-do "A B" A B
exit $failed
