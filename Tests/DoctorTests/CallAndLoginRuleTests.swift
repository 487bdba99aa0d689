import Foundation
import Testing
import TestSupport
@testable import Doctor

/// The rules added for the guide's permission and login checklist: `contents: read` in
/// explicit maps, login before push, and what a caller must grant a reusable workflow.
@Suite struct CallAndLoginRuleTests {
    /// The findings other than tag pins (`action-version` infos on every `@v3`).
    static func findings(_ yaml: String) throws -> [DoctorFinding] {
        try WorkflowRuleTests.findings(yaml).filter { $0.rule != "action-version" }
    }

    @Test func contentsReadMissingFromAnExplicitMap() throws {
        let yaml = """
            on: push
            jobs:
              build:
                permissions:
                  id-token: write
                  attestations: write
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/attest-build-provenance@v2
            """
        let found = try Self.findings(yaml).filter { $0.rule == "missing-contents-read" }
        #expect(found.map(\.position) == [SourcePosition(line: 4, column: 5)])
        #expect(found.first?.fix.contains("contents: read") == true && found.first?.fix.contains("id-token: write") == true)
        #expect(try Self.findings(yaml.replacingOccurrences(of: "      id-token: write", with: "      contents: read\n      id-token: write")).isEmpty)
        // read-all, and a block with no checkout, are not findings.
        #expect(try Self.findings(yaml.replacingOccurrences(of: "      - uses: actions/checkout@v4\n", with: "")).isEmpty)
    }

    static let pushBeforeLogin = """
        on: push
        jobs:
          build:
            permissions:
              id-token: write
              packages: write
            steps:
              - uses: docker/setup-buildx-action@v3
              - uses: docker/build-push-action@v6
                with:
                  push: true
                  tags: ghcr.io/o/r:latest
                  provenance: mode=max
                  sbom: true
              - uses: docker/login-action@v3
                with:
                  registry: ghcr.io
                  username: ${{ github.actor }}
                  password: ${{ secrets.GITHUB_TOKEN }}
        """

    @Test func loginAfterTheBuildIsAnErrorAtThePush() throws {
        let found = try Self.findings(Self.pushBeforeLogin)
        #expect(found.map(\.rule) == ["login-before-push"], "\(found.map(\.rule))")
        #expect(found.first?.position == SourcePosition(line: 11, column: 11) && found.first?.severity == .error)
        #expect(found.first?.message.contains("line 15") == true)
        // Login moved before the build: nothing.
        let lines = Self.pushBeforeLogin.split(separator: "\n", omittingEmptySubsequences: false)
        let fixed = (lines[0..<8] + lines[14..<19] + lines[8..<14]).joined(separator: "\n")
        let fixedFindings = try Self.findings(fixed)
        #expect(fixedFindings.isEmpty, "\(fixedFindings.map(\.rule))")
        // No login at all: a warning (credentials may come from the runner).
        let none = lines[0..<14].joined(separator: "\n")
        #expect(try Self.findings(none).map { "\($0.rule):\($0.severity)" } == ["login-before-push:warning"])
        // A `docker login` command counts; a push to a local registry needs none.
        let command = none.replacingOccurrences(of: "      - uses: docker/setup-buildx-action@v3", with: "      - uses: docker/setup-buildx-action@v3\n      - run: echo \"$T\" | docker login ghcr.io -u me --password-stdin")
        #expect(try Self.findings(command).isEmpty)
        #expect(try Self.findings(none.replacingOccurrences(of: "ghcr.io/o/r:latest", with: "localhost:5000/r:latest")).allSatisfy { $0.rule != "login-before-push" })
    }

    static let caller = """
        on:
          push:
            tags: ['v*']
        permissions: {}
        jobs:
          release:
            permissions:
              contents: read
              packages: write
            uses: ./.github/workflows/attest.yml
        """

    static let callee = """
        on:
          workflow_call:
        permissions: {}
        jobs:
          attest:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              id-token: write
              attestations: write
            steps:
              - uses: actions/attest-build-provenance@v2
                with:
                  subject-name: ghcr.io/o/r
                  subject-digest: sha256:abc
        """

    static func checkPair(caller: String, callee: String) throws -> (caller: [DoctorFinding], callee: [DoctorFinding]) {
        let results = WorkflowDoctor().check([
            try WorkflowParser.parse(caller, path: ".github/workflows/release.yml"),
            try WorkflowParser.parse(callee, path: ".github/workflows/attest.yml"),
        ])
        return (results[0].filter { $0.rule != "action-version" }, results[1].filter { $0.rule != "action-version" })
    }

    @Test func aCallerMustGrantWhatTheCalledJobsAskFor() throws {
        let (callerFindings, calleeFindings) = try Self.checkPair(caller: Self.caller, callee: Self.callee)
        #expect(calleeFindings.isEmpty)
        let finding = try #require(callerFindings.first { $0.rule == "reusable-workflow-permissions" })
        #expect(finding.position == SourcePosition(line: 7, column: 5), "at the caller job's permissions")
        #expect(finding.message.contains("`attestations: write` (job 'attest')") && finding.message.contains("`id-token: write`"))
        #expect(finding.fix.contains("attestations: write") && finding.fix.contains("packages: write"), "keeps what the job grants")
        let fixed = Self.caller.replacingOccurrences(of: "      packages: write", with: "      packages: write\n      id-token: write\n      attestations: write")
        #expect(try Self.checkPair(caller: fixed, callee: Self.callee).caller.isEmpty)
        // A caller with no block at all: the repository default never grants id-token.
        let noBlock = Self.caller.replacingOccurrences(of: "permissions: {}\n", with: "")
            .replacingOccurrences(of: "    permissions:\n      contents: read\n      packages: write\n", with: "")
        #expect(try Self.checkPair(caller: noBlock, callee: Self.callee).caller.map(\.position.line) == [5])
    }

    /// A called workflow without permissions runs with its callers': the callee's own
    /// finding is a warning naming the callers, and the caller is held to the callee's needs.
    @Test func aCalledWorkflowWithoutPermissionsInheritsTheCallers() throws {
        let bare = Self.callee.replacingOccurrences(of: "permissions: {}\n", with: "")
            .replacingOccurrences(of: "    permissions:\n      contents: read\n      id-token: write\n      attestations: write\n", with: "")
        let (callerFindings, calleeFindings) = try Self.checkPair(caller: Self.caller, callee: bare)
        #expect(calleeFindings.filter { $0.rule == "missing-id-token" }.map(\.severity) == [.warning])
        #expect(calleeFindings.first { $0.rule == "missing-id-token" }?.message.contains("every caller must grant") == true)
        #expect(callerFindings.first { $0.rule == "reusable-workflow-permissions" }?.message.contains("`id-token: write`") == true)
    }

    /// midnight-node's test-attestation.yml calls sbom-scan-image.yml with exactly the
    /// permissions it asks for; without `attestations: write` GitHub would refuse the run.
    @Test func midnightNodeCallerWithoutAttestationsWrite() throws {
        func load(_ name: String, replacing: String = "", with: String = "") throws -> Workflow {
            let url = try SharedTestData.url("workflows/midnightntwrk__midnight-node/" + name)
            let text = try String(contentsOf: url, encoding: .utf8)
            return try WorkflowParser.parse(replacing.isEmpty ? text : text.replacingOccurrences(of: replacing, with: with), path: name)
        }
        let callee = try load("sbom-scan-image.yml")
        let broken = try load("test-attestation.yml", replacing: "      attestations: write\n    uses: ./.github/workflows/sbom-scan-image.yml",
                              with: "    uses: ./.github/workflows/sbom-scan-image.yml")
        let found = WorkflowDoctor().check([broken, callee])[0].filter { $0.rule == "reusable-workflow-permissions" }
        #expect(found.map(\.position.line) == [154], "\(found.map { "\($0.rule)@\($0.position.line): \($0.message)" })")
        #expect(found.first?.message.contains("`attestations: write`") == true)
        #expect(WorkflowDoctor().check([try load("test-attestation.yml"), callee])[0].allSatisfy { $0.rule == "action-version" })
    }

    /// The SLSA container generator: the caller must grant what its documentation asks for,
    /// and call it at a vX.Y.Z tag (it checks its own ref).
    @Test func theSLSAContainerGenerator() throws {
        let yaml = """
            on:
              push:
                tags: ['v*']
            jobs:
              provenance:
                permissions:
                  id-token: write
                uses: slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@v2.1.0
                with:
                  image: ghcr.io/o/r
                  digest: sha256:abc
            """
        let found = try Self.findings(yaml)
        #expect(found.map { "\($0.rule)@\($0.position.line)" } == ["reusable-workflow-permissions@6"])
        #expect(found.first?.message.contains("`actions: read` (its documentation), `packages: write` (its documentation)") == true)
        let granted = yaml.replacingOccurrences(of: "      id-token: write", with: "      id-token: write\n      actions: read\n      packages: write")
        #expect(try Self.findings(granted).isEmpty)
        let pinned = try WorkflowRuleTests.findings(granted.replacingOccurrences(of: "@v2.1.0", with: "@\(String(repeating: "a", count: 40))"))
        #expect(pinned.map { "\($0.rule)@\($0.position.line):\($0.severity)" } == ["action-version@5:error"])
        // Other remote reusable workflows: a branch is a moving ref; a SHA is fine.
        let other = "jobs:\n  call:\n    uses: o/r/.github/workflows/x.yml@main\n"
        #expect(try WorkflowRuleTests.findings(other).map { "\($0.rule):\($0.severity)" } == ["action-version:warning"])
        #expect(try WorkflowRuleTests.findings(other.replacingOccurrences(of: "@main", with: "@\(String(repeating: "b", count: 40))")).isEmpty)
    }
}
