/// What the RPM cataloger keeps of an rpm database: the fields of each package header,
/// the database's format, and the problems met (a few kilobytes for hundreds of packages).
struct RPMDatabaseSummary: Codable, Sendable, Equatable {
    /// The marker line of the reduced form.
    static let marker = "hallmark-rpmdb-v1"
    /// How many problems are kept per database.
    static let maxProblems = 20

    /// The database formats rpm has used.
    enum Format: String, Codable, Sendable {
        /// `rpmdb.sqlite` (rpm 4.16+: Fedora 33+, RHEL 9, openSUSE).
        case sqlite
        /// `Packages`, Berkeley DB (RHEL ≤ 8, CentOS 7/8, Amazon Linux 2).
        case berkeleyDB = "Berkeley DB"
        /// `Packages.db`, rpm's own ndb (SUSE Linux Enterprise 15 and openSUSE Leap).
        case ndb

        /// The format of the database file at `path`.
        init?(path: String) {
            switch path.lastPathComponent {
            case "rpmdb.sqlite": self = .sqlite
            case "Packages": self = .berkeleyDB
            case "Packages.db": self = .ndb
            default: return nil
            }
        }
    }

    /// One installed package's header fields.
    struct Record: Codable, Sendable, Equatable {
        var name: String
        var version: String
        var release: String
        var epoch: UInt64?
        var arch: String?
        var license: String?
        var sourceRPM: String?
    }

    var format: Format
    var packages: [Record] = []
    var problems: [String] = []
    /// Problems beyond ``maxProblems``.
    var moreProblems = 0

    mutating func problem(_ text: String) {
        if problems.count < Self.maxProblems { problems.append(text) } else { moreProblems += 1 }
    }

    /// Records why reading stopped early (a limit): always kept, past ``maxProblems`` too.
    mutating func stopped(_ text: String) {
        problems.append(text)
    }
}
