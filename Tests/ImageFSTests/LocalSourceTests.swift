import Catalog
import Crypto
import Foundation
import ImageFS
import OCIModel
import Testing
import TestSupport

@Suite("dir: and file: sources")
struct LocalSourceTests {
    @Test("dir: walks the tree; links are recorded, never followed out of it, and resolved inside it")
    func directoryTree() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("root/pkgs/a.pkg", "a 1")
        try scratch.write("root/deep/er/b.pkg", "b 2")
        try scratch.write("root/usr/lib/os-release", "ID=alpine\nVERSION_ID=3.19.1\n")
        try scratch.symlink("root/etc/os-release", to: "/usr/lib/os-release")
        try scratch.symlink("root/host-passwd", to: "/etc/passwd")
        try scratch.symlink("root/pkgs-link", to: "pkgs")
        try scratch.write("outside/c.pkg", "c 3")
        try scratch.symlink("root/out", to: scratch.at("outside"))
        let cataloger = PkgCataloger(probes: ["/host-passwd", "/pkgs-link/a.pkg"])
        let report = try await SBOMCataloging(catalogers: [cataloger]).catalog(.directory(DirectoryWalker(root: scratch.at("root"))))

        #expect(report.pairs == ["a 1", "b 2", "probe:/pkgs-link/a.pkg a 1"])
        #expect(report.packages.map { $0.locations[0] } == [
            PackageLocation(path: "/pkgs/a.pkg"), PackageLocation(path: "/deep/er/b.pkg"), PackageLocation(path: "/pkgs/a.pkg"),
        ])
        #expect(report.distro == Distro(id: "alpine", versionID: "3.19.1"))
        #expect(report.layers.isEmpty)
        #expect(report.warnings.isEmpty)
        #expect(report.source == "dir:\(scratch.at("root"))")
    }

    @Test("file metadata: every regular file of dir: is hashed, selected or not, large or small; links are not files")
    func fileMetadata() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("root/pkgs/a.pkg", "a 1")
        let large = [UInt8](repeating: 0x5a, count: 3 << 20 + 17)
        try scratch.write("root/big.bin", large)
        try scratch.symlink("root/link", to: "pkgs/a.pkg")
        let options = WalkOptions(fileMetadata: true)
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()], options: options)
            .catalog(.directory(DirectoryWalker(root: scratch.at("root"))))
        #expect(report.files.map(\.path) == ["/big.bin", "/pkgs/a.pkg"])
        #expect(report.files.map(\.size) == [Int64(large.count), 3])
        #expect(report.files.last?.sha256 == Hex.encode(SHA256.hash(data: Array("a 1".utf8))))
        #expect(report.files.first?.sha1 == Hex.encode(Insecure.SHA1.hash(data: large)))
        #expect(report.pairs == ["a 1"], "hashing does not change what catalogers see")
        let plain = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.directory(DirectoryWalker(root: scratch.at("root"))))
        #expect(plain.files.isEmpty)
    }

    @Test("dir: of a missing path is an error naming it")
    func missingDirectory() async throws {
        await #expect(throws: ImageFSError.self) {
            try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.directory(DirectoryWalker(root: "/nonexistent/hallmark")))
        }
    }

    @Test("file: is one file at its own absolute path")
    func singleFile() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = try scratch.write("x/only.pkg", "only 7")
        let report = try await SBOMCataloging(catalogers: [PkgCataloger()]).catalog(.file(SingleFileWalker(path: path)))
        #expect(report.pairs == ["only 7"])
        #expect(report.packages.first?.locations == [PackageLocation(path: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)])
    }
}
