import Foundation

/// Reads a file as lines without holding it whole: chunks of 1 MiB, each line handed
/// over with its number; a line longer than `maxLine` is reported, not held.
struct RecordLines {
    let path: String
    let maxLine: Int

    enum Line {
        case text(Data, number: Int)
        case tooLong(number: Int)
    }

    func forEach(_ body: (Line) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(description: "\(path): cannot be read")
        }
        defer { try? handle.close() }
        var pending = Data()
        var number = 0
        var overflowing = false
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            var start = chunk.startIndex
            while let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                if !overflowing { pending.append(chunk[start..<newline]) }
                if overflowing || pending.count > maxLine {
                    try body(.tooLong(number: number))
                } else {
                    try body(.text(pending, number: number))
                }
                pending.removeAll(keepingCapacity: true)
                overflowing = false
                start = newline + 1
            }
            if !overflowing {
                pending.append(chunk[start...])
                if pending.count > maxLine {
                    overflowing = true
                    pending.removeAll()
                }
            }
        }
        if overflowing {
            try body(.tooLong(number: number + 1))
        } else if !pending.isEmpty {
            try body(.text(pending, number: number + 1))
        }
    }
}
