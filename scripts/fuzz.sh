#!/usr/bin/env bash
# make fuzz: a long schemathesis session against the production settings on a loopback port.
# Not part of `make test`. Uses a throwaway SQLite database with the demo data; only loopback traffic.
set -euo pipefail
BIN="${BIN:-.venv/bin}"
EXAMPLES="${FUZZ_MAX_EXAMPLES:-2000}"   # per operation; the API has ~13 operations → well over 20,000 requests
WORKDIR="$(mktemp -d /tmp/hulpzoeker-fuzz.XXXXXX)"
PORT="$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DJANGO_SETTINGS_MODULE=hulpzoeker.settings.production
export DJANGO_SECRET_KEY="fuzz-only-$(date +%s%N)"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_DEBUG=False
export DJANGO_SECURE_SSL_REDIRECT=False   # plain http on loopback; everything else as in production
export DATABASE_URL="sqlite:///$WORKDIR/fuzz.sqlite3"
export TASKS_BACKEND=immediate
export EMAIL_URL=consolemail://   # production refuses to start without an explicit mail choice
unset ELASTICSEARCH_URL
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORKDIR" .schemathesis; }
trap cleanup EXIT INT TERM

"$BIN/python" manage.py migrate --noinput -v 0
"$BIN/python" manage.py seed_demo -v 0
"$BIN/python" manage.py collectstatic --noinput -v 0
if [ -x "$BIN/gunicorn" ]; then
  "$BIN/gunicorn" hulpzoeker.wsgi -b "127.0.0.1:$PORT" -w 2 --log-level warning >"$WORKDIR/server.log" 2>&1 &
else
  "$BIN/python" manage.py runserver --noreload --insecure "127.0.0.1:$PORT" >"$WORKDIR/server.log" 2>&1 &
fi
SERVER_PID=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/gezond/" >/dev/null && break; sleep 0.2; done

# The same checks as the bounded run in the suite (tests/opendata/test_openapi_schemathesis.py). Not
# "positive data acceptance": slugs and ids are checked against the database, so a well-formed but unknown
# value is rightly a 400 although the schema cannot list every valid one.
set +e
"$BIN/schemathesis" run "http://127.0.0.1:$PORT/api/schema/" --max-examples "$EXAMPLES" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --report junit --report-junit-path "$WORKDIR/junit.xml" | tee "$WORKDIR/run.log"
status=${PIPESTATUS[0]}
set -e
echo "== fuzz summary =="
echo "server errors (5xx) in the server log: $(grep -cE '" 5[0-9]{2} |Internal Server Error' "$WORKDIR/server.log" || true)"
echo "schema violations / failed checks: $(grep -cE '<failure' "$WORKDIR/junit.xml" 2>/dev/null || echo '?')"
grep -E "test cases|passed|failed|errors" "$WORKDIR/run.log" | tail -5 || true
exit "$status"
