#!/bin/sh
# bench/hashes.sh [MB]: throughput of the checksum and base64 applets on a file of MB
# megabytes (default 200) of pseudo-random data, against the installed GNU tools (and
# BusyBox for sha3sum and crc32, which GNU lacks): CPU seconds (user + system, the best
# of 3 runs) and the ratio peer / ours (above 1: ours is faster). Needs /usr/bin/time.
# Ours: $BUSYBOX (default ./busybox).
set -eu
mb=${1:-200}
bb=$(readlink -f "${BUSYBOX:-./busybox}")
dir=$(mktemp -d "${TMPDIR:-/tmp}/hashbench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
head -c $((mb * 1000000)) /dev/urandom > "$dir/data"
base64 "$dir/data" > "$dir/data.b64"
base32 "$dir/data" > "$dir/data.b32"

best() {	# command...: the least user + system seconds of 3 runs
	for i in 1 2 3; do
		/usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -n 1
	done | awk '{ t = $1 + $2; if (NR == 1 || t < m) m = t } END { print m }'
}
row() {	# label peer-command -- our-command
	label=$1
	shift
	peer=
	while [ "$1" != -- ]; do peer="$peer $1"; shift; done
	shift
	p=$(best $peer)
	o=$(best "$@")
	awk -v l="$label" -v p="$p" -v o="$o" 'BEGIN {
		r = (o > 0) ? sprintf("%.2fx", p / o) : "(too fast to tell)"
		printf "%-16s peer %6.2f s  ours %6.2f s  %s\n", l, p, o, r }'
}
echo "$mb MB; ratio peer/ours, above 1 means ours is faster"
for a in md5sum sha1sum sha224sum sha256sum sha384sum sha512sum cksum sum base64 base32; do
	command -v $a >/dev/null && row $a $a "$dir/data" -- "$bb" $a "$dir/data"
done
row "base64 -d" base64 -d "$dir/data.b64" -- "$bb" base64 -d "$dir/data.b64"
row "base32 -d" base32 -d "$dir/data.b32" -- "$bb" base32 -d "$dir/data.b32"
if busybox 2>&1 | head -n 1 | grep -q BusyBox; then
	row "sha3sum (bb)" busybox sha3sum -a 256 "$dir/data" -- "$bb" sha3sum -a 256 "$dir/data"
	row "crc32 (bb)" busybox crc32 "$dir/data" -- "$bb" crc32 "$dir/data"
fi
