#!/usr/bin/env bash
# Full fault campaign: 10,000 valid articles + 500 bad messages through the real worker
# binary on a private RabbitMQ node, with 3 node restarts and 3 worker SIGKILLs.
# Needs root (the node runs as the rabbitmq user) and RabbitMQ installed.
#
#   scripts/fault-campaign.sh              # full run (debug build)
#   VALID=2000 BAD=100 scripts/fault-campaign.sh
#   PROFILE=release scripts/fault-campaign.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VALID="${VALID:-10000}"
BAD="${BAD:-500}"
PROFILE_FLAG=()
if [[ "${PROFILE:-debug}" == "release" ]]; then
    PROFILE_FLAG=(--release)
fi
start=$(date +%s)
FAULT_CAMPAIGN_VALID="$VALID" FAULT_CAMPAIGN_BAD="$BAD" \
    cargo test "${PROFILE_FLAG[@]}" --test fault_campaign -- --nocapture
echo "fault campaign: $VALID valid + $BAD bad in $(( $(date +%s) - start ))s wall (incl. build)"
