import OCIModel

/// An in-toto Statement v1: what was made (`subject`), and a typed claim
/// about it (`predicateType`, `predicate`).
public struct Statement: Sendable, Equatable, Codable {
    /// The `_type` of every v1 statement.
    public static let typeV1 = "https://in-toto.io/Statement/v1"
    /// The `_type` of v0.1 statements, still written by BuildKit and older tools.
    public static let typeV01 = "https://in-toto.io/Statement/v0.1"

    /// `_type`, one of ``typeV1`` or ``typeV01``.
    public var type: String
    public var subject: [ResourceDescriptor]
    public var predicateType: String
    public var predicate: JSONValue

    public init(subject: [ResourceDescriptor], predicateType: String, predicate: JSONValue) {
        self.type = Self.typeV1
        self.subject = subject
        self.predicateType = predicateType
        self.predicate = predicate
    }

    enum CodingKeys: String, CodingKey {
        case type = "_type"
        case subject, predicateType, predicate
    }
}
