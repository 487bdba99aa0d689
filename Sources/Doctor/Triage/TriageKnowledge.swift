import Foundation

/// The failure patterns `hallmark triage` knows, read from the data file
/// `triage-knowledge.json` (adding a pattern needs no Swift): per category, the
/// regular expressions that recognise it, the likely cause, the resolution steps and
/// the commands that verify the fix. A lower `priority` is a more specific root cause
/// and is listed first when several categories match.
public struct TriageKnowledge: Sendable, Decodable {
    public struct Category: Sendable, Decodable {
        public var id: String
        public var title: String
        public var priority: Int
        public var patterns: [String]
        public var cause: String
        public var resolution: [String]
        public var verify: [String]
    }

    public var version: Int
    public var categories: [Category]

    /// The knowledge base shipped with Hallmark.
    public static func bundled() throws -> TriageKnowledge {
        guard let url = Bundle.module.url(forResource: "triage-knowledge", withExtension: "json") else {
            throw TriageError("the triage knowledge base is missing from the installation")
        }
        return try load(Data(contentsOf: url), source: "triage-knowledge.json")
    }

    /// This knowledge base with `other`'s categories added; a category of `other` with an id
    /// already here replaces it.
    public func merging(_ other: TriageKnowledge) -> TriageKnowledge {
        let replaced = Set(other.categories.map(\.id))
        return TriageKnowledge(version: version, categories: categories.filter { !replaced.contains($0.id) } + other.categories)
    }

    /// A knowledge base from JSON; every pattern must compile and have a shape that
    /// cannot backtrack without bound (``PatternShape``).
    public static func load(_ data: Data, source: String) throws -> TriageKnowledge {
        let knowledge: TriageKnowledge
        do {
            knowledge = try JSONDecoder().decode(TriageKnowledge.self, from: data)
        } catch {
            throw TriageError("\(source): \(error)")
        }
        for category in knowledge.categories {
            for pattern in category.patterns {
                guard (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil else {
                    throw TriageError("\(source): category \(category.id): invalid pattern '\(pattern)'")
                }
                if let problem = PatternShape.problem(in: pattern) {
                    throw TriageError("\(source): category \(category.id): pattern '\(pattern)': \(problem)")
                }
            }
        }
        return knowledge
    }
}

/// A triage that cannot run (the knowledge base or the log is unusable).
public struct TriageError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
