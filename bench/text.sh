#!/bin/sh
# bench/text.sh [BUSYBOX]: time the text applets on a generated corpus, ours against GNU
# coreutils and Debian's busybox, with ratios (lower is better) and the peak memory of
# each run; every command reads the corpus on standard input. BUSYBOX defaults to ./busybox; BENCH_MB sets the corpus size (default 200);
# BENCH_DIR the directory for it (default $TMPDIR or /tmp). Applets that our binary
# does not have, or that a peer lacks, are skipped. Needs awk and GNU time (/usr/bin/time).
set -eu
ours=$(readlink -f "${1:-./busybox}")
mb=${BENCH_MB:-200}
dir=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/textbench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export LC_ALL=C
gnu_bb=$(command -v busybox || true)
[ -n "$gnu_bb" ] && "$gnu_bb" 2>&1 | head -n 1 | grep -q BusyBox || gnu_bb=
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }

# Words, numbers and comma-separated columns, the same for a given size.
echo "generating ${mb} MB corpus..."
awk -v mb="$mb" 'BEGIN {
	n = split("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima " \
		  "mike november oscar papa quebec romeo sierra tango uniform victor whiskey " \
		  "xray yankee zulu the quick brown fox jumps over lazy dog lorem ipsum dolor " \
		  "sit amet", w, " ")
	seed = 12345; lim = mb * 1048576; size = 0
	while (size < lim) {
		seed = (seed * 1103515245 + 12345) % 2147483648; a = seed % n + 1
		seed = (seed * 1103515245 + 12345) % 2147483648; b = seed % 1000000
		seed = (seed * 1103515245 + 12345) % 2147483648; c = seed % n + 1
		seed = (seed * 1103515245 + 12345) % 2147483648; d = seed % n + 1
		seed = (seed * 1103515245 + 12345) % 2147483648; e = seed % 100000
		line = w[a] " " b " " w[c] "," w[d] "," e / 100 "," w[(a + c) % n + 1]
		print line
		size += length(line) + 1
	}
}' > "$dir/corpus"
sort "$dir/corpus" > "$dir/sorted"
base64 "$dir/corpus" > "$dir/b64"
cat "$dir/corpus" "$dir/sorted" "$dir/b64" > /dev/null

has_ours() { "$ours" "$1" --help > /dev/null 2>&1; }
has_bb() { [ -n "$gnu_bb" ] && "$gnu_bb" "$1" --help > /dev/null 2>&1; }

# run INPUT CMD...: prints "seconds peak-KiB", or "- -" if the command failed.
run() {
	in=$1
	shift
	if /usr/bin/time -f '%e %M' -o "$dir/t" "$@" < "$in" > /dev/null 2> "$dir/err"; then
		cat "$dir/t"
	else
		echo "- -"
	fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }

printf '%-14s %8s %8s %8s %7s %7s %9s %9s %9s\n' test ours gnu bb ours/gnu ours/bb \
	"ours KiB" "gnu KiB" "bb KiB"
bench() {	# NAME INPUT APPLET ARGS...
	name=$1 input=$2 applet=$3
	shift 3
	has_ours "$applet" || { printf '%-14s (not built)\n' "$name"; return; }
	o=$(run "$dir/$input" "$ours" "$applet" "$@")
	g=$(run "$dir/$input" "/usr/bin/$applet" "$@")
	if has_bb "$applet"; then b=$(run "$dir/$input" "$gnu_bb" "$applet" "$@"); else b="- -"; fi
	set -- $o $g $b
	printf '%-14s %8s %8s %8s %7s %7s %9s %9s %9s\n' "$name" "$1" "$3" "$5" \
		"$(ratio "$1" "$3")" "$(ratio "$1" "$5")" "$2" "$4" "$6"
}

bench "sort" corpus sort
bench "sort -n" corpus sort -n
bench "sort -k2,2" corpus sort -k2,2
bench "sort -u" corpus sort -u
bench "sort -t, -k3n" corpus sort -t, -k3,3n
bench "uniq -c" sorted uniq -c
bench "cut -d, -f2" corpus cut -d, -f2
bench "tr a-z A-Z" corpus tr a-z A-Z
bench "wc" corpus wc
bench "wc -l" corpus wc -l
bench "tac" corpus tac
bench "md5sum" corpus md5sum
bench "sha1sum" corpus sha1sum
bench "sha256sum" corpus sha256sum
bench "sha512sum" corpus sha512sum
bench "base64" corpus base64
bench "base64 -d" b64 base64 -d
