/// A buildx or BuildKit pinned below the versions attestations need (the guide's section
/// 7): buildx before 0.10 has no `--provenance`/`--sbom` ("unknown flag: --provenance"),
/// and BuildKit before 0.11 cannot produce attestations.
struct BuildKitVersionRule: WorkflowRule {
    let id = "buildkit-version"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.filter { $0.action == "docker/setup-buildx-action" }.flatMap { step -> [DoctorFinding] in
                var found: [DoctorFinding] = []
                if let version = step.inputs["version"], let parsed = Self.version(version), parsed < (0, 10) {
                    found.append(DoctorFinding(
                        rule: id, severity: .error, path: workflow.path, position: step.inputPositions["version"] ?? step.position,
                        message: "buildx \(version) predates attestations (buildx 0.10)",
                        why: "buildx before 0.10 has no --provenance or --sbom: the build fails with \"unknown flag: --provenance\".",
                        fix: "          version: latest"))
                }
                if let options = step.inputs["driver-opts"], let image = Self.buildkitImage(options), let parsed = Self.version(image.tag),
                   parsed < (0, 11) {
                    found.append(DoctorFinding(
                        rule: id, severity: .error, path: workflow.path, position: step.inputPositions["driver-opts"] ?? step.position,
                        message: "BuildKit \(image.tag) predates attestations (BuildKit 0.11)",
                        why: "BuildKit before 0.11 cannot produce provenance or SBOM attestations (\"attestations are not supported by the current buildkitd\").",
                        fix: "          driver-opts: image=\(image.name):buildx-stable-1"))
                }
                return found
            }
        }
    }

    /// `v0.9.1`, `0.10` → (major, minor); nil for `latest` and other names.
    static func version(_ text: String) -> (Int, Int)? {
        let parts = (text.hasPrefix("v") ? text.dropFirst() : Substring(text)).split(separator: ".")
        guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1].prefix { $0.isNumber }) else { return nil }
        return (major, minor)
    }

    /// The `image=NAME:TAG` of a driver-opts list, when it names moby/buildkit.
    static func buildkitImage(_ options: String) -> (name: String, tag: String)? {
        for option in options.split(whereSeparator: { $0 == "\n" || $0 == "," }) {
            let trimmed = option.drop { $0 == " " }
            guard trimmed.hasPrefix("image="), trimmed.has("moby/buildkit") else { continue }
            let reference = trimmed.dropFirst("image=".count)
            guard let colon = reference.lastIndex(of: ":") else { return nil }
            return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]).trimmingTrailingSpaces)
        }
        return nil
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        String(self[..<(lastIndex { $0 != " " }.map { index(after: $0) } ?? startIndex)])
    }
}
