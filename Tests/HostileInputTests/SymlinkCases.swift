import OCIModel
import Testing
import TestSupport

extension HostileInputs {
    /// Issue 11, item 11: resolving a symbolic link is linear in the length of the path and
    /// its targets; a 64 KiB target (32 768 components) once took 48 s.
    @Suite struct SymlinkCases {
        @Test("a link with a 64 KiB target is resolved within the bounds")
        func longTarget() async throws {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let target = String(repeating: "a/", count: 32 * 1024)
            let tar = CraftedTar.pax(TarHeader.paxRecord("linkpath", target))
                + CraftedTar.header("link", typeflag: TarHeader.Flag.symbolicLink) + CraftedTar.end
            let layout = try LayoutBuilder(at: scratch.at("layout"))
            try layout.tag(try layout.image(layers: [try layout.blob(tar, mediaType: MediaType.ociLayer)]))

            let outcome = try await Hallmark.run(["sbom", "oci-dir:\(layout.path)"])
            #expect(outcome.isWithin(Hallmark.limits), "\(outcome)")
            #expect(outcome.status == 0, "\(outcome)")
        }
    }
}
