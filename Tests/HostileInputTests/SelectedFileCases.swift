import Foundation
import OCIModel
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 12: a selected file is read only up to a named cap; an ELF-magic file
    /// of zeros (1 GiB sparse on disk, or 300 MiB inflated from a gzip layer of about 300 KB)
    /// was once read whole.
    @Suite struct SelectedFileCases {
        static let elfMagic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]

        /// Writes a gzip layer at `path` holding `usr/bin/huge`: ELF magic, then zeros up to
        /// `size` bytes (a whole number of MiB). The deflate data of one MiB of zeros is made
        /// once and repeated (each piece ends in a full flush), so this takes a second, not ten.
        static func zeroELFLayer(_ path: String, size: Int) async throws {
            try await Tool.python(#"""
                import struct, sys, tarfile, zlib
                path, size, mib = sys.argv[1], int(sys.argv[2]), 1 << 20
                info = tarfile.TarInfo("usr/bin/huge")
                info.size, info.mode = size, 0o755
                first, zeros, end = info.tobuf(tarfile.GNU_FORMAT) + b"\x7fELF" + bytes(mib - 4), bytes(mib), bytes(1024)
                squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
                deflated = [squeeze.compress(first) + squeeze.flush(zlib.Z_FULL_FLUSH)]
                crc = zlib.crc32(first)
                repeated = squeeze.compress(zeros) + squeeze.flush(zlib.Z_FULL_FLUSH)
                for _ in range(size // mib - 1):
                    crc = zlib.crc32(zeros, crc)
                    deflated.append(repeated)
                deflated.append(squeeze.compress(end) + squeeze.flush())
                crc = zlib.crc32(end, crc)
                trailer = struct.pack("<II", crc, (len(first) + (size // mib - 1) * mib + len(end)) & 0xffffffff)
                open(path, "wb").write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + b"".join(deflated) + trailer)
                """#, [path, String(size)])
        }

        @Test("a 1 GiB ELF-magic file in a dir: source is skipped with a warning naming it")
        func sparseFileInDirectory() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let path = try scratch.write("root/usr/bin/huge", Self.elfMagic)
            try await Tool.run("truncate", ["-s", "1G", path])

            let outcome = try await Hallmark.run(["sbom", "dir:\(scratch.at("root"))"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.contains("/usr/bin/huge") && outcome.stderr.contains("limit on one selected file"), "\(outcome)")
        }

        @Test("a 300 MiB ELF-magic file inflated from a small gzip layer is skipped with a warning naming it")
        func inflatedFileInLayer() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let layer = scratch.at("layer.tar.gz")
            try await Self.zeroELFLayer(layer, size: 300 << 20)
            let layout = try LayoutBuilder(at: scratch.at("layout"))
            try layout.tag(try layout.image(layers: [try layout.layer(file: layer, mediaType: MediaType.ociLayerGzip)]))

            let outcome = try await Hallmark.run(["sbom", "oci-dir:\(layout.path)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.contains("/usr/bin/huge") && outcome.stderr.contains("limit on one selected file"), "\(outcome)")
        }
    }
}
