import Catalog
import Foundation
import Reporting
import SBOMFormats

/// Writes one `-o` output: the table, or an SBOM document streamed to a temporary
/// file renamed into place; with a size limit, SPDX is trimmed to fit and other
/// formats over the limit are refused.
struct SBOMWriter {
    let maxSize: Int64?

    func write(_ input: SBOMDocumentInput, kind: SBOMOutput.Kind, to target: OutputTarget) throws {
        switch kind {
        case .table:
            try target.write(Array((Self.table(input.packages) + "\n").utf8))
        case .document(let format):
            guard let maxSize else {
                if case .file(let path) = target { return try Self.stream(input, format: format, to: path) }
                let sink = MemoryOutputSink()
                try format.encode(input, to: sink)
                return try target.write(sink.bytes)
            }
            let sink = MemoryOutputSink()
            try format.encode(input, to: sink)
            var bytes = sink.bytes
            if bytes.count > maxSize {
                guard format == .spdxJSON else {
                    throw SizeLimitError(size: bytes.count, limit: maxSize, format: format.rawValue)
                }
                let trimmed = try SBOMTrimmer(maxSize: Int(maxSize)).trim(document: bytes, source: "generated SPDX")
                for step in trimmed.report.steps {
                    Terminal.error("trimmed \(step.step): \(step.removed.map(\.description).joined(separator: ", ")) → \(step.sizeAfter) bytes")
                }
                bytes = trimmed.document
            }
            try target.write(bytes)
        }
    }

    static func stream(_ input: SBOMDocumentInput, format: SBOMFormat, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)").path
        do {
            let sink = try FileOutputSink(path: temporary)
            try format.encode(input, to: sink)
            try sink.close()
            guard rename(temporary, path) == 0 else { throw UsageError("cannot write \(path): \(String(cString: strerror(errno)))") }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Syft's table: NAME, VERSION, TYPE.
    static func table(_ packages: [CatalogPackage]) -> String {
        var table = TextTable(headers: ["NAME", "VERSION", "TYPE"])
        for package in packages.sorted(by: { ($0.name, $0.version, $0.type) < ($1.name, $1.version, $1.type) }) {
            table.append([package.name, package.version, package.type.rawValue])
        }
        return packages.isEmpty ? "No packages discovered" : table.render()
    }
}

/// A non-SPDX document over `--max-size` (only SPDX can be trimmed).
struct SizeLimitError: Error, CustomStringConvertible {
    let size: Int
    let limit: Int64
    let format: String
    var description: String {
        "the \(format) SBOM is \(size) bytes, over --max-size \(limit); write spdx-json (which Hallmark trims to fit) or raise the limit"
    }
}
