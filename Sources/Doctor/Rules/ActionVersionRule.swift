/// Actions below the troubleshooting guide's minimum majors, refs that can move
/// (`@latest`, `@main`, branches), and, for the actions of the supply chain itself
/// (docker/*, actions/attest*, sigstore/*, anchore/*), version tags, which their owners
/// can move too: pin a full commit SHA with a version comment.
struct ActionVersionRule: WorkflowRule {
    let id = "action-version"
    static let supplyChainPrefixes = ["docker/", "actions/attest", "sigstore/", "anchore/"]
    static let minimumMajor: [String: Int] = [
        "docker/setup-buildx-action": 3, "docker/build-push-action": 5, "docker/setup-qemu-action": 3, "docker/login-action": 3,
        "actions/attest-build-provenance": 2, "actions/attest-sbom": 2,
    ]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard let action = step.action, let ref = step.ref, !action.hasPrefix("./") else { return nil }
                if ref.count == 40, ref.allSatisfy(\.isHexDigit) { return nil }
                if let major = Self.major(ref) {
                    if let minimum = Self.minimumMajor[action], major < minimum {
                        return finding(workflow, step, "\(action)@\(ref) is below v\(minimum)", "Older majors lack attestation support or run on deprecated Node versions.",
                                       "      - uses: \(action)@v\(minimum)  # or pin: \(action)@<full commit SHA> # v\(minimum)")
                    }
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

    private func finding(_ workflow: Workflow, _ step: Step, _ message: String, _ why: String, _ fix: String) -> DoctorFinding {
        DoctorFinding(rule: id, severity: .warning, path: workflow.path, position: step.position, message: message, why: why, fix: fix)
    }

    /// `v3`, `v3.1.0`, `3` → 3; nil for branch names.
    static func major(_ ref: String) -> Int? {
        let digits = (ref.hasPrefix("v") ? ref.dropFirst() : Substring(ref)).prefix { $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return Int(digits)
    }
}
