import OCIModel

/// What the matcher reads of an advisory for one package: the advisory's header and
/// only the `affected[]` entries of that package (records of long-lived packages can
/// carry thousands of entries and versions; decoding only these keeps scans fast).
public struct StoredAdvisory: Sendable, Equatable {
    public var id: String
    public var modified: String
    public var withdrawn: String?
    public var aliases: [String]
    public var summary: String?
    public var severity: [OSVSeverity]
    /// `database_specific.severity`, when the database gives one.
    public var databaseSeverity: String?
    /// The entries of the looked-up package, in record order.
    public var affected: [OSVAffected]
}
