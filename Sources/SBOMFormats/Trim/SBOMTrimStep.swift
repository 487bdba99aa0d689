/// The trimming steps, applied in this order and only as far as needed; each
/// includes the ones before it.
public enum SBOMTrimStep: Int, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// The `files` and `snippets` sections, relationships with a file on either
    /// side, package `hasFiles`, and file entries of `documentDescribes`.
    case files = 1
    /// `annotations`, at the top level and in packages.
    case annotations
    /// `externalDocumentRefs`.
    case externalDocumentRefs
    /// Package `checksums`, `sourceInfo`, `comment`, `description`, `summary`,
    /// `attributionTexts` and `packageVerificationCode` (with `filesAnalyzed` set to false).
    case packageOptionalFields
    /// Whitespace outside strings.
    case whitespace

    public static func < (lhs: SBOMTrimStep, rhs: SBOMTrimStep) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .files: "files"
        case .annotations: "annotations"
        case .externalDocumentRefs: "externalDocumentRefs"
        case .packageOptionalFields: "package optional fields"
        case .whitespace: "whitespace"
        }
    }

    /// Package fields removed by ``packageOptionalFields``.
    static let optionalPackageFields: Set<String> = ["checksums", "sourceInfo", "comment", "description", "summary", "attributionTexts"]
}
