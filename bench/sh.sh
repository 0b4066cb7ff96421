#!/bin/sh
# bench/sh.sh [BUSYBOX]: time script workloads in our "busybox sh" (default ./busybox)
# side by side with dash, bash and Debian's busybox ash, and print the ratios
# ours/dash, ours/bash and ours/bb (lower is better). Uses hyperfine when installed,
# otherwise the best of $RUNS runs timed with date +%s%N. SCALE multiplies the loop counts.
set -eu
ours=$(readlink -f "${1:-./busybox}")
runs=${RUNS:-3}
scale=${SCALE:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/shbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -x "$ours" ] || { echo "bench/sh.sh: $ours: not executable" >&2; exit 1; }

# ---- workloads: one script file each; $N is the loop count ----
w() {	# name count: script on stdin
	printf 'N=%s\n' $(($2 * scale)) > "$work/$1.sh"
	cat >> "$work/$1.sh"
	names="${names:-} $1"
}
w arith 40000 <<'S'
i=0 s=0
while [ $i -lt $N ]; do s=$(( (s + i * 7) % 1000003 )); i=$((i + 1)); done
echo $s
S
w strings 15000 <<'S'
i=0 out=
while [ $i -lt $N ]; do
	p=/usr/local/lib/file$i.tar.gz
	b=${p##*/} d=${p%/*} e=${p#*.} r=${p%%.*} l=${#p}
	x=${u:-default}${b:+set}
	out="$b$d$e$r$l$x"
	i=$((i + 1))
done
echo "$out"
S
w functions 15000 <<'S'
add() { r=$(($1 + $2)); }
fib() { if [ $1 -lt 2 ]; then r=$1; return; fi; local_n=$1; add $local_n 1; }
i=0
while [ $i -lt $N ]; do add $i 3; fib $r; i=$((i + 1)); done
echo $r
S
w case 30000 <<'S'
i=0 n=0
while [ $i -lt $N ]; do
	case $((i % 7))x$i in
	0x*) n=$((n + 1)) ;;
	[12]x*1) n=$((n + 2)) ;;
	3x*|4x*) n=$((n + 3)) ;;
	*x*9) : ;;
	*) n=$((n - 1)) ;;
	esac
	i=$((i + 1))
done
echo $n
S
w heredoc 5000 <<'S'
i=0
while [ $i -lt $N ]; do
	read -r a b <<EOT
line $i and
more text
EOT
	i=$((i + 1))
done
echo "$a $b"
S
w builtins 15000 <<'S'
i=0
while [ $i -lt $N ]; do
	echo "$i" >/dev/null
	printf '%s-%d\n' x "$i" >/dev/null
	test "$i" -ge 0 && [ -n "$i" ]
	i=$((i + 1))
done
echo $i
S
w externals 200 <<'S'
i=0
while [ $i -lt $N ]; do
	b=$(basename /a/b/c$i.txt .txt)
	e=$(expr $i + 1)
	v=$(printf '%s' "$b")
	i=$e
done
echo "$v"
S
w readloop 20000 <<'S'
f=${TMPDIR:-/tmp}/shbench-lines.$$
i=0
while [ $i -lt $N ]; do echo "field$i some more text on the line"; i=$((i + 1)); done > "$f"
n=0
while read -r a b; do n=$((n + 1)); done < "$f"
rm -f "$f"
echo $n $a
S
w subshells 1000 <<'S'
i=0
while [ $i -lt $N ]; do x=$(echo $i); (: $x); echo $x | read y; i=$((i + 1)); done
echo $x
S

# ---- shells ----
bb=
if command -v busybox >/dev/null 2>&1; then
	bb=$(command -v busybox)
	"$bb" 2>&1 | head -n 1 | grep -q BusyBox || bb=
	[ "$(readlink -f "$bb")" = "$ours" ] && bb=
fi
dash=$(command -v dash || true)
bash=$(command -v bash || true)

now() { date +%s%N; }
time_one() {	# script command...: mean (hyperfine) or best wall time, in ms
	s=$1
	shift
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 1 -r "$runs" --export-csv "$work/h.csv" "$* $s" >/dev/null 2>&1 ||
			{ echo fail; return; }
		awk -F, 'NR == 2 { printf "%.1f", $2 * 1000 }' "$work/h.csv"
		return
	fi
	best=
	k=0
	while [ $k -lt "$runs" ]; do
		t0=$(now)
		"$@" "$s" >/dev/null 2>&1 || { echo fail; return; }
		t=$(( ($(now) - t0) / 1000 ))
		[ -z "$best" ] || [ $t -lt $best ] && best=$t
		k=$((k + 1))
	done
	awk -v us="$best" 'BEGIN { printf "%.1f", us / 1000 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }

# check that every shell gives the same output as dash for each workload
for n in $names; do
	ref=$("${dash:-$ours}" "$work/$n.sh" 2>&1 || true)
	got=$("$ours" sh "$work/$n.sh" 2>&1 || true)
	[ "$ref" = "$got" ] || echo "warning: $n: ours printed '$got', dash '$ref'"
done

echo "shell workloads, times in ms ($( command -v hyperfine >/dev/null 2>&1 && echo "hyperfine mean of $runs" || echo "best of $runs")); ratios: lower is better"
printf '%-10s %9s %9s %9s %9s %9s %9s %9s\n' workload ours dash bash bb-ash ours/dash ours/bash ours/bb
tot_o=0 tot_d=0 tot_b=0 tot_a=0
for n in $names; do
	o=$(time_one "$work/$n.sh" "$ours" sh)
	d=-; b=-; a=-
	[ -n "$dash" ] && d=$(time_one "$work/$n.sh" "$dash")
	[ -n "$bash" ] && b=$(time_one "$work/$n.sh" "$bash" --posix)
	[ -n "$bb" ] && a=$(time_one "$work/$n.sh" "$bb" ash)
	printf '%-10s %9s %9s %9s %9s %9s %9s %9s\n' "$n" "$o" "$d" "$b" "$a" \
		"$(ratio "$o" "$d")" "$(ratio "$o" "$b")" "$(ratio "$o" "$a")"
	eval "$(awk -v o="$o" -v d="$d" -v b="$b" -v a="$a" -v to=$tot_o -v td=$tot_d -v tb=$tot_b -v ta=$tot_a \
		'BEGIN { printf "tot_o=%s tot_d=%s tot_b=%s tot_a=%s", to + o, td + d, tb + b, ta + a }')"
done
printf '%-10s %9s %9s %9s %9s %9s %9s %9s\n' total "$tot_o" "$tot_d" "$tot_b" "$tot_a" \
	"$(ratio "$tot_o" "$tot_d")" "$(ratio "$tot_o" "$tot_b")" "$(ratio "$tot_o" "$tot_a")"
