import OCIModel

/// The per-platform attestation matrix of an image: what `hallmark inspect` prints.
/// Its JSON form is a stable, documented schema (`docs/inspect-json.md`).
public struct InspectReport: Sendable, Codable, Hashable {
    /// The schema version of this JSON form.
    public static let schemaVersion = 1

    /// One platform manifest and what is attached to it.
    public struct PlatformEntry: Sendable, Codable, Hashable {
        public var platform: String?
        public var digest: Digest
        public var mediaType: String
        public var size: Int64
        public var attestations: [FoundAttestation]

        /// Whether an attestation of `kind` is attached.
        public func has(_ kind: PredicateKind) -> Bool { attestations.contains { $0.kind == kind } }
    }

    /// A problem the matrix shows, e.g. one platform without the provenance another has.
    public struct Finding: Sendable, Codable, Hashable {
        public var id: String
        public var platform: String?
        public var message: String
        public var fix: String?

        /// A BuildKit attestation manifest that cannot be read as one, and why.
        static func malformedAttestationManifest(_ digest: Digest, _ problem: String) -> Finding {
            Finding(id: "malformed-attestation-manifest", platform: nil,
                    message: "attestation manifest \(digest) is malformed: \(problem); its attestations are not counted",
                    fix: "rebuild and push the image with a BuildKit that writes valid attestation manifests (buildx >= 0.10, BuildKit >= 0.11), or attest the platforms with 'hallmark attest'")
        }
    }

    public var schemaVersion = InspectReport.schemaVersion
    public var name: String
    public var mediaType: String
    public var digest: Digest
    public var size: Int64
    /// Platform manifests (one for a single-platform image).
    public var platforms: [PlatformEntry]
    /// Attestations attached to the index itself.
    public var indexAttestations: [FoundAttestation]
    public var findings: [Finding]

    /// For each expected kind, the platforms that lack it.
    public func missing(_ expected: [PredicateKind]) -> [(platform: PlatformEntry, kind: PredicateKind)] {
        platforms.flatMap { entry in expected.filter { !entry.has($0) }.map { (entry, $0) } }
    }
}
