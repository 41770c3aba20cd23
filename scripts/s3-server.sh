#!/usr/bin/env bash
# Start / stop a real S3 server (Ceph RADOS Gateway) on loopback for the s3kit tests.
#
#   scripts/s3-server.sh start    # prints shell-sourceable S3_* lines on stdout
#   scripts/s3-server.sh status   # exit 0 when running and answering a signed request
#   scripts/s3-server.sh stop     # stops the daemons this script started, removes the scratch dir
#
# Typical use:   eval "$(scripts/s3-server.sh start)"
#
# Cluster: one ceph-mon, one ceph-osd on memstore (object data in RAM; on disk only the monitor's
# small store and the logs) and radosgw (beast) on 127.0.0.1. No ceph-mgr: S3 does not need it.
# Everything, pid files and logs included, lives in one scratch directory. Progress goes to
# stderr, only the env lines to stdout.
#
# Environment:
#   S3KIT_RGW_DIR   scratch directory            (default /tmp/s3kit-rgw)
#   S3KIT_RGW_PORT  S3 port on 127.0.0.1          (default 7480)
#   S3KIT_RGW_MON_PORTS  monitor's msgr2 and msgr1 ports (default "3300 6789"); a second instance
#                   on the same machine needs its own DIR, PORT and MON_PORTS.
#
# How this RGW differs from AWS S3 is described in /work/shared/ceph-rgw.md. For CreateBucket: the
# zonegroup's api_name is set to "us-east-1" below, and RGW then accepts as LocationConstraint only
#   - no CreateBucketConfiguration body, or an empty <LocationConstraint/>
#   - "us-east-1"                       (AWS itself rejects this value; RGW accepts it)
#   - "us-east-1:default-placement" and ":default-placement"  (RGW's "api_name:placement" form)
# Anything else ("eu-west-1", "EU", "default", "us-east-1:other") → 400 InvalidLocationConstraint,
# and a self-closing <CreateBucketConfiguration/> → 400 InvalidArgument. GetBucketLocation then
# answers "us-east-1" for every bucket (AWS answers an empty LocationConstraint for us-east-1).
set -euo pipefail

DIR="${S3KIT_RGW_DIR:-/tmp/s3kit-rgw}"
PORT="${S3KIT_RGW_PORT:-7480}"
CONF="$DIR/ceph.conf"
read -r MON_V2_PORT MON_V1_PORT <<<"${S3KIT_RGW_MON_PORTS:-3300 6789}"
MON_ADDRS="[v2:127.0.0.1:$MON_V2_PORT,v1:127.0.0.1:$MON_V1_PORT]"
READY_TIMEOUT=90   # seconds until radosgw must answer a signed request
STOP_TIMEOUT=20    # seconds between SIGTERM and SIGKILL
LOCK_TIMEOUT=180   # seconds to wait for another start/stop of the same instance

ENDPOINT="http://127.0.0.1:$PORT"
REGION="us-east-1"
USER1_ID="test"
USER1_NAME="Test User"
USER1_EMAIL="test@example.com"
USER1_ACCESS="s3kit-test-access"
USER1_SECRET="s3kit-test-secret-key-0123456789abcdef"
USER2_ID="test2"
USER2_NAME="Second User"
USER2_EMAIL="test2@example.com"
USER2_ACCESS="s3kit-test2-access"
USER2_SECRET="s3kit-test2-secret-key-0123456789abcdef"
STORAGE_CLASSES=(STANDARD_IA GLACIER)
# STS (AssumeRole): a role the first user may assume, allowed everything in S3. RGW's role ARNs
# have an empty account field: arn:aws:iam:::role/<name>.
ROLE_NAME="S3Access"
ROLE_ARN="arn:aws:iam:::role/$ROLE_NAME"
# RGW encrypts session tokens with this key; it must be exactly 16 characters.
STS_KEY="s3kit-sts-key-16"

# Stop order, one at a time: radosgw whose OSD is gone hangs ~120 s in shutdown, and an OSD whose
# monitor is gone waits 5 s for it. In this order each exits within ~2 s.
DAEMONS=(rgw osd mon)

log() { echo "s3-server: $*" >&2; }
die() { log "error: $*"; exit 1; }

# --- helpers ---------------------------------------------------------------------------------

# Cluster clients, bounded in time. "9>&-": if this script is killed while one runs, the orphan
# must not keep holding the lock (see take_lock) until its timeout.
ceph_cmd() { timeout 30 ceph -c "$CONF" --connect-timeout 10 "$@" 9>&-; }
rgw_admin() { timeout 60 radosgw-admin -c "$CONF" -n client.rgw.a "$@" 9>&-; }

pid_file() { echo "$DIR/$1.pid"; }

# Prints the recorded PID of daemon $1 if that process is alive AND is ours: its command line must
# mention our ceph.conf, so a PID recycled by an unrelated process is never signalled.
our_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f $file ]] || return 1
  pid="$(<"$file")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ $cmdline == *"$CONF"* ]] || return 1
  echo "$pid"
}

# A signed ListBuckets (GET /). curl's --aws-sigv4 is rejected by RGW unless x-amz-content-sha256
# is sent too; the value is the SHA-256 of the empty body.
signed_list_buckets_status() {
  local access="$1" secret="$2"
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
    --aws-sigv4 "aws:amz:$REGION:s3" --user "$access:$secret" \
    -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
    "$ENDPOINT/" 2>/dev/null || true
}

all_daemons_alive() {
  local d
  for d in "${DAEMONS[@]}"; do our_pid "$d" >/dev/null || return 1; done
}

answers() { [[ $(signed_list_buckets_status "$USER1_ACCESS" "$USER1_SECRET") == 200 ]]; }

# Our daemons are alive and the gateway answers within $1 seconds. The patience matters: a
# gateway busy with large uploads can miss a 5 s deadline, and start must not then tear down a
# working server that other test processes are using.
is_running() {
  all_daemons_alive && wait_for "$1" "a running radosgw to answer" answers
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_env() {
  cat <<EOF
S3_ENDPOINT=$ENDPOINT
S3_REGION=$REGION
S3_ACCESS_KEY_ID=$USER1_ACCESS
S3_SECRET_ACCESS_KEY=$USER1_SECRET
S3_ACCESS_KEY_ID_2=$USER2_ACCESS
S3_SECRET_ACCESS_KEY_2=$USER2_SECRET
S3_USER_ID=$USER1_ID
S3_USER_EMAIL=$USER1_EMAIL
S3_USER_ID_2=$USER2_ID
S3_USER_EMAIL_2=$USER2_EMAIL
S3_STS_ENDPOINT=$ENDPOINT
S3_ROLE_ARN=$ROLE_ARN
EOF
}

# Daemon logs (*.log) and their stdout/stderr (*.out: crashes during mkfs land there).
# shellcheck disable=SC2317 # called by start_failed (EXIT trap)
show_log_tails() {
  local f
  for f in "$DIR"/log/*.log "$DIR"/log/*.out; do
    [[ -s $f ]] || continue
    log "---- last lines of $f ----"
    tail -n 25 "$f" >&2
  done
}

# Polls "$@" once per 0.25 s until it succeeds or $1 seconds pass.
wait_for() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { log "timed out after ${seconds}s waiting for $what"; return 1; }
    sleep 0.25
  done
}

# Runs a daemon in the foreground (-f) but detached from the calling shell: setsid gives it its
# own session (no SIGHUP/SIGINT from the caller's terminal or process group), nohup and the
# redirections drop the caller's stdio so a test runner reading our stdout does not hang.
# In a non-interactive shell a background child is not a process-group leader, so setsid execs
# instead of forking and $! is the daemon's own PID. "9>&-" closes the lock's file descriptor:
# a daemon inheriting it would hold the lock (see take_lock) for its whole life.
spawn() {
  local name="$1"
  shift
  nohup setsid "$@" >>"$DIR/log/$name.out" 2>&1 </dev/null 9>&- &
  echo "$!" >"$(pid_file "$name")"
}

# --- installation ----------------------------------------------------------------------------

have_tools() {
  local tool
  for tool in radosgw radosgw-admin ceph ceph-mon ceph-osd uuidgen curl openssl; do
    command -v "$tool" >/dev/null || return 1
  done
}

install_ceph() {
  have_tools && return 0
  log "Ceph tools missing; installing packages (~30 s)"
  local sudo=""
  [[ $EUID -eq 0 ]] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  # The postinst prints "Failed to connect to bus" when there is no systemd: harmless.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    ceph-common ceph-mon ceph-osd radosgw uuid-runtime curl openssl >&2
}

# --- cluster setup ---------------------------------------------------------------------------

write_conf() {
  cat >"$CONF" <<EOF
[global]
fsid = $1
mon host = $MON_ADDRS
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
# radosgw defaults to "secure", which with auth none loops forever on
# "get_initial_auth_request returned -13".
ms mon client mode = crc
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
keyring = $DIR/keyring
# A single OSD: pools of size 1, few PGs, no autoscaler (there is no mgr anyway).
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
# The monitor batches map changes for 1 s before committing them. Every pool RGW creates costs
# two such rounds; with the default a cold start takes ~14 s instead of ~3 s, and the first write
# to a storage class ~2 s instead of ~0.1 s. Alone on loopback the monitor need not wait.
paxos propose interval = 0.05
# Do not let a full /tmp stop the monitor.
mon data avail crit = 1
mon data avail warn = 2

[mon]
mon data = $DIR/\$name

[osd]
osd data = $DIR/\$name
osd objectstore = memstore
# Capacity only (RAM is used as data arrives): large enough for 1 GiB objects and benchmarks.
memstore device bytes = $((12 * 1024 * 1024 * 1024))
# memstore's size would otherwise give the OSD a CRUSH weight of zero (no PGs map to it).
osd crush initial weight = 1

[client.rgw.a]
# Without tcp_nodelay a small GET takes ~48 ms instead of ~4 ms.
rgw frontends = beast endpoint=127.0.0.1:$PORT tcp_nodelay=1
rgw data = $DIR/\$name
# Virtual-hosted style: <bucket>.localhost
rgw dns name = localhost
# Lifecycle: "1 day" lasts 10 s, so expirations and transitions happen within ~25 s.
rgw lc debug interval = 10
# Deleted/overwritten data goes to the garbage collector, which by default waits 2 h and runs
# hourly; memstore keeps it in RAM until then. Free it within seconds instead, so repeated large
# uploads do not fill the store.
rgw gc obj min wait = 0
rgw gc processor period = 5
rgw gc processor max time = 5
# SSE-C over plain http (RGW refuses customer keys without TLS by default).
rgw crypt require ssl = false
# SSE-KMS with Ceph's "testing" key store: x-amz-server-side-encryption-aws-kms-key-id names one of
# these 256-bit keys (test keys only, never for real data).
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = s3kit-test-key-1=a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s= s3kit-test-key-2=bW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW0=
# STS on the S3 endpoint (POST / with Action=AssumeRole…), and S3 requests signed with its
# temporary keys plus x-amz-security-token.
rgw sts key = $STS_KEY
rgw s3 auth use sts = true
EOF
}

start_mon() {
  log "creating monitor"
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --clobber --fsid "$1" --addv a "$MON_ADDRS" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" -i a --mkfs --monmap "$DIR/monmap" --keyring "$DIR/keyring" >&2
  spawn mon ceph-mon -c "$CONF" -i a -f
  wait_for 30 "ceph-mon quorum" ceph_cmd quorum_status
}

# shellcheck disable=SC2317 # called through wait_for
osd_is_up() { [[ $(ceph_cmd osd dump) == *$'\n'"osd.$1 up"* ]]; }

start_osd() {
  log "creating OSD (memstore)"
  local uuid id
  uuid="$(uuidgen)"
  id="$(ceph_cmd osd new "$uuid")"
  mkdir -p "$DIR/osd.$id" # memstore keeps only its fsid/type files here; the data stays in RAM
  ceph-osd -c "$CONF" -i "$id" --mkfs --osd-uuid "$uuid" >>"$DIR/log/osd-mkfs.out" 2>&1
  spawn osd ceph-osd -c "$CONF" -i "$id" -f
  wait_for 60 "osd.$id up" osd_is_up "$id"
}

create_user() {
  rgw_admin user create --uid "$1" --display-name "$2" --email "$3" \
    --access-key "$4" --secret "$5" >/dev/null
}

# Users first: the first `user create` creates the default zonegroup and zone; placement changes
# on a fresh cluster fail with "failed to init zonegroup: (2) No such file or directory".
configure_rgw() {
  log "creating users, storage classes, zonegroup api_name"
  create_user "$USER1_ID" "$USER1_NAME" "$USER1_EMAIL" "$USER1_ACCESS" "$USER1_SECRET"
  create_user "$USER2_ID" "$USER2_NAME" "$USER2_EMAIL" "$USER2_ACCESS" "$USER2_SECRET"
  local class
  for class in "${STORAGE_CLASSES[@]}"; do
    rgw_admin zonegroup placement add --rgw-zonegroup default \
      --placement-id default-placement --storage-class "$class" >/dev/null
    rgw_admin zone placement add --rgw-zone default \
      --placement-id default-placement --storage-class "$class" \
      --data-pool "default.rgw.$class.data" >/dev/null
  done
  # So that LocationConstraint "us-east-1" means what it says (the default api_name is "default").
  rgw_admin zonegroup modify --rgw-zonegroup default --api-name "$REGION" >/dev/null
  configure_sts
}

# The first user may manage roles and OpenID Connect providers (the web identity test registers
# one on loopback through the IAM API) and assume $ROLE_NAME, whose session may do anything in S3.
configure_sts() {
  log "creating STS role $ROLE_NAME"
  rgw_admin caps add --uid "$USER1_ID" --caps "roles=*;oidc-provider=*" >/dev/null
  rgw_admin role create --role-name "$ROLE_NAME" --assume-role-policy-doc \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam:::user/'"$USER1_ID"'"]},"Action":["sts:AssumeRole"]}]}' \
    >/dev/null
  rgw_admin role-policy put --role-name "$ROLE_NAME" --policy-name all --policy-doc \
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"arn:aws:s3:::*"}]}' \
    >/dev/null
}

start_rgw() {
  log "starting radosgw on $ENDPOINT"
  spawn rgw radosgw -c "$CONF" -n client.rgw.a -f
  local deadline=$((SECONDS + READY_TIMEOUT))
  until answers; do
    our_pid rgw >/dev/null || { log "radosgw exited"; return 1; }
    ((SECONDS < deadline)) || { log "radosgw did not answer within ${READY_TIMEOUT}s"; return 1; }
    sleep 0.25
  done
}

# --- commands --------------------------------------------------------------------------------

# SIGTERM to daemon $1 if it is still ours; SIGKILL if it is still there after STOP_TIMEOUT.
stop_daemon() {
  local pid
  pid="$(our_pid "$1")" || return 0
  log "stopping $1 (PID $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$1 ignored SIGTERM for ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
}

kill_daemons() {
  local d
  for d in "${DAEMONS[@]}"; do stop_daemon "$d"; done
}

cmd_stop() {
  kill_daemons
  rm -rf "$DIR"
  log "stopped"
}

cmd_status() {
  if is_running 10; then log "running at $ENDPOINT"; return 0; fi
  log "not running"
  return 1
}

# shellcheck disable=SC2317 # called by the EXIT trap
start_failed() {
  show_log_tails
  kill_daemons
  log "error: start failed; logs kept in $DIR/log (\"$0 stop\" removes them)"
}

cmd_start() {
  if is_running 30; then
    log "already running at $ENDPOINT"
    print_env
    return 0
  fi
  # Left-overs of an earlier run (crashed daemon, failed start): clear them for a cold start.
  if [[ -e $DIR ]]; then
    log "removing stale $DIR"
    kill_daemons
    rm -rf "$DIR"
  fi
  local p
  for p in "$PORT" "$MON_V2_PORT" "$MON_V1_PORT"; do
    ! port_in_use "$p" || die "127.0.0.1:$p is already in use by another process"
  done

  install_ceph
  local started=$SECONDS fsid
  mkdir -p "$DIR/run" "$DIR/log" "$DIR/mon.a" "$DIR/client.rgw.a"
  fsid="$(uuidgen)"
  write_conf "$fsid"
  # Any failing step ends the script (set -e); the trap then shows the logs and stops what we
  # started. (Calling the steps inside an `if` would silently disable set -e within them.)
  trap start_failed EXIT
  start_mon "$fsid"
  start_osd
  configure_rgw
  start_rgw
  trap - EXIT
  log "ready after $((SECONDS - started))s"
  print_env
}

# Serialises calls on the same instance (e.g. several test workers calling start at once). The
# lock file sits next to the scratch dir because stop removes the dir itself.
take_lock() {
  mkdir -p "$(dirname "$DIR")"
  exec 9>"$DIR.lock"
  flock -w "$LOCK_TIMEOUT" 9 || die "another s3-server.sh call still holds $DIR.lock"
}

main() {
  case "${1:-}" in
    start) take_lock && cmd_start ;;
    stop) take_lock && cmd_stop ;;
    status) take_lock && cmd_status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
  esac
}

# On one line so that bash, which reads a script as it runs, never reads past it: editing this
# file while a call is waiting on the lock must not change what that call does.
main "$@"; exit
