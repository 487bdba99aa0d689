import Foundation
import Testing
@testable import VersionSchemes

/// Hostile generated strings (separators in odd places, whitespace of every kind,
/// non-ASCII letters and digits, signs) accepted or refused exactly as the real
/// reference implementations on this machine accept or refuse them.
@Suite struct ReferenceValidityTests {
    /// A string of 1 to 8 pieces drawn from `pieces`, usually starting with a digit.
    static func hostile(_ random: inout ReferenceTool.Generator, _ pieces: [String]) -> String {
        var text = random.next(5) == 0 ? "" : random.pick(["0", "1", "2", "10"])
        for _ in 0..<(1 + random.next(8)) { text += random.pick(pieces) }
        return text
    }

    @Test func dpkgValidityEqualsDpkgValidateVersion() throws {
        var random = ReferenceTool.Generator(state: 0x51a7_3c2e_9d04_b6f1)
        let pieces = ["0", "1", "9", "10", ":", ":", "-", "-", "+", "~", ".", "a", "Z", "_", " ", "\t", "\r", "\u{0b}", "é", "٣", "-0:", "+1:", "007:", "99999999999:"]
        let versions = (0..<2500).map { _ in Self.hostile(&random, pieces) }
        let script = #"command -v dpkg >/dev/null || exit 127; while IFS= read -r v; do if dpkg --validate-version -- "$v" 2>/dev/null; then echo 1; else echo 0; fi; done"#
        let answers = try ReferenceTool.run(["sh", "-c", script], input: versions.joined(separator: "\n") + "\n", install: "apt-get install -y dpkg")
        try Self.expectSameValidity(versions, answers, scheme: .dpkg, reference: "dpkg")
    }

    @Test func pep440ValidityEqualsPackaging() throws {
        var random = ReferenceTool.Generator(state: 0x0ddb_a11c_afe5_7001)
        let pieces = ["0", "1", "10", ".", ".", "..", "-", "_", "+", "!", "a", "b", "c", "rc", "RC", "alpha", "Beta", "pre", "preview", "post", "rev", "r",
                      "dev", "v", "V", "local", "x", "ubuntu", " ", "\t", "\u{0b}", "\u{1c}", "\u{85}", "\u{a0}", "\u{3000}", "\u{200b}", "\u{212a}", "\u{0130}",
                      "\u{017f}", "\u{0301}", "é", "٣", "1!", "+abc.1", "-1", ".post1", "dev0"]
        // Half start from a plausible version with one piece inserted somewhere, half are pieces alone.
        let versions = (0..<4000).map { _ in
            guard random.next(2) == 0 else { return Self.hostile(&random, pieces) }
            var scalars = Array(ReferencePropertyTests.pythonVersion(&random).unicodeScalars)
            scalars.insert(contentsOf: random.pick(pieces).unicodeScalars, at: random.next(scalars.count + 1))
            return String(String.UnicodeScalarView(scalars))
        }
        let script = """
            import sys
            from packaging.version import Version, InvalidVersion
            for line in sys.stdin:
                try:
                    Version(bytes.fromhex(line.strip()).decode("utf-8"))
                    print(1)
                except InvalidVersion:
                    print(0)
            """
        let input = versions.map { Data($0.utf8).map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n") + "\n"
        let answers = try ReferenceTool.run(["python3", "-c", script], input: input, install: "pip install packaging")
        try Self.expectSameValidity(versions, answers, scheme: .pep440, reference: "packaging")
    }

    /// `answers` holds `1` (valid) or `0` per version, from `reference`.
    static func expectSameValidity(_ versions: [String], _ answers: [String], scheme: VersionScheme, reference: String) throws {
        try #require(answers.count == versions.count, "\(reference) answered \(answers.count) of \(versions.count) versions")
        var wrong: [String] = []
        var valid = 0
        for (version, answer) in zip(versions, answers) {
            let ours = scheme.isValid(version)
            if ours { valid += 1 }
            if ours != (answer == "1") { wrong.append("\(version.debugDescription): \(reference) \(answer == "1" ? "accepts" : "refuses"), Hallmark \(ours ? "accepts" : "refuses")") }
        }
        #expect(valid > versions.count / 10 && valid < versions.count * 9 / 10, "\(valid) of \(versions.count) valid: the generator needs more variety")
        #expect(wrong.isEmpty, "\(wrong.count) of \(versions.count) differ, e.g. \(wrong.prefix(5))")
    }
}
