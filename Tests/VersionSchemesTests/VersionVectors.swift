import Foundation
import TestSupport
import VersionSchemes

/// The reference-checked vectors of `../shared/testdata/versions`: `a<TAB>b<TAB><|=|>`.
enum VersionVectors {
    struct Vector {
        let a: String
        let b: String
        let expected: Int
        let line: Int
    }

    /// Each vector file of the shared folder and the scheme it tests.
    static let files: [String: VersionScheme] = [
        "debian.tsv": .dpkg, "debian-generated.tsv": .dpkg, "rpm.tsv": .rpm, "alpine.tsv": .apk, "alpine-generated.tsv": .apk,
        "pypi.tsv": .pep440, "pypi-generated.tsv": .pep440, "semver.tsv": .semver, "maven.tsv": .maven, "maven-generated.tsv": .maven,
        "rubygems.tsv": .rubygems, "rubygems-generated.tsv": .rubygems,
    ]

    static func load(_ file: String) throws -> [Vector] {
        let text = try String(contentsOf: SharedTestData.url("versions/" + file), encoding: .utf8)
        return text.split(separator: "\n").enumerated().compactMap { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { return nil }
            let expected = fields[2] == "<" ? -1 : (fields[2] == ">" ? 1 : 0)
            return Vector(a: String(fields[0]), b: String(fields[1]), expected: expected, line: index + 1)
        }
    }

    /// The vectors `scheme` orders differently from the reference (both ways round), described.
    static func mismatches(_ vectors: [Vector], _ scheme: VersionScheme) -> [String] {
        var found: [String] = []
        for vector in vectors {
            do {
                let forward = try scheme.compare(vector.a, vector.b), backward = try scheme.compare(vector.b, vector.a)
                if forward != vector.expected || backward != -vector.expected {
                    found.append("line \(vector.line): \(vector.a) vs \(vector.b): got \(forward)/\(backward), want \(vector.expected)")
                }
            } catch {
                found.append("line \(vector.line): \(error)")
            }
        }
        return found
    }
}
