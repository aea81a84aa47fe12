#!/usr/bin/env python3
"""Fills an OCI registry through the distribution API with generated small images for the sync benchmark: REPOS
repositories bench/app<N> of TAGS tags each. Every repository shares one 1 KB layer; every tag has its own config
blob, so each tag is a distinct image (its own manifest digest). Three requests per tag over one kept-alive connection.
Usage: fill_registry.py <host:port> <repos> <tags-per-repo>"""
import hashlib, http.client, json, sys

def put_blob(conn, repo, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    conn.request("POST", f"/v2/{repo}/blobs/uploads/")
    r = conn.getresponse(); r.read()
    if r.status != 202:
        raise SystemExit(f"upload start {repo}: {r.status}")
    location = r.getheader("Location")
    path = location.split("://", 1)[-1]
    path = path[path.index("/"):] if not location.startswith("/") else location
    conn.request("PUT", path + ("&" if "?" in path else "?") + "digest=" + digest, body=data,
                 headers={"Content-Type": "application/octet-stream"})
    r = conn.getresponse(); r.read()
    if r.status != 201:
        raise SystemExit(f"upload {repo} {digest}: {r.status}")
    return {"mediaType": "", "digest": digest, "size": len(data)}

def main():
    address, repos, tags = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    conn = http.client.HTTPConnection(address, timeout=60)
    for n in range(repos):
        repo = f"bench/app{n:03d}"
        layer = put_blob(conn, repo, hashlib.sha256(repo.encode()).digest() * 32)
        layer["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip"
        for t in range(tags):
            config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Labels": {"tag": str(t)}},
                                 "rootfs": {"type": "layers", "diff_ids": [layer["digest"]]}}).encode()
            cfg = put_blob(conn, repo, config)
            cfg["mediaType"] = "application/vnd.oci.image.config.v1+json"
            manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                                   "config": cfg, "layers": [layer]}).encode()
            conn.request("PUT", f"/v2/{repo}/manifests/v{t}", body=manifest,
                         headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"})
            r = conn.getresponse(); r.read()
            if r.status != 201:
                raise SystemExit(f"manifest {repo}:v{t}: {r.status}")

main()
