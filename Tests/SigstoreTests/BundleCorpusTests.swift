import Foundation
import Testing
@testable import Sigstore

/// Every real bundle in the shared fixtures either loads, or fails to load
/// with the message the format rule it breaks calls for.
@Suite struct BundleCorpusTests {
    /// Fixtures that must not load, by path, with a fragment of the expected error.
    static let expectedLoadFailures: [String: String] = [
        "conformance/bundle-verify/bundle-malformed-json_fail/bundle.sigstore.json":
            "bundle-malformed-json_fail/bundle.sigstore.json: not valid JSON (truncated or corrupt)",
        "conformance/bundle-verify/bundle-unknown-version_fail/bundle.sigstore.json":
            "mediaType: unsupported bundle media type 'application/vnd.dev.sigstore.bundle+json;version=99.9': Hallmark reads Sigstore bundle v0.1–v0.3",
        "conformance/bundle-verify/bundle-empty-certificate-chain_fail/bundle.sigstore.json":
            "verificationMaterial.x509CertificateChain.certificates: is empty",
        "conformance/bundle-verify/bundle-invalid-base64-signature_fail/bundle.sigstore.json":
            "messageSignature.signature: is not valid base64",
        "conformance/bundle-verify/bundle-negative-log-index_fail/bundle.sigstore.json":
            "verificationMaterial.tlogEntries[0].logIndex: is -1; it must not be negative",
        "sigstore-python/bundle_invalid_version.txt.sigstore":
            "mediaType: unsupported bundle media type 'this is completely wrong': Hallmark reads Sigstore bundle v0.1–v0.3",
        "sigstore-python/bundle_no_cert_v1.txt.sigstore":
            "verificationMaterial.x509CertificateChain.certificates: is empty",
        "cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle-missing-cert.jsonl":
            "-missing-cert.jsonl line 1: content: neither dsseEnvelope nor messageSignature is set",
        "cli-cli/github_provenance_demo-0.0.12-py3-none-any-bundle-missing-verification-material.jsonl":
            "-missing-verification-material.jsonl line 1: required field verificationMaterial is missing",
    ]

    /// Loads `path`, checking it against ``expectedLoadFailures``.
    static func check(_ path: String) throws {
        let expectedFailure = expectedLoadFailures[path]
        do {
            let bundles = try SigstoreTestData.bundles(path)
            #expect(expectedFailure == nil, "\(path) loaded but should fail with '\(expectedFailure ?? "")'")
            #expect(!bundles.isEmpty, "\(path)")
        } catch let error as BundleError {
            #expect(expectedFailure != nil, "\(path) failed to load: \(error)")
            if let expectedFailure {
                #expect(error.description.contains(expectedFailure), "\(path): got '\(error)'")
            }
        }
    }

    @Test func everyCaseBundleLoadsOrFailsAsExpected() throws {
        let cases = try SigstoreTestData.cases()
        #expect(cases.count == 60)
        for entry in cases {
            try Self.check(entry.bundle)
        }
    }

    @Test func bundlesOutsideTheCasesLoadOrFailAsExpected() throws {
        for path in [
            "sigstore-python/bundle_invalid_version.txt.sigstore",
            "sigstore-python/bundle_no_cert_v1.txt.sigstore",
            "sigstore-go/bundles/dsse.sigstore.json",
        ] {
            try Self.check(path)
        }
    }

    @Test func theWholeConformanceSuiteLoadsOrFailsAsExpected() throws {
        let folders = try SigstoreTestData.conformanceCaseFolders()
        #expect(folders.count == 70)
        for folder in folders {
            try Self.check("conformance/bundle-verify/\(folder)/bundle.sigstore.json")
        }
    }

    @Test func readsEveryMediaTypeSpelling() throws {
        let expectations: [(String, BundleMediaType, String)] = [
            ("conformance/bundle-verify/happy-path-v0.1/bundle.sigstore.json", .v01, "0.1"),
            ("conformance/bundle-verify/happy-path-v0.2/bundle.sigstore.json", .v02, "0.2"),
            ("conformance/bundle-verify/happy-path-v0.3/bundle.sigstore.json", .v03Legacy, "0.3"),
            ("conformance/bundle-verify/happy-path-v0.3-new-mediaType/bundle.sigstore.json", .v03, "0.3"),
        ]
        for (path, mediaType, version) in expectations {
            let bundle = try #require(try SigstoreTestData.bundles(path).first)
            #expect(bundle.mediaType == mediaType, "\(path)")
            #expect(bundle.mediaType.version == version, "\(path)")
        }
    }

    @Test func decodesTheTypedFieldsOfAHashedRekordEntry() throws {
        let bundle = try #require(try SigstoreTestData.bundles("conformance/bundle-verify/happy-path-v0.1/bundle.sigstore.json").first)
        guard case .x509CertificateChain(let chain) = bundle.verificationMaterial.keyMaterial else {
            Issue.record("expected an X.509 chain, got \(bundle.verificationMaterial.keyMaterial)")
            return
        }
        #expect(chain.first?.first == 0x30, "DER starts with a SEQUENCE")
        let entry = try #require(bundle.verificationMaterial.tlogEntries.first)
        #expect(entry.kindVersion == .init(kind: "hashedrekord", version: "0.0.1"))
        #expect(entry.logKeyID?.count == 32)
        #expect(entry.integratedTime != nil)
        #expect(entry.signedEntryTimestamp?.isEmpty == false)
        let proof = try #require(entry.inclusionProof)
        #expect(proof.treeSize ?? 0 > proof.logIndex ?? .max)
        #expect(proof.hashes.allSatisfy { $0.count == 32 })
        #expect(proof.checkpoint?.contains("\n") == true)
        let body = try #require(entry.canonicalizedBody)
        #expect(String(decoding: body, as: UTF8.self).contains("hashedrekord"))
        let signature = try #require(bundle.messageSignature)
        #expect(signature.messageDigest?.algorithm == .sha2_256)
        #expect(signature.messageDigest?.digest.count == 32)
    }

    @Test func decodesRekorV2EntriesWithoutIntegratedTimeAndTheirTimestamps() throws {
        let bundle = try #require(try SigstoreTestData.bundles("conformance/bundle-verify/rekor2-happy-path/bundle.sigstore.json").first)
        let entry = try #require(bundle.verificationMaterial.tlogEntries.first)
        #expect(entry.integratedTime == nil)
        #expect(entry.signedEntryTimestamp == nil)
        #expect(entry.kindVersion?.version == "0.0.2")
        #expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.isEmpty == false)
    }

    @Test func readsAManagedKeyHint() throws {
        let bundle = try #require(try SigstoreTestData.bundles("conformance/bundle-verify/managed-key-happy-path/bundle.sigstore.json").first)
        guard case .publicKey = bundle.verificationMaterial.keyMaterial else {
            Issue.record("expected publicKey, got \(bundle.verificationMaterial.keyMaterial)")
            return
        }
        #expect(bundle.verificationMaterial.keyMaterial.leafCertificate == nil)
    }
}
