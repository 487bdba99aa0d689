import OCIModel

/// Generates an SLSA provenance v1 predicate for a build from its CI
/// environment, given as a dictionary (pass `ProcessInfo.processInfo.environment`
/// from the command line; the library never reads the process environment).
///
/// On GitHub Actions (`GITHUB_ACTIONS=true`) the predicate has exactly the
/// layout `actions/attest-build-provenance` writes (build type
/// ``gitHubActionsBuildType``; see the variable table on the internal
/// `GitHubActionsEnvironment`); a missing variable is a
/// ``ProvenanceError/missingEnvironmentVariable(_:)`` naming it. Note that
/// for a reusable workflow the builder ID names the calling workflow, since
/// the called workflow's ref is not in the environment.
///
/// Anywhere else the build is "local": builder ID ``localBuilderID``, build
/// type ``localBuildType``, empty `externalParameters` and no metadata, so
/// the predicate carries no host names or times and is identical on every run.
/// Describe such builds by merging a predicate of your own over it
/// (``predicate(mergingUserPredicate:)``).
public struct ProvenanceBuilder: Sendable {
    /// The build type of GitHub Actions workflow provenance.
    public static let gitHubActionsBuildType = "https://actions.github.io/buildtypes/workflow/v1"
    /// The build type of Hallmark's local provenance: `externalParameters` holds
    /// only what the user merges in; nothing else is recorded.
    public static let localBuildType = "https://hallmark.dev/buildtypes/local/v1"
    /// The builder ID of builds outside a recognised CI system.
    public static let localBuilderID = "https://hallmark.dev/local-builder/v1"

    /// The CI environment variables.
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Whether the environment is a GitHub Actions job.
    public var isGitHubActions: Bool {
        environment["GITHUB_ACTIONS"] == "true"
    }

    /// The provenance for this environment.
    public func provenance() throws(ProvenanceError) -> SLSAProvenance {
        guard isGitHubActions else {
            return SLSAProvenance(
                buildDefinition: .init(buildType: Self.localBuildType, externalParameters: [:]),
                runDetails: .init(builderID: Self.localBuilderID)
            )
        }
        let github = try GitHubActionsEnvironment(environment)
        return SLSAProvenance(
            buildDefinition: .init(
                buildType: Self.gitHubActionsBuildType,
                externalParameters: [
                    "workflow": .object([
                        "ref": .string(github.workflowFileRef),
                        "repository": .string(github.repositoryURL),
                        "path": .string(github.workflowPath),
                    ])
                ],
                internalParameters: [
                    "github": .object([
                        "event_name": .string(github.eventName),
                        "repository_id": .string(github.repositoryID),
                        "repository_owner_id": .string(github.repositoryOwnerID),
                        "runner_environment": .string(github.runnerEnvironment),
                    ])
                ],
                resolvedDependencies: [
                    ResourceDescriptor(uri: "git+\(github.repositoryURL)@\(github.ref)", digest: ["gitCommit": github.sha])
                ]
            ),
            runDetails: .init(
                builderID: "\(github.serverURL)/\(github.workflowRef)",
                metadata: .init(invocationID: "\(github.repositoryURL)/actions/runs/\(github.runID)/attempts/\(github.runAttempt)")
            )
        )
    }

    /// The provenance as a predicate, with `userPredicate` (a JSON object)
    /// merged over it: objects merge member by member at every depth, and for
    /// anything else, arrays included, the user's value wins whole.
    public func predicate(mergingUserPredicate userPredicate: JSONValue? = nil) throws(ProvenanceError) -> JSONValue {
        let generated = try provenance().jsonValue
        guard let userPredicate else { return generated }
        guard userPredicate.object != nil else { throw .userPredicateNotAnObject }
        return generated.merging(userPredicate)
    }
}
