import Foundation
import Testing
import TestSupport
@testable import VersionSchemes

/// `rejected.tsv` (`ecosystem, a, b, expected by the source, source, why dropped`):
/// what its README says about each group of rows holds here too.
@Suite struct RejectedVersionsTests {
    struct Row {
        let ecosystem: String
        let a: String
        let b: String
        let expected: Int
        let reason: String
    }

    static func rows() throws -> [Row] {
        let text = try String(contentsOf: SharedTestData.url("versions/rejected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { return nil }
            return Row(ecosystem: fields[0], a: fields[1], b: fields[2], expected: Self.order(fields[3]) ?? 0, reason: fields[5])
        }
    }

    static func order(_ symbol: some StringProtocol) -> Int? {
        switch symbol {
        case "<": -1
        case "=": 0
        case ">": 1
        default: nil
        }
    }

    /// dpkg, apk, PEP 440 and RubyGems rows: the reference refused a version. Where the
    /// reason names it (`'x'` or `string x`), that one is refused; else at least one is.
    @Test func versionsTheReferenceRefusedAreRefused() throws {
        let schemes: [String: VersionScheme] = [
            "debian": .dpkg, "alpine": .apk, "alpine-generated": .apk, "pypi": .pep440, "pypi-generated": .pep440, "rubygems": .rubygems,
        ]
        var checked = 0
        var accepted: [String] = []
        for row in try Self.rows() {
            guard let scheme = schemes[row.ecosystem] else { continue }
            checked += 1
            let named = [row.a, row.b].filter { row.reason.contains("'\($0)'") || row.reason.contains("string \($0) ") }
            if named.isEmpty {
                if scheme.isValid(row.a) && scheme.isValid(row.b) { accepted.append("\(row.ecosystem): both of \(row.a) and \(row.b)") }
            } else {
                accepted += named.filter(scheme.isValid).map { "\(row.ecosystem): \($0)" }
            }
        }
        #expect(checked == 168, "rows for dpkg, apk, PEP 440 and RubyGems")
        #expect(accepted.isEmpty, "accepted what the reference refused: \(accepted.prefix(10))")
    }

    /// SemVer rows are node-semver's loose forms (`v`/`=` prefixes, spaces, other than
    /// three core numbers): not strict SemVer 2.0.0. The `v` and `=` prefixes and
    /// surrounding spaces are tolerated here; whatever is accepted orders as the source says.
    @Test func looseSemVerOrdersAsNodeSemVerOrIsRefused() throws {
        var checked = 0, compared = 0
        var wrong: [String] = []
        for row in try Self.rows() where row.ecosystem == "semver" {
            checked += 1
            guard let forward = try? VersionScheme.semver.compare(row.a, row.b) else { continue }
            compared += 1
            if forward != row.expected { wrong.append("\(row.a) vs \(row.b): want \(row.expected), got \(forward)") }
        }
        #expect(checked == 78)
        #expect(compared > 40)
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    /// Maven rows: where Maven 3.8.7, 3.9.16 and 4.0 agree with one another (and not
    /// with the source), that shared answer is Maven's order; where they differ, the
    /// answer here is one of theirs.
    @Test func mavenOrdersAsEveryMavenReleaseAgrees() throws {
        var checked = 0
        var wrong: [String] = []
        for row in try Self.rows() where row.ecosystem.hasPrefix("maven") {
            let answers = row.reason.split(separator: ";").compactMap { part in
                part.split(separator: " ").last.flatMap { Self.order($0) }
            }
            try #require(answers.count == 3, "three Maven answers in '\(row.reason)'")
            checked += 1
            let ours = try VersionScheme.maven.compare(row.a, row.b)
            let allowed = Set(answers).count == 1 ? [answers[0]] : answers
            if !allowed.contains(ours) { wrong.append("\(row.a) vs \(row.b): Maven says \(answers), Hallmark \(ours)") }
        }
        #expect(checked == 32)
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }
}
