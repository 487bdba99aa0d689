import Foundation

/// Classifies a CI log against a ``TriageKnowledge``: every line (timestamps and ANSI
/// colour codes removed) is tested against every category's patterns; categories are
/// ranked by priority, then by their first matching line.
public struct LogClassifier: @unchecked Sendable {
    /// One category found in the log, with the lines that show it.
    public struct Diagnosis: Sendable, Encodable {
        public var category: String
        public var title: String
        /// 1-based line numbers and the cleaned lines.
        public var lines: [LogLine]
        public var cause: String
        public var resolution: [String]
        public var verify: [String]
    }

    /// A matching line of the log.
    public struct LogLine: Sendable, Encodable {
        public var number: Int
        public var text: String
    }

    /// The most lines kept per diagnosis.
    public static let maxLinesPerDiagnosis = 5
    /// How much of a line (in bytes, before cleaning) the patterns see: failure messages
    /// are short, and the cost of a regular expression grows with the line.
    public static let maxExaminedLineLength = 16 << 10

    private let knowledge: TriageKnowledge
    // NSRegularExpression is immutable once made and safe to share across threads.
    private let expressions: [[NSRegularExpression]]
    /// Which patterns can match a line, from their literal text.
    private let prefilter: LiteralPrefilter

    public init(knowledge: TriageKnowledge) throws {
        self.knowledge = knowledge
        expressions = try knowledge.categories.map { category in
            try category.patterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        }
        prefilter = LiteralPrefilter(patterns: knowledge.categories.flatMap(\.patterns))
    }

    /// The diagnoses of `log`, most specific first.
    public func classify(_ log: String) -> [Diagnosis] {
        var log = log
        return log.withUTF8(classify)
    }

    /// The diagnoses of a log's bytes.
    func classify(_ log: UnsafeBufferPointer<UInt8>) -> [Diagnosis] {
        var scan = LogScan(self)
        scan.feed(log)
        return scan.finish()
    }

    /// Examines line `number` up to ``maxExaminedLineLength``: it is cleaned and given to
    /// the regular expressions only when the literal prefilter says some pattern may
    /// match; matches are added to `found`.
    func examine(_ whole: UnsafeBufferPointer<UInt8>, number: Int, into found: inout [Int: [LogLine]], possible: inout [Bool], scratch: inout [UInt8]) {
        let raw = UnsafeBufferPointer(rebasing: whole.prefix(Self.maxExaminedLineLength))
        guard prefilter.mark(raw, into: &possible, scratch: &scratch) else { return }
        let line = Self.clean(raw)
        guard !line.isEmpty else { return }
        let range = NSRange(line.startIndex..., in: line)
        var first = 0
        for (category, patterns) in expressions.enumerated() {
            defer { first += patterns.count }
            guard patterns.indices.contains(where: { possible[first + $0] && patterns[$0].firstMatch(in: line, range: range) != nil }) else { continue }
            if found[category, default: []].count < Self.maxLinesPerDiagnosis {
                found[category, default: []].append(LogLine(number: number, text: line))
            }
        }
    }

    /// The number of patterns, for ``examine(_:number:into:possible:scratch:)``'s `possible`.
    var patternCount: Int { prefilter.patternCount }

    /// The categories found, most specific first.
    func rank(_ found: [Int: [LogLine]]) -> [Diagnosis] {
        found.keys.sorted { a, b in
            let (x, y) = (knowledge.categories[a], knowledge.categories[b])
            return x.priority != y.priority ? x.priority < y.priority : (found[a]?.first?.number ?? 0) < (found[b]?.first?.number ?? 0)
        }.map { index in
            let category = knowledge.categories[index]
            return Diagnosis(category: category.id, title: category.title, lines: found[index] ?? [], cause: category.cause,
                             resolution: category.resolution, verify: category.verify)
        }
    }

    /// A log line without a leading GitHub Actions timestamp, ANSI escape codes and surrounding spaces.
    static func clean(_ line: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        LiteralPrefilter.forEachByteOutsideEscapes(line) { bytes.append($0) }
        var start = timestampLength(bytes)
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The length of a leading `2026-01-05T10:00:00.1234567Z ` timestamp, or 0.
    private static func timestampLength(_ bytes: [UInt8]) -> Int {
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        guard bytes.count > shape.count else { return 0 }
        for (expected, byte) in zip(shape, bytes) {
            if expected == UInt8(ascii: "d") ? !(0x30...0x39).contains(byte) : byte != expected { return 0 }
        }
        var index = shape.count
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "Z") else { return 0 }
        index += 1
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index
    }
}
