#!/usr/bin/env bash
# One libFuzzer run of one target (make soak): FUZZ_BIN, FUZZ_SECONDS from the environment.
# Prints the target's execution count and peak RSS; a crash, a slow input (-timeout) or a
# memory blow-up (-rss_limit_mb) fails the run and is saved in Tests/Fuzz/crashes/<target>/.
set -uo pipefail
t=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp Tests/Fuzz/corpus/"$t"/* "$work"/
mkdir -p Tests/Fuzz/crashes/"$t"
NETTUTOR_FUZZ=$t "$FUZZ_BIN" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix=Tests/Fuzz/crashes/"$t"/ "$work" > "$work.log" 2>&1
code=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$work.log" | grep -o '[0-9]*$')
if [ $code -eq 0 ]; then
  echo "fuzz $t: ${runs:-?} executions in $FUZZ_SECONDS s, peak RSS ${rss:-?} MB, nothing found"
else
  echo "fuzz $t: FAILED (exit $code) after ${runs:-?} executions, peak RSS ${rss:-?} MB; see Tests/Fuzz/crashes/$t/"
  grep -E 'ERROR|SUMMARY|Test unit written|==[0-9]+==' "$work.log" | head -20
fi
rm -f "$work.log"
exit $code
