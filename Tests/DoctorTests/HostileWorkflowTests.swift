import Testing
@testable import Doctor

/// Workflows made to blow up whatever reads them are refused with their file and line.
@Suite struct HostileWorkflowTests {
    /// 400 jobs each aliasing the same 300 steps: small as text, 120,000 steps as a model.
    @Test func jobsTimesAliasedStepsAreRefused() throws {
        let steps = (0..<300).map { "    - run: echo \($0)" }.joined(separator: "\n")
        var text = "on: push\nx-steps: &steps\n\(steps)\njobs:\n"
        for job in 0..<400 { text += "  j\(job): {runs-on: ubuntu-latest, steps: *steps}\n" }
        #expect(text.utf8.count < WorkflowParser.maxSize)
        let error = try #require(throws: WorkflowError.self) { try WorkflowParser.parse(text, path: "bomb.yml") }
        #expect(error.description.hasPrefix("bomb.yml:"))
        #expect(error.message.contains("nodes once its aliases are expanded"))
    }

    /// A billion laughs through mapping keys (Yams' duplicate-key check would hash them whole).
    @Test func aliasKeysAreRefusedBeforeComposing() throws {
        var text = "a0: &a0 [lol]\n"
        for level in 1...12 {
            text += "a\(level): &a\(level) {? *a\(level - 1) : 1, ? [*a\(level - 1)] : 2, ? [[*a\(level - 1)]] : 3}\n"
        }
        #expect(text.utf8.count < 1200)
        #expect(throws: WorkflowError.self) { try WorkflowParser.parse(text, path: "keys.yml") }
    }

    /// Ordinary anchors, which GitHub accepts in workflows, still work.
    @Test func ordinaryAnchorsStillWork() throws {
        let text = """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions: &perms {contents: read, id-token: write}
                steps: [{uses: actions/checkout@v4}]
              test:
                runs-on: ubuntu-latest
                permissions: *perms
                steps: [{run: make test}]
            """
        let workflow = try WorkflowParser.parse(text, path: "ok.yml")
        #expect(workflow.jobs.count == 2)
        #expect(workflow.jobs.last?.permissions?.scopes["id-token"] == .write)
    }
}
