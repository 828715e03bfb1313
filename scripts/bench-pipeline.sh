#!/usr/bin/env bash
# Throughput of the whole worker, loopback only: publish N articles the size of
# examples/ukraine-peace-talks.json and time until every record is confirmed into
# articles.enriched.all; then the same with worker.passthrough=true (the broker's ceiling).
#
# Usage: scripts/bench-pipeline.sh [N=20000]
# Needs: a RabbitMQ on 127.0.0.1:5672 (guest/guest) and rabbitmqctl on this machine; python3.
# Each run uses a fresh vhost (deleted afterwards), so it never touches other queues.
# Bounded: every wait times out (default 900 s per run, BENCH_TIMEOUT to change).
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-20000}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
PORT="${BENCH_HTTP_PORT:-18099}"
WORK="$(mktemp -d)"
BIN=target/release/news-enricher
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet --bin news-enricher

python3 - "$N" "$WORK/articles.jsonl" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
base = json.load(open("examples/ukraine-peace-talks.json"))
with open(out, "w") as f:
    for i in range(n):
        a = dict(base)
        a["id"] = f"bench-{i:06d}"
        # Vary the text a little so records (and record ids) differ.
        a["body"] = base["body"].replace("Sunday", f"Sunday ({i})", 1)
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
echo "articles: $N x $(head -c 100000 "$WORK/articles.jsonl" | head -1 | wc -c) bytes"

published() {
  curl -s --max-time 2 "http://127.0.0.1:$PORT/metrics" \
    | awk '/^enricher_records_published_total /{print $2}' || true
}

run_one() {
  local mode="$1" passthrough="$2"
  local vhost="bench-$$-$mode"
  rabbitmqctl -q add_vhost "$vhost" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
  export ENRICHER__AMQP__URL="amqp://guest:guest@127.0.0.1:5672/$vhost"
  export ENRICHER__HTTP__ADDR="127.0.0.1:$PORT"
  export ENRICHER__WORKER__PASSTHROUGH="$passthrough"
  export ENRICHER__LOG__FORMAT=json ENRICHER__LOG__FILTER=warn
  "$BIN" run 2>"$WORK/worker-$mode.log" &
  local worker=$!
  for _ in $(seq 1 100); do
    curl -sf --max-time 1 "http://127.0.0.1:$PORT/readyz" >/dev/null && break
    sleep 0.1
  done
  local start end now count=0
  start=$(date +%s.%N)
  "$BIN" publish "$WORK/articles.jsonl" 2>"$WORK/publish-$mode.log" &
  local publisher=$!
  while :; do
    count=$(published); count=${count:-0}
    [ "$count" -ge "$N" ] && break
    now=$(date +%s.%N)
    if awk -v s="$start" -v n="$now" -v t="$TIMEOUT" 'BEGIN{exit !(n-s>t)}'; then
      echo "timeout after ${TIMEOUT}s with $count/$N records" >&2
      break
    fi
    sleep 0.2
  done
  end=$(date +%s.%N)
  wait "$publisher" || true
  local pub_line
  pub_line=$(tr '\r' '\n' <"$WORK/publish-$mode.log" | grep -E '^published' | tail -1)
  kill -TERM "$worker"; wait "$worker" || true
  local depth
  depth=$(rabbitmqctl -q list_queues -p "$vhost" name messages | awk '$1=="articles.enriched.all"{print $2}')
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null
  awk -v m="$mode" -v n="$count" -v s="$start" -v e="$end" -v d="$depth" -v p="$pub_line" 'BEGIN{
    t=e-s; printf "%-12s %6d records in %7.2f s = %8.0f articles/s   (articles.enriched.all depth %s; publisher: %s)\n", m, n, t, n/t, d, p }'
}

echo "cores: $(nproc)"
run_one full false
run_one passthrough true
