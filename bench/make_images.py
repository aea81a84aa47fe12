#!/usr/bin/env python3
"""Writes OCI image layouts for the registry benchmark: COUNT images of LAYERS gzip layers of SIZE random bytes each
(stored, not compressed: random bytes do not compress, and clients then push them unchanged).
Usage: make_images.py <dir> <count> <layers> <size-bytes>   -> <dir>/img<N> each tagged v1"""
import hashlib, json, os, sys, zlib

def blob(root, data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(root, "blobs", "sha256", digest), "wb") as f:
        f.write(data)
    return {"digest": "sha256:" + digest, "size": len(data)}

def gzip_stored(data):
    c = zlib.compressobj(0, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()

def image(root, layers, size):
    os.makedirs(os.path.join(root, "blobs", "sha256"), exist_ok=True)
    with open(os.path.join(root, "oci-layout"), "w") as f:
        f.write('{"imageLayoutVersion":"1.0.0"}')
    descriptors = []
    for _ in range(layers):
        d = blob(root, gzip_stored(os.urandom(size)))
        d["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip"
        descriptors.append(d)
    config = blob(root, json.dumps({"architecture": "amd64", "os": "linux",
        "rootfs": {"type": "layers", "diff_ids": [d["digest"] for d in descriptors]}}).encode())
    config["mediaType"] = "application/vnd.oci.image.config.v1+json"
    manifest = blob(root, json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": config, "layers": descriptors}).encode())
    manifest["mediaType"] = "application/vnd.oci.image.manifest.v1+json"
    manifest["annotations"] = {"org.opencontainers.image.ref.name": "v1"}
    with open(os.path.join(root, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [manifest]}, f)

out, count, layers, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for n in range(count):
    image(os.path.join(out, "img%04d" % n), layers, size)
