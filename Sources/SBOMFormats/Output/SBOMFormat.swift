/// The output formats `hallmark sbom -o` writes.
public enum SBOMFormat: String, Sendable, CaseIterable {
    case spdxJSON = "spdx-json"
    case cycloneDXJSON = "cyclonedx-json"
    case hallmarkJSON = "json"

    /// Writes `input` in this format to `sink`.
    public func encode(_ input: SBOMDocumentInput, to sink: any SBOMOutputSink) throws {
        switch self {
        case .spdxJSON: try SPDXEncoder().encode(input, to: sink)
        case .cycloneDXJSON: try CycloneDXEncoder().encode(input, to: sink)
        case .hallmarkJSON: try HallmarkJSONEncoder().encode(input, to: sink)
        }
    }
}
