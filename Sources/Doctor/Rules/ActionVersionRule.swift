import Foundation

/// Actions below the troubleshooting guide's minimum majors, refs that can move
/// (`@latest`, `@main`, branches), and, for the actions of the supply chain itself
/// (docker/*, actions/attest*, sigstore/*, anchore/*), version tags, which their owners
/// can move too: pin a full commit SHA with a version comment.
struct ActionVersionRule: WorkflowRule {
    let id = "action-version"
    static let supplyChainPrefixes = ["docker/", "actions/attest", "sigstore/", "anchore/"]
    /// The guide's minimum majors; below them the docker actions also run on retired Node
    /// versions (12, 16).
    static let minimumMajor: [String: Int] = [
        "docker/setup-buildx-action": 3, "docker/build-push-action": 5, "docker/setup-qemu-action": 3, "docker/login-action": 3,
        "docker/metadata-action": 5, "actions/attest-build-provenance": 2, "actions/attest-sbom": 2,
    ]
    /// The first major that runs on Node 24; the majors from the minimum up to it run on
    /// Node 20, which GitHub Actions deprecated (removal scheduled for 2026-09-23).
    /// The attest actions are composite, but v2 runs Node 20 sub-actions (actions/attest v2).
    static let node24Major: [String: Int] = [
        "docker/setup-buildx-action": 4, "docker/build-push-action": 7, "docker/setup-qemu-action": 4, "docker/login-action": 4,
        "docker/metadata-action": 6, "actions/attest-build-provenance": 3, "actions/attest-sbom": 3, "actions/attest": 3,
    ]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { calledWorkflowRef($0, in: workflow) } + workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard let action = step.action, let ref = step.ref, !action.hasPrefix("./") else { return nil }
                if ref.count == 40, ref.allSatisfy(\.isHexDigit) {
                    // A commit pin: judged by its version comment (`@<sha> # v6.7.0`), if any.
                    guard let comment = Self.versionComment(of: step, in: workflow), let major = Self.major(comment) else { return nil }
                    return outdated(workflow, step, action: action, shown: "\(action)@\(ref.prefix(7))… # \(comment)", major: major)
                }
                if let major = Self.major(ref) {
                    if let old = outdated(workflow, step, action: action, shown: "\(action)@\(ref)", major: major) { return old }
                    guard Self.supplyChainPrefixes.contains(where: action.hasPrefix) else { return nil }
                    var pinned = finding(workflow, step, "\(action)@\(ref) is pinned by tag, not by commit",
                                         "A tag can be moved to other code; the build's provenance then names code nobody reviewed.",
                                         "      - uses: \(action)@<full commit SHA> # \(ref)")
                    pinned.severity = .info
                    return pinned
                }
                return finding(workflow, step, "\(action)@\(ref) follows a moving ref", "A branch or `latest` can change under the workflow; pin a full commit SHA with a version comment.",
                               "      - uses: \(action)@<full commit SHA> # vX.Y.Z")
            }
        }
    }

    /// A remote reusable workflow (`jobs.<id>.uses: owner/repo/.github/workflows/x.yml@ref`) on a
    /// moving ref; the SLSA generators, which check their own ref, on anything but `@vX.Y.Z`.
    private func calledWorkflowRef(_ job: Job, in workflow: Workflow) -> DoctorFinding? {
        guard let uses = job.uses, !uses.hasPrefix("./"), let at = uses.lastIndex(of: "@") else { return nil }
        let (name, ref) = (String(uses[..<at]), String(uses[uses.index(after: at)...]))
        if name.lowercased().hasPrefix("slsa-framework/slsa-github-generator/") {
            let parts = ref.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
            guard !(ref.hasPrefix("v") && parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
            return DoctorFinding(
                rule: id, severity: .error, path: workflow.path, position: job.position,
                message: "the SLSA generator is called at @\(ref); it must be a vX.Y.Z tag",
                why: "The SLSA generators verify the ref they were called at and fail for a commit SHA, a branch or a short tag.",
                fix: "    uses: \(name)@v2.1.0")
        }
        if ref.count == 40, ref.allSatisfy(\.isHexDigit) { return nil }
        if Self.major(ref) != nil { return nil }
        return finding(workflow, job.position, "\(name)@\(ref) follows a moving ref", "A branch can change under the workflow; the called workflow runs with this job's token.",
                       "    uses: \(name)@<full commit SHA> # vX.Y.Z")
    }

    /// A major below the guide's minimum, or one still on Node 20.
    private func outdated(_ workflow: Workflow, _ step: Step, action: String, shown: String, major: Int) -> DoctorFinding? {
        let current = Self.node24Major[action] ?? Self.minimumMajor[action]
        if let minimum = Self.minimumMajor[action], let current, major < minimum {
            return finding(workflow, step, "\(shown) is below v\(minimum)", "Older majors lack attestation support and run on retired Node versions.",
                           "      - uses: \(action)@v\(current)  # or pin: \(action)@<full commit SHA> # v\(current)")
        }
        if let node24 = Self.node24Major[action], major < node24 {
            return finding(workflow, step, "\(shown) runs on Node 20", "GitHub Actions deprecated the Node 20 runtime (removal scheduled for 2026-09-23); v\(node24) runs on Node 24.",
                           "      - uses: \(action)@<full commit SHA> # v\(node24)")
        }
        return nil
    }

    /// The version in the comment after a commit-pinned `uses:` (`# v6.7.0`, `#v3`), read
    /// from the source line, which Yams does not keep.
    static func versionComment(of step: Step, in workflow: Workflow) -> String? {
        guard let at = step.usesPosition, at.line >= 1, at.line <= workflow.lines.count else { return nil }
        let line = workflow.lines[at.line - 1]
        guard let hash = line.range(of: "#", options: .backwards) else { return nil }
        let comment = line[hash.upperBound...].drop { $0 == " " }
        let version = comment.prefix { !$0.isWhitespace }
        return version.isEmpty ? nil : String(version)
    }

    private func finding(_ workflow: Workflow, _ step: Step, _ message: String, _ why: String, _ fix: String) -> DoctorFinding {
        finding(workflow, step.usesPosition ?? step.position, message, why, fix)
    }

    private func finding(_ workflow: Workflow, _ position: SourcePosition, _ message: String, _ why: String, _ fix: String) -> DoctorFinding {
        DoctorFinding(rule: id, severity: .warning, path: workflow.path, position: position, message: message, why: why, fix: fix)
    }

    /// `v3`, `v3.1.0`, `3` → 3; nil for branch names.
    static func major(_ ref: String) -> Int? {
        let digits = (ref.hasPrefix("v") ? ref.dropFirst() : Substring(ref)).prefix { $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return Int(digits)
    }
}
