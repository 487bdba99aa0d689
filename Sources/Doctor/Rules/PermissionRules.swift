/// The permissions attestation jobs need, with GitHub's semantics: a job-level block
/// replaces the workflow-level one; with neither, the repository default applies, which
/// never grants `id-token: write`.
struct MissingIDTokenRule: WorkflowRule {
    let id = "missing-id-token"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        AttestationPermission(
            rule: id, scope: "id-token", steps: { $0.attestSteps + $0.keylessCosignSteps },
            describe: { job, step in "job '\(job.id)' signs or attests (line \(step.position.line)) without `id-token: write`" },
            why: "Sigstore signing needs a GitHub OIDC token, issued only to jobs with id-token: write (\"Failed to get ID token … ACTIONS_ID_TOKEN_REQUEST_URL\")."
        ).check(workflow) + unsignedBuildKitAttestations(workflow)
    }

    /// Jobs that push BuildKit provenance or SBOM attestations they asked for, with no
    /// signing step and no `id-token: write`: the guide's "attestation generated but
    /// unsigned" (warning: the build itself succeeds).
    func unsignedBuildKitAttestations(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { job in
            let traits = JobTraits(job: job)
            guard (traits.attestSteps + traits.keylessCosignSteps).isEmpty,
                  let build = traits.buildSteps.first(where: Self.pushesRequestedAttestations) else { return nil }
            let permissions = job.effectivePermissions(in: workflow)
            guard permissions?.level("id-token") != .write else { return nil }
            return DoctorFinding(
                rule: id, severity: .warning, path: workflow.path, position: permissions?.position ?? job.position,
                message: "job '\(job.id)' pushes BuildKit provenance/SBOM attestations (line \(build.position.line)) without `id-token: write`: they stay unsigned",
                why: "BuildKit stores its attestations unsigned; signing them with Sigstore (actions/attest-build-provenance, cosign) needs the GitHub OIDC token that id-token: write grants.",
                edit: PermissionFix.edit(for: job, adding: ["id-token": .write, "attestations": .write], in: workflow))
        }
    }

    /// A pushing build with provenance or an SBOM explicitly requested (not `false`).
    static func pushesRequestedAttestations(_ step: Step) -> Bool {
        guard step.isPushingBuild else { return false }
        let provenance = step.inputs["provenance"].map { $0 != "false" && !$0.isEmpty } ?? false
        return provenance || step.inputs["sbom"] == "true"
    }
}

struct MissingAttestationsWriteRule: WorkflowRule {
    let id = "missing-attestations-write"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        AttestationPermission(
            rule: id, scope: "attestations", steps: { $0.attestSteps },
            describe: { job, step in "job '\(job.id)' uses \(step.action ?? "actions/attest") (line \(step.position.line)) without `attestations: write`" },
            why: "Storing the attestation needs attestations: write (\"Resource not accessible by integration\")."
        ).check(workflow)
    }
}

/// A write permission that jobs with some attestation steps need: reported at the
/// permissions block in force (or the job), with the block to use instead.
struct AttestationPermission {
    let rule: String
    let scope: String
    let steps: (JobTraits) -> [Step]
    let describe: (Job, Step) -> String
    let why: String

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { job in
            guard let first = steps(JobTraits(job: job)).first else { return nil }
            let permissions = job.effectivePermissions(in: workflow)
            guard permissions?.level(scope) != .write else { return nil }
            // A workflow that is only called runs with its callers' token (reusable-workflow-permissions checks them).
            let inherited = permissions == nil && workflow.onlyCalled
            return DoctorFinding(
                rule: rule, severity: inherited ? .warning : .error, path: workflow.path, position: permissions?.position ?? job.position,
                message: describe(job, first) + (inherited ? "; it inherits its callers' permissions, so every caller must grant `\(scope): write`" : ""), why: why,
                edit: PermissionFix.edit(for: job, adding: ["id-token": .write, "attestations": .write], in: workflow))
        }
    }
}

struct MissingPackagesWriteRule: WorkflowRule {
    let id = "missing-packages-write"

    func check(_ workflow: Workflow) -> [DoctorFinding] {
        workflow.jobs.compactMap { job in
            guard JobTraits(job: job).pushesToGHCR else { return nil }
            let permissions = job.effectivePermissions(in: workflow)
            guard permissions?.level("packages") != .write else { return nil }
            // With no block at all the repository default applies: read-only in new repositories.
            return DoctorFinding(
                rule: id, severity: permissions == nil ? .warning : .error, path: workflow.path, position: permissions?.position ?? job.position,
                message: permissions == nil
                    ? "job '\(job.id)' pushes to ghcr.io relying on the repository's default token permissions"
                    : "job '\(job.id)' pushes to ghcr.io but its permissions do not include `packages: write`",
                why: "GHCR pushes (and attestation pushes) with GITHUB_TOKEN need packages: write; they fail with 403 Forbidden without it, and repositories created since 2023 default to read-only.",
                edit: PermissionFix.edit(for: job, adding: ["packages": .write], in: workflow))
        }
    }
}

/// The `permissions:` block a job should have: what it has now (its own or inherited), plus `adding`.
enum PermissionFix {
    static func edit(for job: Job, adding: [String: Permissions.Level], in workflow: Workflow) -> PermissionEdit {
        var scopes = job.effectivePermissions(in: workflow)?.expanded ?? [:]
        scopes["contents"] = scopes["contents"] ?? .read
        scopes.merge(adding) { max($0, $1) }
        return PermissionEdit(job: job.id, scopes: scopes)
    }
}
