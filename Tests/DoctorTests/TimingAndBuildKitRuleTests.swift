import Testing
@testable import Doctor

/// The guide's sections 6 (verification timing) and 7 (BuildKit versions) as rules.
@Suite struct TimingAndBuildKitRuleTests {
    static func findings(_ yaml: String) throws -> [DoctorFinding] {
        try WorkflowRuleTests.findings(yaml).filter { $0.rule == "verify-timing" || $0.rule == "buildkit-version" }
    }

    static let attestThenVerify = """
        on: push
        jobs:
          release:
            permissions:
              contents: read
              id-token: write
              attestations: write
              packages: write
            steps:
              - uses: docker/login-action@v4
              - uses: actions/attest-build-provenance@v3
                with:
                  subject-name: ghcr.io/o/r
                  subject-digest: sha256:abc
                  push-to-registry: true
              - name: Verify
                run: gh attestation verify oci://ghcr.io/o/r:latest --repo o/r
        """

    @Test func verificationRightAfterThePush() throws {
        let found = try Self.findings(Self.attestThenVerify)
        #expect(found.map { "\($0.rule)@\($0.position.line):\($0.position.column)" } == ["verify-timing@16:9"])
        #expect(found.first?.fix.contains("--wait") == true)
        // Waiting, retrying or tolerating a miss: nothing.
        for patient in ["sleep 10; gh attestation verify", "gh attestation verify oci://ghcr.io/o/r:latest --repo o/r || echo later"] {
            #expect(try Self.findings(Self.attestThenVerify.replacingOccurrences(of: "gh attestation verify", with: patient)).isEmpty)
        }
        let tolerant = Self.attestThenVerify.replacingOccurrences(of: "        run: gh", with: "        continue-on-error: true\n        run: gh")
        #expect(try Self.findings(tolerant).isEmpty)
        // `imagetools inspect --raw` to read digests is not a verification.
        let raw = Self.attestThenVerify.replacingOccurrences(of: "gh attestation verify oci://ghcr.io/o/r:latest --repo o/r", with: "docker buildx imagetools inspect ghcr.io/o/r --raw")
        #expect(try Self.findings(raw).isEmpty)
        let provenance = Self.attestThenVerify.replacingOccurrences(of: "gh attestation verify oci://ghcr.io/o/r:latest --repo o/r",
                                                                     with: "docker buildx imagetools inspect ghcr.io/o/r --format '{{json .Provenance}}'")
        #expect(try Self.findings(provenance).map(\.rule) == ["verify-timing"])
    }

    @Test func buildxAndBuildKitBelowTheAttestationVersions() throws {
        let yaml = """
            jobs:
              build:
                steps:
                  - uses: docker/setup-buildx-action@v4
                    with:
                      version: v0.9.1
                      driver-opts: |
                        network=host
                        image=moby/buildkit:v0.10.6
            """
        let found = try Self.findings(yaml)
        #expect(found.map { "\($0.position.line):\($0.position.column) \($0.message)" } == [
            "6:11 buildx v0.9.1 predates attestations (buildx 0.10)",
            "7:11 BuildKit v0.10.6 predates attestations (BuildKit 0.11)",
        ])
        #expect(found.last?.fix == "          driver-opts: image=moby/buildkit:buildx-stable-1")
        let fixed = yaml.replacingOccurrences(of: "v0.9.1", with: "v0.19.3").replacingOccurrences(of: "moby/buildkit:v0.10.6", with: "moby/buildkit:v0.18.2")
        #expect(try Self.findings(fixed).isEmpty)
        #expect(try Self.findings(yaml.replacingOccurrences(of: "v0.9.1", with: "latest").replacingOccurrences(of: "v0.10.6", with: "latest")).isEmpty)
    }
}
