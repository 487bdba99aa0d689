import Foundation

/// What the binary catalogers keep of an ELF file: the Go build info and the
/// cargo-auditable `.dep-v0` section, plus any problem met reading them. Go and Rust
/// catalogers share one selector (``selector``) with one `reduce`, so whichever of them
/// a source applies first, a binary becomes the same few hundred bytes, and binaries
/// with neither are dropped while they are read.
struct ELFEvidence: Codable, Sendable, Equatable {
    /// The marker line of the reduced form.
    static let marker = "hallmark-elf-evidence-v1"
    /// The largest binary read (Kubernetes-sized Go binaries are a few hundred MiB).
    static let maxBinarySize = 1 << 30
    /// The largest `.dep-v0` section kept (compressed).
    static let maxDependencySectionSize = 8 << 20

    /// Go's build info, if the binary has any.
    var goBuildInfo: GoBuildInfo?
    /// Why Go build info that is present could not be read.
    var goProblem: String?
    /// The raw (zlib-compressed) `.dep-v0` section of a cargo-auditable binary.
    var cargoAuditable: Data?
    /// Why the `.dep-v0` section could not be read.
    var cargoProblem: String?
    /// Why the ELF structure itself could not be read (the Go build info is still searched for).
    var elfProblem: String?

    /// The selector both ELF catalogers use: ELF magic, at most ``maxBinarySize``, reduced to this evidence.
    static let selector = FileSelector(.magic(ELFFile.magic), maxSize: maxBinarySize) { _, content in
        summarize(content).map { ReducedEvidence.encode($0, marker: marker) }
    }

    /// The evidence in an ELF file's bytes; nil when it holds neither Go build info nor a
    /// `.dep-v0` section and is well formed.
    static func summarize(_ content: [UInt8]) -> ELFEvidence? {
        var evidence = ELFEvidence()
        var elf: ELFFile?
        do { elf = try ELFFile(content) } catch { evidence.elfProblem = "malformed ELF file: \(error.description)" }
        do { evidence.goBuildInfo = try GoBuildInfoReader.read(content, elf: elf) } catch {
            evidence.goProblem = "malformed Go build info: \(error.description)"
        }
        if let elf, let section = elf.section(named: ".dep-v0") {
            do throws(FileFormatError) {
                guard section.size <= UInt64(maxDependencySectionSize) else {
                    throw FileFormatError("section is \(section.size) bytes, over the limit of \(maxDependencySectionSize)")
                }
                evidence.cargoAuditable = Data(try elf.contents(of: section))
            } catch {
                evidence.cargoProblem = "unreadable .dep-v0 section: \(error.description)"
            }
        }
        return evidence == ELFEvidence() ? nil : evidence
    }

    /// The evidence of a selected file: its reduced form, or the summary of raw ELF bytes
    /// (for sources that did not reduce); nil for any other file.
    static func read(_ file: ResolvedFile) -> ELFEvidence? {
        if let evidence = ReducedEvidence.decode(ELFEvidence.self, from: file.content, marker: marker) { return evidence }
        return file.content.starts(with: ELFFile.magic) ? summarize(file.content) : nil
    }
}
