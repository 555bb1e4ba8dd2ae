#!/usr/bin/env python3
"""One replica's throughput through Google's Pub/Sub emulator (a measurement, not a test).

    python3 bench/pubsub_throughput.py [--from 2025-02-01] [--to 2025-02-28] [--data-dir ./data-bench]

Prepares a data dir from ../shared's real box scores (once), makes one request per player-game of the window
(from a replay's completion events; line 15.5), publishes them all to a fresh emulator through its REST API,
then starts `stream run --source pubsub` on a pristine copy and reads /metrics until every request is done:
requests/s from ready to done, and end-to-end p50 / p99 from stream_request_duration_seconds.
"""
import argparse, base64, glob, json, os, re, shutil, socket, subprocess, sys, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ROOT, STREAM, free_port, http, cli, quantile

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="start", default="2025-02-01"); ap.add_argument("--to", dest="end", default="2025-02-28")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "data-bench"))
    ap.add_argument("--max-outstanding", default="500")
    a = ap.parse_args()
    subprocess.run(["dotnet", "build", "-c", "Release", "src/Stream"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    base = a.data_dir
    if not os.path.exists(os.path.join(base, "models")):
        cli("data", "load", "--box-scores", os.path.join(ROOT, "../shared/data/box_scores_2024_25_oct_feb.csv"), "--data-dir", base)
        cli("features", "build", "--data-dir", base)
        cli("model", "train", "--until", a.start, "--data-dir", base)
    work, events = base + "-events", base + "-run"
    for d in (work, events): shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(base, work); shutil.copytree(base, events)
    cli("replay", "--from", a.start, "--to", a.end, "--events", "jsonl", "--data-dir", events)
    requests = []
    with open(os.path.join(events, "events/prediction-ready.jsonl")) as f:
        for line in f:
            e = json.loads(line)
            requests.append({"player_lookup": e["player_lookup"], "game_date": e["game_date"], "game_id": e["game_id"], "line_values": [15.5]})
    sdk = subprocess.run(["gcloud", "info", "--format=value(installation.sdk_root)"], capture_output=True, text=True).stdout.strip()
    jar = sorted(glob.glob(os.path.join(sdk, "platform/pubsub-emulator/lib/cloud-pubsub-emulator-*-all.jar")))[-1]
    port = free_port(); host = f"127.0.0.1:{port}"
    emulator = subprocess.Popen(["java", "-jar", jar, "--host=127.0.0.1", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    service = None
    try:
        api = f"http://{host}/v1/projects/bench"
        for _ in range(200):
            try: http("GET", api + "/topics"); break
            except Exception: time.sleep(0.1)
        http("PUT", api + "/topics/requests", {}); http("PUT", api + "/topics/ready", {})
        http("PUT", api + "/subscriptions/worker", {"topic": "projects/bench/topics/requests", "ackDeadlineSeconds": 60})
        for i in range(0, len(requests), 500):
            http("POST", api + "/topics/requests:publish", {"messages": [{"data": base64.b64encode(json.dumps(r).encode()).decode()} for r in requests[i:i + 500]]})
        env = dict(os.environ, PUBSUB_EMULATOR_HOST=host, GOOGLE_CLOUD_PROJECT="bench", STREAM_SERVICE__ADDRESS="127.0.0.1",
                   STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES=a.max_outstanding, STREAM_SERVICE__LOG_LEVEL="Warning")
        mport = free_port()
        service = subprocess.Popen(STREAM + ["run", "--data-dir", work, "--port", str(mport), "--source", "pubsub",
                                             "--subscription", "worker", "--events-topic", "ready"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        def scrape():
            return urllib.request.urlopen(f"http://127.0.0.1:{mport}/metrics", timeout=5).read().decode()
        def total(text, name):
            return sum(float(m.group(1)) for m in re.finditer(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, re.M))
        ready = None
        while True:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{mport}/readyz", timeout=5).status == 200: ready = time.monotonic(); break
            except Exception: time.sleep(0.05)
        while True:
            text = scrape()
            done = sum(total(text, n) for n in ("stream_requests_succeeded_total", "stream_requests_failed_total", "stream_requests_dead_lettered_total"))
            if done >= len(requests): break
            time.sleep(0.05)
        elapsed = time.monotonic() - ready
        buckets = sorted((float("inf") if m.group(1) == "+Inf" else float(m.group(1)), float(m.group(2)))
                         for m in re.finditer(r'^stream_request_duration_seconds_bucket\{le="([^"]+)"\} (\S+)$', text, re.M))
        print(json.dumps({"requests": len(requests), "seconds_ready_to_done": round(elapsed, 2), "requests_per_second": round(len(requests) / elapsed, 1),
                          "p50_seconds": round(quantile(buckets, 0.5), 3), "p99_seconds": round(quantile(buckets, 0.99), 3),
                          "max_outstanding": int(a.max_outstanding), "peak_outstanding": total(text, "stream_pubsub_outstanding_messages_peak"),
                          "redeliveries": total(text, "stream_pubsub_redeliveries_total")}))
    finally:
        if service: service.terminate(); service.wait()
        emulator.kill(); emulator.wait()
        for d in (work, events): shutil.rmtree(d, ignore_errors=True)

if __name__ == "__main__":
    sys.exit(main())
