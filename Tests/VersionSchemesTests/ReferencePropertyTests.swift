import Foundation
import Testing
@testable import VersionSchemes

/// Thousands of generated pairs ordered by Hallmark and by the real reference
/// implementations on this machine: `dpkg --compare-versions` and Python `packaging`.
@Suite struct ReferencePropertyTests {
    static func debianVersion(_ random: inout ReferenceTool.Generator) -> String {
        var text = random.next(4) == 0 ? "\(random.next(3)):" : ""
        text += String(random.next(12))
        for _ in 0..<random.next(4) { text += random.pick([".", ".", "+", "~"]) + random.pick(["0", "1", "2", "10", "a", "b", "rc1", "beta2", "dfsg", "git20240101"]) }
        if random.next(3) != 0 { text += random.pick(["a", "b", "~rc1", "~~", "+b1", ""]) }
        if random.next(3) != 0 { text += "-" + random.pick(["1", "2", "0ubuntu1", "1+deb12u1", "1~bpo11+1", "10", "1.1", "0"]) }
        return text
    }

    @Test func dpkgOrderEqualsDpkgCompareVersions() throws {
        var random = ReferenceTool.Generator(state: 0x9e3779b97f4a7c15)
        let pairs = (0..<2000).map { _ in (Self.debianVersion(&random), Self.debianVersion(&random)) }
        let script = #"command -v dpkg >/dev/null || exit 127; while read -r a b; do if dpkg --compare-versions "$a" lt "$b"; then echo -1; elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done"#
        let answers = try ReferenceTool.run(["sh", "-c", script], input: pairs.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n",
                                            install: "apt-get install -y dpkg")
        #expect(answers.count == pairs.count)
        var wrong: [String] = []
        for (pair, answer) in zip(pairs, answers) {
            let ours = try VersionScheme.dpkg.compare(pair.0, pair.1)
            if String(ours) != answer { wrong.append("\(pair.0) vs \(pair.1): dpkg \(answer), Hallmark \(ours)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count) of \(pairs.count) differ, e.g. \(wrong.prefix(5))")
    }

    static func pythonVersion(_ random: inout ReferenceTool.Generator) -> String {
        var text = random.next(8) == 0 ? "\(random.next(3))!" : ""
        if random.next(10) == 0 { text = "v" + text }
        text += (0..<(1 + random.next(3))).map { _ in String(random.pick([0, 0, 1, 2, 9, 10, 2024])) }.joined(separator: ".")
        if random.next(3) == 0 { text += random.pick(["a", "b", "rc", "c", "alpha", "beta", "pre", "preview", ".a", "-rc", "_b"]) + random.pick(["", "0", "1", "2", "12"]) }
        if random.next(3) == 0 { text += random.pick([".post", "-post", "post", "-", ".rev", "r", "_post"]) + random.pick(["", "0", "1", "3"]) }
        if random.next(3) == 0 { text += random.pick([".dev", "dev", "-dev", "_dev"]) + random.pick(["", "0", "1", "5"]) }
        if random.next(5) == 0 { text += "+" + random.pick(["local", "1", "ubuntu.1", "abc.2", "2.abc", "0"]) }
        if random.next(6) == 0 { text = text.uppercased() }
        if text.hasSuffix("-") { text += "1" }
        return text
    }

    @Test func pep440OrderEqualsPackaging() throws {
        var random = ReferenceTool.Generator(state: 0x2545f4914f6cdd1d)
        let pairs = (0..<5000).map { _ in (Self.pythonVersion(&random), Self.pythonVersion(&random)) }
        let script = """
            import sys
            from packaging.version import Version, InvalidVersion
            for line in sys.stdin:
                a, b = line.rstrip("\\n").split("\\t")
                try:
                    x, y = Version(a), Version(b)
                    print(-1 if x < y else (0 if x == y else 1))
                except InvalidVersion:
                    print("invalid")
            """
        let answers = try ReferenceTool.run(["python3", "-c", script], input: pairs.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n") + "\n",
                                            install: "pip install packaging")
        #expect(answers.count == pairs.count)
        var wrong: [String] = []
        var valid = 0
        for (pair, answer) in zip(pairs, answers) {
            let ours = (try? VersionScheme.pep440.compare(pair.0, pair.1)).map(String.init) ?? "invalid"
            if ours != "invalid" { valid += 1 }
            if ours != answer { wrong.append("\(pair.0) vs \(pair.1): packaging \(answer), Hallmark \(ours)") }
        }
        #expect(valid > 4000)
        #expect(wrong.isEmpty, "\(wrong.count) of \(pairs.count) differ, e.g. \(wrong.prefix(5))")
    }
}
