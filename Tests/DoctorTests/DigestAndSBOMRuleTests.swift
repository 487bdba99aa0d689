import Testing
@testable import Doctor

/// The rules about what an attestation covers: a digest that was never pushed, a pushed
/// image with no SBOM, and BuildKit attestations left unsigned.
@Suite struct DigestAndSBOMRuleTests {
    static func findings(_ yaml: String) throws -> [DoctorFinding] {
        try WorkflowRuleTests.findings(yaml).filter { $0.rule != "action-version" }
    }

    static let loadThenAttest = """
        on: push
        jobs:
          build:
            permissions:
              contents: read
              id-token: write
              attestations: write
              packages: write
            steps:
              - uses: docker/setup-buildx-action@v4
              - uses: docker/login-action@v4
              - id: build
                uses: docker/build-push-action@v7
                with:
                  load: true
                  tags: ghcr.io/o/r:latest
              - run: docker push ghcr.io/o/r:latest
              - uses: actions/attest-build-provenance@v3
                with:
                  subject-name: ghcr.io/o/r
                  subject-digest: ${{ steps.build.outputs.digest }}
                  push-to-registry: true
        """

    @Test func attestingTheDigestOfABuildThatDoesNotPush() throws {
        let found = try Self.findings(Self.loadThenAttest).filter { $0.rule == "attest-unpushed-digest" }
        #expect(found.map(\.position) == [SourcePosition(line: 21, column: 11)])
        #expect(found.first?.message.contains("step 'build'") == true)
        let fixed = Self.loadThenAttest.replacingOccurrences(of: "          load: true", with: "          push: true")
            .replacingOccurrences(of: "      - run: docker push ghcr.io/o/r:latest\n", with: "")
        #expect(try !Self.findings(fixed).contains { $0.rule == "attest-unpushed-digest" })
    }

    @Test func aPushedImageWithNoSBOM() throws {
        let pushed = Self.loadThenAttest.replacingOccurrences(of: "          load: true", with: "          push: true\n          provenance: mode=max")
        let found = try Self.findings(pushed)
        #expect(found.map(\.rule) == ["sbom-missing"], "\(found.map(\.rule))")
        #expect(found.first?.position == SourcePosition(line: 12, column: 9) && found.first?.severity == .info)
        #expect(try Self.findings(pushed.replacingOccurrences(of: "provenance: mode=max", with: "provenance: mode=max\n          sbom: true")).isEmpty)
    }

    /// BuildKit provenance and SBOM asked for and pushed, no signing step, no id-token.
    @Test func unsignedBuildKitAttestations() throws {
        let yaml = """
            on: push
            jobs:
              build:
                permissions:
                  contents: read
                  packages: write
                steps:
                  - uses: docker/setup-buildx-action@v4
                  - uses: docker/login-action@v4
                  - uses: docker/build-push-action@v7
                    with:
                      push: true
                      tags: ghcr.io/o/r:latest
                      provenance: mode=max
                      sbom: true
            """
        let found = try Self.findings(yaml)
        #expect(found.map { "\($0.rule)@\($0.position.line):\($0.severity)" } == ["missing-id-token@4:warning"])
        #expect(found.first?.message.contains("stay unsigned") == true)
        #expect(try Self.findings(yaml.replacingOccurrences(of: "      packages: write", with: "      packages: write\n      id-token: write")).isEmpty)
        #expect(try Self.findings(yaml.replacingOccurrences(of: "      provenance: mode=max\n          sbom: true", with: "      provenance: false")).map(\.rule) == ["sbom-missing", "provenance-mode"], "by position")
    }
}
