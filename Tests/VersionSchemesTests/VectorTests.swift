import Foundation
import Testing
import TestSupport
@testable import VersionSchemes

/// Every reference-checked vector, both ways round, per scheme.
@Suite struct VectorTests {
    @Test(arguments: [
        ("debian.tsv", VersionScheme.dpkg), ("debian-generated.tsv", .dpkg), ("rpm.tsv", .rpm),
        ("alpine.tsv", .apk), ("alpine-generated.tsv", .apk), ("pypi.tsv", .pep440), ("pypi-generated.tsv", .pep440),
        ("semver.tsv", .semver), ("maven.tsv", .maven), ("maven-generated.tsv", .maven),
        ("rubygems.tsv", .rubygems), ("rubygems-generated.tsv", .rubygems),
    ])
    func vectorsOrderAsTheReference(_ file: String, _ scheme: VersionScheme) throws {
        let vectors = try VersionVectors.load(file)
        #expect(vectors.count > 40)
        let wrong = VersionVectors.mismatches(vectors, scheme)
        #expect(wrong.isEmpty, "\(file): \(wrong.count) of \(vectors.count) wrong, e.g. \(wrong.prefix(5))")
    }

    /// `rejected.tsv`: versions the reference refused are refused here too (schemes that
    /// validate: dpkg, apk, PEP 440, SemVer, RubyGems).
    @Test func rejectedVersionsAreRefused() throws {
        let text = try String(contentsOf: SharedTestData.url("versions/rejected.tsv"), encoding: .utf8)
        var checked = 0
        var accepted: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { continue }
            let scheme: VersionScheme
            switch fields[0] {
            case "debian": scheme = .dpkg
            case "alpine", "alpine-generated": scheme = .apk
            case "pypi", "pypi-generated": scheme = .pep440
            case "rubygems": scheme = .rubygems
            default: continue
            }
            let reason = fields[5]
            // The reason names the version the reference rejected: the first quoted one, else both.
            let candidates = [fields[1], fields[2]].filter { reason.contains("'\($0)'") }
            for version in candidates.isEmpty ? [fields[1], fields[2]] : candidates {
                checked += 1
                if scheme.isValid(version) && !candidates.isEmpty { accepted.append("\(fields[0]) \(version)") }
            }
        }
        #expect(checked > 100)
        #expect(accepted.isEmpty, "accepted what the reference rejected: \(accepted.prefix(10))")
    }
}
