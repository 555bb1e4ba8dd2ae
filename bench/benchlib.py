"""What the bench scripts share: the product's binary, free ports, the emulators' REST calls, the CLI, histogram quantiles."""
import json, os, socket, subprocess, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STREAM = ["dotnet", os.path.join(ROOT, "src/Stream/bin/Release/net10.0/stream.dll")]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

def http(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read().decode(); return json.loads(text) if text else None

def cli(*args, env=None):
    subprocess.run(STREAM + list(args), check=True, cwd=ROOT, stdout=subprocess.DEVNULL, env=env)

def quantile(buckets, q):
    """buckets: [(le, cumulative count)] sorted; linear interpolation inside the bucket, as Prometheus does."""
    total = buckets[-1][1]; rank = q * total; prev_le, prev_c = 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if le == float("inf"): return prev_le
            return prev_le + (le - prev_le) * ((rank - prev_c) / max(c - prev_c, 1e-9))
        prev_le, prev_c = le, c
    return prev_le
