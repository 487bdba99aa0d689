import ArgumentParser
import Catalog
import Foundation
import ImageFS
import Reporting
import SBOMFormats
import VulnDB
import VulnMatch

/// `hallmark scan`: known vulnerabilities of an image's (or an SBOM's) packages.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Match the packages of an SBOM, image or directory against the offline OSV advisory database.",
        discussion: """
            TARGET is an SPDX or CycloneDX JSON file (any tool's), or anything 'hallmark sbom' catalogs \
            (REF, oci-dir:, oci-archive:, docker-archive:, dir:, file:). Packages are matched by PURL: \
            Debian and Ubuntu by source package, Alpine, PyPI, npm, Go, Maven, RubyGems, crates.io, NuGet, \
            Packagist, each with its exact version ordering.

            Ignore rules come from --config, else .grype.yaml or .hallmark.yaml here (Grype's ignore: \
            schema), and --vex OpenVEX documents' not_affected statements; ignored findings are listed \
            with their reason, never dropped silently. \
            --fail-on SEVERITY exits 1 when a finding at or above it remains.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "An SBOM file, or an image or directory to catalog.")
    var target: String

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding at or above this severity remains: negligible, low, medium, high, critical.")
    var failOn: Severity?

    @OptionGroup var policyOptions: ScanPolicyOptions

    @Option(name: .shortAndLong, parsing: .singleValue, help: "Output table, json or sarif, optionally =FILE (repeatable).")
    var output: [ScanOutput] = []

    @Option(help: "Platform of a multi-arch image (os/arch[/variant]). Default: this machine's.")
    var platform: String?

    @OptionGroup var database: AdvisoryDatabaseOptions

    @OptionGroup var registryOptions: RegistryOptions

    func run() async throws {
        let packages = try await packages()
        let matcher = VulnerabilityMatcher(database: try database.open(requireContent: true))
        let result = try matcher.match(packages)
        let outcome = try policyOptions.policy(failOn: failOn).apply(result)
        let report = ScanReport(target: target, packages: packages.count, result: result, outcome: outcome)
        for format in output.isEmpty ? [ScanOutput(argument: "table")!] : output {
            try format.target.write(Array(try format.render(report).utf8))
        }
        if let threshold = outcome.threshold, !outcome.failing.isEmpty {
            Terminal.error("failing: \(outcome.failing.count) findings at or above \(threshold.rawValue)")
            throw ExitCode(ExitStatus.failed.rawValue)
        }
    }

    /// The packages of an SBOM file, else of the cataloged source.
    private func packages() async throws -> [CatalogPackage] {
        var isDirectory: ObjCBool = false
        if !target.contains(":") || target.hasPrefix("/") || target.hasPrefix("."),
           FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            let read = try SBOMReader().read(path: target)
            for warning in read.warnings.prefix(10) { Terminal.error("warning: \(warning)") }
            return read.packages
        }
        let opened = try await SBOMSourceOpener.open(target, platform: platform, options: registryOptions)
        defer { opened.close() }
        var packages: [CatalogPackage] = []
        for (_, source, _) in try await opened.targets() {
            let report = try await SBOMCataloging(catalogers: Catalogers.all).catalog(source)
            for warning in report.warnings { Terminal.error("warning: \(warning)") }
            packages += report.packages
        }
        return packages
    }
}

extension Severity: ExpressibleByArgument {
    /// A threshold name in any case; anything else is a usage error listing the names.
    public init?(argument: String) {
        self.init(threshold: argument)
    }

    public static var allValueStrings: [String] { Severity.thresholdNames.components(separatedBy: ", ") }
}
