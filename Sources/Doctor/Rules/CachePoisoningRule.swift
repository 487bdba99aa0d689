/// A job that publishes (pushes an image, signs or attests) after restoring a cache that
/// other workflow runs write: what they put there can change the release without showing
/// in its provenance. SLSA Build L3 requires builds not to be influenced by other builds'
/// caches.
struct CachePoisoningRule: WorkflowRule {
    let id = "cache-poisoning"
    /// Setup actions whose `cache:` input restores a package cache.
    static let setupActions: Set<String> = ["actions/setup-node", "actions/setup-python", "actions/setup-java", "actions/setup-dotnet"]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            guard let publish = job.steps.firstIndex(where: Self.publishes) else { return [] }
            return job.steps[..<publish].compactMap { step -> DoctorFinding? in
                guard let (reason, position) = Self.restoresCache(step) else { return nil }
                return DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: position,
                    message: "job '\(job.id)' publishes (line \(job.steps[publish].position.line)) after restoring a cache: \(reason)",
                    why: "A cache written by another run can change what is released without appearing in its provenance; SLSA Build L3 requires builds not to be influenced by other builds' caches.",
                    fix: step.action == "actions/cache" || step.action == "actions/cache/restore"
                        ? "      # restore caches only in jobs that do not publish" : "        with:\n          cache: false")
            }
        }
    }

    /// Whether a step pushes, signs or attests.
    static func publishes(_ step: Step) -> Bool {
        if LoginOrderRule.push(step) != nil { return true }
        if let action = step.action, JobTraits.attestActions.contains(action) { return true }
        guard let run = step.run else { return false }
        return run.has("docker push") || run.has("cosign sign") || run.has("cosign attest") || run.has("imagetools create")
    }

    /// Why `step` restores a cache, and where to point, if it does.
    static func restoresCache(_ step: Step) -> (String, SourcePosition)? {
        guard let action = step.action else { return nil }
        let cache = step.inputs["cache"]
        let at = step.inputPositions["cache"] ?? step.position
        switch action {
        case "actions/cache", "actions/cache/restore":
            return ("\(action) restores `\(step.inputs["key"] ?? "a key")`", step.position)
        case "actions/setup-go":
            // setup-go caches by default since v4; v3 only with `cache: true`.
            let major = step.ref.flatMap(ActionVersionRule.major) ?? 4
            let enabled = cache.map { $0 != "false" } ?? (major >= 4)
            return enabled ? (cache == nil ? "actions/setup-go@\(step.ref ?? "") caches Go modules by default" : "actions/setup-go with `cache: \(cache ?? "")`", at) : nil
        case let setup where setupActions.contains(setup):
            guard let cache, !cache.isEmpty, cache != "false" else { return nil }
            return ("\(setup) with `cache: \(cache)`", at)
        default:
            return nil
        }
    }
}
