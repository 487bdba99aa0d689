import ArgumentParser
import Foundation
import VulnDB

/// Where the advisory database is and how old it may be.
struct AdvisoryDatabaseOptions: ParsableArguments {
    @Option(help: "The advisory database (default: $XDG_CACHE_HOME/hallmark/db/advisories.sqlite).")
    var db: String?

    @Option(name: .customLong("max-db-age"), help: "Warn when the last import is older than this (e.g. 7d, 48h).")
    var maxDBAge = DurationArgument(seconds: 7 * 86_400)

    var path: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return cache + "/hallmark/db/advisories.sqlite"
    }

    /// Opens the database; with `requireContent`, an empty one is an error saying how to fill it,
    /// and a stale one gives a warning.
    func open(requireContent: Bool) throws -> AdvisoryDatabase {
        let database = try AdvisoryDatabase(path: path)
        guard requireContent else { return database }
        let status = try database.status(maxAge: maxDBAge.seconds)
        guard status.advisories > 0 else {
            throw UsageError("the advisory database \(path) is empty; run 'hallmark db import PATH…' (OSV files) or 'hallmark db update --url URL'")
        }
        if status.isStale {
            Terminal.error("warning: the advisory database was last imported \(status.lastImport ?? "never"), more than \(maxDBAge.text) ago; run 'hallmark db update' or 'hallmark db import'")
        }
        return database
    }
}
