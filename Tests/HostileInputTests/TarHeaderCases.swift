import Foundation
import OCIModel
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 6: tar sizes near `Int64.max` (base-256 or PAX `size`) and PAX record
    /// lengths near `Int.max`, in an image layer (streaming reader) and an `oci-archive:`
    /// (archive index): a clear error naming the layer or archive and the field, never a trap.
    @Suite struct TarHeaderCases {
        /// A one-member tar whose member claims a size near `Int64.max`, as `how` says.
        static func hugeSize(_ how: String) -> [UInt8] {
            switch how {
            case "base-256":
                CraftedTar.header("huge.bin") { $0.replaceSubrange(TarHeader.Field.size, with: CraftedTar.base256(.max)) } + CraftedTar.end
            default:
                CraftedTar.pax(TarHeader.paxRecord("size", String(Int64.max))) + CraftedTar.header("huge.bin") + CraftedTar.end
            }
        }

        /// A PAX header whose second record claims a length near `Int.max` (its end overflows).
        static let absurdRecordLength = CraftedTar.pax(TarHeader.paxRecord("comment", "x") + Array("\(Int.max - 2) path=x\n".utf8))
            + CraftedTar.file("x", [1]) + CraftedTar.end

        /// The cases by name (so test reports name them, not their bytes): the tar and the field its error names.
        static let cases: [String: (tar: [UInt8], field: String)] = [
            "base-256 size": (hugeSize("base-256"), "size field"),
            "PAX size": (hugeSize("pax"), "PAX size field"),
            "PAX record length": (absurdRecordLength, "record's length"),
        ]

        @Test("a layer with a hostile size or record length gives a warning naming the layer and field", arguments: cases.keys.sorted())
        func inLayer(name: String) async throws {
            let (tar, field) = try #require(Self.cases[name])
            let scratch = try Scratch()
            defer { scratch.remove() }
            let layout = try LayoutBuilder(at: scratch.at("layout"))
            try layout.tag(try layout.image(layers: [try layout.blob(tar, mediaType: MediaType.ociLayer)]))

            let outcome = try await Hallmark.run(["sbom", "oci-dir:\(layout.path)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.contains("layer 1") && outcome.stderr.contains("malformed tar header at offset"), "\(outcome)")
            #expect(outcome.stderr.contains(field), "\(outcome)")
        }

        @Test("an oci-archive with a hostile size or record length is refused naming the archive and field", arguments: cases.keys.sorted())
        func inArchive(name: String) async throws {
            let (tar, field) = try #require(Self.cases[name])
            let scratch = try Scratch()
            defer { scratch.remove() }
            let archive = try scratch.write("image.tar", tar)

            let outcome = try await Hallmark.run(["inspect", "oci-archive:\(archive)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stderr.contains(archive) && outcome.stderr.contains(field), "\(outcome)")
        }
    }
}
