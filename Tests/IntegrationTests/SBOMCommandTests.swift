import Foundation
import Testing

/// `hallmark sbom` end to end: ground truth against the machine's own package
/// managers, whiteouts across layers, and every written document validated by the
/// real peer tools.
struct SBOMCommandTests {
    /// (name, version) pairs of one type from Hallmark's own JSON output.
    static func packages(_ json: [UInt8], type: String) async throws -> Set<String> {
        let document = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any]
        let packages = document?["packages"] as? [[String: Any]] ?? []
        return Set(packages.filter { $0["type"] as? String == type }.map { "\($0["name"] ?? "") \($0["version"] ?? "")" })
    }

    @Test func dpkgPackagesOfTheMachineEqualDpkgQuery() async throws {
        let query = try await CLI.run("/usr/bin/dpkg-query", ["-W", "-f", "${db:Status-Abbrev} ${Package} ${Version}\n"])
        #expect(query.status == 0)
        let installed = Set(query.text.split(separator: "\n").filter { $0.hasPrefix("ii ") }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") })
        let root = try await Self.rootWithMachineDpkgStatus()
        defer { try? FileManager.default.removeItem(at: root) }
        let sbom = try await CLI.hallmark("sbom", "dir:\(root.path)", "-o", "json")
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let found = try await Self.packages(sbom.stdout, type: "deb")
        #expect(installed.count > 10)
        #expect(found.count == installed.count)
        #expect(found.symmetricDifference(installed).isEmpty, "only Hallmark: \(found.subtracting(installed).sorted().prefix(5)); only dpkg: \(installed.subtracting(found).sorted().prefix(5))")
    }

    /// A directory tree holding this machine's real dpkg database at `var/lib/dpkg/status`.
    static func rootWithMachineDpkgStatus() async throws -> URL {
        let root = try CLI.temporaryDirectory()
        let dpkg = root.appendingPathComponent("var/lib/dpkg")
        try FileManager.default.createDirectory(at: dpkg, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/var/lib/dpkg/status", toPath: dpkg.appendingPathComponent("status").path)
        return root
    }

    @Test func pythonPackagesEqualPipList() async throws {
        let site = try await CLI.run("/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
        let path = site.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let pip = try await CLI.run("/usr/bin/env", ["python3", "-m", "pip", "list", "--path", path, "--format", "json"])
        #expect(pip.status == 0, "\(pip.stderr)")
        let listed = try JSONSerialization.jsonObject(with: Data(pip.stdout)) as? [[String: String]] ?? []
        let normalise = { (name: String) in name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") }
        let expected = Set(listed.map { "\(normalise($0["name"] ?? "")) \($0["version"] ?? "")" })
        let sbom = try await CLI.hallmark("sbom", "dir:\(path)", "-o", "json")
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let found = await Set(try Self.packages(sbom.stdout, type: "pypi").map { entry -> String in
            let parts = entry.split(separator: " ", maxSplits: 1).map(String.init)
            return "\(normalise(parts[0])) \(parts.count > 1 ? parts[1] : "")"
        })
        #expect(found.count > 5)
        #expect(found.symmetricDifference(expected).isEmpty, "only Hallmark: \(found.subtracting(expected).sorted().prefix(5)); only pip: \(expected.subtracting(found).sorted().prefix(5))")
    }

    @Test func whiteoutsDecideSquashedAndAllLayers() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/make-whiteout-image.py").path
        let make = try await CLI.run("/usr/bin/env", ["python3", script, work.appendingPathComponent("image").path])
        #expect(make.status == 0, "\(make.stderr)")
        let source = "oci-dir:\(work.appendingPathComponent("image").path):v1"

        let squashed = try await CLI.hallmark("sbom", source, "-o", "json")
        #expect(squashed.status == 0, "\(squashed.stderr)")
        await #expect(try Self.packages(squashed.stdout, type: "pypi") == ["requests 2.25.1", "urllib3 1.26.4"])
        await #expect(try Self.packages(squashed.stdout, type: "deb") == ["bash 5.2.15-2+b2"])

        let all = try await CLI.hallmark("sbom", source, "--scope", "all-layers", "-o", "json")
        await #expect(try Self.packages(all.stdout, type: "pypi") == ["requests 2.25.1", "urllib3 1.26.4", "idna 2.10"])
        await #expect(try Self.packages(all.stdout, type: "deb") == ["bash 5.2.15-2+b2", "zlib1g 1:1.2.13.dfsg-1"])

        // Every format at once; SPDX passes pyspdxtools, the PURLs carry the distro.
        let spdx = work.appendingPathComponent("sbom.spdx.json").path
        let cdx = work.appendingPathComponent("sbom.cdx.json").path
        let both = try await CLI.hallmark("sbom", source, "-o", "spdx-json=\(spdx)", "-o", "cyclonedx-json=\(cdx)", "-o", "table")
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.text.contains("requests"))
        let text = try String(contentsOfFile: spdx, encoding: .utf8)
        #expect(text.contains("pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12"))
        #expect(text.contains("pkg:pypi/requests@2.25.1"))
        let validate = try await CLI.run("/usr/bin/env", ["pyspdxtools", "-i", spdx])
        #expect(validate.status == 0, "pyspdxtools (pip install spdx-tools==0.8.5): \(validate.text) \(validate.stderr)")
        #expect(FileManager.default.fileExists(atPath: cdx))
    }

    @Test func fileMetadataHashesTheSquashedFilesAndLinksDpkgOwnership() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/make-whiteout-image.py").path
        #expect(try await CLI.run("/usr/bin/env", ["python3", script, work.appendingPathComponent("image").path]).status == 0)
        let source = "oci-dir:\(work.appendingPathComponent("image").path):v1"
        let spdx = work.appendingPathComponent("files.spdx.json").path
        let run = try await CLI.hallmark("sbom", source, "--file-metadata", "-o", "spdx-json=\(spdx)", "-o", "json")
        #expect(run.status == 0, "\(run.stderr)")

        // Hallmark's JSON: the surviving files, hashed; bash owns /usr/bin/bash through the /bin link.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let files = document["files"] as? [[String: Any]] ?? []
        let byPath = Dictionary(files.map { ($0["path"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPath["/usr/lib/libz.so.1"] == nil, "whited out in layer 2")
        let bashCopy = work.appendingPathComponent("bash")
        try Data("#!/bin/sh\necho not really bash\n".utf8).write(to: bashCopy)
        let sha256 = try await CLI.run("/usr/bin/sha256sum", [bashCopy.path]).text.prefix(64)
        #expect(byPath["/usr/bin/bash"]?["sha256"] as? String == String(sha256))
        let packages = document["packages"] as? [[String: Any]] ?? []
        let bash = packages.first { $0["name"] as? String == "bash" }
        #expect((bash?["files"] as? [String])?.contains("/usr/bin/bash") == true)

        // SPDX: the package contains its file, and pyspdxtools accepts the document.
        let spdxDocument = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: spdx))) as? [String: Any])
        let fileID = (spdxDocument["files"] as? [[String: Any]] ?? []).first { $0["fileName"] as? String == "./usr/bin/bash" }?["SPDXID"] as? String
        let bashID = (spdxDocument["packages"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "bash" }?["SPDXID"] as? String
        let relationships = spdxDocument["relationships"] as? [[String: String]] ?? []
        #expect(fileID != nil && bashID != nil)
        #expect(relationships.contains { $0["spdxElementId"] == bashID && $0["relationshipType"] == "CONTAINS" && $0["relatedSpdxElement"] == fileID })
        let validate = try await CLI.run("/usr/bin/env", ["pyspdxtools", "-i", spdx])
        #expect(validate.status == 0, "pyspdxtools (pip install spdx-tools==0.8.5): \(validate.text) \(validate.stderr)")

        // all-layers keeps the deleted library too.
        let all = try await CLI.hallmark("sbom", source, "--file-metadata", "--scope", "all-layers", "-o", "json")
        let allFiles = (try JSONSerialization.jsonObject(with: Data(all.stdout)) as? [String: Any])?["files"] as? [[String: Any]] ?? []
        #expect(allFiles.contains { $0["path"] as? String == "/usr/lib/libz.so.1" })
    }

    @Test func trimCommandReportsStepsAndFailsWhenItCannotFit() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let root = try await Self.rootWithMachineDpkgStatus()
        defer { try? FileManager.default.removeItem(at: root) }
        let spdx = work.appendingPathComponent("root.spdx.json").path
        #expect(try await CLI.hallmark("sbom", "dir:\(root.path)", "-o", "spdx-json=\(spdx)").status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: spdx)[.size] as? Int ?? 0
        let out = work.appendingPathComponent("trimmed.json").path
        let fits = try await CLI.hallmark("sbom", "trim", spdx, "--max-size", String(size - 100), "-o", out)
        #expect(fits.status == 0, "\(fits.stderr)")
        #expect(fits.stderr.contains("size now"))
        let trimmedSize = try FileManager.default.attributesOfItem(atPath: out)[.size] as? Int ?? .max
        #expect(trimmedSize <= size - 100)
        let tooSmall = try await CLI.hallmark("sbom", "trim", spdx, "--max-size", "1000", "-o", work.appendingPathComponent("never.json").path)
        #expect(tooSmall.status == 1)
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("never.json").path))
    }
}
