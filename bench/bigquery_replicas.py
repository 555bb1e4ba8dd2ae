#!/usr/bin/env python3
"""Throughput of 1 and of N `stream run --warehouse bigquery --source pubsub` replicas (a measurement, not a test).

    python3 bench/bigquery_replicas.py [--from 2025-02-01] [--to 2025-02-07] [--replicas 1,3] [--data-dir ./data-bench-bq]

Prepares a data dir from ../shared's real box scores (once; model trained on the games before --from), makes one
request per player-game of the window (from an embedded replay's completion events; points, line 15.5, as
bench/pubsub_throughput.py does), then for each replica count, on fresh emulators: starts the local BigQuery Storage
server (tests/BigQueryStorageEmulator, Release) and loads the box scores and features into it through the product
(`data load` / `features build --warehouse bigquery`), starts Google's Pub/Sub emulator, starts the replicas on one
subscription with a shared models dir, waits until every replica is ready, publishes every request and reads each
replica's /metrics until all are done. Reports requests/s (publish start to done), end-to-end p50 / p99 from the
replicas' merged stream_request_duration_seconds histograms, how the work split, and each process's CPU
(user + system seconds from /proc over the measured window, as % of one core) to name the bottleneck.
"""
import argparse, base64, glob, json, os, re, shutil, socket, subprocess, sys, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ROOT, STREAM, free_port, http, cli, quantile
EMULATOR = ["dotnet", os.path.join(ROOT, "tests/BigQueryStorageEmulator/bin/Release/net10.0/BigQueryStorageEmulator.dll")]
BQ_PROJECT, PS_PROJECT = "local-project", "bench"
TICKS = os.sysconf("SC_CLK_TCK")

def cpu_seconds(pid):
    """user + system CPU of one process so far (fields 14 and 15 of /proc/PID/stat, after the command's parentheses)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS

def total(text, name):
    return sum(float(m.group(1)) for m in re.finditer(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, re.M))

def done(text):
    return sum(total(text, n) for n in ("stream_requests_succeeded_total", "stream_requests_failed_total", "stream_requests_dead_lettered_total"))

def load_average():
    with open("/proc/loadavg") as f: return " ".join(f.read().split()[:3])

def start_bigquery():
    server = subprocess.Popen(EMULATOR + ["--port", "0", "--project", BQ_PROJECT, "--ddl", os.path.join(ROOT, "deploy/bigquery")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if m:
            # keep draining its output so the server never blocks on a full pipe
            import threading; threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            return server, f"127.0.0.1:{m.group(1)}"
    raise RuntimeError("the BigQuery Storage emulator exited before listening")

def start_pubsub():
    sdk = subprocess.run(["gcloud", "info", "--format=value(installation.sdk_root)"], capture_output=True, text=True).stdout.strip()
    jar = sorted(glob.glob(os.path.join(sdk, "platform/pubsub-emulator/lib/cloud-pubsub-emulator-*-all.jar")))[-1]
    port = free_port()
    emulator = subprocess.Popen(["java", "-jar", jar, "--host=127.0.0.1", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/v1/projects/{PS_PROJECT}"
    for _ in range(600):
        try: http("GET", api + "/topics"); break
        except Exception: time.sleep(0.1)
    http("PUT", api + "/topics/requests", {}); http("PUT", api + "/topics/ready", {})
    http("PUT", api + "/subscriptions/worker", {"topic": f"projects/{PS_PROJECT}/topics/requests", "ackDeadlineSeconds": 60})
    return emulator, f"127.0.0.1:{port}", api

def measure(replicas, requests, base, boxes, max_outstanding):
    bigquery, bq_host = start_bigquery()
    pubsub, ps_host, api = None, None, None
    services, work = [], base + f"-replicas{replicas}"
    try:
        bq_env = dict(os.environ, BIGQUERY_STORAGE_EMULATOR_HOST=bq_host, GOOGLE_CLOUD_PROJECT=BQ_PROJECT)
        # The warehouse the replicas read, loaded through the product; the replicas' data dir holds only the models.
        shutil.rmtree(work, ignore_errors=True); os.makedirs(work)
        shutil.copytree(os.path.join(base, "models"), os.path.join(work, "models"))
        cli("data", "load", "--box-scores", boxes, "--data-dir", work + "-load", "--warehouse", "bigquery", env=bq_env)
        cli("features", "build", "--data-dir", work, "--warehouse", "bigquery", env=bq_env)
        pubsub, ps_host, api = start_pubsub()
        env = dict(os.environ, PUBSUB_EMULATOR_HOST=ps_host, GOOGLE_CLOUD_PROJECT=PS_PROJECT, BIGQUERY_STORAGE_EMULATOR_HOST=bq_host,
                   STREAM_BIGQUERY__PROJECT=BQ_PROJECT, STREAM_WAREHOUSE__KIND="bigquery", STREAM_SERVICE__ADDRESS="127.0.0.1",
                   STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES=str(max_outstanding), STREAM_SERVICE__LOG_LEVEL="Warning")
        for _ in range(replicas):
            port = free_port()
            process = subprocess.Popen(STREAM + ["run", "--data-dir", work, "--port", str(port), "--warehouse", "bigquery", "--source", "pubsub",
                                                 "--subscription", "worker", "--events-topic", "ready"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            services.append((process, port))
        for process, port in services:
            deadline = time.monotonic() + 300
            while True:
                if process.poll() is not None: raise RuntimeError(f"replica on port {port} exited {process.returncode} before ready")
                try:
                    if urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5).status == 200: break
                except Exception: pass
                if time.monotonic() > deadline: raise RuntimeError(f"replica on port {port} not ready in 300 s")
                time.sleep(0.1)
        processes = {f"replica {i + 1}": p.pid for i, (p, _) in enumerate(services)}
        processes["bigquery emulator"] = bigquery.pid; processes["pubsub emulator"] = pubsub.pid
        load_before = load_average()
        cpu_before = {name: cpu_seconds(pid) for name, pid in processes.items()}
        started = time.monotonic()
        for i in range(0, len(requests), 500):
            http("POST", api + "/topics/requests:publish", {"messages": [{"data": base64.b64encode(json.dumps(r).encode()).decode()} for r in requests[i:i + 500]]})
        scrape = lambda port: urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
        while True:
            texts = [scrape(port) for _, port in services]
            if sum(done(t) for t in texts) >= len(requests): break
            if time.monotonic() - started > 1800: raise RuntimeError("not done in 30 minutes")
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        cpu = {name: cpu_seconds(pid) - cpu_before[name] for name, pid in processes.items()}
        merged = {}
        for t in texts:
            for m in re.finditer(r'^stream_request_duration_seconds_bucket\{le="([^"]+)"\} (\S+)$', t, re.M):
                le = float("inf") if m.group(1) == "+Inf" else float(m.group(1))
                merged[le] = merged.get(le, 0.0) + float(m.group(2))
        buckets = sorted(merged.items())
        def labelled(name, label):
            out = {}
            for t in texts:
                for m in re.finditer(rf'^{name}\{{{label}="([^"]+)"\}} (\S+)$', t, re.M):
                    out[m.group(1)] = out.get(m.group(1), 0.0) + float(m.group(2))
            return out
        batch_sum, batch_count = labelled("stream_batch_size_sum", "stage"), labelled("stream_batch_size_count", "stage")
        def mean_ms(name):
            count = sum(total(t, name + "_count") for t in texts)
            return round(1000 * sum(total(t, name + "_sum") for t in texts) / count, 1) if count else None
        return {"replicas": replicas, "requests": len(requests), "seconds": round(elapsed, 2),
                "requests_per_second": round(len(requests) / elapsed, 1),
                "p50_seconds": round(quantile(buckets, 0.5), 3), "p99_seconds": round(quantile(buckets, 0.99), 3),
                "done_per_replica": [int(done(t)) for t in texts],
                "redeliveries": sum(total(t, "stream_pubsub_redeliveries_total") for t in texts),
                "mean_batch_size": {k: round(batch_sum[k] / c, 1) for k, c in batch_count.items() if c},
                "batches": {k: int(c) for k, c in batch_count.items()},
                "mean_ms": {n: mean_ms(f"stream_{n}_duration_seconds") for n in ("feature_load", "write", "publish")},
                "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
                "cpu_ms_per_request": round(1000 * sum(cpu.values()) / len(requests), 2),
                "cpu_percent_of_one_core": {k: round(100 * v / elapsed) for k, v in cpu.items()},
                "cores": os.cpu_count(), "load_average_before": load_before, "load_average_after": load_average()}
    finally:
        for process, _ in services:
            process.terminate()
        for process, _ in services:
            try: process.wait(timeout=30)
            except subprocess.TimeoutExpired: process.kill(); process.wait()
        if pubsub: pubsub.kill(); pubsub.wait()
        bigquery.kill(); bigquery.wait()
        for d in (work, work + "-load"): shutil.rmtree(d, ignore_errors=True)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default="2025-02-01"); ap.add_argument("--to", dest="end", default="2025-02-07")
    ap.add_argument("--replicas", default="1,3", help="replica counts to measure in turn, comma-separated")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "data-bench-bq"))
    ap.add_argument("--max-outstanding", type=int, default=500, help="each replica's Pub/Sub flow control")
    a = ap.parse_args()
    for project in ("src/Stream", "tests/BigQueryStorageEmulator"):
        subprocess.run(["dotnet", "build", "-c", "Release", project], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    base, boxes = a.data_dir, os.path.join(ROOT, "../shared/data/box_scores_2024_25_oct_feb.csv")
    if not os.path.exists(os.path.join(base, "models")):
        cli("data", "load", "--box-scores", boxes, "--data-dir", base)
        cli("features", "build", "--data-dir", base)
        cli("model", "train", "--until", a.start, "--data-dir", base)
    events = base + "-events"
    shutil.rmtree(events, ignore_errors=True); shutil.copytree(base, events)
    try:
        cli("replay", "--from", a.start, "--to", a.end, "--events", "jsonl", "--data-dir", events)
        requests, seen = [], set()
        with open(os.path.join(events, "events/prediction-ready.jsonl")) as f:
            for line in f:
                e = json.loads(line)
                if (e["player_lookup"], e["game_date"]) in seen: continue
                seen.add((e["player_lookup"], e["game_date"]))
                requests.append({"player_lookup": e["player_lookup"], "game_date": e["game_date"], "game_id": e["game_id"], "line_values": [15.5]})
    finally:
        shutil.rmtree(events, ignore_errors=True)
    results = [measure(int(n), requests, base, boxes, a.max_outstanding) for n in a.replicas.split(",")]
    for r in results: print(json.dumps(r))
    return 0

if __name__ == "__main__":
    sys.exit(main())
