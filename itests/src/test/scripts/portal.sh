#!/usr/bin/env bash
# Starts or stops a copy of the built distribution for the browser and shell tests.
#   portal.sh start|stop ARCHIVE DIR HTTP_PORT SSH_PORT
set -euo pipefail
cmd=$1 archive=$2 dir=$3 http=$4 ssh=$5
case $cmd in
  start)
    [ -f "$dir/bin/stop" ] && "$dir/bin/stop" >/dev/null 2>&1 || true
    rm -rf "$dir" && mkdir -p "$dir"
    tar -xzf "$archive" -C "$dir" --strip-components=1
    echo "org.osgi.service.http.port = $http" >> "$dir/etc/org.ops4j.pax.web.cfg"
    # as behind the reverse proxy of a production portal: X-Forwarded-For/-Proto name the client and
    # its scheme (HttpHardeningIT sends them; browsers never do)
    echo "org.osgi.service.http.checkForwardedHeaders = true" >> "$dir/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$dir/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $((ssh + 1))/; s/^rmiServerPort *=.*/rmiServerPort = $((ssh + 2))/" \
      "$dir/etc/org.apache.karaf.management.cfg"
    # the demo accounts the browser and shell tests sign in with (off in the distribution)
    sed -i 's/^demoUsers *=.*/demoUsers = true/' "$dir/etc/org.certportal.security.cfg"
    # the first start prints the generated password of Karaf's admin once; the tests' bin/client
    # reads it from DIR.admin-password (KarafClient), outside the portal's own files
    said=$("$dir/bin/start")
    printf '%s\n' "$said" | sed -n '/with the password$/{n;s/^ *//;p;}' > "$dir.admin-password"
    [ -s "$dir.admin-password" ] || { echo "no admin password in what bin/start said: $said" >&2; exit 1; }
    # ready when the sign-in page is served
    for _ in $(seq 1 240); do
      if curl -fsS -o /dev/null "http://localhost:$http/login" 2>/dev/null; then
        echo "portal up on port $http"; exit 0
      fi
      sleep 0.5
    done
    echo "portal did not answer on port $http; log follows" >&2
    tail -n 80 "$dir/data/log/karaf.log" >&2 || true
    exit 1 ;;
  stop)
    if [ -x "$dir/bin/stop" ]; then "$dir/bin/stop" || true; fi
    # wait for the JVM to go, so the next run finds the ports free
    for _ in $(seq 1 60); do
      pgrep -f "karaf.home=$dir" >/dev/null || exit 0
      sleep 0.5
    done
    pkill -9 -f "karaf.home=$dir" || true ;;
  *) echo "usage: portal.sh start|stop ARCHIVE DIR HTTP_PORT SSH_PORT" >&2; exit 2 ;;
esac
