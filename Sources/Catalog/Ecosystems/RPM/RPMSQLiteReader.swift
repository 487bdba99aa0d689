import CSQLite
import Foundation

/// Reads the package headers of an `rpmdb.sqlite` with the system SQLite library. SQLite
/// needs a file, so the bytes are written to a private temporary file, opened read-only
/// and immutable (no locks, no journal or WAL files created), and deleted afterwards.
///
/// The database comes from an image, so it is not trusted: it is opened in SQLite's
/// defensive mode with an untrusted schema, `Packages` must be a table (a view can run
/// any query, an endless recursive one included), and reading stops at a time limit
/// (a progress handler) and a row limit, each with a problem naming what was cut.
enum RPMSQLiteReader {
    /// Bounds on reading one database.
    struct Limits: Sendable {
        /// The most package rows read (a real database has a few thousand).
        static let defaultMaxRows = 100_000
        /// How long reading may take.
        static let defaultTimeLimit = Duration.seconds(5)

        var maxRows = Self.defaultMaxRows
        var timeLimit = Self.defaultTimeLimit
    }

    /// How many SQLite virtual machine steps run between two checks of the time limit.
    private static let stepsPerCheck: Int32 = 10_000

    /// The summary of the database in `bytes`; problems are recorded in it, never thrown.
    static func summarize(_ bytes: [UInt8], limits: Limits = Limits()) -> RPMDatabaseSummary {
        var summary = RPMDatabaseSummary(format: .sqlite)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-rpmdb-\(UUID().uuidString).sqlite").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            summary.problem("could not write a temporary copy of the database to \(path)")
            return summary
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        var database: OpaquePointer?
        defer { sqlite3_close(database) }
        let uri = "file:\(path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)?immutable=1"
        guard sqlite3_open_v2(uri, &database, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK,
              hallmark_sqlite3_distrust(database) == SQLITE_OK
        else {
            summary.problem("not a readable SQLite database: \(message(database))")
            return summary
        }
        let deadline = Deadline(ContinuousClock.now + limits.timeLimit)
        sqlite3_progress_handler(database, stepsPerCheck, { context in
            Unmanaged<Deadline>.fromOpaque(context!).takeUnretainedValue().hasPassed ? 1 : 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
        defer { withExtendedLifetime(deadline) {} }
        if let refusal = packagesTableProblem(database) {
            summary.problem(refusal)
            return summary
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, "SELECT hnum, blob FROM Packages ORDER BY hnum", -1, &statement, nil) == SQLITE_OK else {
            summary.problem("not a readable rpm SQLite database: \(message(database))")
            return summary
        }
        var rows = 0
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            if status == SQLITE_INTERRUPT {
                summary.stopped("reading the Packages table took longer than the \(limits.timeLimit) time limit; the rest is not read")
                break
            }
            guard status == SQLITE_ROW else {
                summary.problem("reading the Packages table failed: \(message(database))")
                break
            }
            rows += 1
            guard rows <= limits.maxRows else {
                summary.stopped("the Packages table has more than \(limits.maxRows) rows (the row limit); the rest are not read")
                break
            }
            let number = sqlite3_column_int64(statement, 0)
            let length = Int(sqlite3_column_bytes(statement, 1))
            let blob = sqlite3_column_blob(statement, 1).map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
            do {
                summary.packages.append(try record(RPMHeader(blob)))
            } catch {
                summary.problem("package header \(number): \(error.description)")
            }
        }
        return summary
    }

    /// Why the `Packages` the reading query names is refused: it is not a plain table.
    /// (A missing one fails the query itself.)
    private static func packagesTableProblem(_ database: OpaquePointer?) -> String? {
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, "SELECT type FROM sqlite_master WHERE name = 'Packages' COLLATE NOCASE", -1, &statement, nil) == SQLITE_OK
        else { return "not a readable rpm SQLite database: \(message(database))" }
        guard sqlite3_step(statement) == SQLITE_ROW, let type = sqlite3_column_text(statement, 0).map({ String(cString: $0) }) else { return nil }
        guard type == "table" else {
            return "'Packages' is a \(type), not a table; refused, as it could run any query (an endless one included)"
        }
        return nil
    }

    private static func message(_ database: OpaquePointer?) -> String {
        sqlite3_errmsg(database).map { String(cString: $0) } ?? "out of memory"
    }

    private static func record(_ header: RPMHeader) throws(FileFormatError) -> RPMDatabaseSummary.Record {
        guard let name = try header.string(.name), !name.isEmpty else { throw FileFormatError("no NAME tag") }
        guard let version = try header.string(.version) else { throw FileFormatError("package \(name) has no VERSION tag") }
        return RPMDatabaseSummary.Record(
            name: name, version: version, release: try header.string(.release) ?? "", epoch: try header.int32(.epoch),
            arch: try header.string(.arch), license: try header.string(.license), sourceRPM: try header.string(.sourceRPM))
    }
}

/// When reading must stop, for SQLite's progress handler.
private final class Deadline: Sendable {
    let instant: ContinuousClock.Instant

    init(_ instant: ContinuousClock.Instant) {
        self.instant = instant
    }

    var hasPassed: Bool { ContinuousClock.now >= instant }
}
