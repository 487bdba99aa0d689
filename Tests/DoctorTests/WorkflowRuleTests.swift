import Foundation
import Testing
import TestSupport
@testable import Doctor

/// Each rule on a minimal bad workflow (at the right line and column) and on its fixed version.
@Suite struct WorkflowRuleTests {
    static func findings(_ yaml: String) throws -> [DoctorFinding] {
        WorkflowDoctor().check(try WorkflowParser.parse(yaml, path: "w.yml"))
    }

    static let attestJob = """
        on: push
        jobs:
          build:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              packages: write
            steps:
              - uses: actions/checkout@v4
              - uses: actions/attest-build-provenance@v2
                with:
                  subject-name: ghcr.io/o/r
                  subject-digest: sha256:abc
        """

    @Test func missingIDTokenAndAttestationsWrite() throws {
        let found = try Self.findings(Self.attestJob)
        let rules = found.map(\.rule)
        #expect(rules.contains("missing-id-token") && rules.contains("missing-attestations-write"))
        #expect(found.first { $0.rule == "missing-id-token" }?.position == SourcePosition(line: 5, column: 5), "at the job's permissions block")
        #expect(found.first { $0.rule == "missing-id-token" }?.fix.contains("id-token: write") == true)
        let fixed = Self.attestJob.replacingOccurrences(of: "      packages: write", with: "      packages: write\n      id-token: write\n      attestations: write")
        #expect(try Self.findings(fixed).filter { $0.rule.hasPrefix("missing-") }.isEmpty)
    }

    @Test func aJobBlockReplacesTheWorkflowBlock() throws {
        let yaml = """
            on: push
            permissions:
              id-token: write
              attestations: write
            jobs:
              build:
                permissions:
                  contents: read
                steps:
                  - uses: actions/attest-build-provenance@v2
            """
        #expect(try Self.findings(yaml).contains { $0.rule == "missing-id-token" && $0.position.line == 7 })
        let inherited = yaml.replacingOccurrences(of: "    permissions:\n      contents: read\n", with: "")
        #expect(try !Self.findings(inherited).contains { $0.rule == "missing-id-token" })
    }

    @Test func packagesWriteForGHCR() throws {
        let yaml = """
            jobs:
              push:
                permissions:
                  contents: read
                steps:
                  - uses: docker/login-action@v3
                    with:
                      registry: ghcr.io
                  - uses: docker/build-push-action@v6
                    with:
                      push: true
            """
        #expect(try Self.findings(yaml).contains { $0.rule == "missing-packages-write" && $0.severity == .error && $0.position == SourcePosition(line: 3, column: 5) })
        #expect(try !Self.findings(yaml.replacingOccurrences(of: "contents: read", with: "contents: read\n      packages: write")).contains { $0.rule == "missing-packages-write" })
        let defaults = yaml.replacingOccurrences(of: "    permissions:\n      contents: read\n", with: "")
        #expect(try Self.findings(defaults).contains { $0.rule == "missing-packages-write" && $0.severity == .warning })
        let pullOnly = yaml.components(separatedBy: "      - uses: docker/build-push-action")[0]
        #expect(try !Self.findings(pullOnly).contains { $0.rule == "missing-packages-write" }, "a login to pull is not a push")
    }

    @Test func sbomJobsNeedThePushJob() throws {
        let yaml = """
            jobs:
              build:
                steps:
                  - uses: docker/setup-buildx-action@v3
                  - uses: docker/build-push-action@v6
                    with:
                      push: true
                      provenance: mode=max
              sbom:
                steps:
                  - uses: anchore/sbom-action@v0
            """
        #expect(try Self.findings(yaml).contains { $0.rule == "sbom-needs-push" && $0.position.line == 9 })
        let ordered = yaml.replacingOccurrences(of: "  sbom:\n", with: "  sbom:\n    needs: build\n")
        #expect(try !Self.findings(ordered).contains { $0.rule == "sbom-needs-push" })
    }

    @Test func buildxAndQEMU() throws {
        let yaml = """
            jobs:
              build:
                steps:
                  - uses: docker/build-push-action@v6
                    with:
                      platforms: linux/amd64,linux/arm64
                      push: true
            """
        let found = try Self.findings(yaml)
        #expect(found.contains { $0.rule == "buildx-missing" && $0.position == SourcePosition(line: 4, column: 9) })
        #expect(found.contains { $0.rule == "qemu-missing" && $0.position == SourcePosition(line: 6, column: 11) })
        let fixed = yaml.replacingOccurrences(of: "    steps:\n", with: "    steps:\n      - uses: docker/setup-qemu-action@v3\n      - uses: docker/setup-buildx-action@v3\n")
        #expect(try Set(Self.findings(fixed).filter { $0.rule != "action-version" }.map(\.rule)) == ["provenance-mode", "sbom-missing", "login-before-push"],
                "only the mode=min, no-SBOM and no-login notes remain")
        let misordered = yaml.replacingOccurrences(of: "    steps:\n", with: "    steps:\n      - uses: docker/setup-buildx-action@v3\n      - uses: docker/setup-qemu-action@v3\n")
        #expect(try Self.findings(misordered).contains { $0.rule == "qemu-missing" && $0.message.contains("after") })
        let disabled = yaml.replacingOccurrences(of: "      push: true", with: "      push: true\n          provenance: false")
        #expect(try !Self.findings(disabled).contains { $0.rule == "buildx-missing" })
    }

    @Test func actionVersions() throws {
        let yaml = """
            jobs:
              build:
                steps:
                  - uses: docker/build-push-action@v4
                  - uses: docker/setup-buildx-action@master
                  - uses: docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392
            """
        let found = try Self.findings(yaml).filter { $0.rule == "action-version" }
        #expect(found.map(\.position.line) == [4, 5])
        let tagged = try Self.findings("jobs:\n  b:\n    steps:\n      - uses: docker/setup-buildx-action@v4\n      - uses: actions/checkout@v4\n")
        #expect(tagged.map { "\($0.rule)@\($0.position.line)/\($0.severity)" } == ["action-version@4/info"], "tag pins of supply-chain actions only")
        // The guide's minimum, but on Node 20: a warning naming the Node 24 major.
        let node20 = try Self.findings("jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6.18.0\n").filter { $0.rule == "action-version" }
        #expect(node20.map { "\($0.message)/\($0.severity)" } == ["docker/build-push-action@v6.18.0 runs on Node 20/warning"])
        #expect(node20.first?.why.contains("v7 runs on Node 24") == true)
        // A commit pin is judged by its version comment.
        let sha = String(repeating: "ab", count: 20)
        let pinned = try Self.findings("jobs:\n  b:\n    steps:\n      - name: Build\n        uses: docker/build-push-action@\(sha) # v6.7.0\n")
            .filter { $0.rule == "action-version" }
        #expect(pinned.map { "\($0.position.line):\($0.message)" } == ["5:docker/build-push-action@abababa… # v6.7.0 runs on Node 20"], "at the uses: line")
        #expect(try Self.findings("jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@\(sha) #v7.1.0\n").allSatisfy { $0.rule != "action-version" })
    }

    @Test func provenanceModeAndPRGating() throws {
        let yaml = """
            jobs:
              build:
                steps:
                  - uses: docker/setup-buildx-action@v3
                  - uses: docker/build-push-action@v6
                    with:
                      push: true
                      provenance: false
            """
        #expect(try Self.findings(yaml).contains { $0.rule == "provenance-mode" && $0.severity == .warning && $0.position == SourcePosition(line: 8, column: 11) })
        let gated = yaml.replacingOccurrences(of: "provenance: false", with: "provenance: ${{ github.event_name != 'pull_request' && 'mode=max' || 'false' }}")
        #expect(try !Self.findings(gated).contains { $0.rule == "provenance-mode" })
        #expect(try !Self.findings(yaml.replacingOccurrences(of: "provenance: false", with: "provenance: mode=max")).contains { $0.rule == "provenance-mode" })
    }

    @Test func attestationOnPullRequestsAndScanThresholds() throws {
        let yaml = """
            on: [push, pull_request]
            jobs:
              release:
                permissions:
                  id-token: write
                  attestations: write
                steps:
                  - uses: actions/attest-build-provenance@v3
                  - run: |
                      # grype is installed above
                      grype sbom:sbom.json
            """
        let found = try Self.findings(yaml)
        #expect(found.contains { $0.rule == "attest-on-pull-request" && $0.position.line == 8 })
        #expect(found.contains { $0.rule == "scan-without-threshold" && $0.position.line == 9 })
        let fixed = yaml.replacingOccurrences(of: "      - uses: actions/attest-build-provenance@v3", with: "      - uses: actions/attest-build-provenance@v3\n        if: github.event_name != 'pull_request'")
            .replacingOccurrences(of: "grype sbom:sbom.json", with: "grype sbom:sbom.json --fail-on critical")
        #expect(try Self.findings(fixed).filter { $0.severity != .info }.isEmpty, "only tag-pin notes remain")
    }

    @Test func loginConditionCacheExportAndSBOMSize() throws {
        let yaml = """
            on: [push, pull_request]
            jobs:
              build:
                permissions:
                  id-token: write
                  attestations: write
                steps:
                  - uses: docker/setup-buildx-action@v4
                  - uses: docker/login-action@v4
                  - uses: docker/build-push-action@v7
                    with:
                      push: ${{ github.event_name != 'pull_request' }}
                      provenance: mode=max
                      cache-to: type=gha
                  - uses: actions/attest-sbom@v3
                    if: github.event_name != 'pull_request'
                    with:
                      sbom-path: sbom.spdx.json
            """
        let found = try Self.findings(yaml).filter { $0.severity != .info || $0.rule == "cache-export" }
        #expect(found.contains { $0.rule == "login-condition" && $0.position.line == 9 })
        #expect(found.contains { $0.rule == "cache-export" && $0.position == SourcePosition(line: 14, column: 11) })
        #expect(found.contains { $0.rule == "sbom-size" && $0.position.line == 18 })
        let fixed = yaml.replacingOccurrences(of: "      - uses: docker/login-action@v4", with: "      - uses: docker/login-action@v4\n        if: github.event_name != 'pull_request'")
            .replacingOccurrences(of: "cache-to: type=gha", with: "cache-to: type=gha,mode=max")
            .replacingOccurrences(of: "      - uses: actions/attest-sbom@v3", with: "      - name: Trim SBOM\n        run: hallmark sbom trim sbom.spdx.json --max-size 16MiB -o sbom.spdx.json\n      - uses: actions/attest-sbom@v3")
        #expect(try Self.findings(fixed).filter { $0.severity != .info }.isEmpty)
    }

    @Test func aliasBombsAndHugeFilesStayBounded() throws {
        var yaml = "x0: &x0 [a, a, a, a, a, a, a, a, a, a]\n"
        for level in 1...9 { yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "jobs:\n  build:\n    steps:\n      - uses: actions/attest-build-provenance@v2\n        with:\n          bomb: *x9\n"
        // Refused before anything is built from it (whatever walked the nodes would expand 10^10 of them).
        #expect { try WorkflowParser.parse(yaml, path: "bomb.yml") } throws: { "\($0)".contains("nodes once its aliases are expanded") }
        let huge = String(repeating: "# padding\n", count: WorkflowParser.maxSize / 10 + 1)
        #expect { try WorkflowParser.parse(huge, path: "huge.yml") } throws: { "\($0)".contains("limit") }
    }

    @Test func invalidYAMLIsAnErrorNamingTheFile() {
        #expect { try WorkflowParser.parse("jobs: [", path: "bad.yml") } throws: { "\($0)".hasPrefix("bad.yml") }
    }

    /// Latin-1 bytes (a truncated multi-byte sequence on line 3) are refused with the line, not
    /// silently replaced.
    @Test func nonUTF8IsAnErrorNamingTheLine() throws {
        let bytes = Array("on: push\njobs:\n  caf".utf8) + [0xE9] + Array(":\n    steps: []\n".utf8)
        #expect { try WorkflowParser.parse(bytes: bytes, path: "latin1.yml") } throws: { "\($0)".hasPrefix("latin1.yml:3: not UTF-8") }
        #expect(try WorkflowParser.parse(bytes: Array("on: push\njobs:\n  café:\n    steps: []\n".utf8), path: "ok.yml").jobs.map(\.id) == ["café"])
    }

    /// The intentional PR gating of infobloxopen/ib-schema-registry is not a finding, and its
    /// permissions (packages/id-token/attestations: write) satisfy the permission rules.
    @Test func infobloxBuildImageHasNoPermissionFalsePositives() throws {
        let url = try SharedTestData.url("workflows/infobloxopen__ib-schema-registry/build-image.yml")
        let workflow = try WorkflowParser.parse(try String(contentsOf: url, encoding: .utf8), path: url.lastPathComponent)
        let found = WorkflowDoctor().check(workflow)
        #expect(!found.contains { $0.rule.hasPrefix("missing-") || $0.rule == "buildx-missing" }, "\(found.map { "\($0.rule)@\($0.position.line)" })")
    }
}
