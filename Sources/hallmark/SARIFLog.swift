import Foundation
import VulnMatch

/// A scan as SARIF 2.1.0, the format GitHub code scanning reads: one rule per
/// advisory (with `security-severity`, the CVSS score GitHub ranks by), one result per
/// finding located at the file the package was found in.
struct SARIFLog: Encodable {
    struct Text: Encodable { let text: String }

    struct Rule: Encodable {
        struct Properties: Encodable {
            /// The CVSS score GitHub ranks security results by.
            let securitySeverity: String
            let tags: [String]

            enum CodingKeys: String, CodingKey {
                case securitySeverity = "security-severity"
                case tags
            }
        }

        let id: String
        let shortDescription: Text
        let helpUri: String?
        let properties: Properties?
    }

    struct Result: Encodable {
        struct Location: Encodable {
            struct Physical: Encodable {
                struct Artifact: Encodable { let uri: String }
                struct Region: Encodable {
                    let startLine: Int
                    let startColumn: Int
                }
                let artifactLocation: Artifact
                var region: Region? = nil
            }
            let physicalLocation: Physical
        }

        let ruleId: String
        let level: String
        let message: Text
        let locations: [Location]
    }

    struct Run: Encodable {
        struct Tool: Encodable {
            struct Driver: Encodable {
                let name: String
                let version: String
                let informationUri: String
                let rules: [Rule]
            }
            let driver: Driver
        }
        let tool: Tool
        let results: [Result]
    }

    let version = "2.1.0"
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    /// A log of one run of Hallmark with `rules` and `results`.
    init(rules: [Rule], results: [Result]) {
        runs = [Run(tool: .init(driver: .init(name: "hallmark", version: Hallmark.version, informationUri: "https://github.com/hallmark-dev/hallmark",
                                               rules: rules)),
                    results: results)]
    }

    /// A vulnerability scan: one rule per advisory, one result per finding.
    init(_ report: ScanReport) {
        var rules: [String: Rule] = [:]
        var results: [Result] = []
        for finding in report.findings {
            let score = finding.score ?? Self.nominalScore(finding.severity)
            rules[finding.advisoryID] = Rule(
                id: finding.advisoryID,
                shortDescription: Text(text: finding.summary ?? "\(finding.advisoryID) in \(finding.package.name)"),
                helpUri: "https://osv.dev/vulnerability/\(finding.advisoryID)",
                properties: .init(securitySeverity: String(format: "%.1f", score), tags: ["security", finding.package.type]))
            let fix = finding.fixedVersions.isEmpty ? "no fixed version known" : "fixed in \(finding.fixedVersions.joined(separator: ", "))"
            let paths = finding.package.locations.isEmpty ? [report.target] : finding.package.locations
            results.append(Result(
                ruleId: finding.advisoryID, level: Self.level(finding.severity),
                message: Text(text: "\(finding.package.name) \(finding.package.version) (\(finding.package.purl)) is affected by \(finding.advisoryID) (\(finding.severity.rawValue)); \(fix)"),
                locations: paths.map { path in
                    Result.Location(physicalLocation: .init(artifactLocation: .init(uri: String(path.drop { $0 == "/" }))))
                }))
        }
        self.init(rules: rules.keys.sorted().compactMap { rules[$0] }, results: results)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        default: "note"
        }
    }

    /// A score for findings without a vector, so GitHub still ranks them.
    static func nominalScore(_ severity: Severity) -> Double {
        switch severity {
        case .critical: 9.5
        case .high: 8.0
        case .medium: 5.5
        case .low: 2.0
        default: 0.0
        }
    }
}
