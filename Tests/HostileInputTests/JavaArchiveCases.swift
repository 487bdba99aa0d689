import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 7: a jar whose central directory points many entries at the same
    /// compressed bytes (a 300 KB file that would inflate 16 × 256 MiB) is refused as a zip
    /// bomb with a warning naming the file, before anything is inflated.
    @Suite struct JavaArchiveCases {
        /// Writes a zip at `path` with `count` central-directory entries `lib/xNN.jar`, all
        /// pointing at one deflated entry of `size` zero bytes.
        static func overlappingZip(_ path: String, count: Int, size: Int) async throws {
            try await Tool.python(#"""
                import struct, sys, zlib
                path, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
                squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
                chunk = bytes(1 << 20)
                data = b"".join(squeeze.compress(chunk) for _ in range(size >> 20)) + squeeze.flush()
                name = b"lib/x00.jar"
                local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0, 0, len(data), size, len(name), 0) + name
                central = b""
                for i in range(count):
                    entry = b"lib/x%02d.jar" % i
                    central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 8, 0, 0, 0, len(data), size,
                                           len(entry), 0, 0, 0, 0, 0, 0) + entry
                end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, count, count, len(central), len(local) + len(data), 0)
                open(path, "wb").write(local + data + central + end)
                """#, [path, String(count), String(size)])
        }

        @Test("overlapping entries are refused before anything is inflated")
        func overlappingEntries() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            try scratch.write("root/app/bomb.jar", "")
            try await Self.overlappingZip(scratch.at("root/app/bomb.jar"), count: 16, size: 300 << 20)

            let outcome = try await Hallmark.run(["sbom", "dir:\(scratch.at("root"))"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.contains("/app/bomb.jar") && outcome.stderr.contains("overlap"), "\(outcome)")
        }
    }
}
