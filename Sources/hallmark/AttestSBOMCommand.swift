import ArgumentParser
import Catalog
import Foundation
import ImageFS
import InToto
import OCIModel
import SBOMFormats

/// `hallmark attest sbom IMAGE`: each platform's SBOM as the predicate.
struct AttestSBOMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Attest an SPDX or CycloneDX SBOM for each platform of an image.",
        discussion: """
            Without --sbom, each platform is cataloged on the fly (as 'hallmark sbom' does) in --format. \
            With --sbom FILE (SPDX 2.2/2.3 or CycloneDX 1.4-1.6 JSON), that document is the predicate of \
            the one platform selected with --platform. A predicate over --max-predicate-size (GitHub's \
            16,777,216-byte limit by default) is refused, unless --trim shrinks an SPDX one to fit.

            \(ExitStatus.help)
            """
    )

    @OptionGroup var options: AttestOptions

    @Option(help: "An SBOM file to attest instead of cataloging the image (needs --platform for a multi-arch image).")
    var sbom: String?

    @Option(help: "Format of generated SBOMs: spdx-json or cyclonedx-json.")
    var format: PredicateFormat = .spdxJSON

    @Option(name: .customLong("max-predicate-size"), help: "The largest predicate accepted (default 16MiB, GitHub's attestation limit).")
    var maxPredicateSize = SizeArgument(bytes: Int64(SBOMTrimmer.attestationPredicateLimit))

    @Flag(help: "Trim an SPDX predicate over the limit (as 'hallmark sbom trim' does) instead of refusing it.")
    var trim = false

    func validate() throws {
        if options.subject == .index { throw ValidationError("--subject index: an SBOM describes a platform's filesystem; attest platforms only") }
    }

    func run() async throws {
        let file = try sbom.map { path in (path: path, bytes: try FileInput.read(path, limit: SBOMReader.maxDocumentSize)) }
        var attested = 0
        try await AttestationRun(options: options).run { target, location in
            attested += 1
            if let file {
                guard attested == 1 else {
                    throw UsageError("--sbom \(file.path) describes one platform, but the image has several; choose it with --platform")
                }
                let read = try SBOMReader().read(file.bytes, source: file.path)
                let type = read.format.hasPrefix("SPDX") ? PredicateType.spdx : PredicateType.cycloneDX
                return (type, try fitted(file.bytes, isSPDX: type == PredicateType.spdx, what: file.path, label: target.label))
            }
            let document = try await generate(target, location: location)
            return (format.predicateType, try fitted(document, isSPDX: format == .spdxJSON, what: "the generated SBOM", label: target.label))
        }
    }

    /// Catalogs one platform manifest and encodes it in `format`.
    private func generate(_ target: AttestationTarget, location: ImageLocation) async throws -> [UInt8] {
        let report = try await PlatformCataloging.report(for: target, location: location)
        let source = SBOMSource(name: location.subjectName, digest: target.descriptor.digest, platform: target.platform ?? report.platform,
                                mediaType: target.descriptor.mediaType)
        let input = SBOMDocumentInput(source: source, distro: report.distro, packages: report.packages,
                                      tool: SBOMTool(version: Hallmark.version), created: Date(), namespaceSeed: UUID())
        let sink = MemoryOutputSink()
        try format.sbomFormat.encode(input, to: sink)
        return sink.bytes
    }

    /// `document` if it fits the predicate budget; trimmed with `--trim` (SPDX only); else an error.
    private func fitted(_ document: [UInt8], isSPDX: Bool, what: String, label: String) throws -> Data {
        let limit = Int(maxPredicateSize.bytes)
        guard document.count > limit else { return Data(document) }
        guard trim, isSPDX else { throw PredicateTooLarge(what: what, platform: label, size: document.count, limit: limit, canTrim: isSPDX) }
        let trimmed = try SBOMTrimmer(maxSize: limit).trim(document: document, source: what)
        for step in trimmed.report.steps {
            Terminal.error("\(label): trimmed \(step.step): \(step.removed.map(\.description).joined(separator: ", ")) → \(step.sizeAfter) bytes")
        }
        return Data(trimmed.document)
    }
}

/// The SBOM formats an attestation predicate can have.
enum PredicateFormat: String, ExpressibleByArgument, CaseIterable {
    case spdxJSON = "spdx-json"
    case cycloneDXJSON = "cyclonedx-json"

    var sbomFormat: SBOMFormat { self == .spdxJSON ? .spdxJSON : .cycloneDXJSON }
    var predicateType: String { self == .spdxJSON ? PredicateType.spdx : PredicateType.cycloneDX }
}
