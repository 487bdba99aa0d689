import CSQLite
import Foundation

/// Reads the package headers of an `rpmdb.sqlite` with the system SQLite library. SQLite
/// needs a file, so the bytes are written to a private temporary file, opened read-only
/// and immutable (no locks, no journal or WAL files created), and deleted afterwards.
enum RPMSQLiteReader {
    /// The summary of the database in `bytes`; problems are recorded in it, never thrown.
    static func summarize(_ bytes: [UInt8]) -> RPMDatabaseSummary {
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
        guard sqlite3_open_v2(uri, &database, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil) == SQLITE_OK else {
            summary.problem("not a readable SQLite database: \(message(database))")
            return summary
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, "SELECT hnum, blob FROM Packages ORDER BY hnum", -1, &statement, nil) == SQLITE_OK else {
            summary.problem("not a readable rpm SQLite database: \(message(database))")
            return summary
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                summary.problem("reading the Packages table failed: \(message(database))")
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
