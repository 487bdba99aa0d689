import Testing
@testable import Doctor

/// Caches restored in jobs that publish (SLSA Build L3 isolation).
@Suite struct CachePoisoningRuleTests {
    static let release = """
        on:
          push:
            tags: ['v*']
        jobs:
          release:
            permissions:
              contents: read
              packages: write
            steps:
              - uses: actions/setup-go@v5
                with:
                  go-version: '1.23'
              - uses: actions/cache@v4
                with:
                  key: deps
                  path: ~/.deps
              - run: echo "$T" | docker login ghcr.io -u me --password-stdin && docker push ghcr.io/o/r:v1
        """

    @Test func cachesRestoredBeforeThePush() throws {
        let found = try WorkflowRuleTests.findings(Self.release).filter { $0.rule == "cache-poisoning" }
        #expect(found.map { "\($0.position.line):\($0.position.column)" } == ["10:9", "13:9"])
        #expect(found.first?.message.contains("caches Go modules by default") == true)
        let fixed = Self.release.replacingOccurrences(of: "          go-version: '1.23'", with: "          go-version: '1.23'\n          cache: false")
            .replacingOccurrences(of: "      - uses: actions/cache@v4\n        with:\n          key: deps\n          path: ~/.deps\n", with: "")
        #expect(try WorkflowRuleTests.findings(fixed).allSatisfy { $0.rule != "cache-poisoning" })
        // setup-go v3 caches only when asked; a job that does not publish is not reported.
        #expect(try WorkflowRuleTests.findings(fixed.replacingOccurrences(of: "setup-go@v5", with: "setup-go@v3")
            .replacingOccurrences(of: "cache: false", with: "cache: true")).contains { $0.rule == "cache-poisoning" && $0.position == SourcePosition(line: 13, column: 11) })
        #expect(try WorkflowRuleTests.findings(Self.release.replacingOccurrences(of: " && docker push ghcr.io/o/r:v1", with: "")).allSatisfy { $0.rule != "cache-poisoning" })
    }
}
