#!/usr/bin/env bash
# Nightly backup of the fieldapp sync server's PostgreSQL database (docs/admin-guide.md):
# pg_dump custom format (-Fc), named by date and time, encrypted, kept KEEP_DAYS days.
#
#   /opt/fieldapp-server/backup.sh            (as the postgres user, e.g. from cron:
#   15 2 * * * postgres /opt/fieldapp-server/backup.sh)
#
# Encryption, the first found:
#   1. age  (https://age-encryption.org) to the public key(s) in AGE_RECIPIENTS_FILE
#   2. gpg  to the public key GPG_RECIPIENT (in the running user's keyring)
# Without either the script refuses (the dump holds personal data), unless
# ALLOW_UNENCRYPTED=1. Keep the private key OFF this server: restore.md.
# Environment (or /etc/fieldapp-server/backup.env): DB (default fieldapp), BACKUP_DIR
# (default /var/backups/fieldapp), KEEP_DAYS (default 14), AGE_RECIPIENTS_FILE
# (default /etc/fieldapp-server/backup-recipients.txt), GPG_RECIPIENT.
set -euo pipefail
umask 077

[ -f /etc/fieldapp-server/backup.env ] && . /etc/fieldapp-server/backup.env
DB="${DB:-fieldapp}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/fieldapp}"
KEEP_DAYS="${KEEP_DAYS:-14}"
AGE_RECIPIENTS_FILE="${AGE_RECIPIENTS_FILE:-/etc/fieldapp-server/backup-recipients.txt}"
GPG_RECIPIENT="${GPG_RECIPIENT:-}"

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
base="$BACKUP_DIR/fieldapp-$stamp.dump"

if command -v age >/dev/null && [ -s "$AGE_RECIPIENTS_FILE" ]; then
  out="$base.age"
  encrypt=(age --encrypt -R "$AGE_RECIPIENTS_FILE")
elif command -v gpg >/dev/null && [ -n "$GPG_RECIPIENT" ]; then
  out="$base.gpg"
  encrypt=(gpg --batch --yes --trust-model always --encrypt --recipient "$GPG_RECIPIENT")
elif [ "${ALLOW_UNENCRYPTED:-0}" = 1 ]; then
  out="$base"
  encrypt=(cat)
else
  echo "backup.sh: neither age (with $AGE_RECIPIENTS_FILE) nor gpg (with GPG_RECIPIENT)" \
       "is set up; refusing to write an unencrypted dump (ALLOW_UNENCRYPTED=1 to force)" >&2
  exit 2
fi

tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT
pg_dump -Fc --no-owner --dbname="$DB" | "${encrypt[@]}" > "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "backup.sh: $out ($(du -h "$out" | cut -f1)) with ${encrypt[0]}"

# keep KEEP_DAYS days (never the newest, even if the clock jumped)
find "$BACKUP_DIR" -maxdepth 1 -type f -name 'fieldapp-*.dump*' ! -name '*.partial' \
     -mtime +"$KEEP_DAYS" ! -newer "$out" ! -samefile "$out" -print -delete
