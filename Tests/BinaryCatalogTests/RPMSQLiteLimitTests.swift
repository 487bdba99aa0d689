@testable import Catalog
import Foundation
import Testing

/// An image's rpm database is not trusted: a `Packages` view is refused, and reading
/// stops at the row and time limits with a problem saying so.
@Suite("rpmdb.sqlite limits")
struct RPMSQLiteLimitTests {
    /// The bytes of a database made by the `sqlite3` tool from `sql`.
    static func database(_ sql: String) throws -> [UInt8] {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try Shell.run(["sqlite3", directory.path("rpmdb.sqlite").path, sql], package: "sqlite3")
        return try directory.bytes("rpmdb.sqlite")
    }

    static let rows = """
        CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL);
        WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 50000) INSERT INTO Packages (blob) SELECT x'00' FROM r;
        """

    @Test("a Packages view is refused before it is read")
    func view() throws {
        let bytes = try Self.database("CREATE VIEW Packages AS SELECT 1 AS hnum, x'00' AS blob;")
        let summary = RPMSQLiteReader.summarize(bytes)
        #expect(summary.problems == ["'Packages' is a view, not a table; refused, as it could run any query (an endless one included)"])
        #expect(summary.packages.isEmpty)
    }

    @Test("reading stops past the row limit")
    func rowLimit() throws {
        let summary = RPMSQLiteReader.summarize(try Self.database(Self.rows), limits: .init(maxRows: 10))
        #expect(summary.problems.last == "the Packages table has more than 10 rows (the row limit); the rest are not read")
        #expect(summary.problems.count == 11)
    }

    @Test("reading stops at the time limit")
    func timeLimit() throws {
        let summary = RPMSQLiteReader.summarize(try Self.database(Self.rows), limits: .init(timeLimit: .zero))
        #expect(summary.problems.last?.hasPrefix("reading the Packages table took longer than the 0.0 seconds time limit") == true,
                "\(summary.problems)")
    }
}
