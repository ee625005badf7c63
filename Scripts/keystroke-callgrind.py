"""Instructions per keystroke of the editor, counted by valgrind's callgrind (independent of
the machine's load). Run it through Scripts/bench.sh --callgrind, or by hand:

    python3 Scripts/keystroke-callgrind.py BIN JOURNEY [KEYS] [OUT-DIR] [VIEWS]

The editor runs under callgrind on a 200x60 pseudo-terminal. For each view the counters are
zeroed (callgrind_control -z), KEYS keys are sent, each after the previous one's redraw, and
the counters are dumped (callgrind_control -d): the dump holds those keys' update, render and
screen diff, and nothing of the start. VIEWS (comma-separated, in this order; default
plain,lens,swimlanes): plain, lens (f Enter), swimlanes (w): keys j/k; undo (the first card
moved down with J, then u/Ctrl-R: each key a version linted before) and forecast-undo (the
same in the Forecast panel, which forecasts each version too). Prints the instructions per
key for each view; the dumps stay in OUT-DIR for callgrind_annotate.
"""
import glob
import os
import shutil
import subprocess
import sys
import time


def main():
    bin_path, journey = sys.argv[1], sys.argv[2]
    keys = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    out = sys.argv[4] if len(sys.argv) > 4 else "/tmp/keystroke-callgrind"
    views = (sys.argv[5] if len(sys.argv) > 5 else "plain,lens,swimlanes").split(",")
    known = ["plain", "lens", "swimlanes", "undo", "forecast-undo"]
    if [v for v in views if v not in known] or views != [v for v in known if v in views]:
        print(f"keystroke-callgrind: views are {', '.join(known)}, in that order", file=sys.stderr)
        return 64
    undoing = "undo" in views or "forecast-undo" in views
    if undoing:
        keys += keys % 2  # u/Ctrl-R in pairs, so each view starts and ends on the moved card
    if not shutil.which("valgrind"):
        print("keystroke-callgrind: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 69
    os.makedirs(out, exist_ok=True)
    for old in glob.glob(os.path.join(out, "callgrind.out*")):
        os.remove(old)
    import pty
    argv = ["valgrind", "--tool=callgrind", f"--log-file={out}/valgrind.log", f"--callgrind-out-file={out}/callgrind.out.%p",
            bin_path, "edit", journey]
    pid, fd = pty.fork()
    if pid == 0:
        import fcntl
        import struct
        import termios
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", SWIFT_BACKTRACE="enable=no")
        os.execvpe(argv[0], argv, env)

    def burst(quiet, first_wait):
        import select
        got = False
        while True:
            ready, _, _ = select.select([fd], [], [], quiet if got else first_wait)
            if not ready:
                return got
            try:
                data = os.read(fd, 1 << 16)
            except OSError:
                data = b""
            if not data:
                raise SystemExit("keystroke-callgrind: the editor exited early")
            got = True

    def send(key, quiet=0.5, first_wait=60):
        os.write(fd, key)
        return burst(quiet, first_wait)

    def control(flag):
        subprocess.run(["callgrind_control", flag, str(pid)], check=True, capture_output=True)

    def until(marks, timeout):
        """Reads until one of `marks` shows in the output (or `timeout` seconds pass)."""
        import select
        seen = b""
        stop = time.time() + timeout
        while time.time() < stop and not any(m in seen for m in marks):
            ready, _, _ = select.select([fd], [], [], 1.0)
            if ready:
                seen = seen[-4096:] + os.read(fd, 1 << 16)

    def measure(view, pair=(b"j", b"k")):
        # Settle: deferred work (the lint of a large journey when idle) runs before counting.
        burst(3.0, 5)
        control("-z")
        drawn = 0
        for i in range(keys):
            drawn += send(pair[i % 2], quiet=0.05, first_wait=30)
        control("-d")
        time.sleep(0.5)
        dumps = sorted(glob.glob(os.path.join(out, f"callgrind.out.{pid}.*")), key=os.path.getmtime)
        with open(dumps[-1]) as f:
            total = next(int(line.split()[1]) for line in f if line.startswith("summary:") or line.startswith("totals:"))
        named = os.path.join(out, f"{view}.callgrind")
        shutil.copyfile(dumps[-1], named)
        print(f"  {view:<12}{total / keys / 1e6:>10.3f} M Ir per key  ({keys} keys, {drawn} redrawn; {named})", flush=True)
        return total / keys

    try:
        burst(1.0, 600)  # the first frame (the load is slow under valgrind)
        # A large journey (over 5,000 touchpoints, about 2.8 MB) is linted when the editor is
        # idle: wait for the status bar's counts in words.
        if os.path.getsize(journey) > 2_500_000:
            until([b"lint:", b"lint ok", b"errors", b"warnings"], 900)
        undo = (b"u", b"\x12")
        steps = {
            "plain": ([], (b"j", b"k"), []),
            "lens": ([b"f", b"\r"], (b"j", b"k"), [b"\x1b"]),
            "swimlanes": ([b"w"], (b"j", b"k"), [b"w"]),
            "undo": ([b"J"], undo, []),
            "forecast-undo": (([] if "undo" in views else [b"J"]) + [b"\t"] * 4, undo, []),
        }
        for view in views:
            before, pair, after = steps[view]
            for key in before:
                send(key)
            measure(view, pair)
            for key in after:
                send(key)
        if undoing:
            # An even number of u/Ctrl-R ends on the moved card: undo it, so the editor quits
            # without asking and leaves no recovery copy.
            send(b"u")
    finally:
        try:
            os.write(fd, b"q")
            os.waitpid(pid, 0)
        except OSError:
            pass
    return 0


sys.exit(main())
