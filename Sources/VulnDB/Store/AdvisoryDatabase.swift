import Foundation
import GRDB
import OCIModel

/// The offline advisory database: OSV records in SQLite (through GRDB), indexed by
/// (ecosystem, package name) for the matcher. Imports are single transactions, so a
/// failed import leaves the database as it was.
public final class AdvisoryDatabase: Sendable {
    /// The version of the tables' layout; a database of another version is rebuilt by re-importing.
    public static let schemaVersion = 2

    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the database at `path`; its folder is created too.
    public init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path)
        try queue.write { db in try Self.migrate(db) }
    }

    /// Creates the tables; a database of another layout version is emptied (re-import to fill it).
    static func migrate(_ db: Database) throws {
        if try db.tableExists("meta"),
           let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'"), version != String(schemaVersion) {
            try db.execute(sql: "DROP TABLE IF EXISTS affected; DROP TABLE IF EXISTS advisory; DROP TABLE IF EXISTS source; DELETE FROM meta")
        }
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS advisory (
                id TEXT PRIMARY KEY, modified TEXT NOT NULL, withdrawn TEXT, header BLOB NOT NULL, record BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS affected (
                advisory_id TEXT NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
                ecosystem TEXT NOT NULL, release TEXT NOT NULL, name TEXT NOT NULL, ordinal INTEGER NOT NULL, entry BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS affected_by_package ON affected(ecosystem, name);
            CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected(advisory_id);
            CREATE TABLE IF NOT EXISTS source (
                location TEXT NOT NULL, imported_at TEXT NOT NULL, records INTEGER NOT NULL);
            """)
        try db.execute(sql: "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", arguments: [String(schemaVersion)])
    }

    /// The advisories of `name` in `ecosystem` (`Debian`, `PyPI`, …), for any release when
    /// `release` is nil, else for that release (`12`, `v3.19`; `22.04` also matches
    /// `22.04:LTS`) and release-less entries; each with only that package's entries.
    public func advisories(ecosystem: String, release: String? = nil, name: String) throws -> [StoredAdvisory] {
        let rows = try queue.read { db in
            var sql = """
                SELECT advisory.id, advisory.header, affected.entry FROM affected JOIN advisory ON advisory.id = affected.advisory_id
                WHERE affected.ecosystem = ? AND affected.name = ?
                """
            var arguments: StatementArguments = [ecosystem, PackageName.normalized(name, ecosystem: ecosystem)]
            if let release {
                sql += " AND (affected.release = ? OR affected.release LIKE ? OR affected.release = '')"
                _ = arguments.append(contentsOf: [release, release.replacingOccurrences(of: "%", with: "") + ":%"])
            }
            sql += " ORDER BY advisory.id, affected.ordinal"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in (row[0] as String, row[1] as Data, row[2] as Data) }
        }
        // Decoded outside the database's serial queue, so that lookups from several threads decode in parallel.
        var advisories: [StoredAdvisory] = []
        let decoder = JSONDecoder()
        for (id, header, entryData) in rows {
            let entry = try decoder.decode(OSVAffected.self, from: entryData)
            if advisories.last?.id == id {
                advisories[advisories.count - 1].affected.append(entry)
            } else {
                var advisory = try decoder.decode(AdvisoryHeader.self, from: header).advisory
                advisory.affected = [entry]
                advisories.append(advisory)
            }
        }
        return advisories
    }

    /// Counts, sources and freshness.
    public func status(maxAge: TimeInterval, now: Date = Date()) throws -> DatabaseStatus {
        try queue.read { db in
            let ecosystems = try Row.fetchAll(db, sql: """
                SELECT ecosystem, COUNT(DISTINCT advisory_id) AS count FROM affected GROUP BY ecosystem ORDER BY ecosystem
                """).map { DatabaseStatus.EcosystemCount(ecosystem: $0["ecosystem"], advisories: $0["count"]) }
            let sources = try Row.fetchAll(db, sql: "SELECT location, imported_at, records FROM source ORDER BY imported_at").map {
                DatabaseStatus.Source(location: $0["location"], importedAt: $0["imported_at"], records: $0["records"])
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM advisory") ?? 0
            let newest = try String.fetchOne(db, sql: "SELECT MAX(modified) FROM advisory")
            let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap(Int.init) ?? 0
            let built = try String.fetchOne(db, sql: "SELECT MAX(imported_at) FROM source")
            let age = built.flatMap(ImportClock.date(from:)).map { now.timeIntervalSince($0) }
            return DatabaseStatus(path: path, schemaVersion: version, advisories: total, ecosystems: ecosystems, sources: sources,
                                  newestModified: newest, lastImport: built, isStale: age.map { $0 > maxAge } ?? true)
        }
    }
}
