#!/usr/bin/env python3
"""Where a GateBenchmark open loop's latency tail went, from its JFR recording (-Dbench.jfr=FILE).

Usage: src/bench/jfr/gate-tail.py FILE.jfr FROM TO
  FROM, TO: the open loop's window as the report prints it ("Open loop ..., from <instant> to <instant>", UTC;
  the machine's clock must be UTC, as `jfr print` writes local times of day).

Streams `jfr print` (text; the JSON form of a few minutes of park events does not fit in memory) and prints, for the
window only: the GC pauses (jdk.GarbageCollection), and the waits of 1 ms or more (jdk.ThreadPark,
jdk.JavaMonitorEnter; the benchmark records them from 1 ms up) grouped by what waited: a request waiting for its
coalesced batch's commit (CheckCommits), for a pooled connection (Hikari), the load generator's threads, other waits
on Tomcat threads. Socket reads (waiting for PostgreSQL or the client) are not parks.
"""
import subprocess
import sys


def tod(iso):  # "2026-12-03T12:51:35.854745957Z" -> seconds of the day
    t = iso.split("T")[1].rstrip("Z")
    h, m, s = t.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def ms(v):
    num, unit = v.split()[:2]
    return float(num) * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1000, "min": 60000}[unit]


def blocks(jfr, events):
    p = subprocess.Popen(["jfr", "print", "--stack-depth", "12", "--events", events, jfr], stdout=subprocess.PIPE, text=True)
    cur = None
    for line in p.stdout:
        if line.endswith("{\n") and not line.startswith(" "):
            cur = {"name": line.split()[0], "stack": []}
        elif line.startswith("}") and cur is not None:
            yield cur
            cur = None
        elif cur is not None:
            s = line.strip()
            if "=" in s and not s.startswith(("java.", "jdk.", "com.", "org.", "sun.")):
                k, v = s.split("=", 1)
                cur[k.strip()] = v.strip()
            else:
                cur["stack"].append(s)
    p.wait()


def stats(xs):
    if not xs:
        return "none"
    xs = sorted(xs)
    pct = lambda q: xs[min(len(xs) - 1, max(0, int(round(q / 100 * len(xs))) - 1))]
    return "%d, sum %.0f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (len(xs), sum(xs), pct(50), pct(99), xs[-1])


def who(ev):
    text = " ".join(ev["stack"])
    thread = ev.get("eventThread", "")
    if "CheckCommits" in text:
        return "request waits for its batch's commit (CheckCommits)"
    if "hikari" in text.lower():
        return "request waits for a pooled connection (Hikari)"
    if "bench-ol" in thread or "HttpClient" in thread:
        return "load generator threads"
    if "http-nio" in thread and "TaskQueue" not in text and "NioEndpoint$Poller" not in text:
        return "other waits on a Tomcat worker: " + (ev["stack"][2] if len(ev["stack"]) > 2 else "?")
    return None  # idle pools and schedulers: not on a request's path


def main():
    jfr, start, end = sys.argv[1], tod(sys.argv[2]), tod(sys.argv[3])
    inside = lambda e: "startTime" in e and start <= tod("T" + e["startTime"]) <= end
    gcs = [ms(e["sumOfPauses"]) for e in blocks(jfr, "jdk.GarbageCollection") if inside(e)]
    print("GC pauses in the window:", stats(gcs))
    groups = {}
    for e in blocks(jfr, "jdk.ThreadPark,jdk.JavaMonitorEnter"):
        if inside(e):
            g = who(e)
            if g:
                groups.setdefault(g, []).append(ms(e["duration"]))
    print("Waits of 1 ms or more in the window, by what waited:")
    for g, xs in sorted(groups.items(), key=lambda kv: -sum(kv[1])):
        print("  %-58s %s" % (g[:58], stats(xs)))


if __name__ == "__main__":
    main()
