import Foundation

/// Shrinks an SPDX JSON document under a size limit (by default GitHub's
/// attestation predicate limit) by removing optional parts in the order of
/// ``SBOMTrimStep``, stopping as soon as it fits. Packages and their PURLs are
/// never removed.
///
/// Each step is one streaming pass over the previous step's output, so memory
/// stays bounded (a 1 MiB read buffer, the write buffer, one relationship, and
/// the set of file SPDXIDs) whatever the document's size; the size after each
/// step is the size of that pass's output.
public struct SBOMTrimmer: Sendable {
    /// GitHub's attestation predicate limit: 16 MiB.
    public static let attestationPredicateLimit = 16_777_216

    /// The largest acceptable result, in bytes.
    public var maxSize: Int

    public init(maxSize: Int = attestationPredicateLimit) {
        self.maxSize = maxSize
    }

    /// Trims the SPDX JSON file at `inputPath` into `outputPath` (written to a
    /// temporary file beside it and renamed; `outputPath` may equal `inputPath`).
    /// Throws ``SBOMTrimError/doesNotFit(_:)`` (leaving `outputPath` untouched)
    /// when every step still leaves it over ``maxSize``.
    public func trim(file inputPath: String, output outputPath: String) throws(SBOMTrimError) -> SBOMTrimReport {
        let originalSize: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: inputPath)
            originalSize = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .io(SBOMIOError(path: inputPath, operation: "open", code: ENOENT))
        }
        var report = SBOMTrimReport(originalSize: originalSize, maxSize: maxSize, steps: [])
        let temporary = { (step: Int) in outputPath + ".hallmark-trim-\(getpid())-\(step).tmp" }
        var current = inputPath
        var fileIDs: FileIDSet?
        var cleanup: [String] = []
        defer { for path in cleanup { unlink(path) } }
        do {
            let steps: [SBOMTrimStep?] = originalSize <= maxSize ? [nil] : SBOMTrimStep.allCases
            for step in steps {
                let target = temporary(step?.rawValue ?? 0)
                cleanup.append(target)
                let sink = try FileOutputSink(path: target)
                let writer = BufferedWriter(sink: sink, capacity: 1 << 20)
                let input = try ByteInput(path: current)
                if let step {
                    let source = current
                    let pass = SPDXTrimPass(input: input, output: writer, step: step, fileIDs: fileIDs) {
                        try Self.prescanFileIDs(ByteInput(path: source))
                    }
                    try pass.run()
                    fileIDs = pass.fileIDs
                    report.steps.append(SBOMTrimStepResult(step: step, removed: pass.removed, sizeAfter: writer.count))
                } else {
                    try Self.validateAndCopy(input, to: writer)
                }
                try sink.close()
                if current != inputPath { unlink(current) }
                current = target
                if writer.count <= maxSize {
                    guard rename(target, outputPath) == 0 else { throw SBOMIOError(path: outputPath, operation: "rename onto", code: errno) }
                    return report
                }
            }
        } catch let error as SBOMTrimError {
            throw error
        } catch let error as SBOMIOError {
            throw .io(error)
        } catch {
            throw .io(SBOMIOError(path: outputPath, operation: "write", code: EIO))
        }
        throw .doesNotFit(report)
    }

    /// Trims an in-memory SPDX JSON document (for `hallmark sbom --max-size`).
    public func trim(document: [UInt8], source: String = "SBOM") throws(SBOMTrimError) -> (document: [UInt8], report: SBOMTrimReport) {
        var report = SBOMTrimReport(originalSize: document.count, maxSize: maxSize, steps: [])
        var current = document
        var fileIDs: FileIDSet?
        do {
            if document.count <= maxSize {
                let sink = MemoryOutputSink()
                let writer = BufferedWriter(sink: sink)
                try Self.validateAndCopy(ByteInput(bytes: document, name: source), to: writer)
                return (document, report)
            }
            for step in SBOMTrimStep.allCases {
                let sink = MemoryOutputSink()
                let writer = BufferedWriter(sink: sink)
                let previous = current
                let pass = SPDXTrimPass(input: ByteInput(bytes: current, name: source), output: writer, step: step, fileIDs: fileIDs) {
                    try Self.prescanFileIDs(ByteInput(bytes: previous, name: source))
                }
                try pass.run()
                fileIDs = pass.fileIDs
                current = sink.bytes
                report.steps.append(SBOMTrimStepResult(step: step, removed: pass.removed, sizeAfter: current.count))
                if current.count <= maxSize { return (current, report) }
            }
        } catch let error as SBOMTrimError {
            throw error
        } catch {
            throw .io(SBOMIOError(path: source, operation: "write", code: EIO))
        }
        throw .doesNotFit(report)
    }

    /// Checks that `input` is one JSON object with `spdxVersion` and copies it unchanged.
    private static func validateAndCopy(_ input: ByteInput, to writer: BufferedWriter) throws {
        guard try input.peekNonSpace() == UInt8(ascii: "{") else { throw input.failure("an SPDX document must be a JSON object") }
        try input.copyValue { try writer.write($0) }
        guard try input.atEnd() else { throw input.failure("unexpected data after the document") }
        try writer.flush()
    }

    /// The SPDXIDs in the top-level `files` section of the document at `input`.
    static func prescanFileIDs(_ input: ByteInput) throws -> FileIDSet {
        try input.expect(UInt8(ascii: "{"))
        var ids = FileIDSet()
        if try input.peekNonSpace() == UInt8(ascii: "}") { return ids }
        while true {
            let isFiles = try input.readString(equalTo: "files")
            try input.expect(UInt8(ascii: ":"))
            if isFiles, ids.isEmpty {
                ids = try SPDXTrimPass.collectFileIDs(from: input)
            } else {
                try input.skipValue()
            }
            let next = try input.peekNonSpace()
            input.advance()
            if next == UInt8(ascii: "}") { return ids }
            guard next == UInt8(ascii: ",") else { throw input.failure("expected ',' or '}'") }
        }
    }
}
