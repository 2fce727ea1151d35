#!/usr/bin/env python3
"""Where a GateBenchmark open loop's latency tail went, from its JFR recording (-Dbench.jfr=FILE).

Usage: src/bench/jfr/gate-tail.py FILE.jfr FROM TO
  FROM, TO: the open loop's window as the report prints it ("Open loop ..., from <instant> to <instant>").

Prints, for that window only: the GC pauses (jdk.GarbageCollection: count, sum, longest), the safepoints
(jdk.SafepointBegin durations), and the waits of 1 ms or more (jdk.ThreadPark, jdk.JavaMonitorEnter; the benchmark
records them from 1 ms up) grouped by what waited: a request waiting for its coalesced batch's commit
(CheckCommits), for a pooled connection (Hikari), for PostgreSQL's answer (socket reads are not parks: they show as
the rest of the request's time), the load generator's threads, and the rest.
"""
import json
import subprocess
import sys
from datetime import datetime


def ts(s):
    s = s.replace("Z", "+00:00")
    if "." in s:  # fromisoformat takes at most 6 fraction digits
        head, rest = s.split(".", 1)
        frac = "".join(c for c in rest if c.isdigit())
        tz = rest[len(frac):]
        s = head + "." + (frac + "000000")[:6] + tz
    return datetime.fromisoformat(s).timestamp()


def dur_ms(d):
    # JFR JSON durations look like "PT0.001234S" (or with minutes)
    d = d[2:]
    total = 0.0
    num = ""
    for c in d:
        if c.isdigit() or c == ".":
            num += c
        else:
            total += float(num) * {"H": 3600, "M": 60, "S": 1}[c]
            num = ""
    return total * 1000


def events(jfr, names):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "40", "--events", ",".join(names), jfr],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def stats(xs):
    if not xs:
        return "none"
    xs = sorted(xs)
    pct = lambda p: xs[min(len(xs) - 1, max(0, int(round(p / 100 * len(xs))) - 1))]
    return "%d, sum %.0f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (len(xs), sum(xs), pct(50), pct(99), xs[-1])


def who(ev):
    frames = [f.get("method", {}).get("type", {}).get("name", "") + "." + f.get("method", {}).get("name", "")
              for f in (ev["values"].get("stackTrace") or {}).get("frames", [])]
    thread = (ev["values"].get("eventThread") or {}).get("javaName", "") or ""
    text = " ".join(frames)
    if "CheckCommits" in text:
        return "request waits for its batch's commit (CheckCommits)"
    if "hikari" in text.lower():
        return "request waits for a pooled connection (Hikari)"
    if thread.startswith("bench-ol") or thread.startswith("HttpClient") or "jdk.internal.net.http" in text:
        return "load generator threads"
    if thread.startswith("http-nio"):
        return "other waits on a Tomcat thread: " + (frames[1] if len(frames) > 1 else "?")
    return None  # idle pools, schedulers: not on a request's path


def main():
    jfr, start, end = sys.argv[1], ts(sys.argv[2]), ts(sys.argv[3])
    inside = lambda e: start <= ts(e["values"]["startTime"]) <= end
    gcs = [e for e in events(jfr, ["jdk.GarbageCollection"]) if inside(e)]
    print("GC pauses in the window:", stats([dur_ms(e["values"]["sumOfPauses"]) for e in gcs]))
    print("  longest single pause per GC:", stats([dur_ms(e["values"]["longestPause"]) for e in gcs]))
    sps = [e for e in events(jfr, ["jdk.SafepointBegin"]) if inside(e)]
    print("Safepoints (begin events, time to reach):", stats([dur_ms(e["values"]["duration"]) for e in sps]))
    groups = {}
    for e in events(jfr, ["jdk.ThreadPark", "jdk.JavaMonitorEnter"]):
        if not inside(e):
            continue
        g = who(e)
        if g:
            groups.setdefault(g, []).append(dur_ms(e["values"]["duration"]))
    print("Waits of 1 ms or more, by what waited:")
    for g, xs in sorted(groups.items(), key=lambda kv: -sum(kv[1])):
        print("  %-60s %s" % (g, stats(xs)))


if __name__ == "__main__":
    main()
