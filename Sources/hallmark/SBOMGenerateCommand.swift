import ArgumentParser
import Catalog
import Foundation
import ImageFS
import OCILayout
import OCIModel
import Reporting
import SBOMFormats

/// `hallmark sbom SOURCE`: one streaming pass over the source, every cataloger, any formats.
struct SBOMGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Catalog the packages of an image, directory or file and write SBOMs.",
        discussion: """
            Sources: REF or registry:REF, oci-dir:PATH[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE[:TAG], \
            dir:PATH, file:PATH. Layers are streamed once, never unpacked to disk; only the files \
            catalogers ask for are kept.

            Outputs: -o FORMAT[=FILE], repeatable, with FORMAT one of table (the default, to stdout), \
            spdx-json, cyclonedx-json, json (Hallmark's own, docs/sbom-json.md). Files are written \
            atomically. With --platform all, each platform gets its own file (NAME.os-arch.EXT).

            \(ExitStatus.help)
            """
    )

    @Argument(help: "What to catalog.")
    var source: String

    @Option(name: .shortAndLong, parsing: .singleValue, help: "Output FORMAT[=FILE] (repeatable).")
    var output: [SBOMOutput] = []

    @Option(help: "Platform of a multi-arch image (os/arch[/variant]), or 'all'. Default: this machine's.")
    var platform: String?

    @Option(help: "squashed (the final filesystem) or all-layers (every file of every layer).")
    var scope: CatalogScope = .squashed

    @Flag(name: .customLong("file-metadata"), help: "Hash every regular file (SHA-1, SHA-256) and list them in the SBOM's files section.")
    var fileMetadata = false

    @Option(name: .customLong("max-size"), help: "Trim SPDX output to at most this size (e.g. 16MiB, GitHub's attestation limit).")
    var maxSize: SizeArgument?

    @OptionGroup var registryOptions: RegistryOptions

    func run() async throws {
        let outputs = output.isEmpty ? [SBOMOutput(argument: "table")!] : output
        let cataloging = SBOMCataloging(catalogers: Catalogers.all, scope: scope, options: WalkOptions(progress: { progress in
            let total = progress.bytesTotal > 0 ? " of \(ByteCount.format(progress.bytesTotal))" : ""
            Terminal.progress("reading layers \(progress.layersDone)/\(progress.layerCount), \(ByteCount.format(progress.bytesRead))\(total)")
        }, fileMetadata: fileMetadata))
        let opened = try await SBOMSourceOpener.open(source, platform: platform, options: registryOptions)
        defer { opened.close() }
        for (platform, catalogSource, sbomSource) in try await opened.targets() {
            let report = try await cataloging.catalog(catalogSource)
            Terminal.clearProgress()
            for warning in report.warnings { Terminal.error("warning: \(warning)") }
            var described = sbomSource
            described.platform = described.platform ?? report.platform
            let input = SBOMDocumentInput(
                source: described, distro: report.distro, packages: report.packages,
                files: report.files.map { SBOMFileEntry(path: $0.path, sha1: $0.sha1, sha256: $0.sha256, layer: $0.layer) },
                tool: SBOMTool(version: Hallmark.version), created: Date(), namespaceSeed: UUID())
            for output in outputs {
                let target = platform.map { output.target.forPlatform($0.description) } ?? output.target
                try SBOMWriter(maxSize: maxSize?.bytes).write(input, kind: output.kind, to: target)
            }
        }
    }
}

extension CatalogScope: ExpressibleByArgument {}
