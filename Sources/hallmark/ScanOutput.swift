import ArgumentParser
import Reporting
import VulnMatch

/// One `-o FORMAT[=FILE]` of `hallmark scan`.
struct ScanOutput: ExpressibleByArgument {
    enum Format: String {
        case table, json, sarif
    }

    let format: Format
    let target: OutputTarget

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard let format = Format(rawValue: parts[0]) else { return nil }
        self.format = format
        target = OutputTarget(parts.count > 1 ? parts[1] : nil)
    }

    func render(_ report: ScanReport) throws -> String {
        switch format {
        case .json: return try JSONOutput.render(report) + "\n"
        case .sarif: return try JSONOutput.render(SARIFLog(report)) + "\n"
        case .table: return ScanTable.render(report)
        }
    }
}
