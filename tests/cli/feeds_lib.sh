# feeds_lib.sh: what the fetch tests share (after lib.sh): the local feed
# server (tests/tools/feed_server.py on 127.0.0.1, ephemeral port) over a
# copy of tests/fixtures/feeds, stopped on exit, and the environment that
# keeps fetch's state and articles inside $tmp.
# start_feed_server: sets $srv (the served folder), $base (http://127.0.0.1:PORT).
start_feed_server() {
    srv=$tmp/srv
    cp -r "$SRC/tests/fixtures/feeds" "$srv"
    python3 "$SRC/tests/tools/feed_server.py" "$srv" >"$tmp/server.port" 2>"$tmp/server.log" &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
    local i
    for ((i = 0; i < 100; i++)); do
        [ -s "$tmp/server.port" ] && break
        sleep 0.1
    done
    base=http://127.0.0.1:$(head -1 "$tmp/server.port")
    export XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
    # Links to other hosts in the fixtures (full text of example.org items)
    # go to the local server as a proxy, which refuses them: no request ever
    # leaves 127.0.0.1, not even a DNS lookup.
    export http_proxy=$base https_proxy=$base HTTPS_PROXY=$base no_proxy=127.0.0.1 NO_PROXY=127.0.0.1
    unset ALL_PROXY all_proxy
}
