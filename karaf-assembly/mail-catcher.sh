#!/usr/bin/env bash
# The demo's mail catcher (demo/MailCatcher.java), started and stopped by portal.sh:
#   mail-catcher.sh start KARAF_HOME   when the portal's mail settings name the catcher (127.0.0.1:2525), start it
#                                      if it is not running; a fresh installation is pointed at it first
#   mail-catcher.sh stop KARAF_HOME    stop it if it runs
# Messages are kept in KARAF_HOME/data/mail-catcher and listed on http://localhost:8025/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
karaf=$2
smtp_port=2525
web_port=8025
cfg="$karaf/etc/org.certportal.mail.cfg"
folder="$karaf/data/mail-catcher"
pidfile="$karaf/data/mail-catcher.pid"

catcher_running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

setting() {
  sed -n "s/^$1 *= *//p" "$cfg" | tr -d '[:space:]'
}

case "$1" in
  start)
    # no server named yet: a fresh installation sends to the catcher; a server someone named is left alone
    if [ -z "$(setting smtpHost)" ]; then
      sed -i "s/^smtpHost *=.*/smtpHost = 127.0.0.1/; s/^smtpPort *=.*/smtpPort = $smtp_port/" "$cfg"
    fi
    [ "$(setting smtpHost)" = 127.0.0.1 ] && [ "$(setting smtpPort)" = "$smtp_port" ] || exit 0
    catcher_running && exit 0
    mkdir -p "$folder" "$karaf/data/log"
    nohup java "$here/demo/MailCatcher.java" "$smtp_port" "$web_port" "$folder" >"$karaf/data/log/mail-catcher.log" 2>&1 &
    echo $! >"$pidfile"
    # the portal's first mail must find it listening (compiling the single-file program takes a moment)
    for _ in $(seq 1 40); do
      grep -q "^Mail catcher: SMTP" "$karaf/data/log/mail-catcher.log" 2>/dev/null && break
      catcher_running || { echo "The mail catcher did not start; see $karaf/data/log/mail-catcher.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "Mail the portal sends is caught: http://localhost:$web_port/ (to send real mail, see README)" ;;
  stop)
    if catcher_running; then kill "$(cat "$pidfile")"; fi
    rm -f "$pidfile" ;;
  *) echo "usage: mail-catcher.sh start|stop KARAF_HOME" >&2; exit 2 ;;
esac
