import ArgumentParser

/// `hallmark sbom`: catalog a source's packages (the default), or trim an SBOM.
struct SBOMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Generate an SBOM (SPDX 2.3, CycloneDX 1.6, table or JSON) of an image, directory or file, or trim one.",
        subcommands: [SBOMGenerateCommand.self, SBOMTrimCommand.self],
        defaultSubcommand: SBOMGenerateCommand.self
    )
}
