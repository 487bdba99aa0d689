import Foundation

/// The GitHub Actions job variables that provenance is made from, read from
/// an environment as the runner sets it.
///
/// | variable | example | used for |
/// |---|---|---|
/// | `GITHUB_SERVER_URL` | `https://github.com` | every URL |
/// | `GITHUB_REPOSITORY` | `owner/repo` | workflow repository, dependency URI, invocation ID |
/// | `GITHUB_WORKFLOW_REF` | `owner/repo/.github/workflows/build.yml@refs/heads/main` | workflow path and ref, builder ID |
/// | `GITHUB_REF` | `refs/heads/main` | the source dependency's ref |
/// | `GITHUB_SHA` | 40 hex digits | the source dependency's `gitCommit` |
/// | `GITHUB_EVENT_NAME` | `push` | `internalParameters.github.event_name` |
/// | `GITHUB_REPOSITORY_ID` | `1238661134` | `internalParameters.github.repository_id` |
/// | `GITHUB_REPOSITORY_OWNER_ID` | `76274657` | `internalParameters.github.repository_owner_id` |
/// | `RUNNER_ENVIRONMENT` | `github-hosted` | `internalParameters.github.runner_environment` |
/// | `GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT` | `25969527923`, `2` | invocation ID |
struct GitHubActionsEnvironment {
    static let requiredVariables = [
        "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_WORKFLOW_REF", "GITHUB_REF", "GITHUB_SHA",
        "GITHUB_EVENT_NAME", "GITHUB_REPOSITORY_ID", "GITHUB_REPOSITORY_OWNER_ID", "RUNNER_ENVIRONMENT",
        "GITHUB_RUN_ID", "GITHUB_RUN_ATTEMPT",
    ]

    /// The server URL without a trailing slash.
    let serverURL: String
    let repository: String
    let workflowRef: String
    /// The workflow file's path in the repository, from `GITHUB_WORKFLOW_REF`.
    let workflowPath: String
    /// The ref the workflow file was read at, from `GITHUB_WORKFLOW_REF`.
    let workflowFileRef: String
    let ref: String
    let sha: String
    let eventName: String
    let repositoryID: String
    let repositoryOwnerID: String
    let runnerEnvironment: String
    let runID: String
    let runAttempt: String

    init(_ environment: [String: String]) throws(ProvenanceError) {
        func value(_ name: String) throws(ProvenanceError) -> String {
            guard let value = environment[name], !value.isEmpty else { throw .missingEnvironmentVariable(name) }
            return value
        }
        for name in Self.requiredVariables { _ = try value(name) }
        var server = try value("GITHUB_SERVER_URL")
        while server.hasSuffix("/") { server.removeLast() }
        serverURL = server
        repository = try value("GITHUB_REPOSITORY")
        workflowRef = try value("GITHUB_WORKFLOW_REF")
        guard let repositoryPrefix = workflowRef.range(of: repository + "/", options: .anchored),
              let at = workflowRef[repositoryPrefix.upperBound...].firstIndex(of: "@"),
              at > repositoryPrefix.upperBound, workflowRef.index(after: at) < workflowRef.endIndex
        else {
            throw .invalidEnvironmentVariable(
                name: "GITHUB_WORKFLOW_REF", value: workflowRef,
                expected: "\(repository)/PATH@REF (GITHUB_REPOSITORY, the workflow file's path, '@', its ref)"
            )
        }
        workflowPath = String(workflowRef[repositoryPrefix.upperBound..<at])
        workflowFileRef = String(workflowRef[workflowRef.index(after: at)...])
        ref = try value("GITHUB_REF")
        sha = try value("GITHUB_SHA")
        eventName = try value("GITHUB_EVENT_NAME")
        repositoryID = try value("GITHUB_REPOSITORY_ID")
        repositoryOwnerID = try value("GITHUB_REPOSITORY_OWNER_ID")
        runnerEnvironment = try value("RUNNER_ENVIRONMENT")
        runID = try value("GITHUB_RUN_ID")
        runAttempt = try value("GITHUB_RUN_ATTEMPT")
    }

    /// `https://github.com/owner/repo`.
    var repositoryURL: String { "\(serverURL)/\(repository)" }
}
