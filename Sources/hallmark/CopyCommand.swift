import ArgumentParser
import ImageCopy
import OCIModel
import Reporting

/// `hallmark copy`: an image or a whole index, with its attestations, from anywhere to anywhere.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an image or index with its attestations between registries and image layouts.",
        discussion: """
            Manifests are copied byte for byte, so the destination has the same digests. Blobs the \
            destination already has are skipped and blobs in another repository of the same registry \
            are mounted. Referrers (OCI 1.1 artifacts such as signatures and attestations) and cosign \
            .att/.sig tags of every copied manifest come along unless --no-referrers is given.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "Source: REF, registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG].")
    var source: String

    @Argument(help: "Destination: REF, registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG].")
    var destination: String

    @Flag(help: "Copy every manifest of an index (all platforms and attestation manifests).")
    var all = false

    @Option(help: "Which platform to copy from an index without --all (default: this machine's).")
    var platform: String?

    @Flag(name: .customLong("no-referrers"), help: "Do not copy referrers and cosign tags.")
    var noReferrers = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var registryOptions: RegistryOptions

    func run() async throws {
        let from = try await ImageLocation.openSource(source, options: registryOptions, others: [destination])
        defer { from.close() }
        let to = try await ImageLocation.openDestination(destination, options: registryOptions, others: [source])
        defer { to.close() }
        var options = CopyOptions(all: all, includeReferrers: !noReferrers, retry: registryOptions.retryPolicy)
        if let platform { options.platform = try Platform(parsing: platform) }
        let copier = ImageCopier(from: from.source, to: to.destination, options: options) { progress in
            Terminal.progress("copying blobs \(progress.blobsDone)/\(progress.blobsTotal), \(ByteCount.format(progress.bytesDone))")
        }
        let report = try await copier.copy(from.tagOrDigest, as: to.tag)
        Terminal.clearProgress()
        switch format {
        case .json:
            Terminal.print(try JSONOutput.render(report))
        case .text:
            Terminal.print("Copied \(from.name) to \(to.name)")
            Terminal.print("Digest: \(report.digest)")
            Terminal.print("Manifests: \(report.manifestsCopied) (\(report.referrersCopied) referrers), blobs: \(report.blobsCopied) copied (\(ByteCount.format(report.bytesCopied))), \(report.blobsSkipped) already present, \(report.blobsMounted) mounted")
        }
    }
}
