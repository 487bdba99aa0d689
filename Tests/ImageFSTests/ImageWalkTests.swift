import Catalog
import Foundation
import ImageFS
import OCILayout
import OCIModel
import Testing
import TestSupport

@Suite("Walking images from an OCI layout")
struct ImageWalkTests {
    static let osRelease = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION_CODENAME=bookworm
        ID=debian

        """

    /// Layer 1 (GNU tar): a, b, /opt/app/{c, sub/d}, /srv/data/deep/f, os-release behind a relative symlink.
    /// Layer 2 (Python tarfile, PAX): whiteout of b and of the directory /srv/data, opaque /opt/app
    /// with a new e, a replaced.
    static func twoLayerImage(in scratch: Scratch) throws -> (layout: String, layers: [Descriptor]) {
        try scratch.write("l1/pkgs/a.pkg", "a 1")
        try scratch.write("l1/pkgs/b.pkg", "b 1")
        try scratch.write("l1/opt/app/c.pkg", "c 1")
        try scratch.write("l1/opt/app/sub/d.pkg", "d 1")
        try scratch.write("l1/srv/data/deep/f.pkg", "f 1")
        try scratch.write("l1/usr/lib/os-release", osRelease)
        try scratch.symlink("l1/etc/os-release", to: "../usr/lib/os-release")
        try LayerTars.gnuTar(root: scratch.at("l1"), output: scratch.at("l1.tar"))
        try LayerTars.pythonTar([
            .dir("pkgs"), .file("pkgs/.wh.b.pkg", ""), .file("pkgs/a.pkg", "a 2"),
            .dir("opt/app"), .file("opt/app/.wh..wh..opq", ""), .file("opt/app/e.pkg", "e 2"),
            .file("srv/.wh.data", ""),
        ], output: scratch.at("l2.tar"), format: "pax")
        let layout = try LayoutBuilder(at: scratch.at("layout"))
        let layers = [
            try layout.layer(file: try LayerTars.gzip(scratch.at("l1.tar")), mediaType: MediaType.ociLayerGzip),
            try layout.layer(file: try LayerTars.gzip(scratch.at("l2.tar")), mediaType: MediaType.dockerLayerGzip),
        ]
        try layout.tag(try layout.image(layers: layers))
        return (layout.path, layers)
    }

    @Test("squashed sees the final filesystem: whiteout and opaque directory applied, the top version wins")
    func squashedAppliesWhiteouts() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, layers) = try Self.twoLayerImage(in: scratch)
        let layout = try OCIDirectory(readingAt: path)
        let walker = ImageSourceWalker(source: layout, descriptor: try await layout.resolveDefault())
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.image(walker))

        #expect(report.pairs == ["a 2", "e 2"])
        #expect(report.packages.map(\.locations) == [
            [PackageLocation(path: "/pkgs/a.pkg", layer: layers[1].digest)],
            [PackageLocation(path: "/opt/app/e.pkg", layer: layers[1].digest)],
        ])
        #expect(report.distro == Distro(id: "debian", versionID: "12", codename: "bookworm", prettyName: "Debian GNU/Linux 12 (bookworm)"))
        #expect(report.layers == layers.map(\.digest))
        #expect(report.platform == Platform(os: "linux", architecture: "amd64"))
        #expect(report.warnings.isEmpty)
        #expect(report.source.hasPrefix("oci-dir:"))
    }

    @Test("all-layers sees every version, deleted or not, with its layer")
    func allLayersKeepsEveryVersion() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, layers) = try Self.twoLayerImage(in: scratch)
        let layout = try OCIDirectory(readingAt: path)
        let walker = ImageSourceWalker(source: layout, descriptor: try await layout.resolveDefault())
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()], scope: .allLayers).catalog(.image(walker))

        #expect(report.pairs == ["a 1", "a 2", "b 1", "c 1", "d 1", "e 2", "f 1"])
        #expect(report.packages.map { $0.locations.first?.layer } == [0, 1, 0, 0, 0, 1, 0].map { layers[$0].digest })
        #expect(report.distro?.id == "debian")
    }

    @Test("an index: the host's platform by default, another on request, all of them listed")
    func choosesPlatformFromIndex() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try LayerTars.pythonTar([.file("pkgs/amd.pkg", "amd 1")], output: scratch.at("amd.tar"))
        try LayerTars.pythonTar([.file("pkgs/arm.pkg", "arm 1")], output: scratch.at("arm.tar"))
        let layout = try LayoutBuilder(at: scratch.at("layout"))
        let amd = try layout.image(layers: [try layout.layer(file: scratch.at("amd.tar"), mediaType: MediaType.ociLayer)],
                                   platform: Platform(os: "linux", architecture: "amd64"))
        let arm = try layout.image(layers: [try layout.layer(file: try LayerTars.gzip(scratch.at("arm.tar")), mediaType: MediaType.ociLayerGzip)],
                                   platform: Platform(os: "linux", architecture: "arm64", variant: "v8"))
        try layout.tag(try layout.index([amd, arm]))

        let source = try OCIDirectory(readingAt: layout.path)
        let walker = ImageSourceWalker(source: source, descriptor: try await source.resolveDefault(),
                                       platform: Platform(os: "linux", architecture: "amd64"))
        #expect(try await walker.platforms().map(\.description) == ["linux/amd64", "linux/arm64/v8"])
        let cataloging = SBOMCataloging(catalogers: [PkgCataloger()])
        #expect(try await cataloging.catalog(.image(walker)).pairs == ["amd 1"])
        let armReport = try await cataloging.catalog(.image(walker.choosing(Platform(os: "linux", architecture: "arm64"))))
        #expect(armReport.pairs == ["arm 1"])
        #expect(armReport.platform == Platform(os: "linux", architecture: "arm64", variant: "v8"))
        await #expect(throws: ImageFSError.self) {
            try await cataloging.catalog(.image(walker.choosing(Platform(os: "linux", architecture: "s390x"))))
        }
    }

    @Test("a layer whose blob does not match its digest stops the walk with the digest error")
    func tamperedLayerThrows() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (path, layers) = try Self.twoLayerImage(in: scratch)
        let blob = "\(path)/blobs/sha256/\(layers[1].digest.encoded)"
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: blob)))
        bytes[bytes.count / 2] ^= 0xff
        try Data(bytes).write(to: URL(fileURLWithPath: blob))
        let layout = try OCIDirectory(readingAt: path)
        let walker = ImageSourceWalker(source: layout, descriptor: try await layout.resolveDefault())
        await #expect(throws: DigestError.self) { try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.image(walker)) }
    }
}
