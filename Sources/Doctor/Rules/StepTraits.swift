/// What a step does, as several rules ask it.
extension Step {
    /// A `docker/build-push-action` step that pushes (`push:` true or an expression).
    var isPushingBuild: Bool {
        action == "docker/build-push-action" && (inputs["push"] ?? "false") != "false"
    }

    /// An SBOM attest step: `actions/attest-sbom`, or `actions/attest` with `sbom-path`.
    var attestsSBOM: Bool {
        action == "actions/attest-sbom" || (action == "actions/attest" && inputs["sbom-path"] != nil)
    }
}
