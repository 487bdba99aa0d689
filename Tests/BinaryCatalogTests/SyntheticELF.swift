/// Hand-assembled ELF files for formats no installed tool still produces.
enum SyntheticELF {
    private static let baseAddress: UInt64 = 0x40_0000

    /// An ELF with one loadable, writable segment mapping the whole file and no section table,
    /// holding Go build info in the pre-1.18 pointer form.
    static func pointerFormatGoBinary(version: String, modinfo: String, is64Bit: Bool, bigEndian: Bool) -> [UInt8] {
        let pointerSize = is64Bit ? 8 : 4
        let sentinelStart: [UInt8] = [0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02, 0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6]
        let sentinelEnd: [UInt8] = [0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2]
        let modBytes = sentinelStart + Array(modinfo.utf8) + sentinelEnd
        var file = [UInt8](repeating: 0, count: 0x400 + modBytes.count)
        func put(_ value: UInt64, at offset: Int, width: Int) {
            for index in 0..<width {
                let shift = UInt64(8 * (bigEndian ? width - 1 - index : index))
                file[offset + index] = UInt8(truncatingIfNeeded: value >> shift)
            }
        }
        file.replaceSubrange(0..<4, with: [0x7f, 0x45, 0x4c, 0x46])
        file[4] = is64Bit ? 2 : 1
        file[5] = bigEndian ? 2 : 1
        file[6] = 1
        if is64Bit {
            put(64, at: 32, width: 8)
            put(56, at: 54, width: 2)
            put(1, at: 56, width: 2)
            put(64, at: 58, width: 2)
            put(1, at: 64, width: 4)
            put(6, at: 64 + 4, width: 4)
            put(baseAddress, at: 64 + 16, width: 8)
            put(UInt64(file.count), at: 64 + 32, width: 8)
        } else {
            put(52, at: 28, width: 4)
            put(32, at: 42, width: 2)
            put(1, at: 44, width: 2)
            put(40, at: 46, width: 2)
            put(1, at: 52, width: 4)
            put(6, at: 52 + 24, width: 4)
            put(baseAddress, at: 52 + 8, width: 4)
            put(UInt64(file.count), at: 52 + 16, width: 4)
        }
        let header = 0x100
        file.replaceSubrange(header..<header + 14, with: [0xff] + Array(" Go buildinf:".utf8))
        file[header + 14] = UInt8(pointerSize)
        file[header + 15] = bigEndian ? 1 : 0
        put(baseAddress + 0x200, at: header + 16, width: pointerSize)
        put(baseAddress + 0x200 + UInt64(2 * pointerSize), at: header + 16 + pointerSize, width: pointerSize)
        put(baseAddress + 0x300, at: 0x200, width: pointerSize)
        put(UInt64(version.utf8.count), at: 0x200 + pointerSize, width: pointerSize)
        put(baseAddress + 0x400, at: 0x200 + 2 * pointerSize, width: pointerSize)
        put(UInt64(modBytes.count), at: 0x200 + 3 * pointerSize, width: pointerSize)
        file.replaceSubrange(0x300..<0x300 + version.utf8.count, with: Array(version.utf8))
        file.replaceSubrange(0x400..<file.count, with: modBytes)
        return file
    }
}
