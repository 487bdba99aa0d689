import Attestations
import OCIModel

/// One manifest to attest: a platform manifest of the image, or its index.
struct AttestationTarget: Sendable {
    /// `linux/amd64`, or `index` for the index itself.
    let label: String
    let platform: Platform?
    let descriptor: Descriptor

    /// The targets of an inspected image: its platforms, plus the index with `scope` `.index`.
    static func targets(of report: InspectReport, scope: SubjectScope) throws -> [AttestationTarget] {
        var targets = try report.platforms.map { entry in
            AttestationTarget(
                label: entry.platform ?? "manifest", platform: try entry.platform.map { try Platform(parsing: $0) },
                descriptor: Descriptor(mediaType: entry.mediaType, digest: entry.digest, size: entry.size))
        }
        if scope == .index, MediaType.isIndex(report.mediaType) {
            targets.append(AttestationTarget(
                label: "index", platform: nil, descriptor: Descriptor(mediaType: report.mediaType, digest: report.digest, size: report.size)))
        }
        return targets
    }
}
