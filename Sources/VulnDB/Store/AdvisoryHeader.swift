import Foundation

/// The part of an advisory stored beside its entries: everything but `affected`.
struct AdvisoryHeader: Codable {
    var id: String
    var modified: String
    var withdrawn: String?
    var aliases: [String]
    var summary: String?
    var severity: [OSVSeverity]
    var databaseSeverity: String?

    init(_ record: OSVRecord) {
        id = record.id
        modified = record.modified
        withdrawn = record.withdrawn
        aliases = record.aliases
        summary = record.summary
        severity = record.severity
        databaseSeverity = record.databaseSeverity
    }

    func encoded() throws -> Data { try JSONEncoder().encode(self) }

    /// As a stored advisory without entries yet.
    var advisory: StoredAdvisory {
        StoredAdvisory(id: id, modified: modified, withdrawn: withdrawn, aliases: aliases, summary: summary, severity: severity,
                       databaseSeverity: databaseSeverity, affected: [])
    }
}
