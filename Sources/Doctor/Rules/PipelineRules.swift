import Foundation

/// How docker/build-push-action records provenance: absent means `mode=min` for pushed
/// images, `false` means none; the PR gating expression
/// `github.event_name != 'pull_request' && 'mode=max' || 'false'` is intentional.
struct ProvenanceModeRule: WorkflowRule {
    let id = "provenance-mode"
    static let gating = "github.event_name != 'pull_request' && 'mode=max' || 'false'"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.action == "docker/build-push-action", let push = step.inputs["push"], push != "false" else { return nil }
                let value = step.inputs["provenance"]
                if let value, value.has("${{") { return nil }  // expressions (the PR gating among them) are intentional
                let message: String
                let severity: DoctorFinding.Severity
                switch value?.lowercased() {
                case nil: (message, severity) = ("provenance is not set: pushed images get mode=min provenance", .info)
                case "false": (message, severity) = ("provenance: false: the image gets no build provenance", .warning)
                case "true", "mode=min": (message, severity) = ("provenance: \(value ?? "") records mode=min provenance (no build inputs)", .info)
                default: return nil
                }
                return DoctorFinding(
                    rule: id, severity: severity, path: workflow.path, position: step.inputPositions["provenance"] ?? step.position, message: message,
                    why: "mode=max provenance records the build's inputs; gate it off for pull requests rather than disabling it.",
                    fix: "          provenance: ${{ \(Self.gating) }}")
            }
        }
    }
}

/// Attest or sign steps that run on fork pull requests, where no OIDC token or write
/// permission exists: they fail (the runbook skips them).
struct AttestOnForkPRRule: WorkflowRule {
    let id = "attest-on-pull-request"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        guard workflow.runsOnPullRequests else { return [] }
        return workflow.jobs.flatMap { job -> [DoctorFinding] in
            if Self.guards(job.condition) { return [] }
            let traits = JobTraits(job: job)
            return (traits.attestSteps + traits.keylessCosignSteps).filter { !Self.guards($0.condition) }.map { step in
                DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "\(step.action ?? "cosign") in job '\(job.id)' also runs on pull requests, where forks get no OIDC token",
                    why: "Fork pull requests have no id-token or attestations permission, so attestation fails; skip it for pull requests.",
                    fix: "        if: github.event_name != 'pull_request'")
            }
        }
    }

    /// Whether a condition keeps the step off pull requests (or fork pull requests).
    static func guards(_ condition: String?) -> Bool {
        guard let condition else { return false }
        return condition.has("pull_request") || condition.has("head.repo") || condition.has("refs/tags") || condition.has("github.ref ==")
    }
}

/// Vulnerability scans that never fail the build.
struct ScanWithoutThresholdRule: WorkflowRule {
    let id = "scan-without-threshold"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                let unguarded: Bool
                if step.action == "anchore/scan-action" {
                    unguarded = step.inputs["severity-cutoff"] == nil && (step.inputs["fail-build"] ?? "true") == "false"
                        || step.inputs["severity-cutoff"] == nil && step.inputs["fail-build"] == nil
                } else if let run = step.run, Self.invokesGrype(run) {
                    unguarded = !run.has("--fail-on") && !run.has("-f ")
                } else {
                    return nil
                }
                guard unguarded else { return nil }
                return DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "a vulnerability scan in job '\(job.id)' has no severity threshold",
                    why: "The runbook's scan fails on critical vulnerabilities; without a threshold the scan never fails the build.",
                    fix: step.action == "anchore/scan-action" ? "        with:\n          severity-cutoff: critical\n          fail-build: true" : "        run: grype … --fail-on critical")
            }
        }
    }

    /// Whether a shell script runs grype (a command line starting with it, not a comment).
    static func invokesGrype(_ run: String) -> Bool {
        run.utf8.split(separator: UInt8(ascii: "\n")).contains { line in
            let command = Substring(line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            return !command.hasPrefix("#") && (command.hasPrefix("grype ") || command.has("/grype "))
        }
    }
}

/// An attestation pushed to the registry for the digest of a build that did not push
/// (`push: false`, `load: true`): the digest is not in the registry, and the attestation
/// upload fails with "expected 200, received 404".
struct AttestUnpushedDigestRule: WorkflowRule {
    let id = "attest-unpushed-digest"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            let unpushed = Set(job.steps.filter { step in
                step.action == "docker/build-push-action" && (step.inputs["push"] ?? "false") == "false"
            }.compactMap(\.id))
            return JobTraits(job: job).attestSteps.compactMap { step in
                guard (step.inputs["push-to-registry"] ?? "false") == "true", let digest = step.inputs["subject-digest"],
                      let source = unpushed.first(where: { digest.has("steps.\($0).outputs.digest") }) else { return nil }
                return DoctorFinding(
                    rule: id, severity: .error, path: workflow.path, position: step.inputPositions["subject-digest"] ?? step.position,
                    message: "the attestation is pushed for the digest of step '\(source)', which does not push the image",
                    why: "push-to-registry attaches the bundle to that digest in the registry; an image built with push: false (load: true) is not there (\"expected 200, received 404\").",
                    fix: "          subject-digest: ${{ steps.<the step that pushes, with push: true>.outputs.digest }}")
            }
        }
    }
}

/// Registry login that runs on pull requests while the build pushes only outside them:
/// fork pull requests have no secrets, so the login step fails the build for nothing.
struct LoginConditionRule: WorkflowRule {
    let id = "login-condition"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        guard workflow.runsOnPullRequests else { return [] }
        return workflow.jobs.flatMap { job -> [DoctorFinding] in
            guard !AttestOnForkPRRule.guards(job.condition) else { return [] }
            let pushesOutsidePRs = job.steps.contains { step in
                step.action == "docker/build-push-action" && (step.inputs["push"] ?? "").has("pull_request")
            }
            guard pushesOutsidePRs else { return [] }
            return job.steps.filter { $0.action == "docker/login-action" && !AttestOnForkPRRule.guards($0.condition) }.map { step in
                DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.position,
                    message: "docker/login-action in job '\(job.id)' runs on pull requests, but the build pushes only outside them",
                    why: "Fork pull requests get no secrets, so the login fails the run although nothing is pushed; give the login the push's condition.",
                    fix: "        if: github.event_name != 'pull_request'")
            }
        }
    }
}

/// GitHub Actions cache exports: `mode=min` by default (only the final stage), and
/// exports from pull requests, which forks cannot write.
struct CacheExportRule: WorkflowRule {
    let id = "cache-export"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let onPullRequests = workflow.runsOnPullRequests
        return workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.action == "docker/build-push-action", let cacheTo = step.inputs["cache-to"], cacheTo.has("type=gha") else { return nil }
                let position = step.inputPositions["cache-to"] ?? step.position
                if onPullRequests, !cacheTo.has("${{"), !AttestOnForkPRRule.guards(job.condition), !AttestOnForkPRRule.guards(step.condition) {
                    return DoctorFinding(
                        rule: id, severity: .info, path: workflow.path, position: position,
                        message: "the GitHub cache is exported on pull requests too",
                        why: "Fork pull requests cannot write the repository's cache; export it only outside pull requests.",
                        fix: "          cache-to: ${{ github.event_name != 'pull_request' && 'type=gha,mode=max' || '' }}")
                }
                guard !cacheTo.has("mode=max") else { return nil }
                return DoctorFinding(
                    rule: id, severity: .info, path: workflow.path, position: position,
                    message: "cache-to: type=gha without mode=max exports only the final stage",
                    why: "Multi-stage builds (and their provenance's cache references) reuse intermediate stages only with mode=max.",
                    fix: "          cache-to: type=gha,mode=max")
            }
        }
    }
}

/// Pushed builds with no SBOM attestation anywhere in the workflow: neither `sbom: true`
/// on the build nor an SBOM attest step.
struct SBOMInputRule: WorkflowRule {
    let id = "sbom-missing"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let attestsSBOM = workflow.jobs.contains { job in
            job.steps.contains { $0.action == "actions/attest-sbom" || ($0.action == "actions/attest" && $0.inputs["sbom-path"] != nil) }
        }
        guard !attestsSBOM else { return [] }
        return workflow.jobs.flatMap { job in
            job.steps.compactMap { step -> DoctorFinding? in
                guard step.action == "docker/build-push-action", (step.inputs["push"] ?? "false") != "false",
                      (step.inputs["sbom"] ?? "false") == "false" else { return nil }
                return DoctorFinding(
                    rule: id, severity: .info, path: workflow.path, position: step.inputPositions["sbom"] ?? step.position,
                    message: "the pushed image gets no SBOM attestation (no sbom: true, no SBOM attest step)",
                    why: "The runbook attests an SPDX SBOM per platform; without one, scanners and verifiers have nothing to check.",
                    fix: "          sbom: true")
            }
        }
    }
}

/// SBOM attestations of files that may exceed GitHub's 16,777,216-byte predicate limit,
/// with no trim step before them in the job.
struct SBOMSizeRule: WorkflowRule {
    let id = "sbom-size"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.flatMap { job -> [DoctorFinding] in
            job.steps.enumerated().compactMap { index, step in
                guard step.action == "actions/attest-sbom" || (step.action == "actions/attest" && step.inputs["sbom-path"] != nil) else { return nil }
                let trimmed = job.steps[..<index].contains { earlier in
                    let text = ((earlier.name ?? "") + " " + (earlier.run ?? "")).lowercased()
                    return text.has("trim") || text.has("del(.files") || text.has("--max-size")
                }
                guard !trimmed else { return nil }
                return DoctorFinding(
                    rule: id, severity: .warning, path: workflow.path, position: step.inputPositions["sbom-path"] ?? step.position,
                    message: "the SBOM is attested without a trim step: large images exceed the 16 MiB predicate limit",
                    why: "GitHub refuses predicates over 16,777,216 bytes (\"predicate file exceeds maximum allowed size\"); the runbook trims the SBOM first.",
                    fix: "      - run: hallmark sbom trim sbom.spdx.json --max-size 16MiB -o sbom.spdx.json")
            }
        }
    }
}

/// Jobs that read the pushed image (SBOM, scan, SBOM attestation) in parallel with the
/// job that pushes it: without `needs:` on that job they can run before the push exists.
struct SBOMNeedsPushRule: WorkflowRule {
    let id = "sbom-needs-push"
    static let readers: Set<String> = ["anchore/sbom-action", "anchore/scan-action", "actions/attest-sbom", "aquasecurity/trivy-action"]

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        let pushers = Set(workflow.jobs.filter { job in
            job.steps.contains { $0.action == "docker/build-push-action" && ($0.inputs["push"] ?? "false") != "false" }
        }.map(\.id))
        guard !pushers.isEmpty else { return [] }
        let needs = Dictionary(workflow.jobs.map { ($0.id, $0.needs) }, uniquingKeysWith: { first, _ in first })
        return workflow.jobs.compactMap { job in
            guard !pushers.contains(job.id), let reader = job.steps.first(where: { $0.action.map(Self.readers.contains) ?? false }) else { return nil }
            guard pushers.isDisjoint(with: Self.ancestors(of: job.id, needs: needs)) else { return nil }
            return DoctorFinding(
                rule: id, severity: .warning, path: workflow.path, position: job.position,
                message: "job '\(job.id)' reads the image (\(reader.action ?? "")) but does not need the job that pushes it (\(pushers.sorted().joined(separator: ", ")))",
                why: "Jobs run in parallel unless ordered by needs:, so the SBOM or scan can run before the image is pushed.",
                fix: "    needs: [\(pushers.sorted().joined(separator: ", "))]")
        }
    }

    /// Every job `id` needs, directly or through others (cycles stop).
    static func ancestors(of id: String, needs: [String: [String]]) -> Set<String> {
        var seen = Set<String>()
        var pending = needs[id] ?? []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += needs[next] ?? []
        }
        return seen
    }
}
