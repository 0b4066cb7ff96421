#!/bin/sh
# bench/files.sh [BUSYBOX]: times of cp -r, cp -a, rm -r, ls -lR, du -s and dd on a tree of
# ~20 000 small files and a few large dense and sparse files, for ours (BUSYBOX, default
# ./busybox), GNU coreutils and the installed busybox, with the ratios ours/GNU and
# ours/busybox (lower is better). Applets missing from a binary are skipped.
# Uses hyperfine when installed, else a loop around date +%s.%N. RUNS=N (default 3).
set -eu
ours=$(readlink -f "${1:-./busybox}")
runs=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/benchfiles.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

ref=$(command -v busybox || true)
if [ -n "$ref" ] && ! "$ref" 2>&1 | head -n 1 | grep -q BusyBox; then ref=; fi
[ "$(readlink -f "${ref:-/}")" = "$ours" ] && ref=

echo "making the tree in $work..."
mkdir tree
for d in 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19; do
	mkdir "tree/d$d"
	(cd "tree/d$d" && seq 10000 | split -l 10 -a 3 -d - f)	# 1000 files of ~50 bytes
done
ln -s d00 tree/link
ln tree/d00/f000 tree/hardlink
mkdir big
head -c 67108864 /dev/urandom > big/dense	# 64 MiB
: > big/sparse
dd if=/dev/zero of=big/sparse bs=1M count=1 seek=1000 conv=notrunc 2>/dev/null	# 1 GiB, 1 MiB data
dd if=/dev/urandom of=big/sparse bs=1M count=1 seek=500 conv=notrunc 2>/dev/null
sync

has() {	# binary applet
	case $1 in
	"$ours") "$ours" --list | grep -qx "$2" ;;
	busybox) [ -n "$ref" ] && "$ref" --list | grep -qx "$2" ;;
	*) command -v "$2" >/dev/null ;;
	esac
}

cmd_of() {	# impl applet: how to run it
	case $1 in
	"$ours") echo "$ours $2" ;;
	busybox) echo "$ref $2" ;;
	*) command -v "$2" ;;
	esac
}

# seconds (mean) for: prepare command, timed command; the writeback of one run is not
# left to slow down the next
timeit() {
	if command -v hyperfine >/dev/null; then
		hyperfine -w 1 -r "$runs" --prepare "$1; sync" --export-csv "$work/h.csv" "$2" \
			>/dev/null 2>&1 || { echo fail; return; }
		sed -n 2p "$work/h.csv" | cut -d, -f2
		return
	fi
	total=0
	i=0
	while [ $i -lt "$runs" ]; do
		sh -c "$1; sync"
		t0=$(date +%s.%N)
		sh -c "$2" >/dev/null 2>&1 || { echo fail; return; }
		t1=$(date +%s.%N)
		total=$(awk -v a="$total" -v b="$t0" -v c="$t1" 'BEGIN { print a + c - b }')
		i=$((i + 1))
	done
	awk -v t="$total" -v n="$runs" 'BEGIN { print t / n }'
}

row() {	# label applet prepare args: the timed command is "APPLET args"
	label=$1 applet=$2 prep=$3 args=$4
	o=- g=- b=-
	has "$ours" "$applet" && o=$(timeit "$prep" "$(cmd_of "$ours" "$applet") $args")
	has gnu "$applet" && g=$(timeit "$prep" "$(cmd_of gnu "$applet") $args")
	has busybox "$applet" && b=$(timeit "$prep" "$(cmd_of busybox "$applet") $args")
	awk -v l="$label" -v o="$o" -v g="$g" -v b="$b" 'function r(x, y) {
			return x + 0 > 0 && y + 0 > 0 ? sprintf("%.2fx", x / y) : "-" }
		function s(x) { return x + 0 > 0 ? sprintf("%.3f", x) : x }
		BEGIN { printf "%-22s %9s %9s %9s %9s %9s\n", l, s(o), s(g), s(b), r(o, g), r(o, b) }'
}

gcp=$(command -v cp)
echo "mean seconds of $runs runs (ours: $ours)"
printf '%-22s %9s %9s %9s %9s %9s\n' test ours GNU busybox ours/GNU ours/bb
row "cp -r tree" cp "rm -rf out" "-r tree out"
row "cp -a tree" cp "rm -rf out" "-a tree out"
row "cp dense 64M" cp "rm -rf out" "big/dense out"
row "cp sparse 1G" cp "rm -rf out" "big/sparse out"
row "rm -r tree" rm "rm -rf victim; $gcp -r tree victim" "-r victim"
row "ls -lR tree" ls "true" "-lR tree"
row "du -s tree" du "true" "-s tree"
row "dd bs=1M dense" dd "rm -rf out" "if=big/dense of=out bs=1M"
exit 0
