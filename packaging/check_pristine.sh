#!/usr/bin/env bash
# Checks that the README's two commands work on pristine Debian machines:
#
#   bash packaging/check_pristine.sh                 Debian 12 (bookworm) then 13 (trixie)
#   bash packaging/check_pristine.sh 12              one release (12, 13, bookworm or trixie)
#   bash packaging/check_pristine.sh --only test 13  one command
#
# For each release and command it takes a fresh copy of a `debootstrap --variant=minbase` root
# (Debian's packages only: the release's own Python, nothing else installed), copies this
# working tree in (tracked and untracked-not-ignored files: no .venv, no build output), and
# runs, as root with no tty, inside `chroot`:
#
#   test  `bash packaging/setup.sh test`: it must install everything and the suite must pass;
#   run   `bash packaging/setup.sh run` with QT_QPA_PLATFORM=offscreen: the demo vault must be
#         made and the app must still be running N seconds after it started (then it is
#         stopped); then `fieldapp --smoke` on that vault must unlock it and show the window.
#
# Each command gets its own fresh root, so an install step that setup.sh is missing fails here
# instead of being hidden by a step of the other command or of an earlier run. The debootstrap
# result is cached as a tarball (DIR/base/RELEASE.tar) and never changed; downloaded .deb and
# pip files are cached in DIR/cache (downloads only: they install nothing by themselves).
# The PostgreSQL server the tests use is the host's, on 127.0.0.1:5432 (a chroot shares the
# network). One summary line per release and command at the end, also in DIR/summary.txt;
# whole logs in DIR/logs/. Needs root. Exit status: 0 when every command passed.
#
# Options:
#   --dir DIR          where roots, caches and logs go (default /var/tmp/fieldapp-pristine)
#   --only test|run    only this command (default both: run, then test)
#   --rebuild          build the debootstrap base again instead of reusing the cached one
#   --no-cache         no download caches (every .deb and wheel fetched again)
#   --keep             keep each root after it passed (a failed one is always kept)
#   --run-seconds N    how long the app must stay up under `setup.sh run` (default 20)
#   --timeout MIN      limit for one command, set-up included (default 40 minutes)
# shellcheck disable=SC2317  # functions called indirectly (trap, "check_$cmd")
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir=/var/tmp/fieldapp-pristine
commands=(run test)
rebuild=0 cache=1 keep=0 run_seconds=20 timeout_min=40
releases=()
while (($#)); do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --only) commands=("$2"); shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --no-cache) cache=0; shift ;;
    --keep) keep=1; shift ;;
    --run-seconds) run_seconds="$2"; shift 2 ;;
    --timeout) timeout_min="$2"; shift 2 ;;
    12|bookworm) releases+=(bookworm); shift ;;
    13|trixie) releases+=(trixie); shift ;;
    -h|--help) sed -n '2,/^# shellcheck/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
((${#releases[@]})) || releases=(bookworm trixie)
for c in "${commands[@]}"; do
  [[ "$c" == run || "$c" == test ]] || { echo "--only takes run or test" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "check_pristine.sh needs root (debootstrap, chroot, mount)" >&2; exit 1; }
mkdir -p "$dir"/{base,roots,logs,cache}
dir="$(cd "$dir" && pwd -P)"

say() { printf '== %s\n' "$*" >&2; }

# --- the host's way out: the chroot must use the same, since nothing else is reachable -------
# This machine reaches Debian's archive and PyPI only through the mirror and the HTTPS egress
# set up on the host (its CA signs what pip sees), so the root gets the host's apt mirror and
# Acquire settings, its extra CA certificates and its pip settings. Index locations that are
# folders of the host (find-links, file:// indexes) are left out: they do not exist in the root,
# and a user's machine would not have them either.
debian_mirror="" security_mirror=""
host_mirrors() {
  local f uri
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    while read -r uri; do
      case "$uri" in
        *debian-security*) [ -n "$security_mirror" ] || security_mirror="$uri" ;;
        */debian|*/debian/) [ -n "$debian_mirror" ] || debian_mirror="${uri%/}" ;;
      esac
    done < <(sed -n -e 's/^URIs:[[:space:]]*//p' -e 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]*\).*/\2/p' "$f" | tr ' ' '\n')
  done
  debian_mirror="${MIRROR:-${debian_mirror:-http://deb.debian.org/debian}}"
  security_mirror="${SECURITY_MIRROR:-${security_mirror:-http://deb.debian.org/debian-security}}"
}
host_mirrors

# A pip.conf without the settings that point at host folders.
filter_pip_conf() {
  awk '
    /^[[:space:]]*(find-links|index-url|extra-index-url)[[:space:]]*=/ {
      local_only = ($0 ~ /file:|=[[:space:]]*\//) && ($0 !~ /https?:/)
      skipping = local_only; if (skipping) next
    }
    skipping && /^[[:space:]]+[^[:space:]]/ { next }   # continuation of a skipped setting
    { skipping = 0; print }
  ' "$1"
}

configure_root() {  # the host's mirror, resolver, CA and pip settings, into the root $1
  local root="$1" rel="$2" f
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  grep -qs '^127\.0\.0\.1[[:space:]].*localhost' "$root/etc/hosts" ||
    printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >> "$root/etc/hosts"
  rm -f "$root/etc/apt/sources.list"
  cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $debian_mirror
Suites: $rel $rel-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security_mirror
Suites: $rel-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Acquire settings (proxy, validity of a snapshot mirror); not hooks of host packages
  for f in /etc/apt/apt.conf /etc/apt/apt.conf.d/*; do
    [ -f "$f" ] || continue
    if grep -q 'Acquire' "$f" && ! grep -q 'Invoke' "$f"; then
      mkdir -p "$root/etc/apt/apt.conf.d"
      cp "$f" "$root/etc/apt/apt.conf.d/$(basename "$f")"
    fi
  done
  # extra CAs: ca-certificates (pulled in by python3-pip) rebuilds its bundle with these
  if [ -d /usr/local/share/ca-certificates ]; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
  fi
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$root/etc/ssl/certs"
    cp -L /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  fi
  [ -f /etc/pip.conf ] && filter_pip_conf /etc/pip.conf > "$root/etc/pip.conf"
  for f in "${XDG_CONFIG_HOME:-$HOME/.config}/pip/pip.conf" "$HOME/.pip/pip.conf"; do
    if [ -f "$f" ]; then
      mkdir -p "$root/root/.config/pip"
      filter_pip_conf "$f" >> "$root/root/.config/pip/pip.conf"
    fi
  done
}

# The environment inside: what a root login on a fresh machine has, plus the host's network
# settings (proxy, pip index) when they are given as variables.
chroot_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
            LANG=C.UTF-8 TERM=dumb)
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY PIP_INDEX_URL \
         PIP_EXTRA_INDEX_URL PIP_TRUSTED_HOST PIP_DEFAULT_TIMEOUT PIP_CERT; do
  val="${!v:-}"
  [ -n "$val" ] || continue
  case "$v:$val" in PIP_*INDEX_URL:file:*|PIP_*INDEX_URL:/*) continue ;; esac
  chroot_env+=("$v=$val")
done

# --- mounts, processes, clean-up ----------------------------------------------------------------
mounted=()   # mount points, in mounting order
mount_in() {  # mount_in ROOT RELEASE: /proc, /sys, /dev, /dev/pts, a /dev/shm of its own
  # and the download caches
  local root="$1"
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
  mount --bind /dev "$root/dev" && mounted+=("$root/dev")
  mount --bind /dev/pts "$root/dev/pts" && mounted+=("$root/dev/pts")
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")
  if ((cache)); then  # downloads only (no docker-style clean-up hook in a debootstrap root)
    local rel="$2"
    mkdir -p "$dir/cache/$rel/apt" "$dir/cache/$rel/pip" "$root/var/cache/apt/archives" \
      "$root/root/.cache/pip"
    mount --bind "$dir/cache/$rel/apt" "$root/var/cache/apt/archives" &&
      mounted+=("$root/var/cache/apt/archives")
    mount --bind "$dir/cache/$rel/pip" "$root/root/.cache/pip" && mounted+=("$root/root/.cache/pip")
  fi
}
kill_inside() {  # every process whose root is ROOT: started by this script, through chroot
  local root="$1" p pid again
  for again in 1 2 3; do
    local found=0
    for p in /proc/[0-9]*; do
      pid="${p#/proc/}"
      [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] || continue
      found=1
      kill "$([ "$again" = 3 ] && echo -KILL || echo -TERM)" "$pid" 2>/dev/null || true
    done
    ((found)) || return 0
    sleep 2
  done
}
unmount_all() {
  local i m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    m="${mounted[i]}"
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "could not unmount $m" >&2
  done
  mounted=()
}
current_root="" checker=""
cleanup() {  # processes in the root were all started by this script (through chroot)
  [ -z "$checker" ] || kill -TERM "$checker" 2>/dev/null || true
  [ -z "$current_root" ] || kill_inside "$current_root"
  unmount_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM

remove_root() {  # refuses while anything is still mounted under it
  local root="$1"
  [ -e "$root" ] || return 0
  if awk -v r="$root/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    echo "still mounted under $root: not removing it" >&2
    return 1
  fi
  rm -rf --one-file-system "$root"
}

# --- the base root, built once per release ------------------------------------------------------
base_tar() {
  local rel="$1" tarball="$dir/base/$1.tar" build="$dir/base/$1.build"
  if ((rebuild)) || [ ! -f "$tarball" ]; then
    command -v debootstrap >/dev/null 2>&1 || {
      say "installing debootstrap on the host"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    }
    remove_root "$build"
    say "debootstrap --variant=minbase $rel from $debian_mirror"
    debootstrap --variant=minbase "$rel" "$build" "$debian_mirror" > "$dir/logs/$rel-debootstrap.log" 2>&1 ||
      { tail -20 "$dir/logs/$rel-debootstrap.log" >&2; return 1; }
    tar --numeric-owner --xattrs -C "$build" -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    remove_root "$build"
  fi
  echo "$tarball"
}

root=""
fresh_root() {  # fresh_root RELEASE COMMAND: sets $root to a new copy of the base, tree copied in
  local rel="$1" cmd="$2" tarball
  root="$dir/roots/$1-$2"
  tarball="$(base_tar "$rel")"
  remove_root "$root"
  mkdir -p "$root"
  tar --numeric-owner --xattrs -C "$root" -xpf "$tarball"
  configure_root "$root" "$rel"
  mkdir -p "$root/root/fieldapp"
  # the working tree as it is now, without ignored files (.venv, build/, dist/, *.qm ...);
  # a tracked file deleted in the tree is left out
  (cd "$here" && git -c safe.directory="$here" ls-files -co --exclude-standard -z |
     while IFS= read -r -d '' f; do
       if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
     done | tar --null -T - -cf -) | tar -C "$root/root/fieldapp" -xf -
}

in_root() {  # in_root ROOT COMMAND...: as root, a clean environment, no tty, no stdin
  local root="$1"; shift
  chroot "$root" /usr/bin/env -i "${chroot_env[@]}" "$@" < /dev/null
}

closing_line() {  # pytest's last "== N passed ... in Xs ==" line of a log
  grep -aE '^=+ .*(passed|failed|error|errors|skipped|deselected|no tests ran).* in [0-9.]+s' "$1" |
    tail -1 | sed -E 's/^=+ //; s/ =+$//' || true
}

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# --- the two commands ---------------------------------------------------------------------------
check_test() {  # check_test ROOT LOG: prints the detail for the summary, returns the verdict
  local root="$1" log="$2" rc=0 line
  timeout --kill-after=30 "$((timeout_min * 60))" \
    chroot "$root" /usr/bin/env -i "${chroot_env[@]}" \
    bash -c 'cd /root/fieldapp && exec bash packaging/setup.sh test' < /dev/null > "$log" 2>&1 || rc=$?
  line="$(closing_line "$log")"
  [ "$rc" = 124 ] && line="timed out after ${timeout_min} min; ${line:-no pytest closing line}"
  echo "${line:-exit $rc, no pytest closing line (see $log)}"
  return "$rc"
}

check_run() {  # check_run ROOT LOG
  local root="$1" log="$2" pid start waited=0 rc=0 smoke vault="$1/root/fieldapp/demo-vault/vault.db"
  : > "$log"
  setsid chroot "$root" /usr/bin/env -i "${chroot_env[@]}" QT_QPA_PLATFORM=offscreen \
    bash -c 'cd /root/fieldapp && exec bash packaging/setup.sh run' < /dev/null > "$log" 2>&1 &
  pid=$!
  # set-up and demo vault first: wait for the line that says the app is starting
  while ! grep -q '^== Starting fieldapp' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || rc=$?
      echo "setup.sh run ended (exit $rc) before starting the app (see $log)"
      return 1
    fi
    if ((waited >= timeout_min * 60)); then
      echo "setup.sh run did not start the app within $timeout_min min (see $log)"
      return 1
    fi
    sleep 2; waited=$((waited + 2))
  done
  start=$SECONDS
  while ((SECONDS - start < run_seconds)) && kill -0 "$pid" 2>/dev/null; do sleep 1; done
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || rc=$?
    echo "the app exited (status $rc) $((SECONDS - start)) s after it started (see $log)"
    return 1
  fi
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ ! -f "$vault" ]; then
    echo "no demo vault at ${vault#"$root"} (see $log)"
    return 1
  fi
  # the same vault, unlocked with the demo passphrase by the app itself (offscreen)
  smoke="$(timeout 300 chroot "$root" /usr/bin/env -i "${chroot_env[@]}" QT_QPA_PLATFORM=offscreen \
    FIELDAPP_PASSPHRASE=demo-passphrase \
    bash -c 'cd /root/fieldapp && exec .venv/bin/fieldapp --data-dir demo-vault --smoke' \
    < /dev/null 2>&1)" || rc=$?
  printf '\n== fieldapp --smoke on the demo vault (exit %s)\n%s\n' "$rc" "$smoke" >> "$log"
  if [ "$rc" != 0 ] || ! grep -q '"main_window_ready"' <<< "$smoke"; then
    echo "the app ran ${run_seconds} s, but --smoke did not unlock the demo vault (see $log)"
    return 1
  fi
  echo "demo vault made, app up ${run_seconds} s offscreen, --smoke unlocked it and showed the main window"
}

summary=()
failed=0
for rel in "${releases[@]}"; do
  case "$rel" in bookworm) name="Debian 12" ;; trixie) name="Debian 13" ;; esac
  for cmd in "${commands[@]}"; do
    say "$name ($rel): fresh root for setup.sh $cmd"
    fresh_root "$rel" "$cmd"
    current_root="$root"
    mount_in "$root" "$rel"
    log="$dir/logs/$rel-$cmd.log"
    say "$name ($rel): bash packaging/setup.sh $cmd (log: $log)"
    t0=$SECONDS
    verdict=PASS
    # in the background: a signal to this script is handled at once, not after the command
    "check_$cmd" "$root" "$log" > "$log.verdict" &
    checker=$!
    wait "$checker" || verdict=FAIL
    checker=""
    detail="$(cat "$log.verdict")"
    rm -f "$log.verdict"
    took=$((SECONDS - t0))
    py="$(in_root "$root" python3 -c 'import platform; print(platform.python_version())' 2>/dev/null || echo '?')"
    kill_inside "$root"
    unmount_all
    current_root=""
    line="$name ($rel, Python $py) setup.sh $cmd: $verdict in $(fmt_time "$took") — $detail"
    summary+=("$line")
    echo "$(date -u +%FT%TZ) $line" >> "$dir/summary.txt"
    say "$line"
    if [ "$verdict" = PASS ]; then
      ((keep)) || remove_root "$root"
    else
      failed=1
      say "kept for a look: $root"
    fi
  done
done

echo
echo "Summary (logs in $dir/logs):"
printf '%s\n' "${summary[@]}"
exit "$failed"
