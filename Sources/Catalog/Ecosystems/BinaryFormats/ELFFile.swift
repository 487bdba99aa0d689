/// The parts of an ELF file (32- or 64-bit, either byte order) that binary catalogers
/// need: named sections with their file ranges, and loadable segments to translate
/// virtual addresses to file offsets. Every header field is checked against the file's
/// size before it is used.
struct ELFFile: Sendable {
    /// The first four bytes of every ELF file.
    static let magic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]

    /// A section header: its name (from the section-name string table) and file range.
    struct Section: Sendable {
        var name: String
        var type: UInt64
        var address: UInt64
        var offset: UInt64
        var size: UInt64
    }

    /// A program header of type `PT_LOAD`: which file bytes are mapped at which address.
    struct Segment: Sendable {
        var offset: UInt64
        var virtualAddress: UInt64
        var fileSize: UInt64
        /// `PF_X` (1), `PF_W` (2), `PF_R` (4).
        var flags: UInt64

        /// Whether it is writable data rather than code (where Go puts its build info
        /// when there is no `.go.buildinfo` section).
        var isWritableData: Bool { flags & 3 == 2 }
    }

    let reader: BinaryReader
    let is64Bit: Bool
    private(set) var sections: [Section] = []
    private(set) var segments: [Segment] = []

    private static let sectionTypeNoBits: UInt64 = 8
    private static let segmentTypeLoad: UInt64 = 1

    /// Parses the ELF header, section headers and program headers of `bytes`.
    init(_ bytes: [UInt8]) throws(FileFormatError) {
        guard bytes.starts(with: Self.magic) else { throw FileFormatError("not an ELF file") }
        guard bytes.count >= 52 else { throw FileFormatError("truncated ELF header (\(bytes.count) bytes)") }
        switch (bytes[4], bytes[5]) {
        case (1, 1), (1, 2), (2, 1), (2, 2): break
        default: throw FileFormatError("unknown ELF class \(bytes[4]) or byte order \(bytes[5])")
        }
        is64Bit = bytes[4] == 2
        reader = BinaryReader(bytes, bigEndian: bytes[5] == 2)
        let wide = is64Bit
        let programOffset = try wide ? reader.u64(32, "program header offset") : reader.u32(28, "program header offset")
        let sectionOffset = try wide ? reader.u64(40, "section header offset") : reader.u32(32, "section header offset")
        let base: UInt64 = wide ? 54 : 42
        let programEntrySize = try reader.u16(base, "program header size")
        let programCount = try reader.u16(base + 2, "program header count")
        let sectionEntrySize = try reader.u16(base + 4, "section header size")
        let sectionCount = try reader.u16(base + 6, "section header count")
        let namesIndex = try reader.u16(base + 8, "section name table index")
        segments = try readSegments(at: programOffset, entrySize: programEntrySize, count: programCount)
        sections = try readSections(at: sectionOffset, entrySize: sectionEntrySize, count: sectionCount, namesIndex: namesIndex)
    }

    private func checkTable(_ what: String, at offset: UInt64, entrySize: UInt64, count: UInt64, minimum: UInt64) throws(FileFormatError) {
        guard entrySize >= minimum else { throw FileFormatError("\(what) header size \(entrySize) is smaller than \(minimum)") }
        guard reader.contains(offset: offset, count: entrySize * count) else {
            throw FileFormatError("\(what) header table (\(count) × \(entrySize) bytes at offset \(offset)) extends past the end of the file (\(reader.bytes.count) bytes)")
        }
    }

    private func readSegments(at offset: UInt64, entrySize: UInt64, count: UInt64) throws(FileFormatError) -> [Segment] {
        guard count > 0 else { return [] }
        try checkTable("program", at: offset, entrySize: entrySize, count: count, minimum: is64Bit ? 56 : 32)
        var segments: [Segment] = []
        for index in 0..<count {
            let entry = offset + index * entrySize
            guard try reader.u32(entry, "program header type") == Self.segmentTypeLoad else { continue }
            if is64Bit {
                segments.append(Segment(offset: try reader.u64(entry + 8, "segment offset"),
                                        virtualAddress: try reader.u64(entry + 16, "segment address"),
                                        fileSize: try reader.u64(entry + 32, "segment size"),
                                        flags: try reader.u32(entry + 4, "segment flags")))
            } else {
                segments.append(Segment(offset: try reader.u32(entry + 4, "segment offset"),
                                        virtualAddress: try reader.u32(entry + 8, "segment address"),
                                        fileSize: try reader.u32(entry + 16, "segment size"),
                                        flags: try reader.u32(entry + 24, "segment flags")))
            }
        }
        return segments
    }

    private func readSections(at offset: UInt64, entrySize: UInt64, count: UInt64, namesIndex: UInt64) throws(FileFormatError) -> [Section] {
        guard count > 0 else { return [] }
        try checkTable("section", at: offset, entrySize: entrySize, count: count, minimum: is64Bit ? 64 : 40)
        var raw: [(nameOffset: UInt64, section: Section)] = []
        for index in 0..<count {
            let entry = offset + index * entrySize
            let nameOffset = try reader.u32(entry, "section name offset")
            let type = try reader.u32(entry + 4, "section type")
            let section: Section
            if is64Bit {
                section = Section(name: "", type: type, address: try reader.u64(entry + 16, "section address"),
                                  offset: try reader.u64(entry + 24, "section offset"), size: try reader.u64(entry + 32, "section size"))
            } else {
                section = Section(name: "", type: type, address: try reader.u32(entry + 12, "section address"),
                                  offset: try reader.u32(entry + 16, "section offset"), size: try reader.u32(entry + 20, "section size"))
            }
            raw.append((nameOffset, section))
        }
        guard namesIndex < count else { throw FileFormatError("section name table index \(namesIndex) is not below the section count \(count)") }
        let names = raw[Int(namesIndex)].section
        let table = try reader.slice(at: names.offset, count: names.size, "section name table")
        return raw.map { nameOffset, section in
            var named = section
            if nameOffset < UInt64(table.count) {
                let start = table.startIndex + Int(nameOffset)
                let end = table[start...].firstIndex(of: 0) ?? table.endIndex
                named.name = String(decoding: table[start..<end], as: UTF8.self)
            }
            return named
        }
    }

    /// The first section called `name`.
    func section(named name: String) -> Section? {
        sections.first { $0.name == name }
    }

    /// A section's bytes in the file; fails if they lie outside it or the section has none.
    func contents(of section: Section) throws(FileFormatError) -> ArraySlice<UInt8> {
        guard section.type != Self.sectionTypeNoBits else { throw FileFormatError("section \(section.name) has no file contents") }
        return try reader.slice(at: section.offset, count: section.size, "section \(section.name)")
    }

    /// A segment's bytes in the file.
    func contents(of segment: Segment) throws(FileFormatError) -> ArraySlice<UInt8> {
        try reader.slice(at: segment.offset, count: segment.fileSize, "segment at address 0x\(String(segment.virtualAddress, radix: 16))")
    }

    /// The `count` bytes mapped at virtual `address`, through the loadable segments
    /// (or, for files without program headers, the sections).
    func bytes(atAddress address: UInt64, count: UInt64) throws(FileFormatError) -> ArraySlice<UInt8> {
        let ranges = segments.map { ($0.virtualAddress, $0.offset, $0.fileSize) }
            + sections.filter { $0.type != Self.sectionTypeNoBits && $0.address != 0 }.map { ($0.address, $0.offset, $0.size) }
        for (start, offset, size) in ranges where address >= start && address - start < size {
            let (fileOffset, overflow) = offset.addingReportingOverflow(address - start)
            guard count <= size - (address - start), !overflow else { break }
            return try reader.slice(at: fileOffset, count: count, "data at address 0x\(String(address, radix: 16))")
        }
        throw FileFormatError("address 0x\(String(address, radix: 16)) (\(count) bytes) is not mapped from the file")
    }
}
