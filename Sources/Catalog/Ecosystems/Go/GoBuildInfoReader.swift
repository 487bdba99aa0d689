import Foundation

/// The two strings a Go binary records about how it was built: the toolchain version
/// (`go1.22.1`) and the module info text (see ``GoModInfo``).
struct GoBuildInfo: Codable, Sendable, Equatable {
    var goVersion: String
    var modinfo: String
}

/// Finds and decodes a Go binary's build info, as `debug/buildinfo` does: the 32-byte
/// header starting with `\xff Go buildinf:` (in the `.go.buildinfo` section; without one,
/// in the first writable data segment; when the ELF structure cannot be read, anywhere
/// in the file), then either the Go 1.18+
/// inline form (flags bit 2: two varint-length-prefixed strings after the header) or
/// the older pointer form (two pointers to Go string headers, read through the ELF
/// program headers; flags bit 1 means big-endian pointers).
enum GoBuildInfoReader {
    /// The header's first 14 bytes.
    static let magic: [UInt8] = [0xff] + Array(" Go buildinf:".utf8)
    /// The header's size; the inline strings follow it.
    static let headerSize = 32
    /// The longest version or module info string read.
    static let maxStringLength = 4 << 20
    /// The 16-byte sentinels Go wraps the module info in.
    static let modinfoSentinelLength = 16

    private static let flagBigEndian: UInt8 = 1
    private static let flagInline: UInt8 = 2

    /// The build info in `bytes`; nil if there is none (not a Go binary).
    static func read(_ bytes: [UInt8], elf: ELFFile?) throws(FileFormatError) -> GoBuildInfo? {
        guard let header = locate(in: bytes, elf: elf) else { return nil }
        guard header + headerSize <= bytes.count else { throw FileFormatError("build info header is truncated") }
        let pointerSize = Int(bytes[header + 14])
        let flags = bytes[header + 15]
        let version: [UInt8]
        let modinfo: [UInt8]
        if flags & flagInline != 0 {
            var offset = header + headerSize
            version = try inlineString(bytes, at: &offset)
            modinfo = try inlineString(bytes, at: &offset)
        } else {
            guard pointerSize == 4 || pointerSize == 8 else { throw FileFormatError("pointer size \(pointerSize) is neither 4 nor 8") }
            guard let elf else { throw FileFormatError("pointer-format build info needs readable ELF program headers") }
            let pointers = BinaryReader(bytes, bigEndian: flags & flagBigEndian != 0)
            let versionAddress = try pointers.uint(at: UInt64(header + 16), width: pointerSize, "version pointer")
            let modinfoAddress = try pointers.uint(at: UInt64(header + 16 + pointerSize), width: pointerSize, "module info pointer")
            version = try pointerString(at: versionAddress, elf: elf, pointerSize: pointerSize, bigEndian: flags & flagBigEndian != 0)
            modinfo = try pointerString(at: modinfoAddress, elf: elf, pointerSize: pointerSize, bigEndian: flags & flagBigEndian != 0)
        }
        guard !version.isEmpty else { throw FileFormatError("empty Go version") }
        return GoBuildInfo(goVersion: String(decoding: version, as: UTF8.self), modinfo: stripSentinels(modinfo))
    }

    /// The file offset of the build info header. A readable ELF file is searched only where
    /// Go puts the header, so the many non-Go binaries of an image are not scanned whole.
    private static func locate(in bytes: [UInt8], elf: ELFFile?) -> Int? {
        guard let elf else { return search(magic, in: bytes[...]) }
        if let section = elf.section(named: ".go.buildinfo") {
            guard let contents = try? elf.contents(of: section) else { return search(magic, in: bytes[...]) }
            return search(magic, in: contents)
        }
        guard let data = elf.segments.first(where: \.isWritableData) else {
            return elf.segments.isEmpty ? search(magic, in: bytes[...]) : nil
        }
        return (try? elf.contents(of: data)).flatMap { search(magic, in: $0) }
    }

    /// The absolute index of the first occurrence of `needle` (non-empty) in `haystack`:
    /// `memchr` for its first byte, then a comparison of the rest.
    static func search(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first else { return nil }
        return haystack.withUnsafeBufferPointer { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var position = 0
            while hay.count - position >= needle.count {
                guard let found = memchr(base + position, Int32(first), hay.count - position - needle.count + 1) else { return nil }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if needle.indices.allSatisfy({ hay[index + $0] == needle[$0] }) { return haystack.startIndex + index }
                position = index + 1
            }
            return nil
        }
    }

    /// A uvarint length then that many bytes, advancing `offset`.
    private static func inlineString(_ bytes: [UInt8], at offset: inout Int) throws(FileFormatError) -> [UInt8] {
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw FileFormatError("string length at offset \(offset) is truncated") }
            guard shift < 64 else { throw FileFormatError("string length at offset \(offset) is not a valid varint") }
            let byte = bytes[offset]
            offset += 1
            length |= UInt64(byte & 0x7f) << shift
            shift += 7
            if byte < 0x80 { break }
        }
        guard length <= UInt64(maxStringLength) else { throw FileFormatError("string of \(length) bytes exceeds the limit of \(maxStringLength)") }
        guard offset + Int(length) <= bytes.count else {
            throw FileFormatError("string of \(length) bytes at offset \(offset) extends past the end of the file")
        }
        defer { offset += Int(length) }
        return Array(bytes[offset..<offset + Int(length)])
    }

    /// The Go string whose header (data pointer, length) is at virtual address `address`.
    private static func pointerString(at address: UInt64, elf: ELFFile, pointerSize: Int, bigEndian: Bool) throws(FileFormatError) -> [UInt8] {
        let header = BinaryReader(Array(try elf.bytes(atAddress: address, count: UInt64(2 * pointerSize))), bigEndian: bigEndian)
        let data = try header.uint(at: 0, width: pointerSize, "string data pointer")
        let length = try header.uint(at: UInt64(pointerSize), width: pointerSize, "string length")
        guard length <= UInt64(maxStringLength) else { throw FileFormatError("string of \(length) bytes exceeds the limit of \(maxStringLength)") }
        return length == 0 ? [] : Array(try elf.bytes(atAddress: data, count: length))
    }

    /// The module info without the sentinels around it (empty if they are missing, as Go does).
    private static func stripSentinels(_ modinfo: [UInt8]) -> String {
        let sentinel = modinfoSentinelLength
        guard modinfo.count >= 2 * sentinel + 1, modinfo[modinfo.count - sentinel - 1] == UInt8(ascii: "\n") else { return "" }
        return String(decoding: modinfo[sentinel..<modinfo.count - sentinel], as: UTF8.self)
    }
}
