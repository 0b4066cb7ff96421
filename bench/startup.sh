#!/bin/sh
# bench/startup.sh [N]: start-up time per exec of "true" and peak RSS, for our binaries
# and the installed peers (Debian busybox-static, toybox), as ratios to busybox-static.
# Ours: $BUSYBOX (default ./busybox) and $BUSYBOX_MUSL (a static musl build) if set.
set -eu
n=${1:-2000}
here=$(cd "$(dirname "$0")" && pwd)
loop=${TMPDIR:-/tmp}/execloop.$$
trap 'rm -f "$loop"' EXIT
${HOSTCC:-cc} -O2 -o "$loop" "$here/execloop.c"

ref_bin=$(command -v busybox || true)
[ -n "$ref_bin" ] && "$ref_bin" 2>&1 | head -n 1 | grep -q BusyBox || ref_bin=
run() {	# label command...
	label=$1
	shift
	[ -x "$1" ] || { printf '%-28s (not installed)\n' "$label"; return; }
	"$loop" 50 "$@" >/dev/null	# warm the page cache
	set -- $("$loop" "$n" "$@")
	if [ -z "${ref_us:-}" ]; then ref_us=$1 ref_rss=$2; fi
	awk -v l="$label" -v us="$1" -v rss="$2" -v rus="$ref_us" -v rrss="$ref_rss" 'BEGIN {
		printf "%-28s %8.1f us %6.2fx   %6d KiB %6.2fx\n", l, us, us / rus, rss, rss / rrss }'
}
echo "start-up of 'true', $n runs; ratios against busybox-static (lower is better)"
ref_us=
[ -n "$ref_bin" ] && run "busybox-static (Debian)" "$ref_bin" true
[ -z "$ref_bin" ] && echo "busybox-static not installed: ratios against the first line"
run "toybox (Debian)" "$(command -v toybox || echo /nonexistent)" true
run "ours, $(basename "${BUSYBOX:-./busybox}")" "$(readlink -f "${BUSYBOX:-./busybox}")" true
[ -n "${BUSYBOX_MUSL:-}" ] && run "ours, static musl" "$(readlink -f "$BUSYBOX_MUSL")" true
exit 0
