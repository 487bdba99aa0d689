#!/usr/bin/env python3
"""Peer for Benchmarks/attest.sh: DSSE ECDSA P-256 signing and verification with
pyca/cryptography (the library sigstore-python signs and verifies with), on the
same statements hallmark-bench signs. Single-threaded, like hallmark-bench.

Usage: dsse-peer.py COUNT KEY.pem(unencrypted PKCS#8) PUB.pem
Prints: "sign SECONDS" and "verify SECONDS".
"""
import json, sys, time
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

count = int(sys.argv[1])
key = serialization.load_pem_private_key(open(sys.argv[2], "rb").read(), password=None)
pub = serialization.load_pem_public_key(open(sys.argv[3], "rb").read())
payload_type = b"application/vnd.in-toto+json"


def statement(i):
    return json.dumps({"_type": "https://in-toto.io/Statement/v1",
                       "subject": [{"name": "bench", "digest": {"sha256": "%064x" % i}}],
                       "predicateType": "https://slsa.dev/provenance/v1",
                       "predicate": {"buildDefinition": {"buildType": "https://hallmark.dev/buildtypes/local/v1"}}},
                      separators=(",", ":"), sort_keys=True).encode()


def pae(body):
    return b"DSSEv1 %d %s %d %s" % (len(payload_type), payload_type, len(body), body)


messages = [pae(statement(i)) for i in range(count)]
start = time.perf_counter()
signatures = [key.sign(m, ec.ECDSA(hashes.SHA256())) for m in messages]
signed = time.perf_counter()
for m, s in zip(messages, signatures):
    pub.verify(s, m, ec.ECDSA(hashes.SHA256()))
verified = time.perf_counter()
print("sign %.4f" % (signed - start))
print("verify %.4f" % (verified - signed))
