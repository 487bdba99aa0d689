import Foundation
import Testing

/// `hallmark sbom` end to end: ground truth against the machine's own package
/// managers, whiteouts across layers, and every written document validated by the
/// real peer tools.
struct SBOMCommandTests {
    /// (name, version) pairs of one type from Hallmark's own JSON output.
    static func packages(_ json: [UInt8], type: String) throws -> Set<String> {
        let document = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let packages = document?["packages"] as? [[String: Any]] ?? []
        return Set(packages.filter { $0["type"] as? String == type }.map { "\($0["name"] ?? "") \($0["version"] ?? "")" })
    }

    @Test func dpkgPackagesOfTheMachineEqualDpkgQuery() throws {
        let query = try CLI.run("/usr/bin/dpkg-query", ["-W", "-f", "${db:Status-Abbrev} ${Package} ${Version}\n"])
        #expect(query.status == 0)
        let installed = Set(query.text.split(separator: "\n").filter { $0.hasPrefix("ii ") }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") })
        let root = try Self.rootWithMachineDpkgStatus()
        defer { try? FileManager.default.removeItem(at: root) }
        let sbom = try CLI.hallmark("sbom", "dir:\(root.path)", "-o", "json")
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let found = try Self.packages(sbom.stdout, type: "deb")
        #expect(installed.count > 10)
        #expect(found.count == installed.count)
        #expect(found.symmetricDifference(installed).isEmpty, "only Hallmark: \(found.subtracting(installed).sorted().prefix(5)); only dpkg: \(installed.subtracting(found).sorted().prefix(5))")
    }

    /// A directory tree holding this machine's real dpkg database at `var/lib/dpkg/status`.
    static func rootWithMachineDpkgStatus() throws -> URL {
        let root = try CLI.temporaryDirectory()
        let dpkg = root.appendingPathComponent("var/lib/dpkg")
        try FileManager.default.createDirectory(at: dpkg, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/var/lib/dpkg/status", toPath: dpkg.appendingPathComponent("status").path)
        return root
    }

    @Test func pythonPackagesEqualPipList() throws {
        let site = try CLI.run("/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
        let path = site.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let pip = try CLI.run("/usr/bin/env", ["python3", "-m", "pip", "list", "--path", path, "--format", "json"])
        #expect(pip.status == 0, "\(pip.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(pip.stdout)) as? [[String: String]] ?? []
        let normalise = { (name: String) in name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") }
        let expected = Set(listed.map { "\(normalise($0["name"] ?? "")) \($0["version"] ?? "")" })
        let sbom = try CLI.hallmark("sbom", "dir:\(path)", "-o", "json")
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let found = Set(try Self.packages(sbom.stdout, type: "pypi").map { entry -> String in
            let parts = entry.split(separator: " ", maxSplits: 1).map(String.init)
            return "\(normalise(parts[0])) \(parts.count > 1 ? parts[1] : "")"
        })
        #expect(found.count > 5)
        #expect(found.symmetricDifference(expected).isEmpty, "only Hallmark: \(found.subtracting(expected).sorted().prefix(5)); only pip: \(expected.subtracting(found).sorted().prefix(5))")
    }

    @Test func whiteoutsDecideSquashedAndAllLayers() throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/make-whiteout-image.py").path
        let make = try CLI.run("/usr/bin/env", ["python3", script, work.appendingPathComponent("image").path])
        #expect(make.status == 0, "\(make.stderr)")
        let source = "oci-dir:\(work.appendingPathComponent("image").path):v1"

        let squashed = try CLI.hallmark("sbom", source, "-o", "json")
        #expect(squashed.status == 0, "\(squashed.stderr)")
        #expect(try Self.packages(squashed.stdout, type: "pypi") == ["requests 2.25.1", "urllib3 1.26.4"])
        #expect(try Self.packages(squashed.stdout, type: "deb") == ["bash 5.2.15-2+b2"])

        let all = try CLI.hallmark("sbom", source, "--scope", "all-layers", "-o", "json")
        #expect(try Self.packages(all.stdout, type: "pypi") == ["requests 2.25.1", "urllib3 1.26.4", "idna 2.10"])
        #expect(try Self.packages(all.stdout, type: "deb") == ["bash 5.2.15-2+b2", "zlib1g 1:1.2.13.dfsg-1"])

        // Every format at once; SPDX passes pyspdxtools, the PURLs carry the distro.
        let spdx = work.appendingPathComponent("sbom.spdx.json").path
        let cdx = work.appendingPathComponent("sbom.cdx.json").path
        let both = try CLI.hallmark("sbom", source, "-o", "spdx-json=\(spdx)", "-o", "cyclonedx-json=\(cdx)", "-o", "table")
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.text.contains("requests"))
        let text = try String(contentsOfFile: spdx, encoding: .utf8)
        #expect(text.contains("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12"))
        #expect(text.contains("pkg:pypi/requests@2.25.1"))
        let validate = try CLI.run("/usr/bin/env", ["pyspdxtools", "-i", spdx])
        #expect(validate.status == 0, "pyspdxtools (pip install spdx-tools==0.8.5): \(validate.text) \(validate.stderr)")
        #expect(FileManager.default.fileExists(atPath: cdx))
    }

    @Test func trimCommandReportsStepsAndFailsWhenItCannotFit() throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try Self.rootWithMachineDpkgStatus()
        defer { try? FileManager.default.removeItem(at: root) }
        let spdx = work.appendingPathComponent("root.spdx.json").path
        #expect(try CLI.hallmark("sbom", "dir:\(root.path)", "-o", "spdx-json=\(spdx)").status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: spdx)[.size] as? Int ?? 0
        let out = work.appendingPathComponent("trimmed.json").path
        let fits = try CLI.hallmark("sbom", "trim", spdx, "--max-size", String(size - 100), "-o", out)
        #expect(fits.status == 0, "\(fits.stderr)")
        #expect(fits.stderr.contains("size now"))
        let trimmedSize = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? .max
        #expect(trimmedSize <= size - 100)
        let tooSmall = try CLI.hallmark("sbom", "trim", spdx, "--max-size", "1000", "-o", work.appendingPathComponent("never.json").path)
        #expect(tooSmall.status == 1)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("never.json").path))
    }
}
