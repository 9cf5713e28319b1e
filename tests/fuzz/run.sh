#!/bin/sh
# run.sh — make fuzz: runs each libFuzzer target given on its seed corpus
# (tests/fuzz/corpus/NAME/). Without SECONDS: every seed once. With
# SECONDS: fuzzing for that long, each input allowed 2 s, on a copy of the
# corpus (the committed one never grows). Prints per target its runs and
# result; fails when any target crashed, leaked, hung or ran out of
# memory, keeping the input under BUILD/crashes/ and printing its path.
# Inputs of defects known and not fixed yet (tests/fuzz/known/NAME-*) are
# tried once each and reported, without failing: one that passes now
# belongs in the corpus.
# Usage: run.sh BUILD SECONDS TARGET...
set -u
build=$1 seconds=$2
shift 2
mkdir -p "$build/crashes" "$build/logs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lib/lsan.supp:print_suppressions=0
export G_SLICE=always-malloc
failed=0
for bin in "$@"; do
	name=$(basename "$bin")
	seeds=tests/fuzz/corpus/$name
	work=$build/corpus/$name
	log=$build/logs/$name.log
	rm -rf "$work"
	mkdir -p "$work"
	[ -d "$seeds" ] && cp "$seeds"/* "$work"/ 2>/dev/null
	if [ -n "$seconds" ]; then
		set -- -max_total_time="$seconds"
	else
		set -- -runs=0
	fi
	"$bin" "$@" -timeout=2 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/crashes/$name-" "$work" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ $rc -eq 0 ]; then
		printf '  FUZZ    %-18s %8s runs  ok\n' "$name" "${runs:-?}"
		continue
	fi
	failed=1
	what=$(grep -m1 -o 'SUMMARY: [^(]*' "$log" || grep -m1 'check failed' "$log" || echo "exit $rc")
	input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
	printf '  FUZZ    %-18s %8s runs  FAILED: %s\n' "$name" "${runs:-?}" "$what"
	grep -m1 'check failed' "$log" | sed 's/^/          /'
	echo "          input: ${input:-none kept}"
	echo "          log:   $log"
done
for input in tests/fuzz/known/*; do
	[ -f "$input" ] || continue
	name=$(basename "$input")
	bin=$build/fuzz/${name%%-*}
	[ -x "$bin" ] || continue
	if "$bin" -runs=1 -timeout=2 "$input" >"$build/logs/known-$name.log" 2>&1; then
		echo "  KNOWN   $input passes now: move it to tests/fuzz/corpus/${name%%-*}/"
	else
		echo "  KNOWN   $input still fails ($(grep -m1 -o 'SUMMARY: [^(]*' "$build/logs/known-$name.log" || echo failed))"
	fi
done
exit $failed
