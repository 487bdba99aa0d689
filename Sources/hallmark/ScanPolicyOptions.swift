import ArgumentParser
import Foundation
import VulnMatch

/// The options that make a ``ScanPolicy``, shared by `scan` and `attest vuln` so both
/// set aside the same findings.
struct ScanPolicyOptions: ParsableArguments {
    @Flag(name: .customLong("only-fixed"), help: "Report only findings with a fixed version.")
    var onlyFixed = false

    @Option(help: "Ignore rules (.grype.yaml schema); default .grype.yaml or .hallmark.yaml in the working directory.")
    var config: String?

    @Option(help: "An OpenVEX document whose not_affected statements suppress findings (repeatable).")
    var vex: [String] = []

    /// The policy, with `failOn` as its explicit threshold; the files are read here.
    func policy(failOn: Severity? = nil) throws -> ScanPolicy {
        let configPath = config ?? IgnoreConfig.defaultPath(in: FileManager.default.currentDirectoryPath)
        return ScanPolicy(
            ignores: try configPath.map { try IgnoreConfig.load(path: $0) },
            vex: try vex.map { try OpenVEXDocument.load(path: $0) },
            onlyFixed: onlyFixed, failOn: failOn)
    }
}
