# Shared by the benchmark scripts (sourced): the server on a fresh data folder, signed in as admin.

# start_server <jar> <work folder> <port> [server arguments...]; JVM options in $SERVER_JVM.
# Waits until the server is ready; stops it when the script exits. Sets B (the base URL).
start_server() {
  local jar=$1 work=$2 port=$3
  shift 3
  B=http://127.0.0.1:$port
  # shellcheck disable=SC2086
  java ${SERVER_JVM:-} -jar "$jar" --server.port="$port" --hmbd.data-dir="$work/data" \
      --hmbd.auth.bootstrap-admin-password=Initial-Passw0rd "$@" > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
  until curl -sf "$B/actuator/health/readiness" > /dev/null; do sleep 1; done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

token() { curl -s -X POST "$B/api/v1/auth/token" -H 'Content-Type: application/json' \
            -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .token; }
api() { local t=$1; shift; curl -s -H "Authorization: Bearer $t" -H 'Content-Type: application/json' "$@"; }

# Changes the initial system and security administrators' passwords; sets ADMIN and SECURITY (tokens).
sign_in_admin() {
  local t u
  for u in admin security; do
    t=$(token $u Initial-Passw0rd)
    api "$t" -X POST "$B/api/v1/auth/password" -d '{"currentPassword":"Initial-Passw0rd","newPassword":"Nation-Passw0rd-2026"}'
  done
  ADMIN=$(token admin Nation-Passw0rd-2026)
  SECURITY=$(token security Nation-Passw0rd-2026)
}

# new_user <username> <organization id> <roles JSON>: creates the account (the system administrator),
# grants its roles (the security administrator), changes its first password, prints a token.
# resident_id: sets RESIDENT_ID to a random valid GB 11643 number (its check character computed);
# new_user runs in a subshell, so no counter: a random birth date and sequence.
resident_id() {
  local base w sum=0 i
  base="350102$(date -d "1960-01-01 + $((RANDOM % 18000)) days" +%Y%m%d)$(printf '%03d' $((RANDOM % 1000)))"
  w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
  for i in $(seq 0 16); do sum=$((sum + ${base:i:1} * ${w[i]})); done
  RESIDENT_ID="$base$(echo 10X98765432 | cut -c$((sum % 11 + 1)))"
}

new_user() {
  resident_id
  local t id
  id=$(api "$ADMIN" -X POST "$B/api/v1/users" -d "{\"username\":\"$1\",\"displayName\":\"$1\",\"organizationId\":$2,\"initialPassword\":\"Perf-Passw0rd-1x\",\"realName\":\"测试\",\"idNumber\":\"$RESIDENT_ID\"}" | jq .user.id)
  api "$SECURITY" -X PUT "$B/api/v1/users/$id/roles" -d "{\"roles\":$3,\"reason\":\"benchmark\"}" > /dev/null
  t=$(token "$1" Perf-Passw0rd-1x)
  api "$t" -X POST "$B/api/v1/auth/password" -d '{"currentPassword":"Perf-Passw0rd-1x","newPassword":"Perf-Passw0rd-2x"}'
  token "$1" Perf-Passw0rd-2x
}
