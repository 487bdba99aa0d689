import ArgumentParser

/// `hallmark attest`: signed in-toto statements about each platform of an image.
struct AttestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Sign SLSA provenance, SBOM or vulnerability statements for each platform of an image, and attach them.",
        discussion: """
            Each platform manifest of the image (and with --subject index, the index) gets its own in-toto \
            Statement v1, signed into a DSSE envelope inside a Sigstore bundle v0.3 whose \
            verificationMaterial.publicKey.hint is the key's id. Bundles go to -o FILE (JSON lines) or \
            stdout; --push attaches each to its manifest as an OCI 1.1 referrer (artifactType \
            application/vnd.dev.sigstore.bundle.v0.3+json), through the referrers API or the sha256-<hex> \
            tag fallback. Re-running does not attach the same statement twice.

            The signing key is --key FILE or the PEM in HALLMARK_SIGNING_KEY; an encrypted key's passphrase \
            is read from HALLMARK_PASSWORD.

            \(ExitStatus.help)
            """,
        subcommands: [AttestProvenanceCommand.self, AttestSBOMCommand.self, AttestVulnCommand.self]
    )
}
