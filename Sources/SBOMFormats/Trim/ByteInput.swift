import Foundation
import OCIModel

/// A forward-only reader over a JSON document's bytes, read in 1 MiB chunks from
/// a file (or served from memory), with the byte-level moves the trimmer needs:
/// skip whitespace, skip a whole value, read a short string, and capture or copy
/// the bytes passed over — across chunk boundaries, so memory stays bounded.
final class ByteInput {
    private enum Source {
        case file(Int32)
        case memory([UInt8], Int)
    }

    private var source: Source
    /// The file (or label) the bytes come from, for error messages.
    let name: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 20
    private var position = 0
    private var end = 0
    private var bufferOffset = 0
    /// The JSON path of the value being read, for error messages.
    var field: String?

    private var captureFrom = -1
    private var captured: [UInt8] = []
    private var copyFrom = -1
    private var copySink: ((UnsafeRawBufferPointer) throws -> Void)?

    /// Reads the file at `path`.
    init(path: String) throws(SBOMIOError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SBOMIOError(path: path, operation: "open", code: errno) }
        source = .file(descriptor)
        name = path
        buffer = .allocate(capacity: capacity)
    }

    /// Reads `bytes`.
    init(bytes: [UInt8], name: String) {
        source = .memory(bytes, 0)
        self.name = name
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        if case .file(let descriptor) = source { close(descriptor) }
        buffer.deallocate()
    }

    /// The absolute offset of the next byte.
    var offset: Int { bufferOffset + position }

    /// Loads the next chunk, handing captured or copied bytes on first; false at the end.
    private func refill() throws -> Bool {
        if captureFrom >= 0 {
            captured.append(contentsOf: UnsafeBufferPointer(start: buffer + captureFrom, count: end - captureFrom))
            captureFrom = 0
        }
        if copyFrom >= 0, let copySink {
            try copySink(UnsafeRawBufferPointer(start: buffer + copyFrom, count: end - copyFrom))
            copyFrom = 0
        }
        bufferOffset += end
        position = 0
        end = 0
        switch source {
        case .file(let descriptor):
            while true {
                let count = read(descriptor, buffer, capacity)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw SBOMTrimError.io(SBOMIOError(path: name, operation: "read", code: errno))
                }
                end = count
                break
            }
        case .memory(let bytes, let next):
            let count = min(capacity, bytes.count - next)
            bytes.withUnsafeBufferPointer { all in
                if count > 0 { buffer.update(from: all.baseAddress! + next, count: count) }
            }
            source = .memory(bytes, next + count)
            end = count
        }
        return end > 0
    }

    /// A malformed-input error at the current position.
    func failure(_ reason: String) -> SBOMTrimError {
        .invalidInput(InputError(source: name, field: field, reason: "\(reason) at byte \(offset)"))
    }

    /// The next byte without consuming it; throws at the end of the input.
    @inline(__always) func peek() throws -> UInt8 {
        if position == end, try !refill() { throw failure("unexpected end of input") }
        return buffer[position]
    }

    /// Consumes one byte.
    @inline(__always) func advance() { position += 1 }

    /// Skips whitespace and returns the next byte without consuming it.
    @inline(__always) func peekNonSpace() throws -> UInt8 {
        while true {
            let byte = try peek()
            guard byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 else { return byte }
            position += 1
        }
    }

    /// Whether only whitespace remains.
    func atEnd() throws -> Bool {
        while true {
            if position == end, try !refill() { return true }
            let byte = buffer[position]
            guard byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 else { return false }
            position += 1
        }
    }

    /// Consumes `byte` after optional whitespace, or throws.
    func expect(_ byte: UInt8) throws {
        let found = try peekNonSpace()
        guard found == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))' but found '\(Character(Unicode.Scalar(found)))'")
        }
        position += 1
    }

    /// Reads a string value and returns its raw content (escapes left as written).
    func readString() throws -> [UInt8] {
        try expect(UInt8(ascii: "\""))
        var content: [UInt8] = []
        while true {
            if position == end, try !refill() { throw failure("unexpected end of input in a string") }
            var index = position
            while index < end {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                index += 1
            }
            content.append(contentsOf: UnsafeBufferPointer(start: buffer + position, count: index - position))
            position = index
            guard index < end else { continue }
            let byte = buffer[index]
            position += 1
            if byte == UInt8(ascii: "\"") { return content }
            guard byte == UInt8(ascii: "\\") else { throw failure("control character in string") }
            content.append(byte)
            content.append(try peek())
            position += 1
        }
    }

    /// Consumes a string value and tells whether its raw content equals `target`.
    func readString(equalTo target: StaticString) throws -> Bool {
        try expect(UInt8(ascii: "\""))
        var matched = 0
        var equal = true
        let length = target.utf8CodeUnitCount
        let expected = target.utf8Start
        while true {
            let byte = try peek()
            position += 1
            if byte == UInt8(ascii: "\"") { return equal && matched == length }
            if byte == UInt8(ascii: "\\") {
                equal = false
                _ = try peek()
                position += 1
                continue
            }
            if equal {
                if matched < length && expected[matched] == byte { matched += 1 } else { equal = false }
            }
        }
    }

    /// Skips the rest of a string whose opening quote was consumed.
    private func skipStringBody() throws {
        while true {
            if position == end, try !refill() { throw failure("unexpected end of input in a string") }
            // Fast path over the bytes already loaded.
            var index = position
            while index < end {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") {
                    position = index + 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    if index + 1 < end {
                        index += 2
                        continue
                    }
                    position = end
                    if try !refill() { throw failure("unexpected end of input in a string") }
                    index = 1
                    continue
                }
                index += 1
            }
            position = end
        }
    }

    /// Skips one complete value (after optional whitespace), checking bracket pairing.
    /// Returns the number of elements when the value is an array.
    @discardableResult
    func skipValue() throws -> Int {
        let first = try peekNonSpace()
        switch first {
        case UInt8(ascii: "\""):
            position += 1
            try skipStringBody()
            return 0
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return try skipContainer()
        default:
            try skipScalar()
            return 0
        }
    }

    private func skipScalar() throws {
        var length = 0
        while true {
            if position == end, try !refill() { break }
            let byte = buffer[position]
            let isScalarByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "E")
            guard isScalarByte else { break }
            position += 1
            length += 1
        }
        guard length > 0 else { throw failure("expected a JSON value") }
    }

    /// The closing brackets of the containers being skipped (reused to avoid allocations).
    private var stack: [UInt8] = []

    private func skipContainer() throws -> Int {
        stack.removeAll(keepingCapacity: true)
        var topLevelElements = 0
        var topLevelPending = false
        while true {
            if position == end, try !refill() { throw failure("unexpected end of input") }
            let byte = buffer[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                if stack.count == 1 { topLevelPending = true }
                try skipStringBody()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if stack.count == 1 { topLevelPending = true }
                stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard stack.last == byte else { throw failure("mismatched '\(Character(Unicode.Scalar(byte)))'") }
                stack.removeLast()
                if stack.isEmpty {
                    return byte == UInt8(ascii: "]") ? topLevelElements + (topLevelPending ? 1 : 0) : 0
                }
            case UInt8(ascii: ","):
                if stack.count == 1 {
                    topLevelElements += 1
                    topLevelPending = false
                }
            case 0x20, 0x0a, 0x0d, 0x09, UInt8(ascii: ":"):
                break
            default:
                if stack.count == 1 { topLevelPending = true }
            }
        }
    }

    /// Starts recording the bytes passed over.
    func startCapture() {
        captured.removeAll(keepingCapacity: true)
        captureFrom = position
    }

    /// Stops recording and returns the bytes passed over since ``startCapture()``.
    func endCapture() -> [UInt8] {
        captured.append(contentsOf: UnsafeBufferPointer(start: buffer + captureFrom, count: position - captureFrom))
        captureFrom = -1
        return captured
    }

    /// Passes the bytes of the next value to `sink` as they are read (no capture may be active).
    func copyValue(to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        _ = try peekNonSpace()
        copyFrom = position
        copySink = sink
        defer {
            copyFrom = -1
            copySink = nil
        }
        try skipValue()
        try sink(UnsafeRawBufferPointer(start: buffer + copyFrom, count: position - copyFrom))
    }
}
