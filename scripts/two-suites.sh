#!/usr/bin/env bash
# Runs the whole suite twice at the same time on this machine, from two clones of the current commit, N times
# (default 3), and prints each run's closing lines, durations and the load average: the evidence that `npm test`
# passes on a busy machine (issue 9.10). Each test file has its own database and BullMQ prefix, so the two suites
# share PostgreSQL and Redis without seeing each other.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
work="$(mktemp -d /tmp/two-suites.XXXXXX)"
for side in a b; do
  git clone -q "$root" "$work/$side"
  (cd "$work/$side" && npm ci --no-audit --no-fund >/dev/null 2>&1)
done
for i in $(seq "$runs"); do
  echo "run $i: start $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
  pids=()
  for side in a b; do
    (cd "$work/$side" && start=$(date +%s) && { npm test >"$work/$side.$i.log" 2>&1 || true; } && echo "  $side: $(tail -1 "$work/$side.$i.log") in $(( $(date +%s) - start )) s") &
    pids+=($!)
  done
  peak=0
  while kill -0 "${pids[@]}" 2>/dev/null; do
    l=$(cut -d' ' -f1 /proc/loadavg); peak=$(awk -v a="$l" -v b="$peak" 'BEGIN{print (a>b)?a:b}'); sleep 5
  done
  wait "${pids[@]}" || true
  echo "  end $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg), peak 1-min load $peak"
done
echo "logs in $work"
