/// Rules out regular expressions that cannot match a log line, before ICU runs them: each
/// pattern's longest required literal (text outside groups, classes and quantifiers, with no
/// top-level alternation) is looked for in the lowercased line through an index of its
/// first two bytes. Most lines of a large log contain none, so almost no regex runs.
/// Patterns with no such literal of three or more bytes are always tried.
struct LiteralPrefilter: Sendable {
    /// How many patterns there are (the length `possible` must have).
    let patternCount: Int
    private let tables: Tables
    private let alwaysTried: [Int]

    init(patterns: [String]) {
        let literals = patterns.map(Self.requiredLiteral)
        patternCount = literals.count
        var byBigram = [[Int]](repeating: [], count: 1 << 16)
        var alwaysTried: [Int] = []
        for (index, literal) in literals.enumerated() {
            if let literal { byBigram[Int(Self.bigram(literal[0], literal[1]))].append(index) } else { alwaysTried.append(index) }
        }
        var bigramStart = [Int32](repeating: 0, count: (1 << 16) + 1)
        var patternsByBigram: [Int] = []
        for key in 0..<(1 << 16) {
            bigramStart[key] = Int32(patternsByBigram.count)
            patternsByBigram += byBigram[key]
        }
        bigramStart[1 << 16] = Int32(patternsByBigram.count)
        var literalStart = [0]
        for literal in literals { literalStart.append(literalStart[literalStart.count - 1] + (literal?.count ?? 0)) }
        tables = Tables(bigramStart: bigramStart, patternsByBigram: patternsByBigram, literalStart: literalStart,
                        literalBytes: literals.flatMap { $0 ?? [] })
        self.alwaysTried = alwaysTried
    }

    /// Which patterns may match `line` (raw log bytes): sets `possible[i]` to false only
    /// when pattern i cannot match the line once cleaned, and returns whether any may.
    /// `scratch` is reused between lines: it receives the line lowercased, without ANSI CSI
    /// sequences.
    func mark(_ line: UnsafeBufferPointer<UInt8>, into possible: inout [Bool], scratch: inout [UInt8]) -> Bool {
        for index in possible.indices { possible[index] = false }
        for index in alwaysTried { possible[index] = true }
        var any = !alwaysTried.isEmpty
        if scratch.count < line.count { scratch = [UInt8](repeating: 0, count: line.count) }
        let count = scratch.withUnsafeMutableBufferPointer { out in
            var count = 0
            Self.forEachByteOutsideEscapes(line) { byte in
                out[count] = Self.lowercase(byte)
                count += 1
            }
            return count
        }
        guard count >= 2 else { return any }
        let tables = tables
        scratch.withUnsafeBufferPointer { bytes in
            possible.withUnsafeMutableBufferPointer { possible in
                for position in 0..<(count - 1) {
                    let key = Int(bytes[position]) << 8 | Int(bytes[position + 1])
                    for next in Int(tables.bigramStart[key])..<Int(tables.bigramStart[key + 1]) {
                        let pattern = tables.patternsByBigram[next]
                        let literal = tables.literalStart[pattern]..<tables.literalStart[pattern + 1]
                        guard !possible[pattern], position + literal.count <= count else { continue }
                        if bytes[position..<position + literal.count].elementsEqual(tables.literalBytes[literal]) {
                            possible[pattern] = true
                            any = true
                        }
                    }
                }
            }
        }
        return any
    }

    /// Calls `body` with each byte of `line` outside ANSI CSI sequences.
    static func forEachByteOutsideEscapes(_ line: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var index = 0
        while index < line.count {
            if line[index] == 0x1B, let after = endOfEscape(line, at: index) {
                index = after
                continue
            }
            body(line[index])
            index += 1
        }
    }

    /// The index after an ANSI CSI sequence (ESC `[`, digits and `;`, a letter) starting at
    /// `start`, or nil if none starts there.
    static func endOfEscape(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var end = start + 2
        while end < bytes.count, bytes[end] == UInt8(ascii: ";") || (0x30...0x39).contains(bytes[end]) { end += 1 }
        guard end < bytes.count, (0x41...0x5A).contains(bytes[end]) || (0x61...0x7A).contains(bytes[end]) else { return nil }
        return end + 1
    }

    /// The longest run of literal ASCII text every match of `pattern` contains, if three bytes or more.
    static func requiredLiteral(_ pattern: String) -> [UInt8]? {
        let bytes = Array(pattern.utf8)
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        func end() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        var depth = 0
        var inClass = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            defer { index += 1 }
            if inClass {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "]") { inClass = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                // An escaped punctuation character is itself; `\d`, `\s`, `\b`… are not literals.
                guard index + 1 < bytes.count else { end(); continue }
                let escaped = bytes[index + 1]
                index += 1
                if depth == 0, escaped < 0x80, !isAlphanumeric(escaped), !isQuantified(bytes, index + 1) { current.append(escaped) } else { end() }
            case UInt8(ascii: "("): depth += 1; end()
            case UInt8(ascii: ")"): depth -= 1; end()
            case UInt8(ascii: "["): inClass = true; end()
            case UInt8(ascii: "|"):
                if depth == 0 { return nil }
                end()
            case UInt8(ascii: "{"):
                // A counted repetition `{2,5}`: its digits are not text.
                while index < bytes.count, bytes[index] != UInt8(ascii: "}") { index += 1 }
                end()
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "*"):
                end()
            default:
                if depth == 0, byte < 0x80, !isQuantified(bytes, index + 1) { current.append(lowercase(byte)) } else { end() }
            }
        }
        end()
        guard let longest = runs.max(by: { $0.count < $1.count }), longest.count >= 3 else { return nil }
        return longest
    }

    /// Whether the character ending before `next` is made optional or repeated by a quantifier.
    private static func isQuantified(_ bytes: [UInt8], _ next: Int) -> Bool {
        guard next < bytes.count else { return false }
        return bytes[next] == UInt8(ascii: "?") || bytes[next] == UInt8(ascii: "*") || bytes[next] == UInt8(ascii: "{")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func bigram(_ first: UInt8, _ second: UInt8) -> UInt16 {
        UInt16(first) << 8 | UInt16(second)
    }
}

/// The tables ``LiteralPrefilter/mark(_:into:scratch:)`` reads for every byte of a log, as
/// raw buffers: array reads there would retain and release the arrays each time. Patterns
/// by the first two bytes of their literal: those of bigram b are
/// `patternsByBigram[bigramStart[b]..<bigramStart[b + 1]]`; pattern i's literal is
/// `literalBytes[literalStart[i]..<literalStart[i + 1]]`.
private final class Tables: @unchecked Sendable {
    // Written once in init, only read afterwards.
    let bigramStart: UnsafeBufferPointer<Int32>
    let patternsByBigram: UnsafeBufferPointer<Int>
    let literalStart: UnsafeBufferPointer<Int>
    let literalBytes: UnsafeBufferPointer<UInt8>

    init(bigramStart: [Int32], patternsByBigram: [Int], literalStart: [Int], literalBytes: [UInt8]) {
        self.bigramStart = Self.copy(bigramStart)
        self.patternsByBigram = Self.copy(patternsByBigram)
        self.literalStart = Self.copy(literalStart)
        self.literalBytes = Self.copy(literalBytes)
    }

    deinit {
        bigramStart.deallocate()
        patternsByBigram.deallocate()
        literalStart.deallocate()
        literalBytes.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(buffer)
    }
}
