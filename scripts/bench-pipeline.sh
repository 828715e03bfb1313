#!/usr/bin/env bash
# Throughput and latency of the whole worker, loopback only. Publishes N articles of varied
# sizes built from examples/ and times until every record has come out of the output
# exchange; then the same with worker.passthrough=true (records without extraction: the
# broker's and the worker's own ceiling on this machine), so the ratio shows what extraction
# costs.
#
# Per run it prints: articles/s; publish-to-record latency p50/p99 (the publisher stamps
# x-published-at, records inherit it, `tail --latency` reads it); the worker's peak RSS; and
# CPU seconds per 1,000 articles spent by the worker and by the RabbitMQ node.
#
# Usage: scripts/bench-pipeline.sh [N=20000]
#   BENCH_MIX="70 25 5"   percent of short (~320 words), medium (~1,000), long (~5,000) articles
#   BENCH_TIMEOUT=900     seconds before a run gives up
#   BENCH_RATE=N          publish at most N articles/s (default: as fast as the broker confirms,
#                         which measures capacity; latency is then mostly queueing behind the
#                         backlog). Set it below capacity to measure latency at a steady load.
# Needs: a RabbitMQ on 127.0.0.1:5672 (guest/guest) and rabbitmqctl on this machine; python3.
# Each run uses a fresh vhost (deleted afterwards), so it never touches other queues.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-20000}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
MIX="${BENCH_MIX:-70 25 5}"
PORT="${BENCH_HTTP_PORT:-18099}"
WORK="$(mktemp -d)"
BIN=target/release/news-enricher
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet --bin news-enricher

python3 - "$N" "$WORK/articles.jsonl" $MIX <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
mix = [int(x) for x in sys.argv[3:6]]
base = json.load(open("examples/ukraine-peace-talks.json"))
paras = [p for p in base["body"].split("\n") if p.strip()]
for line in open("examples/articles.jsonl", encoding="utf-8"):
    a = json.loads(line)
    if a.get("body") and a.get("language", "en") == "en":
        paras += [p for p in a["body"].split("\n") if p.strip()]

def body_of(words):
    out, count, i = [], 0, 0
    while count < words:
        p = paras[i % len(paras)]
        out.append(p)
        count += len(p.split())
        i += 1
    return "\n".join(out)

bodies = [base["body"], body_of(1000), body_of(5000)]
# A deterministic interleaving of the three sizes in the requested proportions.
pattern = [k for k, share in enumerate(mix) for _ in range(share)]
words = 0
with open(out, "w") as f:
    for i in range(n):
        size = pattern[(i * 37) % len(pattern)]
        a = dict(base)
        a["id"] = f"bench-{i:06d}"
        # Vary the text a little so records (and record ids) differ.
        a["body"] = bodies[size].replace("Sunday", f"Sunday ({i})", 1)
        words += len(a["body"].split())
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
print(f"articles: {n}, mix short/medium/long {mix[0]}/{mix[1]}/{mix[2]} %, "
      f"{words / n:.0f} words on average")
PY
echo "cores: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

BROKER_PID=$(rabbitmqctl -q eval 'os:getpid().' | tr -d '"')

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}

declare -A RATE
run_one() {
  local mode="$1" passthrough="$2"
  local vhost="bench-$$-$mode"
  rabbitmqctl -q add_vhost "$vhost" >/dev/null
  rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
  export ENRICHER__AMQP__URL="amqp://guest:guest@127.0.0.1:5672/$vhost"
  export ENRICHER__HTTP__ADDR="127.0.0.1:$PORT"
  export ENRICHER__LOG__FORMAT=json ENRICHER__LOG__FILTER=warn
  ENRICHER__WORKER__PASSTHROUGH="$passthrough" "$BIN" run 2>"$WORK/worker-$mode.log" &
  local worker=$!
  for _ in $(seq 1 100); do
    curl -sf --max-time 1 "http://127.0.0.1:$PORT/readyz" >/dev/null && break
    sleep 0.1
  done
  # The tail's queue must be bound before the first record comes out.
  ENRICHER__LOG__FILTER=info "$BIN" tail --count "$N" --timeout "$TIMEOUT" --latency \
    >/dev/null 2>"$WORK/tail-$mode.log" &
  local tail=$!
  for _ in $(seq 1 100); do
    grep -q "tailing records" "$WORK/tail-$mode.log" && break
    sleep 0.1
  done
  local worker_cpu0 broker_cpu0 start end
  worker_cpu0=$(cpu_seconds "$worker")
  broker_cpu0=$(cpu_seconds "$BROKER_PID")
  start=$(date +%s.%N)
  "$BIN" publish ${BENCH_RATE:+--rate "$BENCH_RATE"} "$WORK/articles.jsonl" 2>"$WORK/publish-$mode.log" &
  local publisher=$!
  wait "$tail" || true
  end=$(date +%s.%N)
  wait "$publisher" || true
  local worker_cpu broker_cpu rss
  worker_cpu=$(awk -v a="$worker_cpu0" -v b="$(cpu_seconds "$worker")" 'BEGIN{print b-a}')
  broker_cpu=$(awk -v a="$broker_cpu0" -v b="$(cpu_seconds "$BROKER_PID")" 'BEGIN{print b-a}')
  rss=$(awk '/^VmHWM/{print $2}' "/proc/$worker/status")
  kill -TERM "$worker"; wait "$worker" || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null
  local lat
  lat=$(grep -E '^records ' "$WORK/tail-$mode.log" | tail -1)
  local count=0 timed p50=nan p99=nan
  [ -n "$lat" ] && read -r _ count _ timed _ _ p50 _ p99 _ _ <<<"$lat"
  RATE[$mode]=$(awk -v n="$count" -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", n/(e-s)}')
  awk -v m="$mode" -v n="$count" -v s="$start" -v e="$end" -v p50="$p50" -v p99="$p99" \
      -v rss="$rss" -v wc="$worker_cpu" -v bc="$broker_cpu" 'BEGIN{
    t = e - s
    printf "%-12s %6d records in %7.2f s = %7.0f articles/s | latency p50 %7.1f ms p99 %7.1f ms | worker peak RSS %4.0f MiB | CPU s per 1000 articles: worker %.2f, broker %.2f\n",
      m, n, t, n / t, p50, p99, rss / 1024, 1000 * wc / n, 1000 * bc / n }'
  if [ "$count" -lt "$N" ]; then
    echo "  incomplete: $count of $N records within ${TIMEOUT}s (see $WORK kept for inspection)" >&2
    trap - EXIT
  fi
}

run_one full false
run_one passthrough true
awk -v f="${RATE[full]}" -v p="${RATE[passthrough]}" \
  'BEGIN{ if (p > 0) printf "full / passthrough throughput: %.0f %%\n", 100 * f / p }'
