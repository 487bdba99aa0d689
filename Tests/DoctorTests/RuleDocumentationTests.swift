import Foundation
import Testing
@testable import Doctor

/// docs/rules.md keeps a section for every rule doctor runs.
@Suite struct RuleDocumentationTests {
    @Test func everyRuleHasASection() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/rules.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        let ids = WorkflowDoctor.standardRules.map(\.id) + [ReusableWorkflowRule(workflows: []).id]
        #expect(Set(ids).count == ids.count, "rule ids are unique")
        let missing = ids.filter { !text.contains("\n## \($0)\n") }  // the heading is the SARIF helpUri anchor
        #expect(missing.isEmpty, "no section in docs/rules.md for \(missing)")
    }
}
