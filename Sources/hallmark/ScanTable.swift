import Reporting
import VulnMatch

/// The human form of a scan: the findings grouped by severity, the summary counts, and the ignored findings with their reasons.
enum ScanTable {
    static func render(_ report: ScanReport) -> String {
        var table = TextTable(headers: ["NAME", "INSTALLED", "FIXED IN", "TYPE", "VULNERABILITY", "SEVERITY"])
        for finding in report.findings {
            table.append([finding.package.name, finding.package.version, finding.fixedVersions.joined(separator: ", "),
                          finding.package.type, finding.advisoryID, finding.severity.rawValue.capitalized])
        }
        var lines = report.findings.isEmpty ? ["No vulnerabilities found in \(report.packages) packages."] : [table.render()]
        lines.append("")
        lines.append("Vulnerability summary: " + report.counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", "))
        if !report.ignored.isEmpty {
            lines.append("")
            lines.append("Ignored (\(report.ignored.count)):")
            for ignored in report.ignored {
                lines.append("  \(ignored.finding.advisoryID) in \(ignored.finding.package.name) \(ignored.finding.package.version): \(ignored.reason) (\(ignored.rule))")
            }
        }
        if !report.exactOnlyEcosystems.isEmpty {
            lines.append("")
            lines.append("Matched by exact version only (no known ordering): \(report.exactOnlyEcosystems.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
