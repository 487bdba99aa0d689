import Foundation
import Testing
import TestSupport

/// `hallmark key generate`, `attest` and `verify` end to end: the real registry,
/// skopeo reading the referrers back, and every failure mode of verification.
@Suite(.serialized)
struct AttestCommandTests {
    /// A fresh key pair (encrypted with `password`) in `directory`: the private and public key paths.
    static func keyPair(in directory: URL, name: String = "hallmark", password: String = "correct horse") async throws -> (key: String, pub: String) {
        let prefix = directory.appendingPathComponent(name).path
        let made = try await CLI.hallmark(["key", "generate", "--output-key-prefix", prefix], environment: ["HALLMARK_PASSWORD": password])
        #expect(made.status == 0, "\(made.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: prefix + ".key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        return (prefix + ".key", prefix + ".pub")
    }

    /// The platform manifests of the example image, by platform.
    static func platformDigests() async throws -> [String: String] {
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: CLI.examplePath + "/blobs/sha256/" + String(RegistryCopyTests.indexDigest.dropFirst(7))))) as? [String: Any]
        var digests: [String: String] = [:]
        for entry in index?["manifests"] as? [[String: Any]] ?? [] {
            guard let platform = entry["platform"] as? [String: Any], platform["os"] as? String != "unknown" else { continue }
            let name = ["os", "architecture", "variant"].compactMap { platform[$0] as? String }.joined(separator: "/")
            digests[name] = entry["digest"] as? String
        }
        return digests
    }

    /// The attestations `hallmark inspect --format json` lists, per platform: (predicate type, storage, manifest digest).
    static func attestations(_ target: String) async throws -> [String: [(type: String, storage: String, manifest: String)]] {
        let inspect = try await CLI.hallmark("inspect", target, "--format", "json")
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(inspect.stdout)) as? [String: Any]
        var found: [String: [(String, String, String)]] = [:]
        for platform in report?["platforms"] as? [[String: Any]] ?? [] {
            found[platform["platform"] as? String ?? ""] = (platform["attestations"] as? [[String: Any]] ?? []).map {
                ($0["predicateType"] as? String ?? "", $0["storage"] as? String ?? "", $0["manifestDigest"] as? String ?? "")
            }
        }
        return found
    }

    @Test func attestPushInspectVerifyOnTheRegistry() async throws {
        try await withRegistry { registry in
            let work = try CLI.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: work) }
            let keys = try await Self.keyPair(in: work)
            let password = ["HALLMARK_PASSWORD": "correct horse"]
            let target = "\(registry.address)/it/attest:v1"
            #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", target).status == 0)

            let provenance = try await CLI.hallmark(["attest", "provenance", target, "--key", keys.key, "--push"], environment: password)
            #expect(provenance.status == 0, "\(provenance.stderr)")
            #expect(provenance.stderr.components(separatedBy: "attached SLSA provenance").count == 3, "\(provenance.stderr)")
            let sbom = try await CLI.hallmark(["attest", "sbom", target, "--key", keys.key, "--push"], environment: password)
            #expect(sbom.status == 0, "\(sbom.stderr)")

            // Idempotent: the same statement signed again is not attached twice.
            let again = try await CLI.hallmark(["attest", "provenance", target, "--key", keys.key, "--push"], environment: password)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stderr.contains("already attached"))

            // inspect lists provenance and SBOM for both platforms, each once, as OCI referrers.
            let found = try await Self.attestations(target)
            let digests = try await Self.platformDigests()
            #expect(Set(found.keys) == ["linux/amd64", "linux/arm64/v8"])
            for (platform, list) in found {
                let referrers = list.filter { $0.storage == "oci-referrer" }
                #expect(referrers.filter { $0.type == "https://slsa.dev/provenance/v1" }.count == 1, "\(platform)")
                #expect(referrers.filter { $0.type == "https://spdx.dev/Document" }.count == 1, "\(platform)")
                // skopeo reads each referrer manifest: its subject is the platform manifest, its artifactType the bundle's.
                for referrer in referrers {
                    let raw = try await CLI.skopeo("inspect", "--raw", "--tls-verify=false", "docker://\(registry.address)/it/attest@\(referrer.manifest)")
                    let manifest = try JSONSerialization.jsonObject(with: Data(raw.stdout)) as? [String: Any]
                    #expect(manifest?["artifactType"] as? String == "application/vnd.dev.sigstore.bundle.v0.3+json")
                    #expect((manifest?["subject"] as? [String: Any])?["digest"] as? String == digests[platform])
                    #expect((manifest?["annotations"] as? [String: String])?["dev.sigstore.bundle.predicateType"] == referrer.type)
                }
            }

            // verify: provenance (the default) and SBOM pass on both platforms.
            let verified = try await CLI.hallmark("verify", target, "--key", keys.pub, "--format", "json")
            #expect(verified.status == 0, "\(verified.text) \(verified.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(verified.stdout)) as? [String: Any]
            let subjects = report?["subjects"] as? [[String: Any]] ?? []
            #expect(subjects.count == 2)
            #expect(subjects.allSatisfy { ($0["verified"] as? [Any])?.count == 1 })
            #expect(try await CLI.hallmark("verify", target, "--key", keys.pub, "--predicate-type", "spdx").status == 0)

            // A different key: exit 1, the signature check named for each platform.
            let other = try await Self.keyPair(in: work, name: "other")
            let wrongKey = try await CLI.hallmark("verify", target, "--key", other.pub)
            #expect(wrongKey.status == 1)
            #expect(wrongKey.text.contains("linux/arm64/v8"))
            #expect(wrongKey.text.contains("signature check failed"))
        }
    }

    /// A later platform whose predicate is refused leaves no earlier platform attached
    /// (everything is signed before anything is pushed); after a push into a layout, the
    /// layout still names its one image without a tag (attached bundles are artifacts).
    @Test func aRefusedPlatformLeavesNothingAttached() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let layout = work.appendingPathComponent("layout").path
        try FileManager.default.copyItem(atPath: CLI.examplePath, toPath: layout)
        let keys = try await Self.keyPair(in: work)
        let password = ["HALLMARK_PASSWORD": "correct horse"]
        func size(_ platform: String) async throws -> Int {
            let refused = try await CLI.hallmark(["attest", "sbom", "oci-dir:\(layout)", "--key", keys.key, "-o", "/dev/null", "--max-predicate-size", "1",
                                            "--platform", platform], environment: password)
            let digits = refused.stderr.components(separatedBy: "(").dropFirst().first?.prefix { $0.isNumber } ?? ""
            return try #require(Int(digits), "\(refused.stderr)")
        }
        let (amd64, arm64) = await (try size("linux/amd64"), try size("linux/arm64/v8"))
        try #require(amd64 < arm64, "the arm64 SBOM must be the larger one for this test")
        let entries = { try (JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layout + "/index.json"))) as? [String: Any])?["manifests"] as? [Any] }
        let before = try entries()?.count
        let partial = try await CLI.hallmark(["attest", "sbom", "oci-dir:\(layout)", "--key", keys.key, "--push", "--max-predicate-size", String(amd64)], environment: password)
        #expect(partial.status == 1 && partial.stderr.contains("linux/arm64/v8"), "\(partial.stderr)")
        #expect(!partial.stderr.contains("attached"))
        #expect(try entries()?.count == before, "nothing attached")
        let whole = try await CLI.hallmark(["attest", "sbom", "oci-dir:\(layout)", "--key", keys.key, "--push"], environment: password)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try entries()?.count == (before ?? 0) + 2)
        let inspected = try await CLI.hallmark("inspect", "oci-dir:\(layout)")
        #expect(inspected.status == 0, "\(inspected.stderr)")
    }

    @Test func aPlatformWithoutAttestationFailsVerification() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try await Self.keyPair(in: work)
        let layout = work.appendingPathComponent("image").path
        #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", "oci-dir:\(layout):v1").status == 0)
        let attest = try await CLI.hallmark(["attest", "provenance", "oci-dir:\(layout):v1", "--platform", "linux/amd64", "--key", keys.key, "--push"],
                                      environment: ["HALLMARK_PASSWORD": "correct horse"])
        #expect(attest.status == 0, "\(attest.stderr)")
        let verify = try await CLI.hallmark("verify", "oci-dir:\(layout):v1", "--key", keys.pub)
        #expect(verify.status == 1)
        let armLine = verify.text.split(separator: "\n").first { $0.hasPrefix("linux/arm64/v8") && $0.contains("FAILED") }
        #expect(armLine != nil, "\(verify.text)")
        // Its only attestation is BuildKit's unsigned provenance: the signature check names it.
        #expect(verify.text.contains("signature check failed: an unsigned in-toto statement"))
        #expect(try await CLI.hallmark("verify", "oci-dir:\(layout):v1", "--platform", "linux/amd64", "--key", keys.pub).status == 0)
    }

    /// A DSSE envelope stored as cosign stores attestations (a `sha256-<hex>.att` tag) verifies.
    @Test func cosignAttestationTagsAreVerified() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try await Self.keyPair(in: work)
        let layout = work.appendingPathComponent("image").path
        #expect(try await CLI.hallmark("copy", "--all", "oci-dir:\(CLI.examplePath)", "oci-dir:\(layout):v1").status == 0)
        let bundles = work.appendingPathComponent("b.jsonl").path
        let made = try await CLI.hallmark(["attest", "provenance", "oci-dir:\(layout):v1", "--platform", "linux/arm64/v8", "--key", keys.key, "-o", bundles],
                                    environment: ["HALLMARK_PASSWORD": "correct horse"])
        #expect(made.status == 0, "\(made.stderr)")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundles))) as? [String: Any]
        let envelope = work.appendingPathComponent("envelope.json")
        try JSONSerialization.data(withJSONObject: try #require(bundle?["dsseEnvelope"])).write(to: envelope)
        let digest = try await #require(try Self.platformDigests()["linux/arm64/v8"])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/add-cosign-attestation.py").path
        let added = try await CLI.run("/usr/bin/env", ["python3", script, layout, digest, envelope.path, "https://slsa.dev/provenance/v1"])
        #expect(added.status == 0, "\(added.stderr)")
        let verify = try await CLI.hallmark("verify", "oci-dir:\(layout):v1", "--platform", "linux/arm64/v8", "--key", keys.pub, "--format", "json")
        #expect(verify.status == 0, "\(verify.text)")
        let report = try JSONSerialization.jsonObject(with: Data(verify.stdout)) as? [String: Any]
        let verified = (report?["subjects"] as? [[String: Any]])?.first?["verified"] as? [[String: Any]]
        #expect((verified?.first?["origin"] as? [String: Any])?["storage"] as? String == "cosign-att-tag")
    }

    /// Bundles for the amd64 manifest written with `-o`, checked as a file against that manifest's bytes.
    @Test func tamperedBundlesFailTheirCheck() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try await Self.keyPair(in: work)
        let bundles = work.appendingPathComponent("provenance.jsonl").path
        let made = try await CLI.hallmark(["attest", "provenance", "oci-dir:\(CLI.examplePath)", "--platform", "linux/amd64", "--key", keys.key, "-o", bundles],
                                    environment: ["HALLMARK_PASSWORD": "correct horse"])
        #expect(made.status == 0, "\(made.stderr)")
        let digest = try await #require(try Self.platformDigests()["linux/amd64"])
        let manifest = CLI.examplePath + "/blobs/sha256/" + digest.dropFirst(7)
        #expect(try await CLI.hallmark("verify", manifest, "--bundle", bundles, "--key", keys.pub).status == 0)

        let line = try String(contentsOfFile: bundles, encoding: .utf8).trimmingCharacters(in: .newlines)
        func variant(_ name: String, _ change: (inout [String: Any]) throws -> Void) throws -> String {
            var bundle = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            try change(&bundle)
            let path = work.appendingPathComponent(name + ".json").path
            try JSONSerialization.data(withJSONObject: bundle).write(to: URL(fileURLWithPath: path))
            return path
        }
        func envelope(_ bundle: [String: Any]) throws -> [String: Any] { try #require(bundle["dsseEnvelope"] as? [String: Any]) }
        let tamperedPayload = try variant("payload") { bundle in
            var dsse = try envelope(bundle)
            let payload = try #require(Data(base64Encoded: dsse["payload"] as? String ?? ""))
            let changed = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "local-builder", with: "evil-builder")
            dsse["payload"] = Data(changed.utf8).base64EncodedString()
            bundle["dsseEnvelope"] = dsse
        }
        let tamperedSignature = try variant("signature") { bundle in
            var dsse = try envelope(bundle)
            var signatures = try #require(dsse["signatures"] as? [[String: Any]])
            var sig = try #require(Data(base64Encoded: signatures[0]["sig"] as? String ?? ""))
            sig[sig.count - 1] ^= 0x01
            signatures[0]["sig"] = sig.base64EncodedString()
            dsse["signatures"] = signatures
            bundle["dsseEnvelope"] = dsse
        }
        let unknownMediaType = try variant("mediatype") { bundle in
            bundle["mediaType"] = "application/vnd.dev.sigstore.bundle.v9.9+json"
        }
        let cases: [(String, [String], String)] = [
            ("tampered payload", [manifest, "--bundle", tamperedPayload], "signature check failed"),
            ("tampered signature", [manifest, "--bundle", tamperedSignature], "signature check failed"),
            ("statement for another digest", [CLI.examplePath + "/index.json", "--bundle", bundles], "subject check failed"),
            ("wrong predicate type", [manifest, "--bundle", bundles, "--predicate-type", "spdx"], "predicate-type check failed"),
            ("unknown bundle media type", [manifest, "--bundle", unknownMediaType], "format check failed"),
        ]
        for (name, arguments, message) in cases {
            let result = try await CLI.hallmark(["verify"] + arguments + ["--key", keys.pub], environment: [:])
            #expect(result.status == 1, "\(name): \(result.text) \(result.stderr)")
            #expect(result.text.contains(message), "\(name): \(result.text)")
        }
    }

    @Test func sbomPredicatesOverTheBudgetAreRefusedOrTrimmed() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // The signing key comes from HALLMARK_SIGNING_KEY, as a CI secret would.
        let keys = try await Self.keyPair(in: work)
        let environment = ["HALLMARK_SIGNING_KEY": try String(contentsOfFile: keys.key, encoding: .utf8), "HALLMARK_PASSWORD": "correct horse"]
        let image = "oci-dir:\(CLI.examplePath)"
        let sbom = work.appendingPathComponent("amd64.spdx.json").path
        #expect(try await CLI.hallmark("sbom", image, "--platform", "linux/amd64", "--file-metadata", "-o", "spdx-json=\(sbom)").status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: sbom)[.size] as? Int ?? 0
        let limit = String(size - 64)
        let out = work.appendingPathComponent("sbom.jsonl").path
        let refused = try await CLI.hallmark(["attest", "sbom", image, "--platform", "linux/amd64", "--sbom", sbom, "--max-predicate-size", limit, "-o", out],
                                       environment: environment)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("over the \(limit)-byte predicate limit"))
        #expect(refused.stderr.contains("hallmark sbom trim"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let trimmed = try await CLI.hallmark(["attest", "sbom", image, "--platform", "linux/amd64", "--sbom", sbom, "--max-predicate-size", limit, "--trim", "-o", out],
                                       environment: environment)
        #expect(trimmed.status == 0, "\(trimmed.stderr)")
        #expect(trimmed.stderr.contains("trimmed"))
        let digest = try await #require(try Self.platformDigests()["linux/amd64"])
        let manifest = CLI.examplePath + "/blobs/sha256/" + digest.dropFirst(7)
        let verified = try await CLI.hallmark("verify", manifest, "--bundle", out, "--key", keys.pub, "--predicate-type", "spdx")
        #expect(verified.status == 0, "\(verified.text)")
        // Without a key anywhere, the command says how to give one.
        let keyless = try await CLI.hallmark(["attest", "provenance", image, "-o", out], environment: ["HALLMARK_SIGNING_KEY": ""])
        #expect(keyless.status == 2)
        #expect(keyless.stderr.contains("--key FILE"))
    }

    @Test func provenanceOnGitHubActionsHasTheLayoutOfARealAttestation() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let keys = try await Self.keyPair(in: work)
        let real = try await Self.realGitHubStatement()
        var environment = Self.runnerEnvironment
        environment["HALLMARK_PASSWORD"] = "correct horse"
        let out = work.appendingPathComponent("gh.jsonl").path
        let made = try await CLI.hallmark(["attest", "provenance", "oci-dir:\(CLI.examplePath)", "--platform", "linux/amd64", "--key", keys.key, "-o", out],
                                    environment: environment)
        #expect(made.status == 0, "\(made.stderr)")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let payload = try #require(Data(base64Encoded: (bundle?["dsseEnvelope"] as? [String: Any])?["payload"] as? String ?? ""))
        let ours = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect(Self.shape(ours) == Self.shape(real))
        #expect(Self.shape(ours["predicate"]) == Self.shape(real["predicate"]))
        let ourPredicate = ours["predicate"] as? [String: Any]
        let realPredicate = real["predicate"] as? [String: Any]
        #expect((ourPredicate?["runDetails"] as? [String: Any])?["builder"] as? [String: String]
                == (realPredicate?["runDetails"] as? [String: Any])?["builder"] as? [String: String])
    }

    /// The statement inside the real GitHub image attestation of the shared test data.
    static func realGitHubStatement() async throws -> [String: Any] {
        let path = try SharedTestData.url("sigstore/github-attestations/ystkfujii__playground_supply-chain-guard/bundle.json")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: path)) as? [String: Any]
        let payload = try #require(Data(base64Encoded: (bundle?["dsseEnvelope"] as? [String: Any])?["payload"] as? String ?? ""))
        return try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
    }

    /// The runner's variables of the workflow run that made the real attestation.
    static let runnerEnvironment = [
        "GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "ystkfujii/playground_supply-chain-guard", "GITHUB_REPOSITORY_ID": "1238661134",
        "GITHUB_REPOSITORY_OWNER_ID": "76274657",
        "GITHUB_WORKFLOW_REF": "ystkfujii/playground_supply-chain-guard/.github/workflows/build_image.yml@refs/heads/main",
        "GITHUB_REF": "refs/heads/main", "GITHUB_SHA": "c9b66fe1d7e304fc163746878ef0ff8043e63df6", "GITHUB_EVENT_NAME": "push",
        "GITHUB_RUN_ID": "25969527923", "GITHUB_RUN_ATTEMPT": "2", "RUNNER_ENVIRONMENT": "github-hosted",
    ]

    /// A JSON value's layout: object keys (recursively) and value types, array elements by their first element.
    static func shape(_ value: Any?) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0):\(shape(object[$0]))" }.joined(separator: ",") + "}"
        case let array as [Any]:
            return "[" + (array.first.map { shape($0) } ?? "") + "]"
        case is String: return "string"
        case is NSNumber: return "number"
        case nil: return "null"
        default: return "other"
        }
    }
}
