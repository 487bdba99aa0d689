import ArgumentParser

/// What every `hallmark attest` subcommand takes: the image, the key, where the
/// bundles go, and which manifests are the subjects.
struct AttestOptions: ParsableArguments {
    @Argument(help: "The image: REF, registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG].")
    var image: String

    @Option(help: "PEM private key (from 'hallmark key generate'); default: the PEM in HALLMARK_SIGNING_KEY. Passphrase: HALLMARK_PASSWORD.")
    var key: String?

    @Option(name: .shortAndLong, help: "Write the bundles to this file, one JSON bundle per line (as 'gh attestation download' does).")
    var output: String?

    @Flag(help: "Attach each bundle to its platform manifest as an OCI 1.1 referrer (registry or oci-dir).")
    var push = false

    @Option(help: "Only this platform of an index (os/arch[/variant]); default: every platform.")
    var platform: String?

    @Option(help: "platforms (each platform manifest, the default) or index (also the index itself).")
    var subject: SubjectScope = .platforms

    @OptionGroup var registryOptions: RegistryOptions
}

/// Which manifests of an image get a statement.
enum SubjectScope: String, ExpressibleByArgument, CaseIterable {
    case platforms
    case index
}
