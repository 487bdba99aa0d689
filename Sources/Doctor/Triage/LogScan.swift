/// A log classified as it streams past: pieces of any size are fed in order and lines may
/// span pieces. Memory stays bounded: a line longer than ``maxLineLength`` bytes is judged
/// by its first ``maxLineLength`` bytes.
public struct LogScan {
    /// The longest part of one line that is kept for matching.
    public static let maxLineLength = 1 << 20

    private let classifier: LogClassifier
    private var found: [Int: [LogClassifier.LogLine]] = [:]
    private var number = 0
    private var possible: [Bool]
    private var scratch: [UInt8] = []
    /// The start of a line whose end has not been fed yet.
    private var partial: [UInt8] = []

    public init(_ classifier: LogClassifier) {
        self.classifier = classifier
        possible = [Bool](repeating: false, count: classifier.patternCount)
    }

    /// Classifies the complete lines of `piece`, keeping its unfinished last line for the next.
    public mutating func feed(_ piece: UnsafeBufferPointer<UInt8>) {
        var start = 0
        while let newline = piece[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if partial.isEmpty {
                line(UnsafeBufferPointer(rebasing: piece[start..<newline]))
            } else {
                keep(piece[start..<newline])
                let whole = partial
                whole.withUnsafeBufferPointer { line($0) }
                partial.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        keep(piece[start...])
    }

    /// The diagnoses of everything fed, most specific first (a last line without a newline included).
    public mutating func finish() -> [LogClassifier.Diagnosis] {
        let last = partial
        partial.removeAll()
        last.withUnsafeBufferPointer { line($0) }
        return classifier.rank(found)
    }

    private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>) {
        number += 1
        classifier.examine(bytes, number: number, into: &found, possible: &possible, scratch: &scratch)
    }

    private mutating func keep(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        partial += bytes.prefix(max(0, Self.maxLineLength - partial.count))
    }
}
