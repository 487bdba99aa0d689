import Foundation
import Testing
import TestSupport
@testable import VulnDB

/// Imports of the real OSV data of `../shared/testdata/osv`.
@Suite(.serialized) struct ImportTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-db-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func realAdvisoriesImportAndAreFoundByPackage() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let database = try AdvisoryDatabase(path: dir + "/db.sqlite")
        let osv = try SharedTestData.url("osv").path
        let files = ["osv-pypi.jsonl", "osv-go.jsonl", "osv-crates.jsonl", "osv-debian-dsa.jsonl", "osv-debian-dla.jsonl", "osv-alpine.jsonl"]
        let report = try database.importRecords(from: files.map { "\(osv)/\($0)" } + ["\(osv)/samples"])
        // The README's counts: every record of every file, and the 8 samples (PYSEC-2023-74 and
        // DSA-3029-1 are also in the bulk files, not newer, so they come back unchanged).
        #expect(report.records == 2661 + 4291 + 1206 + 5377 + 3529 + 2432 + 8)
        #expect(report.unchanged == 2)
        #expect(report.skipped.isEmpty, "\(report.skipped.prefix(5))")
        let status = try database.status(maxAge: 86_400)
        let counts = Dictionary(uniqueKeysWithValues: status.ecosystems.map { ($0.ecosystem, $0.advisories) })
        #expect(counts["crates.io"] == 1206)
        #expect((counts["PyPI"] ?? 0) >= 2661)
        #expect(status.schemaVersion == AdvisoryDatabase.schemaVersion)
        #expect(!status.isStale)

        let trac = try database.advisories(ecosystem: "PyPI", name: "Trac")
        #expect(trac.contains { $0.id == "PYSEC-2005-1" })
        let xorg = try database.advisories(ecosystem: "Debian", release: "11", name: "xorg-server")
        #expect(xorg.contains { $0.id == "DSA-5380-1" })
        #expect(try database.advisories(ecosystem: "Debian", release: "10", name: "xorg-server").allSatisfy { $0.id != "DSA-5380-1" })

        // Importing again changes nothing.
        let again = try database.importRecords(from: ["\(osv)/osv-crates.jsonl"])
        #expect(again.unchanged == 1206 && again.added == 0 && again.updated == 0)
    }

    @Test func malformedRecordsAreSkippedNewerOnesReplaceAndFailuresChangeNothing() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let database = try AdvisoryDatabase(path: dir + "/db.sqlite")
        let good = #"{"id":"T-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]}]}"#
        let lines = [
            good,
            #"{"id":"T-2","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"x"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0","fixed":"1"}]}]}]}"#,
            #"{"id":"T-3","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"x"},"ranges":[{"type":"RANGE","events":[{"introduced":"0"}]}]}]}"#,
            #"{"id":"T-4","modified":"yesterday"}"#,
            #"{"id":"T-5","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"Hackage","name":"aeson"},"versions":["1.0"]}]}"#,
            "not json",
            "",
        ]
        let file = dir + "/mixed.jsonl"
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let report = try database.importRecords(from: [file])
        #expect(report.added == 2)
        #expect(report.unknownEcosystems == ["Hackage": 1], "stored, reported as exact-version only")
        #expect(report.skipped.map(\.location) == ["\(file):2", "\(file):3", "\(file):4", "\(file):6"])
        #expect(report.skipped[0].id == "T-2" && report.skipped[0].reason.contains("exactly one of introduced"))
        #expect(report.skipped[1].reason.contains("unknown range type 'RANGE'"))
        #expect(report.skipped[2].reason.contains("modified"))
        #expect(try database.advisories(ecosystem: "PyPI", name: "foo.bar").map(\.id) == ["T-1"])

        let newer = dir + "/newer.json"
        try good.replacingOccurrences(of: "2024-01-01", with: "2025-01-01").replacingOccurrences(of: "\"1.0\"", with: "\"2.0\"")
            .write(toFile: newer, atomically: true, encoding: .utf8)
        #expect(try database.importRecords(from: [newer]).updated == 1)
        #expect(try database.advisories(ecosystem: "PyPI", name: "foo-bar").first?.modified == "2025-01-01T00:00:00Z")

        // A missing path aborts the import: the good record before it is not kept.
        let other = dir + "/other.json"
        try good.replacingOccurrences(of: "T-1", with: "T-9").write(toFile: other, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try database.importRecords(from: [other, dir + "/missing.jsonl"]) }
        #expect(try database.status(maxAge: 60).advisories == 2)

        // A record line over the 16 MiB limit is reported by line and skipped, without being held.
        let huge = dir + "/huge.jsonl"
        let padding = String(repeating: "x", count: AdvisoryDatabase.maxRecordSize + 10)
        try (#"{"id":"T-HUGE","modified":"2024-01-01T00:00:00Z","details":""# + padding + "\"}\n" + good.replacingOccurrences(of: "T-1", with: "T-7"))
            .write(toFile: huge, atomically: true, encoding: .utf8)
        let hugeReport = try database.importRecords(from: [huge])
        #expect(hugeReport.skipped.map(\.location) == ["\(huge):1"])
        #expect(hugeReport.skipped.first?.reason.contains("longer than") == true)
        #expect(hugeReport.added == 1)
    }
}
