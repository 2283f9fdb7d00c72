#!/usr/bin/env bash
# The README's test command: runs the whole suite, PostgreSQL and browser tests included.
#  - installs PostgreSQL and Chromium with apt when they are missing (as root);
#  - starts a throwaway PostgreSQL cluster on a free port in a temp folder, unless DIRECTIVEHUB_TEST_POSTGRES names one;
#  - runs `dotnet test` for the whole solution and prints "N passed, N failed, N skipped" from the TRX results;
#  - stops its cluster whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[test] %s\n' "$*"; }

install_missing() {
  local wanted=()
  if [[ -z "${DIRECTIVEHUB_TEST_POSTGRES:-}" ]] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    wanted+=(postgresql postgresql-contrib)
  elif ! compgen -G "/usr/lib/postgresql/*/bin/pg_dump" > /dev/null; then
    # The restore drill and the migration-script test run pg_dump, pg_restore and psql.
    wanted+=(postgresql-client)
  fi
  if [[ ! -x /usr/bin/chromium ]]; then
    wanted+=(chromium fonts-dejavu-core)
  fi
  # pdftotext and pdfsig read back the PDFs the app writes (text layer, signatures) as an independent check;
  # pdftoppm renders scanned PDFs to page images for OCR.
  if [[ ! -x /usr/bin/pdfsig || ! -x /usr/bin/pdftotext || ! -x /usr/bin/pdftoppm ]]; then
    wanted+=(poppler-utils)
  fi
  # Import: OCR of scans and photos (Tesseract with its Vietnamese model) and the PDF fixtures' font.
  if ! command -v tesseract > /dev/null || [[ ! -e /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ]]; then
    wanted+=(tesseract-ocr tesseract-ocr-vie)
  fi
  if [[ ! -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]]; then
    wanted+=(fonts-liberation2)
  fi
  if (( ${#wanted[@]} == 0 )); then
    return
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get > /dev/null; then
    log "missing ${wanted[*]} and cannot install them (needs root and apt); their tests will skip, or fail when CI=true"
    return
  fi
  log "installing ${wanted[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${wanted[@]}" > /dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

pg_dir=""
pg_ctl=""
# As root the cluster runs as the postgres user (initdb refuses root); otherwise as the caller.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
  if [[ -n "$pg_dir" ]]; then
    as_pg "$pg_ctl" -D "$pg_dir/data" -m immediate stop > /dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT INT TERM

start_postgres() {
  local bin port
  bin=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1 || true)
  if [[ -z "$bin" ]]; then
    log "PostgreSQL is not installed; its tests will skip, or fail when CI=true"
    return
  fi
  pg_ctl="$bin/pg_ctl"
  pg_dir=$(mktemp -d /tmp/directivehub-pg.XXXXXX)
  chmod 755 "$pg_dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$pg_dir"
  fi
  port=$(free_port)
  as_pg "$bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > /dev/null
  as_pg "$pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start > /dev/null
  export DIRECTIVEHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=unused;Include Error Detail=true"
  log "throwaway PostgreSQL on port $port"
}

install_missing
if [[ -z "${DIRECTIVEHUB_TEST_POSTGRES:-}" ]]; then
  start_postgres
else
  log "using the PostgreSQL named in DIRECTIVEHUB_TEST_POSTGRES"
fi

results="$root/TestResults"
rm -rf "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null
set +e
dotnet build DirectiveHub.sln --nologo -clp:ErrorsOnly
status=$?
format_status=0
if [[ $status -eq 0 ]]; then
  # Format drift fails the run (after the tests, so both are reported), as the style guide asks: `dotnet format` fixes it.
  log "checking the format (dotnet format --verify-no-changes)"
  dotnet format DirectiveHub.sln --verify-no-changes --no-restore -v q || format_status=$?
fi
if [[ $status -eq 0 ]]; then
  # One project at a time, each into its own folder, so every TRX file survives for the summary below.
  for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --logger "trx" --logger "console;verbosity=minimal" \
      --results-directory "$results/$name" "$@" || status=$?
  done
fi
set -e

# One closing line summed over every project's TRX file.
summary=0
python3 - "$results" "$status" <<'PY' || summary=$?
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary/{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
if int(sys.argv[2]) != 0 and failed == 0:
    print("dotnet test failed before reporting results", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if failed else 0)
PY
if [[ $format_status -ne 0 ]]; then
  log "format drift: dotnet format --verify-no-changes failed; run dotnet format"
  exit 1
fi
exit $summary
