import Foundation
import Testing
import TestSupport
@testable import Doctor

/// `doctor --fix`: the proposed permission blocks written into the text, every other line kept.
@Suite struct PermissionFixerTests {
    static func fixed(_ text: String, path: String = "w.yml") throws -> (text: String, before: Workflow, after: Workflow) {
        let before = try WorkflowParser.parse(text, path: path)
        let result = try #require(PermissionFixer.apply(WorkflowDoctor().check(before), to: before))
        return (result.text, before, try WorkflowParser.parse(result.text, path: path))
    }

    /// ShelfBridge before its fix: the job's own block gains id-token and attestations;
    /// only those lines change, and the permission findings are gone.
    @Test func shelfBridgeOwnBlockIsReplacedInPlace() throws {
        let url = try SharedTestData.url("workflows/rohit-purandare__ShelfBridge/docker-publish.yml")
        let original = try String(contentsOf: url, encoding: .utf8)
        let (text, _, after) = try Self.fixed(original)
        let old = original.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(new.count == old.count + 2)
        #expect(Array(new[37..<42]) == ["    permissions:", "      attestations: write", "      contents: read", "      id-token: write", "      packages: write"])
        #expect(Array(new[..<37]) == Array(old[..<37]) && Array(new[42...]) == Array(old[40...]), "every other line kept")
        let remaining = WorkflowDoctor().check(after).map(\.rule)
        #expect(!remaining.contains { $0.hasPrefix("missing-") }, "\(remaining)")
    }

    @Test func aJobWithoutItsOwnBlockGetsOneAsItsFirstKey() throws {
        let yaml = """
            on: push
            permissions:
              contents: read   # the default for every job
            jobs:
              build:
                # builds and attests
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/attest-build-provenance@v3
                    with:
                      subject-path: dist/app
              other:
                runs-on: ubuntu-latest
                steps:
                  - run: echo other
            """
        let (text, _, after) = try Self.fixed(yaml)
        #expect(text.contains("""
              build:
                permissions:
                  attestations: write
                  contents: read
                  id-token: write
                # builds and attests
            """))
        #expect(after.jobs.first { $0.id == "other" }?.permissions == nil, "the other job still inherits")
        #expect(WorkflowDoctor().check(after).allSatisfy { !$0.rule.hasPrefix("missing-") })
    }

    @Test func inlineBlocksAndReadAll() throws {
        let flow = "jobs:\n  build:\n    permissions: { contents: read }   # tight\n    steps:\n      - uses: actions/attest@v3\n"
        let (text, _, after) = try Self.fixed(flow)
        #expect(text == "jobs:\n  build:\n    permissions:\n      attestations: write\n      contents: read\n      id-token: write\n    steps:\n      - uses: actions/attest@v3\n")
        #expect(after.jobs[0].permissions?.level("id-token") == .write)
        // read-all is spelt out, so no scope the job had is lost.
        let readAll = try Self.fixed(flow.replacingOccurrences(of: "{ contents: read }   # tight", with: "read-all"))
        let scopes = try #require(readAll.after.jobs[0].permissions?.scopes)
        #expect(scopes["issues"] == .read && scopes["id-token"] == .write && scopes["attestations"] == .write)
    }

    @Test func nothingToFix() throws {
        let clean = try WorkflowParser.parse("jobs:\n  test:\n    steps:\n      - run: make test\n", path: "w.yml")
        #expect(PermissionFixer.apply(WorkflowDoctor().check(clean), to: clean) == nil)
    }
}
