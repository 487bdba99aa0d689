import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 8: an `rpmdb.sqlite` whose `Packages` is a recursive view (endless
    /// rows; it once hung) is refused with a warning naming the file and the table.
    @Suite struct RPMDatabaseCases {
        @Test("a Packages view is refused")
        func recursiveView() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            try scratch.write("root/var/lib/rpm/.keep", "")
            try await Tool.run("sqlite3", [scratch.at("root/var/lib/rpm/rpmdb.sqlite"), """
                CREATE VIEW Packages AS WITH RECURSIVE r(hnum, blob) AS (SELECT 1, x'00' UNION ALL SELECT hnum + 1, blob FROM r)
                  SELECT hnum, blob FROM r;
                """])

            let outcome = try await Hallmark.run(["sbom", "dir:\(scratch.at("root"))"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.contains("/var/lib/rpm/rpmdb.sqlite") && outcome.stderr.contains("'Packages' is a view"), "\(outcome)")
        }
    }
}
