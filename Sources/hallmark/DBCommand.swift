import ArgumentParser
import Foundation
import Reporting
import VulnDB

/// `hallmark db`: the offline advisory database.
struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the offline OSV advisory database used by 'hallmark scan'.",
        subcommands: [DBImportCommand.self, DBStatusCommand.self, DBUpdateCommand.self]
    )
}

/// `hallmark db import PATH…`
struct DBImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import OSV advisories: .json records, .jsonl files of records, osv.dev all.zip archives, or folders of them.",
        discussion: """
            The import is one transaction: it adds new records, replaces those whose 'modified' is newer, \
            and leaves the database unchanged if a path cannot be read. Malformed records are reported \
            with their file, line and field, and skipped.

            \(ExitStatus.help)
            """
    )

    @Argument(help: "OSV files or folders.")
    var paths: [String]

    @OptionGroup var database: AdvisoryDatabaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let report: ImportReport
        do {
            report = try database.open(requireContent: false).importRecords(from: paths)
        } catch let error as ImportError {
            throw UsageError(error.description + "; nothing was imported")
        }
        for skipped in report.skipped.prefix(20) {
            Terminal.error("skipped \(skipped.location)\(skipped.id.map { " (\($0))" } ?? ""): \(skipped.reason)")
        }
        if report.skipped.count > 20 { Terminal.error("… and \(report.skipped.count - 20) more skipped records") }
        for (ecosystem, count) in report.unknownEcosystems.sorted(by: { $0.key < $1.key }) {
            Terminal.error("note: \(count) entries of ecosystem '\(ecosystem)' have no known version ordering; they match by exact version only")
        }
        switch format {
        case .json: Terminal.print(try JSONOutput.render(report))
        case .text:
            Terminal.print("\(database.path): \(report.files) files, \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped.count) skipped")
        }
    }
}

/// `hallmark db status`
struct DBStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show what the advisory database holds and how fresh it is.")

    @OptionGroup var database: AdvisoryDatabaseOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let status = try database.open(requireContent: false).status(maxAge: database.maxDBAge.seconds)
        switch format {
        case .json: Terminal.print(try JSONOutput.render(status))
        case .text:
            var table = TextTable(headers: ["ECOSYSTEM", "ADVISORIES"])
            for entry in status.ecosystems { table.append([entry.ecosystem, String(entry.advisories)]) }
            Terminal.print("""
                Database:        \(status.path)
                Schema version:  \(status.schemaVersion)
                Advisories:      \(status.advisories)
                Newest modified: \(status.newestModified ?? "-")
                Last import:     \(status.lastImport ?? "never")\(status.isStale ? " (stale)" : "")

                \(table.render())
                """)
        }
        if status.isStale { Terminal.error("warning: the database is stale or empty; run 'hallmark db import PATH…'") }
    }
}

/// `hallmark db update --url URL`
struct DBUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Download an OSV archive (osv.dev's per-ecosystem all.zip, or a .jsonl) and import it.",
        discussion: """
            HTTPS only, with certificate verification, redirects included; plain HTTP is allowed for loopback hosts only. The file is \
            downloaded to a temporary file first and imported in one transaction, so a failed download or \
            import leaves the database as it was.

            \(ExitStatus.help)
            """
    )

    @Option(help: "The archive to download, e.g. https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip")
    var url: String

    @OptionGroup var database: AdvisoryDatabaseOptions

    func run() async throws {
        guard let parsed = URL(string: url), parsed.host != nil else {
            throw UsageError("--url \(url): not a URL")
        }
        guard ArchiveDownload.isAllowed(parsed) else {
            throw UsageError("--url \(url): use https (plain http only for loopback hosts)")
        }
        let name = parsed.pathExtension == "jsonl" ? "download.jsonl" : "download.zip"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name).path
        try await ArchiveDownload.fetch(parsed, to: file)
        let report: ImportReport
        do {
            report = try database.open(requireContent: false).importRecords(from: [file])
        } catch let error as ImportError {
            throw UsageError(error.description + "; nothing was imported")
        }
        Terminal.print("\(database.path): from \(url): \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped.count) skipped")
    }
}
