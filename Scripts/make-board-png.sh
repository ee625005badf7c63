#!/usr/bin/env bash
# Makes docs/board.png: the editor on Journeys/retailer-loyalty-mckinsey.json in a 100x30
# terminal after `l j`, run for real in a private tmux server, captured with its colours
# and drawn by Scripts/ansi-png.py. Run it again after a change to the board's look.
#
#   Scripts/make-board-png.sh [OUT.png]
#
# Needs tmux and Pillow (python3 -m pip install pillow). JOURNEYMAN names the binary
# (default: `swift build --product journeyman` and .build/debug/journeyman).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/board.png}"
if [ -z "${JOURNEYMAN:-}" ]; then
  swift build --product journeyman >&2
  JOURNEYMAN="$PWD/.build/debug/journeyman"
fi
work=$(mktemp -d)
server="journeyman-board-$$"
cleanup() { tmux -L "$server" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp Journeys/retailer-loyalty-mckinsey.json "$work/"
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"

# Waits until the screen shows TEXT (at most 20 s).
wait_for() {
  for _ in $(seq 200); do
    if tmux -L "$server" capture-pane -p -t board | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "make-board-png: timed out waiting for '$1'; the screen:" >&2
  tmux -L "$server" capture-pane -p -t board >&2
  exit 1
}

tmux -L "$server" -f /dev/null new-session -d -s board -x 100 -y 30 -c "$work" \
  -e TERM=xterm-256color -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
  "'$JOURNEYMAN' retailer-loyalty-mckinsey.json; sleep 30"
wait_for "lint ok"
tmux -L "$server" send-keys -t board l j
wait_for "Name        Verified reviews by breed"
tmux -L "$server" capture-pane -e -p -t board > "$work/screen.txt"
tmux -L "$server" send-keys -t board q
python3 Scripts/ansi-png.py "$work/screen.txt" "$out" --columns 100
echo "wrote $out"
