import Reporting

/// A predicate over the attestation size budget, with what to do about it.
struct PredicateTooLarge: Error, CustomStringConvertible {
    let what: String
    let platform: String
    let size: Int
    let limit: Int
    let canTrim: Bool

    var description: String {
        let fix = canTrim
            ? "run 'hallmark sbom trim FILE --max-size \(limit) -o TRIMMED' and attest that, or pass --trim"
            : "CycloneDX cannot be trimmed; attest an SPDX SBOM (--format spdx-json) and trim it, or raise --max-predicate-size if your registry accepts more"
        return "\(platform): \(what) is \(ByteCount.format(Int64(size))) (\(size) bytes), over the \(limit)-byte predicate limit (GitHub's attestation API refuses larger predicates); \(fix)"
    }
}
