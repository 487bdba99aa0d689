import Catalog
import Foundation
import OCIModel
import SBOMFormats
import Testing

@Suite("SBOM trimmer", .serialized)
struct SBOMTrimmerTests {
    /// Runs the fixture generator (`Fixtures/generate-spdx.py`).
    static func generate(_ path: String, packages: Int, files: Int, extra: [String] = []) throws {
        let outcome = try ExternalTool.run(
            ["python3", Fixtures.path("generate-spdx.py"), path, "--packages", "\(packages)", "--files", "\(files)"] + extra
        )
        try #require(outcome.status == 0, "generator failed: \(outcome.output)")
    }

    static func size(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }

    static func purls(_ result: SBOMReadResult) -> [String] { result.packages.map(\.purl.description).sorted() }

    @Test("a 100 MB+ document is trimmed under 16 MiB with every package and PURL intact, and stays valid")
    func large() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/big.spdx.json"
        let output = directory + "/trimmed.spdx.json"
        try Self.generate(input, packages: 3000, files: 300_000, extra: ["--purls", directory + "/purls.txt"])
        #expect(try Self.size(input) > 100_000_000)

        let report = try SBOMTrimmer().trim(file: input, output: output)
        #expect(report.steps.map(\.step) == [.files])
        #expect(report.steps[0].removed.contains(SBOMTrimRemoval(what: "files", count: 300_000)))
        #expect(report.steps[0].removed.contains(SBOMTrimRemoval(what: "file relationships", count: 300_000)))
        #expect(report.fits)
        #expect(try Self.size(output) == report.finalSize)
        #expect(report.finalSize <= SBOMTrimmer.attestationPredicateLimit)

        let expected = try String(contentsOfFile: directory + "/purls.txt", encoding: .utf8).split(separator: "\n").map(String.init).sorted()
        let trimmed = try SBOMReader().read(path: output)
        #expect(trimmed.packages.count == 3000)
        #expect(Self.purls(trimmed) == expected)
        try ExternalTool.validateSPDX(output)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("steps run in order and only as far as needed", arguments: SBOMTrimStep.allCases)
    func stepsInOrder(target: SBOMTrimStep) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/doc.spdx.json"
        try Self.generate(input, packages: 40, files: 60, extra: ["--indent", "2"])
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: input)))
        // Measure every step's size with an impossible limit, then aim exactly at `target`'s size.
        var sizes: [SBOMTrimStep: Int] = [:]
        do {
            _ = try SBOMTrimmer(maxSize: 1).trim(document: original)
            Issue.record("a 1-byte limit cannot be met")
        } catch {
            guard case .doesNotFit(let report) = error else { throw error }
            #expect(report.steps.map(\.step) == SBOMTrimStep.allCases)
            for result in report.steps { sizes[result.step] = result.sizeAfter }
        }
        let sizeList = SBOMTrimStep.allCases.map { sizes[$0]! }
        #expect(sizeList == sizeList.sorted(by: >), "each step must shrink the document: \(sizeList)")

        let (document, report) = try SBOMTrimmer(maxSize: sizes[target]!).trim(document: original)
        #expect(report.steps.last?.step == target)
        #expect(document.count == sizes[target]!)
        let path = directory + "/trimmed-\(target.rawValue).json"
        try Fixtures.write(document, to: path)
        let before = try SBOMReader().read(original, source: "original")
        let after = try SBOMReader().read(document, source: "trimmed")
        #expect(Self.purls(after) == Self.purls(before))
        #expect(after.packages.count == 40)
        try ExternalTool.validateSPDX(path)

        let fileReport = try SBOMTrimmer(maxSize: sizes[target]!).trim(file: input, output: directory + "/out.json")
        #expect(fileReport == report)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.json"))) == document)
    }

    @Test("removals are reported per step")
    func reportContents() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.generate(directory + "/doc.json", packages: 10, files: 20)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/doc.json")))
        guard case .doesNotFit(let report)? = #expect(throws: SBOMTrimError.self, performing: {
            try SBOMTrimmer(maxSize: 100).trim(document: original)
        }) else { return }
        let removed = Dictionary(uniqueKeysWithValues: report.steps.map { ($0.step, Dictionary(uniqueKeysWithValues: $0.removed.map { ($0.what, $0.count) })) })
        #expect(removed[.files] == ["files": 20, "file relationships": 20])
        #expect(removed[.annotations] == ["annotations": 1, "package annotations": 10])
        #expect(removed[.externalDocumentRefs] == ["externalDocumentRefs": 1])
        #expect(removed[.packageOptionalFields]?["package checksums"] == 10)
        #expect(removed[.packageOptionalFields]?["package packageVerificationCode"] == 1)
        #expect(removed[.packageOptionalFields]?["filesAnalyzed set to false"] == 1)
        #expect(removed[.whitespace] == [:])
    }

    @Test("relationships before files: file IDs come from a pre-scan")
    func relationshipsFirst() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.generate(directory + "/doc.json", packages: 5, files: 200, extra: ["--relationships-first"])
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/doc.json")))
        let (document, report) = try SBOMTrimmer(maxSize: original.count / 2).trim(document: original)
        #expect(report.steps.first?.removed.contains(SBOMTrimRemoval(what: "file relationships", count: 200)) == true)
        try Fixtures.write(document, to: directory + "/trimmed.json")
        try ExternalTool.validateSPDX(directory + "/trimmed.json")
    }

    @Test("a document that already fits is copied unchanged")
    func alreadyFits() throws {
        let document = try SPDXEncoder().encode(SampleInput.input())
        let (output, report) = try SBOMTrimmer().trim(document: document)
        #expect(output == document)
        #expect(report.steps.isEmpty && report.fits)
    }

    @Test("a document that cannot fit is an error and leaves no output")
    func cannotFit() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.write(try SPDXEncoder().encode(SampleInput.input()), to: directory + "/doc.json")
        #expect {
            try SBOMTrimmer(maxSize: 500).trim(file: directory + "/doc.json", output: directory + "/out.json")
        } throws: { error in
            guard case .doesNotFit(let report) = error as? SBOMTrimError else { return false }
            return report.steps.count == SBOMTrimStep.allCases.count && !report.fits
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["doc.json"])
    }

    @Test("hostile input is an error naming the field", arguments: [
        (#"{"spdxVersion":"SPDX-2.3","packages":[{"name":"a","checksums":[1,2}]}"#, "packages[0].checksums"),
        (#"{"spdxVersion":"SPDX-2.3","files":[{"SPDXID":"SPDXRef-f""#, "files"),
        (#"{"spdxVersion":"SPDX-2.3","packages":[{"name":"a"} {"name":"b"}]}"#, "packages"),
        (#"{"spdxVersion":"SPDX-2.3","files":[{"SPDXID":"SPDXRef-f"}],"relationships":[1]}"#, "relationships[0]"),
        (#"{"packages":[]}"#, "spdxVersion"),
        (#"{"spdxVersion":"SPDX-2.3"} trailing"#, nil),
        (#"[{"spdxVersion":"SPDX-2.3"}]"#, nil),
    ] as [(String, String?)])
    func hostile(document: String, field: String?) throws {
        let padded = Array(document.utf8) + Array(repeating: UInt8(ascii: " "), count: 2000)
        #expect {
            try SBOMTrimmer(maxSize: 1000).trim(document: padded, source: "hostile.json")
        } throws: { error in
            guard case .invalidInput(let input) = error as? SBOMTrimError else { return false }
            return input.field == field && input.source == "hostile.json"
        }
    }
}
