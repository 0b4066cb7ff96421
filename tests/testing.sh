# testing.sh: the test harness, sourced by every tests/*.tests file (POSIX sh).
#
#   testing NAME COMMAND EXPECTED_STDOUT INPUT_FILE STDIN
#       Runs COMMAND with eval in a fresh empty directory holding the file "input",
#       with STDIN on standard input, and compares its standard output with
#       EXPECTED_STDOUT. EXPECTED_STDOUT, INPUT_FILE and STDIN go through printf %b,
#       so \n, \t, \\ and \0NNN work. Check an exit status with "cmd; echo $?" and
#       error messages with "cmd 2>&1".
#   optional SYMBOL...   skip the following cases unless every CONFIG_SYMBOL is y
#                        ("optional" alone ends that)
#   skip NAME            record a case as skipped
#   use_applet NAME...   make NAME in commands run the applet, not a shell builtin
#                        (for echo, printf, test, pwd, true, false, kill...)
#
# Set by tests/run: TEST_BIN (the applet links), TESTDIR, RESULTS, CONFIG, SRCDIR, BUILDDIR, BUSYBOX, UNITTEST,
# TEST_SKIP_ALL (the applet is not in this build), TEST_HOST (testing host tools).

: "${RESULTS:=/dev/null}"
TEST_OPTIONAL=
TEST_CASE_NO=0
TEST_WORK=$(mktemp -d "${TMPDIR:-/tmp}/bbtest.XXXXXX") || exit 1
trap 'rm -rf "$TEST_WORK"' EXIT

config_is_on()
{
	[ -n "${TEST_HOST:-}" ] && return 0
	grep -q "^CONFIG_${1#CONFIG_}=y\$" "$CONFIG" 2>/dev/null
}

optional()
{
	TEST_OPTIONAL="$*"
}

use_applet()
{
	for a; do
		eval "$a() { \"\$TEST_BIN/$a\" \"\$@\"; }"
	done
}

skip()
{
	command printf '%s\n' "SKIP: $1"
	command printf '%s\n' "SKIP $1" >> "$RESULTS"
}

testing()
{
	if [ $# -ne 5 ]; then
		command printf '%s\n' "FAIL: $1: testing needs 5 arguments, got $#"
		command printf '%s\n' "FAIL $1" >> "$RESULTS"
		return
	fi
	if [ -n "${TEST_SKIP_ALL:-}" ]; then
		skip "$1"
		return
	fi
	for sym in $TEST_OPTIONAL; do
		if ! config_is_on "$sym"; then
			skip "$1"
			return
		fi
	done
	TEST_CASE_NO=$((TEST_CASE_NO + 1))
	dir="$TEST_WORK/$TEST_CASE_NO"
	mkdir "$dir" || exit 1
	command printf '%b' "$3" > "$TEST_WORK/expected"
	command printf '%b' "$4" > "$dir/input"
	command printf '%b' "$5" > "$TEST_WORK/stdin"
	(cd "$dir" && eval "$2") < "$TEST_WORK/stdin" > "$TEST_WORK/actual" 2> "$TEST_WORK/stderr"
	if cmp -s "$TEST_WORK/expected" "$TEST_WORK/actual"; then
		command printf '%s\n' "PASS: $1"
		command printf '%s\n' "PASS $1" >> "$RESULTS"
		rm -rf "$dir"
		return
	fi
	command printf '%s\n' "FAIL: $1"
	command printf '%s\n' "FAIL $1" >> "$RESULTS"
	diff -u "$TEST_WORK/expected" "$TEST_WORK/actual" 2>/dev/null | sed 's/^/    /' ||
		od -c "$TEST_WORK/actual" | sed 's/^/    /'
	if [ -s "$TEST_WORK/stderr" ]; then
		command printf '%s\n' "    stderr:"
		sed 's/^/    /' "$TEST_WORK/stderr"
	fi
	command printf '%s\n' "    reproduce: cd $dir && printf '%b' '$5' | PATH=\"$PATH\" sh -c '$2'"
}
