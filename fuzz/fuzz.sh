#!/usr/bin/env bash
# Fuzzes every target (or those named) for a while each, one after another:
#   fuzz/fuzz.sh [DURATION] [Class#method...]      e.g.  fuzz/fuzz.sh 5m CommandFuzzTest#ip
# DURATION is Jazzer's (30s, 5m, 1h; default 1m). Findings are written as crash-* files into
# fuzz/src/test/resources/dev/lvsunit/fuzz/<Class>Inputs/<method>/, where plain `mvn test`
# replays them; commit them with the fix. New interesting inputs go to fuzz/.cifuzz-corpus/
# (not committed). Prints one line per target: runs, seconds, and whether it found something.
set -uo pipefail
cd "$(dirname "$0")/.."
duration="${1:-1m}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(SpecFuzzTest#parse SpecFuzzTest#run
             ValueParsersFuzzTest#ipv4Address ValueParsersFuzzTest#macAddress ValueParsersFuzzTest#ipv4Prefix
             CommandFuzzTest#ip CommandFuzzTest#ifconfig CommandFuzzTest#route CommandFuzzTest#arp
             CommandFuzzTest#sysctl CommandFuzzTest#ping CommandFuzzTest#arping CommandFuzzTest#ipvsadm
             CommandFuzzTest#curl CommandFuzzTest#tcpdump CommandFuzzTest#shell CommandFuzzTest#session)
fi
# build once; each target then runs in its own JVM (Jazzer fuzzes one test per run)
mvn -B -q -o -pl fuzz -am test-compile -DskipTests >/dev/null 2>&1 || mvn -B -q -pl fuzz -am test-compile -DskipTests || exit 1
status=0
mkdir -p fuzz/target
for t in "${targets[@]}"; do
    log="fuzz/target/fuzz-${t/\#/-}.log"
    JAZZER_FUZZ=1 mvn -B -o -pl fuzz -am test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_duration="$duration" >"$log" 2>&1
    rc=$?
    runs="$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)"
    if [[ $rc -eq 0 ]]; then
        echo "$t: ${runs:-no runs reported}, no finding"
    else
        status=1
        echo "$t: ${runs:-no runs reported}, FINDING (see $log):"
        grep -m 3 -E 'Caused by|FuzzTestFindingException|Test unit written' "$log" | sed 's/^/    /'
    fi
done
exit $status
