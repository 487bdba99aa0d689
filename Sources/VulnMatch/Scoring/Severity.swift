/// The severity of a finding, ordered: `--fail-on high` fails on high and critical.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case unknown, negligible, low, medium, high, critical

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// The CVSS qualitative rating of a base score (0 is none, called negligible here).
    public init(score: Double) {
        switch score {
        case ..<0.1: self = .negligible
        case ..<4.0: self = .low
        case ..<7.0: self = .medium
        case ..<9.0: self = .high
        default: self = .critical
        }
    }

    /// The names a fail-on threshold may have (Grype's).
    public static let thresholdNames = "negligible, low, medium, high, critical"

    /// A fail-on threshold (`--fail-on`, `fail-on-severity`): one of ``thresholdNames``,
    /// in any case; nil otherwise, so that a typo is an error and not a gate turned off.
    public init?(threshold: String) {
        switch threshold.lowercased() {
        case "negligible": self = .negligible
        case "low": self = .low
        case "medium": self = .medium
        case "high": self = .high
        case "critical": self = .critical
        default: return nil
        }
    }

    /// A severity name as databases write it (`CRITICAL`, `High`, `MODERATE`, `important`, …); nil if unknown.
    public init?(name: String) {
        switch name.lowercased() {
        case "critical": self = .critical
        case "high", "important": self = .high
        case "medium", "moderate": self = .medium
        case "low": self = .low
        case "negligible", "none", "unimportant", "info", "informational": self = .negligible
        default: return nil
        }
    }
}
