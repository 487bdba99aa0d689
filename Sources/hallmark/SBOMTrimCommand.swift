import ArgumentParser
import SBOMFormats

/// `hallmark sbom trim`: shrink an SPDX SBOM under a size budget (GitHub's 16 MiB predicate limit).
struct SBOMTrimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trim",
        abstract: "Shrink an SPDX JSON SBOM under a size limit, never removing a package or its PURL.",
        discussion: """
            Removes, in this order and only as far as needed: the files section and file-level \
            relationships, annotations, externalDocumentRefs, optional package fields (checksums, \
            sourceInfo, comment, description, …), then whitespace. Prints what each step removed and \
            the size after it. Streams: memory stays bounded whatever the input size.

            Exit 1 when the SBOM still does not fit after every step.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "The SPDX JSON SBOM to trim.")
    var sbom: String

    @Option(name: .customLong("max-size"), help: "The size limit (default 16MiB: GitHub's attestation predicate limit).")
    var maxSize: SizeArgument = .githubPredicateLimit

    @Option(name: .shortAndLong, help: "Where to write the trimmed SBOM (default: replace nothing, write to stdout).")
    var output: String?

    func run() async throws {
        let trimmer = SBOMTrimmer(maxSize: Int(maxSize.bytes))
        let report: SBOMTrimReport
        do {
            if let output {
                report = try trimmer.trim(file: sbom, output: output)
            } else {
                let result = try trimmer.trim(document: try FileInput.read(sbom), source: sbom)
                Terminal.write(result.document)
                report = result.report
            }
        } catch let error as SBOMTrimError {
            guard case .doesNotFit(let report) = error else { throw error }
            Self.describe(report)
            Terminal.error("error: \(SBOMTrimError.doesNotFit(report).description)")
            throw ExitCode(ExitStatus.failed.rawValue)
        }
        Self.describe(report)
    }

    static func describe(_ report: SBOMTrimReport) {
        Terminal.error("original size: \(report.originalSize) bytes, limit \(report.maxSize)")
        for step in report.steps {
            let removed = step.removed.isEmpty ? "nothing" : step.removed.map(\.description).joined(separator: ", ")
            Terminal.error("  \(step.step): removed \(removed); size now \(step.sizeAfter) bytes")
        }
        if report.steps.isEmpty { Terminal.error("  already fits; nothing removed") }
    }
}
