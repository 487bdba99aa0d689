import Catalog
import Foundation
import ImageFS
import OCIModel
import Testing
import TestSupport

@Suite("Layer compression: gzip (multi-member), zstd, none")
struct CompressionTests {
    static func layerTree(_ scratch: Scratch) throws -> String {
        try scratch.write("tree/pkgs/one.pkg", "one 1")
        try scratch.write("tree/pkgs/two.pkg", "two 2")
        try scratch.write("tree/data/noise.bin", (0..<700_000).map { UInt8(truncatingIfNeeded: ($0 &* 7919) >> 3) })
        try LayerTars.gnuTar(root: scratch.at("tree"), output: scratch.at("layer.tar"))
        return scratch.at("layer.tar")
    }

    @Test("zstd layers are read through libzstd loaded at run time (made with the zstd CLI)")
    func zstdLayer() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let zst = try LayerTars.zstd(try Self.layerTree(scratch))
        let (walker, _) = try await HostileLayerTests.walker([(zst, MediaType.ociLayerZstd)], in: scratch)
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.image(walker))
        #expect(report.pairs == ["one 1", "two 2"])
        #expect(report.warnings.isEmpty)
    }

    @Test("concatenated gzip members are one stream; compression is detected even when the media type says plain tar")
    func multiMemberGzip() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let tar = try scratch.read(String(try Self.layerTree(scratch).dropFirst(scratch.path.count + 1)))
        try scratch.write("a", Array(tar.prefix(300_001)))
        try scratch.write("b", Array(tar.dropFirst(300_001)))
        try Shell.run("gzip -n -c a > multi.gz && gzip -n -c b >> multi.gz", in: scratch.path)
        let (walker, _) = try await HostileLayerTests.walker([
            (scratch.at("multi.gz"), MediaType.ociLayerGzip), (scratch.at("multi.gz"), MediaType.ociLayer),
        ], in: scratch)
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()], scope: .allLayers).catalog(.image(walker))
        #expect(report.pairs == ["one 1", "one 1", "two 2", "two 2"])
        #expect(report.warnings.isEmpty)
    }

    @Test("corrupt gzip data is a warning naming the layer")
    func corruptGzip() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var gz = try scratch.read(String(try LayerTars.gzip(try Self.layerTree(scratch)).dropFirst(scratch.path.count + 1)))
        for index in stride(from: 100, to: gz.count - 100, by: 997) { gz[index] ^= 0x5a }
        try scratch.write("bad.gz", gz)
        let (walker, layers) = try await HostileLayerTests.walker([(scratch.at("bad.gz"), MediaType.ociLayerGzip)], in: scratch)
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.image(walker))
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.message.hasPrefix("layer 1 (\(layers[0].digest)): invalid compressed data") == true)
    }
}
