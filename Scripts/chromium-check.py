#!/usr/bin/env python3
"""Drives one headless Chromium over the DevTools protocol (on a pipe, no network
port) through a batch of pages, so the tests start the browser once.

Reads a JSON list of jobs on stdin; each job is
  {"url": "file:///...", "width": 1600, "height": 1200,
   "wait": "JS expression, true when the page is ready" (optional),
   "eval": "JS expression whose JSON value is returned" (optional),
   "screenshot": "out.png" (optional, the whole page),
   "pdf": "out.pdf" (optional, printed with the page's CSS page size)}
and writes a JSON list of results, one per job:
  {"url": ..., "errors": [console errors, uncaught exceptions, failed loads,
   requests to anything but file: and data:], "value": the eval's value}.

Usage: Scripts/chromium-check.py < jobs.json > results.json
Environment: CHROMIUM (default: chromium, else chromium-browser, google-chrome).
"""
import base64, fcntl, json, os, select, shutil, subprocess, sys, tempfile, time


class Browser:
    def __init__(self):
        exe = os.environ.get("CHROMIUM") or next(
            (c for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)
        if not exe:
            sys.exit("chromium-check: no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="jm-chromium-")
        cmd_r, self.cmd_w = os.pipe()
        self.res_r, res_w = os.pipe()

        def child():
            a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(res_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--mute-audio", "--allow-file-access-from-files",
             "--user-data-dir=" + self.profile],
            preexec_fn=child, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(res_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=120):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        want = self.next_id
        deadline = time.time() + timeout
        while True:
            for m in self.read(deadline):
                if m.get("id") == want:
                    if "error" in m:
                        raise RuntimeError("%s: %s" % (method, m["error"]))
                    return m.get("result", {})
                self.events.append(m)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self.res_r], [], [], left)
            if ready:
                chunk = os.read(self.res_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buffer += chunk
        parts = self.buffer.split(b"\0")
        self.buffer = parts[-1]
        return [json.loads(p) for p in parts[:-1] if p]

    def wait_event(self, method, session, timeout=120):
        deadline = time.time() + timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == method and e.get("sessionId") == session:
                    del self.events[i]
                    return e
            self.events.extend(self.read(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=20)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def errors_of(events, session):
    out = []
    for e in events:
        if e.get("sessionId") != session:
            continue
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            out.append("exception: " + (d.get("exception", {}).get("description") or d.get("text", "")))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console.%s: %s" % (p["type"], " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            out.append("log: " + p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        elif m == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:", "blob:")):
                out.append("external request: " + url)
        elif m == "Network.loadingFailed":
            out.append("failed to load: " + p.get("errorText", "") + " " + p.get("requestId", ""))
    return out


def run(browser, job):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for m in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
        browser.send(m, session=session)
    w, h = job.get("width", 1600), job.get("height", 1200)
    browser.send("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False}, session)
    browser.send("Page.navigate", {"url": job["url"]}, session)
    browser.wait_event("Page.loadEventFired", session)
    result = {"url": job["url"]}
    if job.get("wait"):
        deadline = time.time() + 120
        while True:
            r = browser.send("Runtime.evaluate", {"expression": job["wait"], "returnByValue": True}, session)
            if r.get("result", {}).get("value") is True:
                break
            if time.time() > deadline:
                result.setdefault("errors", []).append("timed out waiting for: " + job["wait"])
                break
            time.sleep(0.05)
    if job.get("eval"):
        r = browser.send("Runtime.evaluate", {"expression": job["eval"], "returnByValue": True, "awaitPromise": True}, session)
        if "exceptionDetails" in r:
            result.setdefault("errors", []).append("eval: " + json.dumps(r["exceptionDetails"].get("exception", {}).get("description", "")))
        result["value"] = r.get("result", {}).get("value")
    if job.get("screenshot"):
        size = browser.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
        width, height = max(w, int(size["width"] + 0.99)), max(1, int(size["height"] + 0.99))
        browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": job.get("scale", 1), "mobile": False}, session)
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
        with open(job["screenshot"], "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    if job.get("pdf"):
        pdf = browser.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session)
        with open(job["pdf"], "wb") as f:
            f.write(base64.b64decode(pdf["data"]))
    # Let late console messages arrive, then collect this page's problems.
    browser.send("Runtime.evaluate", {"expression": "1"}, session)
    result["errors"] = result.get("errors", []) + errors_of(browser.events, session)
    browser.events = [e for e in browser.events if e.get("sessionId") != session]
    browser.send("Target.closeTarget", {"targetId": target})
    return result


def main():
    jobs = json.load(sys.stdin)
    browser = Browser()
    try:
        results = [run(browser, j) for j in jobs]
    finally:
        browser.close()
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
