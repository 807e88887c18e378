#!/usr/bin/env bash
# CertPortal on this machine:
#   portal.sh start   build when needed, start Karaf in the background, wait for the portal; while no
#                     mail server is configured, mail goes to a local catcher (mail-catcher.sh)
#   portal.sh stop    stop it (and the mail catcher)
#   portal.sh status  is it running?
#   portal.sh bench   platform benchmark (cold start, hot deploy of a view, memory)
#   portal.sh bench-db [ROWS]  contacts on a throwaway PostgreSQL (feature certportal-bench): inserts vs raw JDBC, search p50/p95 (ROWS default 1,000,000)
#   portal.sh bench-db tracking [ENROLLMENTS]  the Tracking page, export and daily expiry run there (certportal:tracking-benchmark)
#   portal.sh bench-db completions [ROWS]  the completions CSV import there vs raw JDBC (certportal:completions-benchmark)
#   portal.sh bench-db masscert [APPLICANTS]  mass certification there vs raw JDBC (certportal:masscert-benchmark)
#   portal.sh bench-db credentials [STUDENTS]  bulk award and order of credentials there vs raw JDBC (certportal:credentials-benchmark)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
karaf="$here/target/assembly"
port=8181

needs_build() {
  [ -x "$karaf/bin/karaf" ] || return 0
  # any source newer than the distribution means a rebuild
  [ -n "$(find "$root/pom.xml" "$root/bundles" "$root/ui/src" "$root/ui/pom.xml" "$root/features" "$here/src" "$here/pom.xml" \
        -newer "$karaf/etc/config.properties" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

running() {
  pgrep -f "karaf.home=$karaf" >/dev/null 2>&1
}

# Starts the Karaf in $1, showing what bin/start says; on the installation's first start that is the
# generated password of Karaf's 'admin' (bin/certportal-install), kept in $admin_password for this run
start_karaf() {
  local said
  said=$("$1/bin/start")
  [ -z "$said" ] || printf '%s\n' "$said"
  admin_password=$(printf '%s\n' "$said" | sed -n '/with the password$/{n;s/^ *//;p;}')
}

case "${1:-start}" in
  start)
    if running; then
      bash "$here/mail-catcher.sh" start "$karaf" || true
      echo "CertPortal is already running: http://localhost:$port/"; exit 0
    fi
    if needs_build; then
      echo "Building CertPortal (first time: several minutes) ..."
      (cd "$root" && mvn -B -q install -DskipTests -pl karaf-assembly -am)
    fi
    security_cfg="$karaf/etc/org.certportal.security.cfg"
    first_start=false
    if [ ! -f "$karaf/etc/certportal-users.properties" ]; then
      # the demo accounts, on this first start only
      first_start=true
      sed -i 's/^demoUsers *=.*/demoUsers = true/' "$security_cfg"
    fi
    # the demo's mail: to the catcher unless a server is named in etc/org.certportal.mail.cfg
    bash "$here/mail-catcher.sh" start "$karaf" || echo "(mail stays queued in the outbox: no mail catcher)"
    start_karaf "$karaf"
    printf 'Starting'
    for _ in $(seq 1 240); do
      if curl -fsS -o /dev/null "http://localhost:$port/login" 2>/dev/null; then
        if $first_start; then
          # once the users file exists, nothing may create demo accounts again
          for _ in $(seq 1 60); do [ -f "$karaf/etc/certportal-users.properties" ] && break; sleep 0.5; done
          sed -i 's/^demoUsers *=.*/demoUsers = false/' "$security_cfg"
        fi
        if [ ! -f "$karaf/data/.demo-data" ]; then
          # first start: a small demo data set (as admin, whose password only this first start knows)
          if [ -n "$admin_password" ] && printf 'certportal:demo-data --seed 1\n' \
              | "$karaf/bin/client" -u admin -p "$admin_password" -r 10 -b >/dev/null 2>&1; then
            touch "$karaf/data/.demo-data"
          else
            echo "(demo data not loaded: certportal:demo-data --seed 1 in the shell loads it)"
          fi
        fi
        printf '\nCertPortal is up: http://localhost:%s/\n' "$port"
        echo "Demo users (password 'certportal'): sysadmin, staff, certadmin, certmanager, records"
        echo "Logs: $karaf/data/log/karaf.log    Stop: bash karaf-assembly/portal.sh stop"
        exit 0
      fi
      printf '.'; sleep 0.5
    done
    echo; echo "The portal did not answer within 120 s; see $karaf/data/log/karaf.log" >&2; exit 1 ;;
  stop)
    if ! running; then bash "$here/mail-catcher.sh" stop "$karaf"; echo "CertPortal is not running."; exit 0; fi
    "$karaf/bin/stop"
    for _ in $(seq 1 60); do running || { bash "$here/mail-catcher.sh" stop "$karaf"; echo "Stopped."; exit 0; }; sleep 0.5; done
    echo "Karaf did not stop within 30 s." >&2; exit 1 ;;
  status)
    if running; then echo "running: http://localhost:$port/"; else echo "stopped"; fi ;;
  bench)
    (cd "$root" && mvn -B -q install -DskipTests && \
      mvn -B -q -pl itests test-compile exec:java -Dexec.classpathScope=test \
        -Dexec.mainClass=org.certportal.itests.bench.PlatformBenchmark \
        -Dcertportal.assembly="$here/target/certportal-karaf-0.1.0-SNAPSHOT.tar.gz" \
        -Dcertportal.sampleViews="$root/itests/sample-views/target/certportal-sample-views-0.1.0-SNAPSHOT.jar") ;;
  bench-db)
    [ -f "$here/target/certportal-karaf-0.1.0-SNAPSHOT.tar.gz" ] || (cd "$root" && mvn -B -q install -DskipTests)
    work=$(mktemp -d); chmod 755 "$work"; pgport=25499
    trap 'bash "$root/itests/src/test/scripts/pg.sh" stop "$work/pg" $pgport; [ -x "$work/k/bin/stop" ] && "$work/k/bin/stop" >/dev/null 2>&1; sleep 3; pkill -9 -f "karaf.home=$work/k" || true; rm -rf "$work"' EXIT
    # fsync on: the figures are those of a production-like server
    PG_DURABLE=1 bash "$root/itests/src/test/scripts/pg.sh" start "$work/pg" $pgport
    mkdir -p "$work/k" && tar -xzf "$here/target/certportal-karaf-0.1.0-SNAPSHOT.tar.gz" -C "$work/k" --strip-components=1
    echo "org.osgi.service.http.port = 19281" >> "$work/k/etc/org.ops4j.pax.web.cfg"
    # a benchmark generating a million rows says nothing for longer than the default 30 idle minutes
    sed -i "s/^sshPort *=.*/sshPort = 19201/; s/^sshIdleTimeout *=.*/sshIdleTimeout = 14400000/" "$work/k/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = 19202/; s/^rmiServerPort *=.*/rmiServerPort = 19203/" "$work/k/etc/org.apache.karaf.management.cfg"
    sed -i "s#^osgi.jdbc.driver.class.*#osgi.jdbc.driver.class = org.postgresql.Driver#; s#^url .*#url = jdbc:postgresql://127.0.0.1:$pgport/certportal?reWriteBatchedInserts=true#; s#^user .*#user = postgres#" \
      "$work/k/etc/org.ops4j.datasource-certportal.cfg"
    start_karaf "$work/k"
    for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://localhost:19281/login" 2>/dev/null && break; sleep 0.5; done
    # (a command printing nothing is no failure: hence grep's '|| true' under pipefail)
    # the benchmarks are a feature of their own, never booted: installed here, on the throwaway database only
    printf 'feature:install certportal-bench\n' | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    if [ "${2:-}" = tracking ]; then
      # issue 12: ENROLLMENTS (default 1,000,000) over a fifth as many contacts (at least 50,000) and 50 programs
      rows=${3:-1000000}; people=$(( rows / 5 > 50000 ? rows / 5 : 50000 ))
      printf 'certportal:tracking-benchmark --enrollments %s --contacts %s --programs 50\n' "$rows" "$people" \
        | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    elif [ "${2:-}" = masscert ]; then
      # issue 13: APPLICANTS (default 50,000), half free and half with a fee, mass-certified at once
      printf 'certportal:masscert-benchmark --applicants %s\n' "${3:-50000}" \
        | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    elif [ "${2:-}" = credentials ]; then
      # issue 14: STUDENTS (default 100,000) searched, awarded, ordered and the three files written
      printf 'certportal:credentials-benchmark --students %s\n' "${3:-100000}" \
        | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    elif [ "${2:-}" = completions ]; then
      printf 'certportal:completions-benchmark --rows %s\n' "${3:-100000}" \
        | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    else
      printf 'certportal:contacts-benchmark --rows %s\n' "${2:-1000000}" | "$work/k/bin/client" -a 19201 -u admin -p "$admin_password" -r 20 -b 2>&1 | { grep -v JAVA_HOME || true; }
    fi ;;
  *) echo "usage: portal.sh start|stop|status|bench|bench-db [ROWS]|bench-db tracking [ENROLLMENTS]|bench-db completions [ROWS]|bench-db masscert [APPLICANTS]|bench-db credentials [STUDENTS]" >&2; exit 2 ;;
esac
