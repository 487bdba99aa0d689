import Foundation
import Testing
import OCIModel
@testable import InToto

@Suite struct ProvenanceBuilderTests {
    static let realBundle = "github-attestations/ystkfujii__playground_supply-chain-guard/bundle.json"

    /// The job environment of the run that made `realBundle`, as the runner sets
    /// it (values from the real statement), plus variables provenance must not use.
    static let runnerEnvironment: [String: String] = [
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_API_URL": "https://api.github.com",
        "GITHUB_REPOSITORY": "ystkfujii/playground_supply-chain-guard",
        "GITHUB_REPOSITORY_ID": "1238661134",
        "GITHUB_REPOSITORY_OWNER": "ystkfujii",
        "GITHUB_REPOSITORY_OWNER_ID": "76274657",
        "GITHUB_WORKFLOW": "Build and Push Docker Image",
        "GITHUB_WORKFLOW_REF": "ystkfujii/playground_supply-chain-guard/.github/workflows/build_image.yml@refs/heads/main",
        "GITHUB_WORKFLOW_SHA": "c9b66fe1d7e304fc163746878ef0ff8043e63df6",
        "GITHUB_REF": "refs/heads/main",
        "GITHUB_REF_NAME": "main",
        "GITHUB_REF_TYPE": "branch",
        "GITHUB_SHA": "c9b66fe1d7e304fc163746878ef0ff8043e63df6",
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_JOB": "build-attest-and-sign",
        "GITHUB_RUN_ID": "25969527923",
        "GITHUB_RUN_NUMBER": "7",
        "GITHUB_RUN_ATTEMPT": "2",
        "GITHUB_ACTOR": "ystkfujii",
        "RUNNER_ENVIRONMENT": "github-hosted",
        "RUNNER_OS": "Linux",
        "RUNNER_NAME": "GitHub Actions 1000000042",
        "HOSTNAME": "fv-az1234-567",
    ]

    /// A value's layout: the same keys at every level, leaves replaced by their JSON type.
    static func layout(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.mapValues(layout))
        case .array(let elements): .array(elements.map(layout))
        case .string: .string("string")
        case .number: .string("number")
        case .bool: .string("bool")
        case .null: .string("null")
        }
    }

    @Test func gitHubActionsGivesTheLayoutAndValuesOfTheRealStatement() throws {
        let real = try ProvenanceTestData.statement(inBundle: Self.realBundle)
        #expect(real.predicateType == PredicateType.slsaProvenanceV1)
        let generated = try ProvenanceBuilder(environment: Self.runnerEnvironment).predicate()
        #expect(Self.layout(generated) == Self.layout(real.predicate))
        #expect(generated == real.predicate)
    }

    @Test func fillsEachFieldFromItsVariable() throws {
        var environment = Self.runnerEnvironment
        environment["GITHUB_SERVER_URL"] = "https://ghe.example.com/"
        environment["GITHUB_REPOSITORY"] = "acme/app"
        environment["GITHUB_WORKFLOW_REF"] = "acme/app/.github/workflows/release.yml@refs/tags/v1.2.0"
        environment["GITHUB_REF"] = "refs/tags/v1.2.0"
        environment["GITHUB_RUN_ATTEMPT"] = "1"
        environment["RUNNER_ENVIRONMENT"] = "self-hosted"
        let provenance = try ProvenanceBuilder(environment: environment).provenance()
        #expect(provenance.buildDefinition.buildType == ProvenanceBuilder.gitHubActionsBuildType)
        #expect(provenance.buildDefinition.externalParameters["workflow"] == .object([
            "ref": .string("refs/tags/v1.2.0"), "repository": .string("https://ghe.example.com/acme/app"), "path": .string(".github/workflows/release.yml"),
        ]))
        #expect(provenance.buildDefinition.internalParameters?["github"]?["runner_environment"] == .string("self-hosted"))
        #expect(provenance.buildDefinition.resolvedDependencies == [
            ResourceDescriptor(uri: "git+https://ghe.example.com/acme/app@refs/tags/v1.2.0", digest: ["gitCommit": "c9b66fe1d7e304fc163746878ef0ff8043e63df6"])
        ])
        #expect(provenance.runDetails.builderID == "https://ghe.example.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.0")
        #expect(provenance.runDetails.metadata.invocationID == "https://ghe.example.com/acme/app/actions/runs/25969527923/attempts/1")
    }

    @Test(arguments: [
        "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_WORKFLOW_REF", "GITHUB_REF", "GITHUB_SHA", "GITHUB_EVENT_NAME",
        "GITHUB_REPOSITORY_ID", "GITHUB_REPOSITORY_OWNER_ID", "RUNNER_ENVIRONMENT", "GITHUB_RUN_ID", "GITHUB_RUN_ATTEMPT",
    ])
    func aMissingVariableIsNamed(_ name: String) {
        var environment = Self.runnerEnvironment
        environment[name] = nil
        #expect(throws: ProvenanceError.missingEnvironmentVariable(name)) { try ProvenanceBuilder(environment: environment).provenance() }
        environment[name] = ""
        let error = #expect(throws: ProvenanceError.self) { try ProvenanceBuilder(environment: environment).provenance() }
        #expect(error?.description.hasPrefix("environment variable \(name) is not set") == true)
    }

    @Test(arguments: [
        "other/repo/.github/workflows/x.yml@refs/heads/main",
        "ystkfujii/playground_supply-chain-guard/.github/workflows/build_image.yml",
        "ystkfujii/playground_supply-chain-guard/.github/workflows/build_image.yml@",
        "ystkfujii/playground_supply-chain-guard/@refs/heads/main",
    ])
    func aMalformedWorkflowRefIsRejected(_ workflowRef: String) {
        var environment = Self.runnerEnvironment
        environment["GITHUB_WORKFLOW_REF"] = workflowRef
        let error = #expect(throws: ProvenanceError.self) { try ProvenanceBuilder(environment: environment).provenance() }
        guard case .invalidEnvironmentVariable(let name, let value, _) = error else {
            Issue.record("expected an invalid variable, got \(String(describing: error))")
            return
        }
        #expect(name == "GITHUB_WORKFLOW_REF")
        #expect(value == workflowRef)
    }

    @Test func outsideGitHubTheProvenanceIsLocalAndReproducible() throws {
        let environment = ["HOSTNAME": "build-host-7", "USER": "me", "GITHUB_ACTIONS": "false", "GITHUB_SHA": "abc"]
        let predicate = try ProvenanceBuilder(environment: environment).predicate()
        #expect(predicate == .object([
            "buildDefinition": .object(["buildType": .string(ProvenanceBuilder.localBuildType), "externalParameters": .object([:])]),
            "runDetails": .object(["builder": .object(["id": .string("https://hallmark.dev/local-builder/v1")])]),
        ]))
        #expect(try ProvenanceBuilder(environment: [:]).predicate() == predicate)
    }

    @Test func aUserPredicateIsMergedOverTheGeneratedOne() throws {
        let user: JSONValue = .object([
            "buildDefinition": .object([
                "externalParameters": .object(["workflow": .object(["path": .string("custom.yml")]), "image": .string("ghcr.io/acme/app")]),
                "resolvedDependencies": .array([.object(["uri": .string("pkg:docker/alpine@3.20")])]),
            ]),
            "runDetails": .object(["metadata": .object(["startedOn": .string("2026-01-01T00:00:00Z")])]),
        ])
        let merged = try ProvenanceBuilder(environment: Self.runnerEnvironment).predicate(mergingUserPredicate: user)
        let external = merged["buildDefinition"]?["externalParameters"]
        #expect(external?["workflow"]?["path"] == .string("custom.yml"))
        #expect(external?["workflow"]?["ref"] == .string("refs/heads/main"))
        #expect(external?["image"] == .string("ghcr.io/acme/app"))
        #expect(merged["buildDefinition"]?["resolvedDependencies"] == .array([.object(["uri": .string("pkg:docker/alpine@3.20")])]))
        #expect(merged["runDetails"]?["metadata"]?["startedOn"] == .string("2026-01-01T00:00:00Z"))
        #expect(merged["runDetails"]?["metadata"]?["invocationId"]?.string?.hasSuffix("/attempts/2") == true)
        #expect(throws: ProvenanceError.userPredicateNotAnObject) {
            try ProvenanceBuilder(environment: [:]).predicate(mergingUserPredicate: .array([]))
        }
    }

    @Test func encodesTimesAsRFC3339() {
        let provenance = SLSAProvenance(
            buildDefinition: .init(buildType: "https://example.com/t", externalParameters: [:]),
            runDetails: .init(builderID: "https://example.com/b", metadata: .init(startedOn: Date(timeIntervalSince1970: 0), finishedOn: Date(timeIntervalSince1970: 90)))
        )
        #expect(provenance.jsonValue["runDetails"]?["metadata"] == .object([
            "startedOn": .string("1970-01-01T00:00:00Z"), "finishedOn": .string("1970-01-01T00:01:30Z"),
        ]))
    }
}
