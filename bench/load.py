"""`make load`: locust (headless, as a library) against the dashboard behind nginx, and the budgets of issues 12 and 22.

Without ``--url`` it starts its own replicas and nginx (lnb_dash.ops.deploy.Cluster) on loopback ports and runs:
simultaneous first visits of the map page (200 and 500 viewers through nginx, 2 replicas), a viewer's whole
journey held open by 250 viewers (p50/p95 per step, each replica's peak RSS from /proc), throughput with 1
and with 2 replicas (closed loop: viewers repeat the journey for a fixed time), and a replica killed under 200
held sessions (each one reruns its page afterwards, reconnecting as the browser does). With ``--url`` it runs
the visits and the journey against that server only. Prints a table and writes bench/load.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path

import gevent
from locust.env import Environment
from locust.event import Events

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.locustfile import JOURNEY, Control, StreamlitUser
from lnb_dash.ops.deploy import Cluster

FIRST_VISIT = ("map_first_visit", "map_drawn")


def _stats(env: Environment) -> dict:
    out = {}
    for (name, _), entry in sorted(env.stats.entries.items()):
        out[name] = {"requests": entry.num_requests, "failures": entry.num_failures,
                     "p50_s": round(entry.get_response_time_percentile(0.5) / 1000, 3),
                     "p95_s": round(entry.get_response_time_percentile(0.95) / 1000, 3),
                     "max_s": round(entry.max_response_time / 1000, 3)}
    return out


class Sampler:
    """Peak RSS per replica (MB), sampled every half second while a scenario runs."""

    def __init__(self, cluster: Cluster | None):
        self.cluster, self.peak, self.greenlet = cluster, [], None

    def __enter__(self):
        self.started = time.perf_counter()
        if self.cluster is not None:
            self.cpu_start = self.cluster.cpu_seconds()
            self.peak = [0.0] * len(self.cluster.nodes)
            self.greenlet = gevent.spawn(self._loop)
        return self

    def _loop(self):
        while True:
            self.sample()
            gevent.sleep(0.5)

    def sample(self):
        for i, mb in enumerate(self.cluster.rss_mb()):
            if mb is not None:
                self.peak[i] = max(self.peak[i], round(mb, 1))

    def cpu(self) -> dict:
        """CPU seconds the replicas used since the start, and the cores they had on average (the rest went elsewhere)."""
        if self.cluster is None:
            return {}
        used = sum((b or 0) - (a or 0) for a, b in zip(self.cpu_start, self.cluster.cpu_seconds(), strict=True))
        return {"replica_cpu_s": round(used, 1), "replica_cores": round(used / (time.perf_counter() - self.started), 2)}

    def __exit__(self, *exc):
        if self.greenlet is not None:
            self.greenlet.kill()


def warm(urls: list[str]) -> None:
    """One whole journey on each replica directly: a real deployment is warm (imports, caches) before viewers come."""
    from bench.stclient import FOLIUM, FOLIUM_DRAWN, Session

    for url in urls:
        session = Session(url, timeout=120)
        first = session.open("map", "lang=en")
        session.set_component(first, FOLIUM, FOLIUM_DRAWN)
        drawn = session.rerun()
        picker = drawn.selectboxes["map.indicator"]
        session.select(drawn, "map.indicator", next(o for o in picker.options if o != picker.raw_value))
        session.rerun()
        session.open("profile", "m=AL343&lang=en")
        session.open("trends", "indicator=parl_turnout&m=AL224,AL343&lang=en")
        session.close()


def simultaneous(url: str, users: int, steps, cluster: Cluster | None = None, kill: int | None = None, timeout: float = 600) -> dict:
    """``users`` viewers started within a second, each doing ``steps`` once and holding its session open.

    With ``kill``: once all have finished, that replica is killed, and each viewer reruns its page.
    """
    Control.reset(steps, once=True)
    env = Environment(user_classes=[StreamlitUser], host=url, events=Events())
    runner = env.create_local_runner()
    start = time.perf_counter()
    with Sampler(cluster) as sampler:
        runner.start(users, spawn_rate=users)
        deadline = time.monotonic() + timeout
        while Control.finished + Control.failed < users and time.monotonic() < deadline:
            gevent.sleep(0.1)
        wall = time.perf_counter() - start
        if cluster is not None:
            sampler.sample()
        result = {"users": users, "steps": list(steps), "wall_s": round(wall, 2), "finished": Control.finished,
                  "failed": Control.failed, "sessions_per_s": round(Control.finished / wall, 1), **sampler.cpu()}
        if kill is not None:
            sessions_before = Control.finished
            cluster.kill_replica(kill)
            Control.fault.set()
            while Control.recovered + Control.lost < sessions_before and time.monotonic() < deadline:
                gevent.sleep(0.1)
            result.update(killed_replica=kill, recovered=Control.recovered, reconnected=Control.reconnected, lost=Control.lost)
    Control.release.set()
    runner.quit()
    result["steps_stats"] = _stats(env)
    if cluster is not None:
        result["peak_rss_mb"] = sampler.peak
    return result


def closed_loop(url: str, users: int, seconds: float, cluster: Cluster | None = None) -> dict:
    """``users`` viewers repeating the whole journey for ``seconds``: journeys completed per second."""
    Control.reset(JOURNEY, once=False)
    env = Environment(user_classes=[StreamlitUser], host=url, events=Events())
    runner = env.create_local_runner()
    with Sampler(cluster) as sampler:
        runner.start(users, spawn_rate=users)
        gevent.sleep(seconds)
        done, failed, cpu = Control.finished, Control.failed, sampler.cpu()
        runner.quit()
    per_journey = {"replica_cpu_ms_per_journey": round(1000 * cpu["replica_cpu_s"] / done)} if cpu and done else {}
    return {"users": users, "seconds": seconds, "journeys": done, "failed": failed, "sessions_per_s": round(done / seconds, 2),
            **cpu, **per_journey, "steps_stats": _stats(env), "peak_rss_mb": sampler.peak}


def _table(results: dict) -> str:
    lines = ["| scenario | step | requests | failures | p50 s | p95 s | sessions/s | peak RSS per replica MB |", "|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        if not isinstance(r, dict) or "steps_stats" not in r:
            continue
        rss = ", ".join(f"{v:.0f}" for v in r.get("peak_rss_mb", [])) or "–"
        for i, (step, s) in enumerate(r["steps_stats"].items()):
            lines.append(f"| {name if i == 0 else ''} | {step} | {s['requests']} | {s['failures']} | {s['p50_s']:.2f} | {s['p95_s']:.2f} | "
                         f"{r['sessions_per_s'] if i == 0 else ''} | {rss if i == 0 else ''} |")
    return "\n".join(lines)


def budgets(results: dict) -> list[tuple[str, str, bool]]:
    out = []
    v200 = results.get("visits_200_2r")
    if v200:
        p95 = v200["steps_stats"].get("map_first_visit_total", {}).get("p95_s", float("inf"))
        out.append(("200 first visits, 2 replicas: all served, p95 ≤ 3 s",
                    f"{v200['finished']}/{v200['users']} served, p95 {p95:.2f} s (wall {v200['wall_s']} s)",
                    v200["finished"] == v200["users"] and p95 <= 3))
    v500 = results.get("visits_500_2r")
    if v500:
        failures = sum(s["failures"] for s in v500["steps_stats"].values())
        p95 = v500["steps_stats"].get("map_first_visit_total", {}).get("p95_s", float("inf"))
        out.append(("500 first visits: 0 failures, p95 ≤ 6 s", f"{failures} failures, p95 {p95:.2f} s", failures == 0 and p95 <= 6))
    t1, t2 = results.get("throughput_1r"), results.get("throughput_2r")
    if t1 and t2 and t1["sessions_per_s"]:
        ratio = t2["sessions_per_s"] / t1["sessions_per_s"]
        results["throughput_ratio"] = round(ratio, 2)
        out.append(("throughput 2 replicas / 1 ≥ 1.6×", f"{t2['sessions_per_s']} / {t1['sessions_per_s']} journeys/s = {ratio:.2f}×", ratio >= 1.6))
    j = results.get("journey_250_2r")
    if j and j.get("peak_rss_mb"):
        peak = max(j["peak_rss_mb"])
        out.append(("memory per replica at 250 sessions ≤ 400 MB", f"peak {', '.join(f'{v:.0f}' for v in j['peak_rss_mb'])} MB", peak <= 400))
    k = results.get("kill_200_2r")
    if k:
        out.append(("replica killed under 200 sessions: 0 failed after reconnect",
                    f"{k['recovered']} recovered ({k['reconnected']} reconnected), {k['lost']} lost", k["lost"] == 0 and k["failed"] == 0))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (one replica or nginx); default: start 1 and 2 replicas behind nginx")
    parser.add_argument("--visits", default="200,500", help="simultaneous first visits (comma-separated)")
    parser.add_argument("--journey-users", type=int, default=250)
    parser.add_argument("--loop-users", type=int, default=20)
    parser.add_argument("--loop-seconds", type=float, default=30)
    parser.add_argument("--kill-users", type=int, default=200)
    parser.add_argument("--only", choices=["throughput", "visits", "kill"], help="run one group of scenarios (own replicas only)")
    parser.add_argument("-o", "--output", type=Path, default=HERE / "load.json")
    args = parser.parse_args(argv)
    visits = [int(v) for v in args.visits.split(",") if v]
    # Other work on the machine moves every time: the load average before and after is kept with them (issue 22).
    results: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count(), "load_before": os.getloadavg()}

    def run(name, fn, *a, **kw):
        print(f"==> {name}", flush=True)
        results[name] = fn(*a, **kw)
        r = results[name]
        cpu = f", replicas used {r['replica_cpu_s']} CPU s ({r['replica_cores']} cores on average)" if "replica_cpu_s" in r else ""
        print(f"    {r.get('finished', r.get('journeys'))} done, {r.get('failed')} failed, {r['sessions_per_s']} sessions/s{cpu}", flush=True)

    if args.url:
        warm([args.url])
        for n in visits:
            run(f"visits_{n}", simultaneous, args.url, n, FIRST_VISIT)
        run(f"journey_{args.journey_users}", simultaneous, args.url, args.journey_users, JOURNEY)
        run("throughput", closed_loop, args.url, args.loop_users, args.loop_seconds)
    else:
        if args.only in (None, "throughput"):
            with Cluster(1) as one:
                warm([n.url for n in one.nodes])
                run("throughput_1r", closed_loop, one.url, args.loop_users, args.loop_seconds, one)
        with Cluster(2) if args.only != "kill" else contextlib.nullcontext() as two:
            if two is not None:
                warm([n.url for n in two.nodes])
            if args.only in (None, "throughput"):
                run("throughput_2r", closed_loop, two.url, args.loop_users, args.loop_seconds, two)
            if args.only in (None, "visits"):
                for n in visits:
                    run(f"visits_{n}_2r", simultaneous, two.url, n, FIRST_VISIT, two)
                run(f"journey_{args.journey_users}_2r", simultaneous, two.url, args.journey_users, JOURNEY, two)
        with Cluster(2) if args.only in (None, "kill") else contextlib.nullcontext() as two:
            if two is not None:
                warm([n.url for n in two.nodes])
                run(f"kill_{args.kill_users}_2r", simultaneous, two.url, args.kill_users, FIRST_VISIT, two, kill=0)
    results["load_after"] = os.getloadavg()
    table = _table(results)
    checks = budgets(results)
    results["budgets"] = [{"budget": b, "measured": m, "met": ok} for b, m, ok in checks]
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table)
    print(f"{results['cores']} cores; load average before / after: {results['load_before'][0]:.1f} / {results['load_after'][0]:.1f}")
    for b, m, ok in checks:
        print(f"{'met    ' if ok else 'NOT MET'}  {b}: {m}")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
