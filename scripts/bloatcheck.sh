#!/bin/sh
# bloatcheck.sh OLD NEW: symbol-by-symbol size difference between two unstripped
# binaries: the totals line first, then every symbol that changed, biggest growth first.
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
	FNR == NR { old[$1] += $2; seen[$1] = 1; next }
	{ new[$1] += $2; seen[$1] = 1 }
	END {
		for (s in seen) {
			d = new[s] - old[s]
			if (d > 0) { grow += d; up++ } else if (d < 0) { shrink += d; down++ }
			total += d
		}
		printf "total: %+d bytes (%d symbols grew by %d, %d shrank by %d)\n",
			total, up, grow, down, -shrink
		printf "%-40s %8s %8s %8s\n", "symbol", "old", "new", "delta"
		fflush()
		for (s in seen)
			if (new[s] != old[s])
				printf "%d %-40s %8d %8d %+8d\n", new[s] - old[s], s, old[s], new[s],
					new[s] - old[s] | "sort -nr | cut -d\" \" -f2-"
		close("sort -nr | cut -d\" \" -f2-")
	}' "$old" "$new"
