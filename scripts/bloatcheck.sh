#!/bin/sh
# bloatcheck.sh OLD NEW: symbol-by-symbol size difference between two unstripped
# binaries; the totals line comes first, then the symbols that changed, biggest first.
set -eu
: "${NM:=nm}"
symbols() {
	"$NM" --size-sort -S -t d "$1" | awk '{ print $4, $2 + 0 }'
}
old=$(mktemp) new=$(mktemp)
trap 'rm -f "$old" "$new"' EXIT
symbols "$1" > "$old"
symbols "$2" > "$new"
awk '
	FNR == NR { old[$1] += $2; next }
	{ new[$1] += $2 }
	END {
		for (s in old) if (!(s in new)) new[s] = 0
		for (s in new) {
			d = new[s] - (s in old ? old[s] : 0)
			if (d > 0) { grow += d; up++ } else if (d < 0) { shrink += d; down++ }
			if (d != 0) printf "%-40s %8d %8d %+8d\n", s, (s in old ? old[s] : 0), new[s], d | "sort -k4,4nr"
			total += d
		}
		printf "function                                      old      new    delta\n"
		printf "total: %+d bytes (%d grown %+d, %d shrunk %d)\n", total, up, grow, down, shrink
	}' "$old" "$new"
