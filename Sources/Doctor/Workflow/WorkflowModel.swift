/// A GitHub Actions workflow as the rules read it: jobs, their steps and permissions,
/// each with its position in the file.
public struct Workflow: Sendable {
    public var path: String
    /// The events of `on:` (`push`, `pull_request`, …).
    public var triggers: [String] = []
    public var permissions: Permissions?
    public var jobs: [Job]
    /// The file's lines, for quoting.
    public var lines: [String]

    /// Whether the workflow runs only when another workflow calls it (`on: workflow_call`),
    /// with the caller's token.
    public var onlyCalled: Bool { triggers == ["workflow_call"] }

    /// Whether the workflow runs for pull requests (`pull_request` or `pull_request_target`).
    public var runsOnPullRequests: Bool {
        triggers.contains { $0 == "pull_request" || $0 == "pull_request_target" }
    }
}

/// One job.
public struct Job: Sendable {
    public var id: String
    public var position: SourcePosition
    public var permissions: Permissions?
    public var steps: [Step]
    public var needs: [String]
    public var condition: String?
    /// A reusable workflow the job calls (`jobs.<id>.uses`), instead of steps.
    public var uses: String?

    /// The permissions the job's token has: its own block, else the workflow's; nil when
    /// neither sets any (the repository's default, which never includes `id-token: write`).
    public func effectivePermissions(in workflow: Workflow) -> Permissions? {
        permissions ?? workflow.permissions
    }
}

/// One step.
public struct Step: Sendable {
    public var position: SourcePosition
    /// The step's `id:`, which other steps use in `steps.<id>.outputs`.
    public var id: String?
    public var name: String?
    /// `owner/repo[/path]@ref` of an action.
    public var uses: String? {
        didSet { (action, ref) = Self.split(uses) }
    }
    /// Where the `uses:` value is: the line to change for the action's version.
    public var usesPosition: SourcePosition?
    public var run: String?
    public var condition: String?
    /// `continue-on-error:` as written (`true`, or an expression).
    public var continueOnError: String?
    /// `with:` inputs, as written.
    public var inputs: [String: String]
    public var inputPositions: [String: SourcePosition]
    /// The action without its ref, lowercased: `docker/build-push-action`.
    public private(set) var action: String?
    /// The ref after `@`, if any.
    public private(set) var ref: String?

    public init(position: SourcePosition, id: String? = nil, name: String? = nil, uses: String? = nil, usesPosition: SourcePosition? = nil, run: String? = nil,
                condition: String? = nil, continueOnError: String? = nil, inputs: [String: String] = [:],
                inputPositions: [String: SourcePosition] = [:]) {
        self.position = position
        self.id = id
        self.name = name
        self.uses = uses
        self.usesPosition = usesPosition
        self.run = run
        self.condition = condition
        self.continueOnError = continueOnError
        self.inputs = inputs
        self.inputPositions = inputPositions
        (action, ref) = Self.split(uses)
    }

    /// `Owner/Repo@v1` → (`owner/repo`, `v1`); computed once, since every rule asks.
    private static func split(_ uses: String?) -> (String?, String?) {
        guard let uses else { return (nil, nil) }
        guard let at = uses.utf8.firstIndex(of: UInt8(ascii: "@")) else { return (uses.lowercased(), nil) }
        return (String(uses[..<at]).lowercased(), String(uses[uses.index(after: at)...]))
    }
}
