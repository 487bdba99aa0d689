import Foundation
import Testing
@testable import Doctor

/// Triage patterns that could backtrack without bound are refused when a knowledge
/// base is loaded; the bundled one has none.
@Suite struct PatternShapeTests {
    @Test(arguments: [
        "platform .* not found", "a.+b", "x.{2,}y", "(a+)+b", "(\\s*x)*", "(a|b*){2,5}", "((ab)+c)+", "a.*?b", "((a+))+",
    ])
    func unboundedShapesAreRefused(_ pattern: String) {
        #expect(PatternShape.problem(in: pattern) != nil, "\(pattern)")
    }

    @Test(arguments: [
        "platform .{0,80} not found", "https?://\\S+: 403 Forbidden", "manifests/sha256:[0-9a-f.]+ - expected",
        "(PUT|POST) request", "(ab)?c", "[.*+]+x", "\\.\\*", "(a{1,3}b)?", "x.?y", "a\\(b+\\)+",
    ])
    func boundedShapesPass(_ pattern: String) {
        #expect(PatternShape.problem(in: pattern) == nil, "\(pattern)")
    }

    @Test func theBundledKnowledgeHasNoUnboundedPattern() throws {
        let knowledge = try TriageKnowledge.bundled()
        for pattern in knowledge.categories.flatMap(\.patterns) {
            #expect(PatternShape.problem(in: pattern) == nil, "\(pattern)")
        }
    }

    @Test func aLocalKnowledgeFileWithAnUnboundedPatternIsRefusedNamingIt() throws {
        let json = #"{"version": 1, "categories": [{"id": "mine", "title": "t", "priority": 1, "patterns": ["error .* here"], "cause": "c", "resolution": [], "verify": []}]}"#
        let error = try #require(throws: TriageError.self) { try TriageKnowledge.load(Data(json.utf8), source: "local.json") }
        #expect(error.description.contains("local.json: category mine: pattern 'error .* here'"))
    }

    /// Only the first ``LogClassifier/maxExaminedLineLength`` bytes of a line are examined.
    @Test func linesAreExaminedUpToTheirCap() throws {
        let classifier = try LogClassifier(knowledge: try TriageKnowledge.bundled())
        let message = "Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable"
        let early = message + String(repeating: " x", count: LogClassifier.maxExaminedLineLength)
        let late = String(repeating: "x ", count: LogClassifier.maxExaminedLineLength) + message
        #expect(classifier.classify(early).map(\.category).contains("oidc-token"))
        #expect(!classifier.classify(late).map(\.category).contains("oidc-token"))
    }
}
