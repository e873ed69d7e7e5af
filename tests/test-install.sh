#!/bin/sh
# test-install.sh BUILD_DIR SOURCE_DIR: installs into a DESTDIR and runs the
# installed CLI on the sample corpus, and the installed app's smoke test
# when the app is built and a display can be had. Prints TAP.
set -u
build=$1 source=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
n=0 failed=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
not_ok() { n=$((n+1)); failed=1; echo "not ok $n - $1"; }

if meson install -C "$build" --destdir "$dest" --no-rebuild >"$dest/install.log" 2>&1; then
  ok "meson install into a DESTDIR"
else
  sed 's/^/# /' "$dest/install.log"
  not_ok "meson install into a DESTDIR"
  echo "1..$n"; exit 1
fi

prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
libdir=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="libdir"][0])')
root="$dest$prefix"
export LD_LIBRARY_PATH="$root/$libdir"
# The installed programs look for their data under the prefix, which the
# DESTDIR moved: point them at it.
export TRIANGULATE_DATA_DIR="$root/share/triangulate"
cli="$root/bin/triangulate-cli"

for f in "$cli" "$root/share/triangulate/examples" "$root/share/triangulate/lexicons" \
         "$root/include/triangulate-1.0/triangulate.h" "$root/$libdir/pkgconfig/triangulate-1.0.pc"; do
  if [ -e "$f" ]; then ok "installed ${f#$root/}"; else not_ok "installed ${f#$root/}"; fi
done

if "$cli" extract --json --quiet "$TRIANGULATE_DATA_DIR/examples" >"$dest/report.json" 2>"$dest/err.txt" &&
   python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["version"] == 1
assert len(r["articles"]) >= 4, r["articles"]
assert not r["errors"], r["errors"]
' "$dest/report.json"; then
  ok "installed CLI reports on the sample corpus"
else
  sed 's/^/# /' "$dest/err.txt"
  not_ok "installed CLI reports on the sample corpus"
fi

app="$root/bin/triangulate"
if [ -x "$app" ]; then
  if command -v xvfb-run >/dev/null; then
    export GSETTINGS_SCHEMA_DIR="$dest/schemas"
    mkdir -p "$GSETTINGS_SCHEMA_DIR"
    glib-compile-schemas --targetdir="$GSETTINGS_SCHEMA_DIR" "$root/share/glib-2.0/schemas"
    if GTK_A11Y=none GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
       xvfb-run -a "$app" --smoke-test "$TRIANGULATE_DATA_DIR/examples" >"$dest/app.txt" 2>&1; then
      ok "installed app passes its smoke test"
    else
      sed 's/^/# /' "$dest/app.txt"
      not_ok "installed app passes its smoke test"
    fi
  else
    n=$((n+1)); echo "ok $n - installed app smoke test # SKIP no xvfb-run"
  fi
fi

echo "1..$n"
exit $failed
