/// What the runbook requires each ignore to document ("Managing CVE Ignores"),
/// and how Hallmark recognises it in the comment block above the rule (the
/// runbook's format) or in explicit fields.
public enum IgnoreRequirement: String, Sendable, CaseIterable, Codable {
    /// The advisory id and a description: `vulnerability:` set, and `reason:` or a
    /// comment of prose describing it, e.g. `# CVE-2024-1234: heap overflow in libfoo`.
    case identification = "id-and-description"
    /// Why ignoring is acceptable: a comment with `Impact`, `Risk`, `Exposure`,
    /// `not affected`/`does not affect`/`not exploitable`, or `vex-justification:`/`reason:`.
    case impactAssessment = "impact-assessment"
    /// The affected package or binary: `# Affected component: …` (or `Component:`,
    /// `Package:`), or a `package:` block in the rule.
    case affectedComponent = "affected-component"
    /// An upstream tracking link: an `http(s)://` URL in the comments or `reason:`.
    case trackingLink = "tracking-link"
    /// When to remove the ignore: a `TODO` or `Remove …` comment, or `expires:`.
    case removalCriterion = "removal-criterion"

    /// How the requirement reads in a finding.
    public var label: String {
        switch self {
        case .identification: "the advisory id and a description (# CVE-…: what it is)"
        case .impactAssessment: "an impact assessment (# Impact assessment: why this is acceptable)"
        case .affectedComponent: "the affected component (# Affected component: package or binary)"
        case .trackingLink: "an upstream tracking link (# Tracking: https://…)"
        case .removalCriterion: "a removal criterion (# TODO: Remove when …, or expires: YYYY-MM-DD)"
        }
    }
}
