import Catalog
import Foundation
import ImageFS
import OCILayout
import OCIModel
import Testing
import TestSupport

@Suite("Hostile layers: escaping names, links out of the root, loops, bombs, truncation")
struct HostileLayerTests {
    /// One image of `layers` (tar files with their media types) in a fresh layout.
    static func walker(_ layers: [(file: String, mediaType: String)], in scratch: Scratch) async throws
        -> (ImageSourceWalker, [Descriptor]) {
        let layout = try LayoutBuilder(at: scratch.at("layout-\(UUID().uuidString)"))
        let descriptors = try layers.map { try layout.layer(file: $0.file, mediaType: $0.mediaType) }
        try layout.tag(try layout.image(layers: descriptors))
        let source = try OCIDirectory(readingAt: layout.path)
        return (ImageSourceWalker(source: source, descriptor: try await source.resolveDefault()), descriptors)
    }

    @Test("'../' names are refused with a warning naming layer and entry; links resolve inside the root only")
    func escapingNamesAndLinks() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try LayerTars.pythonTar([
            .file("../evil.pkg", "evil 1"),
            .file("ok/../../evil2.pkg", "evil 2"),
            .file("/abs/x.pkg", "x 1"),
            .file("./pkgs/a.pkg", "a 1"),
            .symlink("links/abs", "/pkgs"),
            .symlink("links/up", "../../../../../pkgs/a.pkg"),
            .symlink("links/passwd", "/etc/passwd"),
            .symlink("loop/a", "b"),
            .symlink("loop/b", "/loop/a"),
            .symlink("loop/self", "self"),
            .hardlink("pkgs/hard.pkg", "pkgs/a.pkg"),
            .hardlink("pkgs/bad.pkg", "../../etc/shadow"),
        ], output: scratch.at("hostile.tar"))
        let (walker, layers) = try await Self.walker([(scratch.at("hostile.tar"), MediaType.ociLayer)], in: scratch)
        let cataloger = PkgCataloger(probes: ["/links/abs/a.pkg", "/links/up", "/links/passwd", "/loop/a", "/loop/self/x.pkg"])
        let report = try await SBOMCataloging(catalogers: [cataloger]).catalog(.image(walker))

        #expect(report.pairs == ["a 1", "a 1", "probe:/links/abs/a.pkg a 1", "probe:/links/up a 1", "x 1"])
        #expect(report.packages.map { $0.locations[0].path } == ["/pkgs/a.pkg", "/pkgs/hard.pkg", "/pkgs/a.pkg", "/pkgs/a.pkg", "/abs/x.pkg"])
        let layerName = "layer 1 (\(layers[0].digest))"
        let refused = report.warnings.filter { $0.message.contains("escapes the image root") }
        #expect(refused.map(\.path) == ["../evil.pkg", "ok/../../evil2.pkg", "/pkgs/bad.pkg"])
        #expect(refused.allSatisfy { $0.message.hasPrefix(layerName) })
        let loops = report.warnings.filter { $0.message.contains("loop") }
        #expect(loops.map(\.path) == ["/loop/a", "/loop/b", "/loop/self"])
    }

    @Test("a gzip bomb is refused past the per-layer limit, naming the layer; the next layer is still read")
    func gzipBombRefused() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try LayerTars.zeroBomb(size: 1 << 30, output: scratch.at("bomb.tar.gz"))
        try LayerTars.pythonTar([.file("pkgs/after.pkg", "after 1")], output: scratch.at("after.tar"))
        let (walker, layers) = try await Self.walker([
            (scratch.at("bomb.tar.gz"), MediaType.ociLayerGzip), (scratch.at("after.tar"), MediaType.ociLayer),
        ], in: scratch)
        #expect(layers[0].size < 2 << 20)

        let limited = WalkOptions(limits: DecompressionLimits(perLayer: 64 << 20))
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()], options: limited).catalog(.image(walker))
        #expect(report.pairs == ["after 1"])
        #expect(report.warnings.map(\.description) == [
            "layer 1 (\(layers[0].digest)): refused, it decompresses to more than \(64 << 20) bytes (decompression-bomb limit)",
        ])

        let totalLimited = WalkOptions(limits: DecompressionLimits(total: 32 << 20))
        await #expect(throws: ImageFSError.totalLimitExceeded(limit: 32 << 20, layerIndex: 0, layer: layers[0].digest)) {
            try await SBOMCataloging(catalogers: [PkgCataloger()], options: totalLimited).catalog(.image(walker))
        }
    }

    @Test("a truncated layer (gzip or plain tar) gives a warning naming it; the other layers are cataloged")
    func truncatedLayers() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let noise = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try scratch.write("l2/big/noise.bin", noise)
        try scratch.write("l2/pkgs/lost.pkg", "lost 1")
        try LayerTars.gnuTar(root: scratch.at("l2"), output: scratch.at("l2.tar"))
        try LayerTars.gzip(scratch.at("l2.tar"))
        let gz = try scratch.read("l2.tar.gz")
        try scratch.write("cut.tar.gz", Array(gz.prefix(gz.count / 2)))
        let tar = try scratch.read("l2.tar")
        try scratch.write("cut.tar", Array(tar.prefix(512 + 100_000)))
        try LayerTars.pythonTar([.file("pkgs/first.pkg", "first 1")], output: scratch.at("l1.tar"))
        try LayerTars.pythonTar([.file("pkgs/last.pkg", "last 1")], output: scratch.at("l3.tar"))
        let (walker, layers) = try await Self.walker([
            (scratch.at("l1.tar"), MediaType.ociLayer), (scratch.at("cut.tar.gz"), MediaType.ociLayerGzip),
            (scratch.at("cut.tar"), MediaType.ociLayer), (scratch.at("l3.tar"), MediaType.ociLayer),
        ], in: scratch)
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.image(walker))

        #expect(report.pairs == ["first 1", "last 1"])
        #expect(report.warnings.map(\.description) == [
            "layer 2 (\(layers[1].digest)): compressed stream is truncated",
            "layer 3 (\(layers[2].digest)): tar stream is truncated inside entry './big/noise.bin'",
        ])
    }
}
