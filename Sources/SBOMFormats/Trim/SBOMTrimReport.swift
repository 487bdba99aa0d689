import OCIModel

/// What one trimming step removed and how large the document was afterwards.
public struct SBOMTrimStepResult: Sendable, Equatable {
    public var step: SBOMTrimStep
    /// What was removed, e.g. `files: 300000`, `file relationships: 300000`, in a stable order.
    public var removed: [SBOMTrimRemoval]
    /// The document's size in bytes after this step.
    public var sizeAfter: Int
}

/// A count of removed items of one kind.
public struct SBOMTrimRemoval: Sendable, Equatable, CustomStringConvertible {
    public var what: String
    public var count: Int

    public init(what: String, count: Int) {
        self.what = what
        self.count = count
    }

    public var description: String { "\(what): \(count)" }
}

/// The outcome of trimming: the steps taken and the final size.
public struct SBOMTrimReport: Sendable, Equatable {
    /// The input's size in bytes.
    public var originalSize: Int
    /// The limit aimed for.
    public var maxSize: Int
    /// The steps that ran, in order (none when the input already fit).
    public var steps: [SBOMTrimStepResult]

    /// The size after the last step (the original size when no step ran).
    public var finalSize: Int { steps.last?.sizeAfter ?? originalSize }
    /// Whether the result is within ``maxSize``.
    public var fits: Bool { finalSize <= maxSize }
}

/// Trimming failed: the input is not an SPDX JSON document, a file operation
/// failed, or even after every step the document is over the limit.
public enum SBOMTrimError: Error, Sendable, CustomStringConvertible {
    case invalidInput(InputError)
    case io(SBOMIOError)
    case doesNotFit(SBOMTrimReport)

    public var description: String {
        switch self {
        case .invalidInput(let error): "not a valid SPDX JSON document: \(error)"
        case .io(let error): error.description
        case .doesNotFit(let report):
            "the SBOM is still \(report.finalSize) bytes after removing every optional part, over the limit of \(report.maxSize) bytes"
        }
    }
}
