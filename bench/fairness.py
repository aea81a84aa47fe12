#!/usr/bin/env python3
"""Issue 27's fairness figures against a running Wharf (bench/fairness.sh starts one). Account A fills two
repositories with TAGS tags each, sets the largest retention policy the bounds allow (10 rules x 20 regexp selectors that
backtrack), and 20 triggers on each repository whose receivers hang for 10 s; then, for DURATION seconds, A keeps starting
runs on both repositories and pushing tags, while account B asks GET /v2/manage/namespaces every 50 ms and pushes a
tag every 2 s to a repository with one trigger whose receiver answers at once. Prints B's API p50/p99/max and the delay
between each of B's pushes and its webhook's arrival.
Usage: fairness.py <url> <admin password> <tags> <seconds>"""
import base64, hashlib, http.client, http.server, json, sys, threading, time, urllib.parse

URL, ADMIN, TAGS, DURATION = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
HOST = urllib.parse.urlparse(URL).netloc

def call(method, path, token=None, body=None, headers=None, basic=None):
    conn = http.client.HTTPConnection(HOST, timeout=120)
    h = dict(headers or {})
    if token:
        h["X-Auth-Token"] = token
    if basic:
        h["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, dict(r.getheaders()), data

def token(account, user, password):
    status, headers, _ = call("POST", "/v3/auth/tokens", body={"auth": {"identity": {"methods": ["password"],
        "password": {"user": {"name": user, "password": password, "domain": {"name": account}}}}}})
    assert status == 201, status
    return headers.get("X-Subject-Token") or headers.get("x-subject-token")

def account(admin, name):
    status, _, data = call("POST", "/v3/accounts", admin, {"account": {"name": name, "admin": {"name": "boss",
                                                                        "password": name + "-Boss-1"}}})
    assert status == 201, (status, data)
    return token(name, "boss", name + "-Boss-1"), name + "/boss:" + name + "-Boss-1"

def push(creds, repo, tags):
    conn = http.client.HTTPConnection(HOST, timeout=60)
    auth = {"Authorization": "Basic " + base64.b64encode(creds.encode()).decode()}
    def blob(data):
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        conn.request("POST", f"/v2/{repo}/blobs/uploads/", headers=auth)
        r = conn.getresponse(); r.read()
        loc = r.getheader("Location")
        loc = loc[loc.index("/", 8):] if "://" in loc else loc
        conn.request("PUT", loc + ("&" if "?" in loc else "?") + "digest=" + digest, body=data,
                     headers=dict(auth, **{"Content-Type": "application/octet-stream"}))
        r = conn.getresponse(); r.read()
        assert r.status == 201, r.status
        return digest, len(data)
    layer = blob(repo.encode() * 64)
    cfg = blob(json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers",
                                                                            "diff_ids": [layer[0]]}}).encode())
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cfg[0], "size": cfg[1]},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer[0],
                    "size": layer[1]}]}).encode()
    for tag in tags:
        conn.request("PUT", f"/v2/{repo}/manifests/{tag}", body=manifest,
                     headers=dict(auth, **{"Content-Type": "application/vnd.oci.image.manifest.v1+json"}))
        r = conn.getresponse(); r.read()
        assert r.status == 201, r.status
    conn.close()

arrivals = {}
class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/slow":
            time.sleep(10)
        else:
            arrivals[body["tag"]] = time.time()
        self.send_response(200); self.end_headers()
    def log_message(self, *args):
        pass

receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=receiver.serve_forever, daemon=True).start()
hook = "http://127.0.0.1:%d" % receiver.server_address[1]

admin = token("wharf", "admin", ADMIN)
a_token, a_creds = account(admin, "bench-a-%d" % int(time.time()))
b_token, b_creds = account(admin, "bench-b-%d" % int(time.time()))
for t, ns in ((a_token, "bench-a"), (b_token, "bench-b")):
    call("POST", "/v2/manage/namespaces", t, {"namespace": ns + "-" + str(int(time.time()))})
a_ns = json.loads(call("GET", "/v2/manage/namespaces", a_token)[2])["namespaces"][0]["name"]
b_ns = json.loads(call("GET", "/v2/manage/namespaces", b_token)[2])["namespaces"][0]["name"]

def trigger(tok, ns, repo, name, url):
    status, _, data = call("POST", f"/v2/manage/namespaces/{ns}/repos/{repo}/triggers", tok, {"name": name,
        "action": "update", "trigger_mode": "webhook", "trigger_type": "all", "enable": "true", "webhook_url": url,
        "webhook_secret": "0123456789abcdef"})
    assert status == 201, (status, data)

t0 = time.time()
policies = []
for repo in ("big1", "big2"):
    push(a_creds, f"{a_ns}/{repo}", ["x" * 60 + str(i) for i in range(TAGS)])
    for i in range(20):
        trigger(a_token, a_ns, repo, f"slow-{i}", hook + "/slow")
    rules = [{"template": "date_rule", "params": {"days": "3650"}, "tag_selectors":
              [{"kind": "regexp", "pattern": "(.*x){2}y%d" % k} for k in range(20)]} for _ in range(10)]
    status, _, data = call("POST", f"/v2/manage/namespaces/{a_ns}/repos/{repo}/retentions", a_token,
                           {"algorithm": "or", "rules": rules})
    assert status == 201, (status, data)
    policies.append((repo, json.loads(data)["id"]))
push(b_creds, f"{b_ns}/app", ["0"])
trigger(b_token, b_ns, "app", "fast", hook + "/fast")
print("set up: 2 x %d tags, 2 maximal policies, 40 hanging receivers in %.0f s" % (TAGS, time.time() - t0))

stop = time.time() + DURATION
latencies, pushed, runs = [], {}, {"started": 0, "refused": 0, "failed": 0, "done": 0}

def account_a():
    n = 0
    while time.time() < stop:
        for repo, pid in policies:
            status, headers, data = call("POST", f"/v2/manage/namespaces/{a_ns}/repos/{repo}/retentions/{pid}/execute?dry_run=true", a_token)
            runs["started" if status == 202 else "refused"] += 1
            if status == 202:
                location = headers["Location"]
                def follow(location=location):
                    while True:
                        run = json.loads(call("GET", location, a_token)[2])
                        if run["status"] != "running":
                            runs[run["status"]] += 1
                            return
                        time.sleep(0.5)
                threading.Thread(target=follow, daemon=True).start()
        push(a_creds, f"{a_ns}/big1", ["load-%d" % n])
        n += 1
        time.sleep(0.5)

def account_b_api():
    while time.time() < stop:
        s = time.time()
        call("GET", "/v2/manage/namespaces", b_token)
        latencies.append((time.time() - s) * 1000)
        time.sleep(0.05)

def account_b_pushes():
    n = 0
    while time.time() < stop - 5:
        tag = "b-%d" % n
        pushed[tag] = time.time()
        push(b_creds, f"{b_ns}/app", [tag])
        n += 1
        time.sleep(2)

threads = [threading.Thread(target=f) for f in (account_a, account_a, account_b_api, account_b_pushes)]
for t in threads:
    t.start()
for t in threads:
    t.join()
time.sleep(12)
lat = sorted(latencies)
q = lambda v, p: v[min(len(v) - 1, int(p * len(v)))]
print("account A: %d runs started, %d refused (one per repository, two per account), %d done, %d failed (over budget)"
      % (runs["started"], runs["refused"], runs["done"], runs["failed"]))
print("account B's GET /v2/manage/namespaces: %d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms"
      % (len(lat), q(lat, 0.5), q(lat, 0.99), lat[-1]))
delays = sorted((arrivals[t] - pushed[t]) * 1000 for t in pushed if t in arrivals)
print("account B's webhook: %d of %d delivered, delay after the push p50 %.0f ms, max %.0f ms"
      % (len(delays), len(pushed), q(delays, 0.5) if delays else -1, delays[-1] if delays else -1))
