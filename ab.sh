#!/bin/bash
export FLEETDESK_API_URL=http://127.0.0.1:18080 FLEETDESK_TOKEN=rporg_benchbenchbenchbenchbench1234
OPTS="-Xmx1g -Dfile.encoding=UTF-8 -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
urls=(); for i in $(seq 1 500); do urls+=("http://127.0.0.1:18080/organisation/devices?page=$i&per_page=100" -o /dev/null); done
one() { H=$(mktemp -d /tmp/syncperf/home.XXXX); s=$(date +%s%N); FLEETDESK_HOME=$H /usr/bin/time -f "%U %S %M" -o $H/t java $2 -jar $1 devices sync >/dev/null 2>&1; e=$(date +%s%N); echo "$3 wall $(( (e-s)/1000000 )) ms cpu/rss $(cat $H/t)"; rm -rf $H; }
for r in $(seq 1 ${ROUNDS:-3}); do
  s=$(date +%s%N); curl -s --no-progress-meter --fail -H "Authorization: Bearer $FLEETDESK_TOKEN" --parallel --parallel-max 16 "${urls[@]}"; e=$(date +%s%N)
  echo "round $r curl-parallel $(( (e-s)/1000000 )) ms load $(cut -d' ' -f1 /proc/loadavg)"
  one /tmp/syncperf/oldfd.jar "" old-plain; one /tmp/syncperf/newfd.jar "" new-plain
  one /tmp/syncperf/oldfd.jar "$OPTS" old-opts; one /tmp/syncperf/newfd.jar "$OPTS" new-opts
done
