import ArgumentParser

/// A byte size on the command line: `16MiB`, `16777216`, `500KB`, `1GiB`.
struct SizeArgument: ExpressibleByArgument, Sendable {
    let bytes: Int64

    init(bytes: Int64) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let units: [(String, Int64)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30),
            ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
        ]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let value = Double(argument.dropLast(suffix.count)), value > 0 else { return nil }
            bytes = Int64(value * Double(scale))
            return
        }
        guard let value = Int64(argument), value > 0 else { return nil }
        bytes = value
    }

    /// GitHub's limit on an attestation predicate: 16 MiB.
    static let githubPredicateLimit = SizeArgument(bytes: 16_777_216)

    static var defaultValueDescription: String { "e.g. 16MiB" }
}
