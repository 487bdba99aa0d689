import Foundation
import Testing
import OCIModel
@testable import InToto

@Suite struct ProvenanceSummaryTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func summarisesGitHubActionsProvenanceV1() throws {
        let statement = try ProvenanceTestData.statement(inBundle: "github-attestations/ystkfujii__playground_supply-chain-guard/bundle.json")
        let summary = try #require(ProvenanceSummary(statement: statement))
        #expect(summary.predicateType == PredicateType.slsaProvenanceV1)
        #expect(summary.builderID == "https://github.com/ystkfujii/playground_supply-chain-guard/.github/workflows/build_image.yml@refs/heads/main")
        #expect(summary.buildType == "https://actions.github.io/buildtypes/workflow/v1")
        #expect(summary.sourceRepository == "https://github.com/ystkfujii/playground_supply-chain-guard")
        #expect(summary.sourceRef == "refs/heads/main")
        #expect(summary.sourceCommit == "c9b66fe1d7e304fc163746878ef0ff8043e63df6")
        #expect(summary.entryPoint == ".github/workflows/build_image.yml")
        #expect(summary.materials.count == 1)
    }

    @Test func summarisesNpmProvenanceV1() throws {
        let statement = try ProvenanceTestData.statement(inBundle: "cli-cli/sigstore-js-2.1.0-bundle.json")
        let summary = try #require(ProvenanceSummary(statement: statement))
        #expect(summary.builderID == "https://github.com/actions/runner/github-hosted")
        #expect(summary.buildType == "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1")
        #expect(summary.sourceRepository == "https://github.com/sigstore/sigstore-js")
        #expect(summary.sourceCommit == "26d16513386ffaa790b1c32f927544f1322e4194")
    }

    @Test func summarisesNpmProvenanceV02() throws {
        let statement = try ProvenanceTestData.statement(inBundle: "sigstore-go/examples/bundle-provenance.json")
        #expect(statement.type == Statement.typeV01)
        let summary = try #require(ProvenanceSummary(statement: statement))
        #expect(summary.predicateType == PredicateType.slsaProvenanceV02)
        #expect(summary.builderID == "https://github.com/actions/runner")
        #expect(summary.buildType == "https://github.com/npm/cli/gha/v2")
        #expect(summary.sourceRepository == "https://github.com/sigstore/sigstore-js")
        #expect(summary.sourceRef == "refs/heads/main")
        #expect(summary.sourceCommit == "dae8bd8eb433a4147b4655c00fe73e0f22bc0fb1")
        #expect(summary.entryPoint == ".github/workflows/release.yml")
        #expect(summary.materials == [
            ResourceDescriptor(uri: "git+https://github.com/sigstore/sigstore-js@refs/heads/main", digest: ["sha1": "dae8bd8eb433a4147b4655c00fe73e0f22bc0fb1"])
        ])
    }

    /// BuildKit `mode=max`, v0.2, local build context: the source is only in
    /// BuildKit's own metadata (shape as in Docker's "SLSA definitions" page).
    @Test func summarisesBuildKitModeMaxV02() throws {
        let predicate = try Self.json("""
            {"builder":{"id":"https://github.com/docker/buildx/actions/runs/3709599520"},
             "buildType":"https://mobyproject.org/buildkit@v1",
             "materials":[{"uri":"pkg:docker/docker/dockerfile@1","digest":{"sha256":"9ba7531bd80fb0a858632727cf7a112fbfd19b17e94c4e84ced81e24ef1a0dbc"}},
                          {"uri":"pkg:docker/golang@1.19.4-alpine?platform=linux%2Farm64","digest":{"sha256":"a9b24b67dc83b3383d22a14941c2b2b2ca6a103d805cac6820fd1355943beaf1"}}],
             "invocation":{"configSource":{"entryPoint":"Dockerfile"},
                           "parameters":{"frontend":"gateway.v0","args":{"cmdline":"docker/dockerfile:1","source":"docker/dockerfile:1"},"locals":[{"name":"context"},{"name":"dockerfile"}]},
                           "environment":{"platform":"linux/amd64"}},
             "buildConfig":{"llbDefinition":[{"id":"step0","op":{"Op":{"source":{"identifier":"docker-image://docker.io/library/golang:1.19.4-alpine"}}}}]},
             "metadata":{"buildInvocationID":"c4a87v0sxhliuewig10gnsb6v","buildStartedOn":"2022-12-16T08:26:28.651359794Z","buildFinishedOn":"2022-12-16T08:26:29.625483253Z",
                         "reproducible":false,"completeness":{"parameters":true,"environment":true,"materials":false},
                         "https://mobyproject.org/buildkit@v1#metadata":{"vcs":{"revision":"a9ba846486420e07d30db1107411ac3697ecab68","source":"https://github.com/docker/buildx.git"}}}}
            """)
        let summary = try #require(ProvenanceSummary(predicateType: PredicateType.slsaProvenanceV02, predicate: predicate))
        #expect(summary.builderID == "https://github.com/docker/buildx/actions/runs/3709599520")
        #expect(summary.buildType == "https://mobyproject.org/buildkit@v1")
        #expect(summary.sourceRepository == "https://github.com/docker/buildx.git")
        #expect(summary.sourceRef == nil)
        #expect(summary.sourceCommit == "a9ba846486420e07d30db1107411ac3697ecab68")
        #expect(summary.entryPoint == "Dockerfile")
        #expect(summary.materials.count == 2)
    }

    /// BuildKit `version=v1` from a remote Git context.
    @Test func summarisesBuildKitV1() throws {
        let predicate = try Self.json("""
            {"buildDefinition":{"buildType":"https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md",
               "externalParameters":{"configSource":{"uri":"https://github.com/moby/buildkit.git#refs/tags/v0.11.0","digest":{"sha1":"4b220de5058abfd01ff619c9d2ff6b09a049bea0"},"path":"Dockerfile"},
                                     "request":{"frontend":"gateway.v0","args":{"source":"docker/dockerfile:1"}}},
               "internalParameters":{"builderPlatform":"linux/amd64"},
               "resolvedDependencies":[{"uri":"pkg:docker/docker/dockerfile@1","digest":{"sha256":"9ba7531bd80fb0a858632727cf7a112fbfd19b17e94c4e84ced81e24ef1a0dbc"}}]},
             "runDetails":{"builder":{"id":"https://github.com/docker/buildx/actions/runs/3709599520"},
               "metadata":{"invocationID":"c4a87v0sxhliuewig10gnsb6v","startedOn":"2022-12-16T08:26:28.651359794Z","finishedOn":"2022-12-16T08:26:29.625483253Z",
                           "buildkit_metadata":{"vcs":{"revision":"ffffffffffffffffffffffffffffffffffffffff","source":"https://example.com/unused.git"}}}}}
            """)
        let summary = try #require(ProvenanceSummary(predicateType: PredicateType.slsaProvenanceV1, predicate: predicate))
        #expect(summary.buildType == "https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md")
        #expect(summary.sourceRepository == "https://github.com/moby/buildkit.git")
        #expect(summary.sourceRef == "refs/tags/v0.11.0")
        #expect(summary.sourceCommit == "4b220de5058abfd01ff619c9d2ff6b09a049bea0")
        #expect(summary.entryPoint == "Dockerfile")
    }

    @Test func otherPredicateTypesHaveNoSummary() {
        #expect(ProvenanceSummary(predicateType: PredicateType.spdx, predicate: .object([:])) == nil)
        #expect(ProvenanceSummary(predicateType: PredicateType.cycloneDX, predicate: .object([:])) == nil)
    }

    @Test func summarisesWhatItGenerates() throws {
        let predicate = try ProvenanceBuilder(environment: ProvenanceBuilderTests.runnerEnvironment).predicate()
        let summary = try #require(ProvenanceSummary(predicateType: PredicateType.slsaProvenanceV1, predicate: predicate))
        #expect(summary.sourceCommit == "c9b66fe1d7e304fc163746878ef0ff8043e63df6")
        let local = try #require(ProvenanceSummary(predicateType: PredicateType.slsaProvenanceV1, predicate: ProvenanceBuilder(environment: [:]).predicate()))
        #expect(local.builderID == ProvenanceBuilder.localBuilderID)
        #expect(local.sourceRepository == nil)
    }
}
