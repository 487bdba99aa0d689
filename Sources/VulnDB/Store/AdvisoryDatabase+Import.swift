import Foundation
import Catalog
import GRDB
import VersionSchemes
import OCIModel

extension AdvisoryDatabase {
    /// The largest single record accepted.
    public static let maxRecordSize = 16 << 20

    /// Imports OSV records from `paths` (a `.json` record, a `.jsonl` file of records, or a
    /// folder of them, recursively) in one transaction: a record is added, or replaced when
    /// its `modified` is newer; a malformed one is skipped and reported; a path that cannot
    /// be read aborts the whole import and changes nothing.
    public func importRecords(from paths: [String], now: Date = Date()) throws -> ImportReport {
        try queue.write { db in
            var report = ImportReport()
            for path in paths {
                for file in try Self.files(at: path) {
                    report.files += 1
                    try Self.importFile(file, into: db, report: &report)
                }
                try db.execute(sql: "INSERT INTO source(location, imported_at, records) VALUES (?, ?, ?)",
                               arguments: [path, ImportClock.string(now), report.records])
            }
            return report
        }
    }

    /// The record files at `path`: itself, or the `.json`/`.jsonl` files below it, sorted.
    static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(description: "\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ImportError(description: "\(path): cannot be listed")
        }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") || $0.hasSuffix(".zip") }
            .sorted()
            .map { "\(path)/\($0)" }
    }

    static func importFile(_ file: String, into db: Database, report: inout ImportReport) throws {
        if file.hasSuffix(".zip") {
            try importZip(file, into: db, report: &report)
        } else if file.hasSuffix(".jsonl") {
            try RecordLines(path: file, maxLine: maxRecordSize).forEach { line in
                switch line {
                case .text(let data, let number):
                    guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0d || $0 == 0x09 }) else { return }
                    try store(data, location: "\(file):\(number)", into: db, report: &report)
                case .tooLong(let number):
                    report.skipped.append(.init(location: "\(file):\(number)", id: nil, reason: "longer than \(maxRecordSize) bytes"))
                }
            }
        } else {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            guard size <= maxRecordSize else {
                report.skipped.append(.init(location: file, id: nil, reason: "\(size) bytes is over the \(maxRecordSize)-byte record limit"))
                return
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw ImportError(description: "\(file): cannot be read") }
            try store(data, location: file, into: db, report: &report)
        }
    }

    /// The largest zip archive read (osv.dev's per-ecosystem `all.zip` files are up to a few hundred MiB).
    public static let maxArchiveSize = 2 << 30

    /// Every `.json` entry of an osv.dev `all.zip`, one at a time.
    static func importZip(_ file: String, into db: Database, report: inout ImportReport) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= maxArchiveSize else { throw ImportError(description: "\(file): \(size) bytes is over the \(maxArchiveSize)-byte archive limit") }
        guard let data = FileManager.default.contents(atPath: file) else { throw ImportError(description: "\(file): cannot be read") }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(Array(data))
        } catch {
            throw ImportError(description: "\(file): not a zip archive: \(error.description)")
        }
        for entry in archive.entries where entry.name.hasSuffix(".json") {
            let location = "\(file):\(entry.name)"
            do {
                try store(Data(try archive.contents(of: entry, limit: maxRecordSize)), location: location, into: db, report: &report)
            } catch let error as FileFormatError {
                report.skipped.append(.init(location: location, id: nil, reason: error.description))
            }
        }
    }

    /// Decodes and upserts one record; a malformed one is reported and skipped.
    static func store(_ data: Data, location: String, into db: Database, report: inout ImportReport) throws {
        let record: OSVRecord
        let entries: [Data]
        do {
            record = try JSONInput.decode(OSVRecord.self, from: Array(data), source: location, maxSize: maxRecordSize)
            entries = try AffectedEntries.split(data)
        } catch {
            report.skipped.append(.init(location: location, id: RecordID.sniff(data), reason: error.description))
            return
        }
        let header = try AdvisoryHeader(record).encoded()
        let existing = try String.fetchOne(db, sql: "SELECT modified FROM advisory WHERE id = ?", arguments: [record.id])
        if let existing {
            guard record.modified > existing else {
                report.unchanged += 1
                return
            }
            try db.execute(sql: "DELETE FROM affected WHERE advisory_id = ?", arguments: [record.id])
            try db.execute(sql: "UPDATE advisory SET modified = ?, withdrawn = ?, header = ?, record = ? WHERE id = ?",
                           arguments: [record.modified, record.withdrawn, header, data, record.id])
            report.updated += 1
        } else {
            try db.execute(sql: "INSERT INTO advisory(id, modified, withdrawn, header, record) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.id, record.modified, record.withdrawn, header, data])
            report.added += 1
        }
        for (ordinal, affected) in record.affected.enumerated() {
            guard let package = affected.package, ordinal < entries.count else { continue }
            let (base, release) = PackageName.splitEcosystem(package.ecosystem)
            if VersionScheme.forEcosystem(base) == nil { report.unknownEcosystems[base, default: 0] += 1 }
            try db.execute(sql: "INSERT INTO affected(advisory_id, ecosystem, release, name, ordinal, entry) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [record.id, base, release, PackageName.normalized(package.name, ecosystem: base), ordinal, entries[ordinal]])
        }
    }
}
