import ArgumentParser
import SBOMFormats

/// One `-o FORMAT[=FILE]` of `hallmark sbom`, as Syft spells it.
struct SBOMOutput: ExpressibleByArgument, Sendable {
    /// What to write: an SBOM format, or the human table.
    enum Kind: Sendable, Equatable {
        case table
        case document(SBOMFormat)
    }

    let kind: Kind
    let target: OutputTarget

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        if parts[0] == "table" {
            kind = .table
        } else if let format = SBOMFormat(rawValue: parts[0]) {
            kind = .document(format)
        } else {
            return nil
        }
        target = OutputTarget(parts.count == 2 ? parts[1] : nil)
    }

    static var defaultValueDescription: String {
        "table | spdx-json | cyclonedx-json | json, optionally =FILE"
    }
}
