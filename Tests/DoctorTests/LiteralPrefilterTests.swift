import Foundation
import Testing
import TestSupport
@testable import Doctor

/// The triage prefilter must never rule out a line a pattern matches.
@Suite struct LiteralPrefilterTests {
    @Test(arguments: [
        ("failed to catalog", "failed to catalog"),
        ("ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)", "actions_id_token_request_"),
        ("(PUT|POST) request to https?://\\S+: 403 Forbidden", " request to http"),
        ("sbom\\.spdx\\.json exceeds \\d+ bytes", "sbom.spdx.json exceeds "),
        ("colou?r", "colo"),
        ("x{2,5}yy[abc]def", "def"),
        ("ab{12}", ""),
        ("one|two", ""),
        ("(a|b)", ""),
    ])
    func requiredLiteral(_ pattern: String, _ literal: String) {
        let found = LiteralPrefilter.requiredLiteral(pattern).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(found == literal, "\(pattern)")
    }

    /// Every line of every real CI excerpt, against every knowledge-base pattern: where the
    /// regex matches, the prefilter lets it through.
    @Test func neverRulesOutARealMatch() throws {
        let patterns = try TriageKnowledge.bundled().categories.flatMap(\.patterns)
        let prefilter = LiteralPrefilter(patterns: patterns)
        let expressions = try patterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        let folder = try SharedTestData.url("ci-logs")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var possible = [Bool](repeating: false, count: patterns.count)
            var scratch: [UInt8] = []
            for raw in text.split(separator: "\n") {
                var bytes = String(raw)
                let line = bytes.withUTF8 { buffer in
                    _ = prefilter.mark(buffer, into: &possible, scratch: &scratch)
                    return LogClassifier.clean(buffer)
                }
                for (index, expression) in expressions.enumerated()
                where expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                    checked += 1
                    #expect(possible[index], "\(name): '\(patterns[index])' matches '\(line)'")
                }
            }
        }
        #expect(checked > 38)
    }
}
