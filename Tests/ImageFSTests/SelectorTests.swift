import Catalog
import Foundation
import ImageFS
import OCIModel
import Testing
import TestSupport

/// Reports each file it was handed as a package `PATH`, version = the (reduced) content.
private struct EchoCataloger: Cataloger {
    let name = "echo"
    let selectors: [FileSelector]

    func catalog(_ files: any FileResolver, context: CatalogContext) -> CatalogResult {
        CatalogResult(packages: files.files(where: { _ in true }).map { file in
            let version = String(decoding: file.content, as: UTF8.self)
            return CatalogPackage(name: file.path, version: version, type: .npm, purl: PURL(type: "npm", name: "x", version: version),
                                  locations: [file.location], foundBy: name)
        })
    }
}

@Suite("File selectors: path, magic, size limit, reduce")
struct SelectorTests {
    @Test("magic selects by first bytes, reduce runs while walking, too-large files are skipped with a warning")
    func selectorsInAction() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("l/bin/tool", [0x7f, 0x45, 0x4c, 0x46] + Array("rest-of-elf".utf8))
        try scratch.write("l/bin/script", "#!/bin/sh\n")
        try scratch.write("l/data/small.dat", "tiny")
        try scratch.write("l/data/large.dat", String(repeating: "x", count: 100))
        try LayerTars.gnuTar(root: scratch.at("l"), output: scratch.at("l.tar"))
        let (walker, layers) = try await HostileLayerTests.walker([(try LayerTars.gzip(scratch.at("l.tar")), MediaType.ociLayerGzip)], in: scratch)
        let elf = EchoCataloger(selectors: [
            FileSelector(.magic([0x7f, 0x45, 0x4c, 0x46])) { _, content in Array("elf:\(content.count)".utf8) },
        ])
        let data = EchoCataloger(selectors: [
            FileSelector(.path { $0.hasSuffix(".dat") }, maxSize: 10) { path, content in
                path.hasSuffix("small.dat") ? content.reversed() : nil
            },
        ])
        let report = try await SBOMCataloging(catalogers: [elf, data, PkgCataloger()]).catalog(.image(walker))
        #expect(report.pairs == ["/bin/tool elf:15", "/data/small.dat ynit"])
        #expect(report.warnings == [CatalogWarning(
            path: "/data/large.dat",
            message: "layer 1 (\(layers[0].digest)): skipped: 100 bytes exceeds the 10-byte limit for selected files")])
    }

    @Test("a selected file over the walk's cap is skipped with a warning, whatever its selector allows", arguments: [false, true])
    func walkCap(asDirectory: Bool) async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("l/bin/big", [0x7f, 0x45, 0x4c, 0x46] + [UInt8](repeating: 0, count: 96))
        try scratch.write("l/bin/small", [0x7f, 0x45, 0x4c, 0x46])
        let elf = EchoCataloger(selectors: [
            FileSelector(.magic([0x7f, 0x45, 0x4c, 0x46]), maxSize: 1 << 30) { _, content in Array("elf:\(content.count)".utf8) },
        ])
        let cataloging = SBOMCataloging(catalogers: [elf], options: WalkOptions(maxFileSize: 64))
        let report: CatalogReport
        var place = ""
        if asDirectory {
            report = try await cataloging.catalog(.directory(DirectoryWalker(root: scratch.at("l"))))
        } else {
            try LayerTars.gnuTar(root: scratch.at("l"), output: scratch.at("l.tar"))
            let (walker, layers) = try await HostileLayerTests.walker([(scratch.at("l.tar"), MediaType.ociLayer)], in: scratch)
            report = try await cataloging.catalog(.image(walker))
            place = "layer 1 (\(layers[0].digest)): "
        }
        #expect(report.packages.map(\.name) == ["/bin/small"])
        #expect(report.warnings == [CatalogWarning(
            path: "/bin/big", message: place + "skipped: 100 bytes exceeds the 64-byte limit on one selected file read into memory")])
    }
}
