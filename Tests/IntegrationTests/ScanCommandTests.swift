import Foundation
import Testing
import TestSupport

/// `hallmark db` and `hallmark scan` on the real OSV data, cross-checked with an
/// independent matcher written with Python's `packaging`.
@Suite(.serialized)
struct ScanCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh database with every advisory of the shared test data.
    static func database(in work: URL) async throws -> String {
        let db = work.appendingPathComponent("advisories.sqlite").path
        let imported = try await CLI.hallmark("db", "import", "--db", db, try SharedTestData.url("osv").path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.text.contains("19502 added"))
        return db
    }

    /// The machine's own site-packages: Hallmark's PyPI findings equal the reference matcher's.
    @Test func pythonFindingsEqualAnIndependentPackagingMatcher() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let db = try await Self.database(in: work)
        let site = try await CLI.run("/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).text
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let reference = try await CLI.run("/usr/bin/env", ["python3", Self.fixtures.appendingPathComponent("osv-reference-match.py").path,
                                                     try SharedTestData.url("osv/osv-pypi.jsonl").path, site])
        #expect(reference.status == 0, "pip install packaging: \(reference.stderr)")
        let expected = Set(reference.text.split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") })

        let scan = try await CLI.hallmark("scan", "dir:\(site)", "--db", db, "-o", "json")
        #expect(scan.status == 0, "\(scan.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(scan.stdout)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let found = Set(findings.compactMap { finding -> String? in
            let package = finding["package"] as? [String: Any]
            guard package?["type"] as? String == "pypi", let id = finding["advisoryID"] as? String, let name = package?["name"] as? String else { return nil }
            return "\(id) \(name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-"))"
        })
        #expect(!expected.isEmpty, "the reference found nothing to compare")
        #expect(found == expected, "only Hallmark: \(found.subtracting(expected).sorted().prefix(5)); only reference: \(expected.subtracting(found).sorted().prefix(5))")
    }

    /// A Debian 11 image database with an old xorg-server: the DSA is found by source package,
    /// `--fail-on` decides the exit code, and an ignore rule moves the finding to the ignored list.
    @Test func debianSourcePackagesFailOnAndIgnores() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let db = try await Self.database(in: work)
        let root = work.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("var/lib/dpkg"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("etc"), withIntermediateDirectories: true)
        try "ID=debian\nVERSION_ID=\"11\"\n".write(to: root.appendingPathComponent("etc/os-release"), atomically: true, encoding: .utf8)
        try """
            Package: xserver-xorg-core
            Status: install ok installed
            Architecture: amd64
            Source: xorg-server (2:1.20.11-1+deb11u5)
            Version: 2:1.20.11-1+deb11u5
            Description: X server

            Package: dino-im
            Status: install ok installed
            Architecture: amd64
            Version: 0.2.0-3+deb11u1
            Description: fixed already

            """.write(to: root.appendingPathComponent("var/lib/dpkg/status"), atomically: true, encoding: .utf8)
        let scan = try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "-o", "json", "--fail-on", "medium")
        let report = try JSONSerialization.jsonObject(with: Data(scan.stdout)) as? [String: Any]
        let findings = report?["findings"] as? [[String: Any]] ?? []
        let dsa = findings.first { $0["advisoryID"] as? String == "DSA-5380-1" }
        #expect(dsa != nil, "\(scan.text) \(scan.stderr)")
        #expect((dsa?["fixedVersions"] as? [String]) == ["2:1.20.11-1+deb11u6"])
        #expect(dsa?["fixState"] as? String == "fixed")
        #expect(!findings.contains { $0["advisoryID"] as? String == "DSA-5379-1" }, "dino-im is at the fixed version")
        let severities = findings.compactMap { $0["severity"] as? String }
        let expectedStatus: Int32 = severities.contains { ["medium", "high", "critical"].contains($0) } ? 1 : 0
        #expect(scan.status == expectedStatus)
        #expect(try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "--fail-on", "critical").status == (severities.contains("critical") ? 1 : 0))

        let config = work.appendingPathComponent("ignores.yaml")
        try """
            ignore:
              # DSA-5380-1: X server privilege escalation; we run no X server
              - vulnerability: DSA-5380-1
                reason: the X server is never started in this image
            """.write(to: config, atomically: true, encoding: .utf8)
        let ignored = try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "--config", config.path, "-o", "json")
        let ignoredReport = try JSONSerialization.jsonObject(with: Data(ignored.stdout)) as? [String: Any]
        #expect(!((ignoredReport?["findings"] as? [[String: Any]]) ?? []).contains { $0["advisoryID"] as? String == "DSA-5380-1" })
        let entries = ignoredReport?["ignored"] as? [[String: Any]] ?? []
        #expect(entries.first?["reason"] as? String == "the X server is never started in this image")
        #expect(entries.first?["rule"] as? String == "\(config.path):3")
        // SARIF: valid against the OASIS SARIF 2.1.0 schema (check-jsonschema), one result per finding.
        let sarif = work.appendingPathComponent("scan.sarif").path
        #expect(try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "-o", "sarif=\(sarif)").status == 0)
        let schema = Self.fixtures.appendingPathComponent("sarif/sarif-schema-2.1.0.json").path
        let valid = try await CLI.run("/usr/bin/env", ["check-jsonschema", "--schemafile", schema, sarif])
        #expect(valid.status == 0, "check-jsonschema (pip install check-jsonschema): \(valid.text) \(valid.stderr)")
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any]
        let results = ((log?["runs"] as? [[String: Any]])?.first?["results"] as? [Any]) ?? []
        #expect(results.count == findings.count)

        let table = try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "--config", config.path)
        #expect(table.text.contains("Ignored (1):"))
        #expect(table.text.contains("Vulnerability summary:"))

        // An OpenVEX not_affected statement for the binary package suppresses the finding too.
        let vex = work.appendingPathComponent("vex.json")
        try #"""
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "ci", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
             "statements": [{"vulnerability": {"name": "CVE-2023-1393"}, "products": [{"@id": "pkg:deb/debian/xserver-xorg-core"}],
                             "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
            """#.write(to: vex, atomically: true, encoding: .utf8)
        let vexed = try await CLI.hallmark("scan", "dir:\(root.path)", "--db", db, "--vex", vex.path, "-o", "json")
        let vexReport = try JSONSerialization.jsonObject(with: Data(vexed.stdout)) as? [String: Any]
        let vexIgnored = (vexReport?["ignored"] as? [[String: Any]] ?? []).first { ($0["finding"] as? [String: Any])?["advisoryID"] as? String == "DSA-5380-1" }
        #expect(vexIgnored?["reason"] as? String == "VEX not_affected: vulnerable_code_not_in_execute_path", "\(vexed.text) \(vexed.stderr)")

        // With the SBOM, lint flags the rule that ignores nothing any more.
        try """
            ignore:
              # DSA-5380-1: X server privilege escalation; we run no X server
              - vulnerability: DSA-5380-1
                reason: the X server is never started in this image
              - vulnerability: CVE-1999-0001
                reason: long gone
            """.write(to: config, atomically: true, encoding: .utf8)
        let sbom = work.appendingPathComponent("sbom.spdx.json").path
        #expect(try await CLI.hallmark("sbom", "dir:\(root.path)", "-o", "spdx-json=\(sbom)").status == 0)
        let lint = try await CLI.hallmark("ignores", "lint", config.path, "--sbom", sbom, "--db", db, "--format", "json")
        let lintReport = try JSONSerialization.jsonObject(with: Data(lint.stdout)) as? [String: Any]
        let stale = ((lintReport?["findings"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "stale" }
        #expect(stale.compactMap { $0["line"] as? Int } == [5], "\(lint.text) \(lint.stderr)")
    }

    /// `attest vuln`: the scan of each platform as a signed in-toto vulnerability predicate.
    @Test func vulnerabilityAttestationListsTheFindings() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let db = try await Self.database(in: work)
        let image = work.appendingPathComponent("image").path
        #expect(try await CLI.run("/usr/bin/env", ["python3", Self.fixtures.appendingPathComponent("make-whiteout-image.py").path, image]).status == 0)
        let prefix = work.appendingPathComponent("key").path
        #expect(try await CLI.hallmark(["key", "generate", "--output-key-prefix", prefix], environment: ["HALLMARK_PASSWORD": ""]).status == 0)
        let bundles = work.appendingPathComponent("vuln.jsonl").path
        let attest = try await CLI.hallmark("attest", "vuln", "oci-dir:\(image):v1", "--key", prefix + ".key", "--db", db, "-o", bundles)
        #expect(attest.status == 0, "\(attest.stderr)")
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundles))) as? [String: Any]
        let payload = try #require(Data(base64Encoded: (bundle?["dsseEnvelope"] as? [String: Any])?["payload"] as? String ?? ""))
        let statement = try JSONSerialization.jsonObject(with: payload) as? [String: Any]
        #expect(statement?["predicateType"] as? String == "https://in-toto.io/attestation/vulns/v0.2")
        let scanner = (statement?["predicate"] as? [String: Any])?["scanner"] as? [String: Any]
        let ids = (scanner?["result"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        // urllib3 1.26.4 has advisories fixed in later releases (the same the scan reports).
        let scan = try await CLI.hallmark("scan", "oci-dir:\(image):v1", "--db", db, "-o", "json")
        let scanIDs = Set(((try JSONSerialization.jsonObject(with: Data(scan.stdout)) as? [String: Any])?["findings"] as? [[String: Any]] ?? [])
            .compactMap { $0["advisoryID"] as? String })
        #expect(!ids.isEmpty)
        #expect(Set(ids) == scanIDs)

        // One scan policy: a VEX not_affected statement sets the advisory aside in the attestation as in the scan.
        let vexed = try #require(ids.first)
        let vex = work.appendingPathComponent("vex.json")
        try #"""
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/2", "author": "ci", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
             "statements": [{"vulnerability": {"name": "\#(vexed)"}, "products": [{"@id": "pkg:pypi/urllib3"}],
                             "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
            """#.write(to: vex, atomically: true, encoding: .utf8)
        let vexBundles = work.appendingPathComponent("vexed.jsonl").path
        let vexAttest = try await CLI.hallmark("attest", "vuln", "oci-dir:\(image):v1", "--key", prefix + ".key", "--db", db, "--vex", vex.path, "-o", vexBundles)
        #expect(vexAttest.status == 0, "\(vexAttest.stderr)")
        let vexBundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: vexBundles))) as? [String: Any]
        let vexPayload = try #require(Data(base64Encoded: (vexBundle?["dsseEnvelope"] as? [String: Any])?["payload"] as? String ?? ""))
        let vexPredicate = (try JSONSerialization.jsonObject(with: vexPayload) as? [String: Any])?["predicate"] as? [String: Any]
        let vexIDs = ((vexPredicate?["scanner"] as? [String: Any])?["result"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let vexScan = try await CLI.hallmark("scan", "oci-dir:\(image):v1", "--db", db, "--vex", vex.path, "-o", "json")
        let vexScanIDs = Set(((try JSONSerialization.jsonObject(with: Data(vexScan.stdout)) as? [String: Any])?["findings"] as? [[String: Any]] ?? [])
            .compactMap { $0["advisoryID"] as? String })
        #expect(!vexIDs.contains(vexed), "attest vuln --vex must set \(vexed) aside")
        #expect(Set(vexIDs) == vexScanIDs)
        #expect(vexIDs.count == ids.count - 1)
    }

    /// A fail-on threshold that does not parse is an error naming where it is, never a gate turned off.
    @Test func aMistypedThresholdIsAnErrorNotAnOpenGate() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let db = try await Self.database(in: work)
        let config = work.appendingPathComponent(".grype.yaml")
        try "ignore: []\nfail-on-severity: crtical\n".write(to: config, atomically: true, encoding: .utf8)
        let sbom = "dir:" + work.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(at: work.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let typo = try await CLI.hallmark("scan", sbom, "--db", db, "--config", config.path)
        #expect(typo.status == 2, "\(typo.text) \(typo.stderr)")
        #expect(typo.stderr.contains("\(config.path):2: fail-on-severity: 'crtical' is not one of negligible, low, medium, high, critical"), "\(typo.stderr)")
        let flag = try await CLI.hallmark("scan", sbom, "--db", db, "--fail-on", "crit")
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("crit"), "\(flag.stderr)")
        #expect(try await CLI.hallmark("scan", sbom, "--db", db, "--fail-on", "Negligible").status != 2, "threshold names in any case")
    }

    /// `db update --url` downloads an osv.dev-style all.zip from a loopback server and imports it;
    /// a malformed entry is skipped; plain HTTP elsewhere is refused.
    @Test func updateDownloadsAndImportsAZip() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let zip = work.appendingPathComponent("all.zip").path
        let make = try await CLI.run("/usr/bin/env", ["python3", "-c", """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
                for i, line in enumerate(open(sys.argv[1])):
                    if i == 50: break
                    record = json.loads(line)
                    z.writestr(record["id"] + ".json", json.dumps(record))
                z.writestr("BROKEN-1.json", '{"id": "BROKEN-1"}')
            """, try SharedTestData.url("osv/osv-crates.jsonl").path, zip])
        #expect(make.status == 0, "\(make.stderr)")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: zip)))
        let server = try await ScriptedHTTPServer { request, _ in
            request.path == "/crates.io/all.zip" ? CannedResponse(status: 200, body: bytes) : CannedResponse(status: 404)
        }
        let db = work.appendingPathComponent("db.sqlite").path
        let update = try await CLI.hallmark("db", "update", "--db", db, "--url", "http://\(server.address)/crates.io/all.zip")
        try await server.stop()
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.text.contains("50 added"))
        #expect(update.text.contains("1 skipped"))
        let status = try await CLI.hallmark("db", "status", "--db", db, "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(status.stdout)) as? [String: Any]
        #expect(report?["advisories"] as? Int == 50)
        let refused = try await CLI.hallmark("db", "update", "--db", db, "--url", "http://example.com/all.zip")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("use https"))
    }

    /// Plain HTTP is for loopback hosts only, at every hop: names that merely look like
    /// loopback are refused, and so is a redirect from a loopback server to plain HTTP elsewhere.
    @Test func updateRefusesPlainHTTPBeyondLoopback() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("db.sqlite").path
        for host in ["127.example.com", "registry.localhost"] {
            let refused = try await CLI.hallmark("db", "update", "--db", db, "--url", "http://\(host)/all.zip")
            #expect(refused.status == 2, "\(host): \(refused.stderr)")
            #expect(refused.stderr.contains("use https"), "\(host): \(refused.stderr)")
        }
        let server = try await ScriptedHTTPServer { _, _ in
            CannedResponse(status: 302, headers: [("Location", "http://198.51.100.7/all.zip")])
        }
        let redirected = try await CLI.hallmark("db", "update", "--db", db, "--url", "http://\(server.address)/all.zip")
        try await server.stop()
        #expect(redirected.status == 3, "\(redirected.stderr)")
        #expect(redirected.stderr.contains("redirect") && redirected.stderr.contains("http://198.51.100.7/all.zip"), "\(redirected.stderr)")
    }

    @Test func anEmptyDatabaseSaysHowToFillIt() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let scan = try await CLI.hallmark("scan", "dir:\(work.path)", "--db", work.appendingPathComponent("empty.sqlite").path)
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("hallmark db import"))
    }
}
