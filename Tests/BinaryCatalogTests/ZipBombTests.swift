@testable import Catalog
import Foundation
import Testing

/// Zip bombs in Java archives: every byte inflated is charged to the archive's budget,
/// entries that fail included, and entries sharing compressed bytes are refused.
@Suite("Zip bombs")
struct ZipBombTests {
    /// Runs a Python program that writes a zip to `archive.zip` in `directory`; the zip's bytes.
    static func zip(_ program: String, in directory: TemporaryDirectory) throws -> [UInt8] {
        try Shell.run(["python3", "-c", "import struct, sys, zipfile\n" + program, directory.path("archive.zip").path], package: "python3")
        return try directory.bytes("archive.zip")
    }

    @Test("entries that fail still use up the inflation budget")
    func failedEntriesAreCharged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let bytes = try Self.zip("""
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
                for name in ["a", "b", "c", "d"]:
                    archive.writestr(f"lib/{name}.jar", bytes(3 << 20))
            """, in: directory)
        let limits = JavaArchiveLimits(maxArchiveSize: 2 << 20, maxInflatedBytes: 5 << 20)
        let summary = JavaArchiveReader.summarize(bytes, limits: limits)
        #expect(summary.problems.count == 4, "\(summary.problems)")
        #expect(summary.problems.last?.contains("lib/d.jar not read: total inflated size limit reached") == true, "\(summary.problems)")
    }

    @Test("entries sharing compressed bytes are refused, naming both")
    func overlappingEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let bytes = try Self.zip("""
            data, name = b"hello", b"a.jar"
            local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 0, 0, 0, 0, len(data), len(data), len(name), 0) + name
            central = b""
            for entry in [b"a.jar", b"b.jar"]:
                central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 0, 0, 0, 0, len(data), len(data),
                                       len(entry), 0, 0, 0, 0, 0, 0) + entry
            end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 2, 2, len(central), len(local) + len(data), 0)
            open(sys.argv[1], "wb").write(local + data + central + end)
            """, in: directory)
        let error = try #require(throws: FileFormatError.self) { try ZipArchive(bytes) }
        #expect(error.description.contains("'a.jar' and 'b.jar'") && error.description.contains("overlap"), "\(error)")
    }
}
