import Foundation

/// Reads Sigstore bundles from the documents they travel in: a single bundle
/// JSON file (`*.sigstore.json`, `*.sigstore`), a JSONL file as
/// `gh attestation download` writes (one bundle per line, blank lines
/// ignored), or a GitHub attestations REST API response.
///
/// Every failure is a ``BundleError`` naming the source, the JSONL line and
/// the field. No document may exceed ``maximumDocumentSize`` bytes (default
/// 64 MiB, far above real bundles, which are a few KiB to a few hundred KiB);
/// a JSONL file is held to the same cap as a whole.
public struct BundleReader: Sendable {
    /// The default cap on a document's size: 64 MiB.
    public static let defaultMaximumDocumentSize = 64 << 20

    /// The largest document, in bytes, the reader accepts.
    public var maximumDocumentSize: Int

    public init(maximumDocumentSize: Int = BundleReader.defaultMaximumDocumentSize) {
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// One bundle from a JSON document; `source` names it in errors.
    public func bundle(from data: Data, source: String) throws(BundleError) -> SigstoreBundle {
        try decode(SigstoreBundle.self, from: data, source: source, line: nil)
    }

    /// The bundles of a JSONL document, in line order. Blank lines are skipped;
    /// a document with no bundle at all is an error.
    public func bundles(fromJSONLines data: Data, source: String) throws(BundleError) -> [SigstoreBundle] {
        try checkSize(data.count, source: source)
        var bundles: [SigstoreBundle] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let isBlank = line.allSatisfy { [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains($0) }
            if isBlank { continue }
            bundles.append(try decode(SigstoreBundle.self, from: Data(line), source: source, line: index + 1))
        }
        guard !bundles.isEmpty else { throw BundleError(source: source, reason: .noBundles) }
        return bundles
    }

    /// The attestations of a GitHub attestations REST API response.
    public func attestations(fromGitHubResponse data: Data, source: String) throws(BundleError) -> [GitHubAttestation] {
        try decode(GitHubAttestationsResponse.self, from: data, source: source, line: nil).attestations
    }

    /// The bundles in the file at `url`: JSONL when its name ends in `.jsonl`;
    /// otherwise a GitHub API response when the top-level object has
    /// `attestations`, else a single bundle.
    public func bundles(inFileAt url: URL) throws(BundleError) -> [SigstoreBundle] {
        let source = url.path
        let data = try read(url, source: source)
        if url.pathExtension.lowercased() == "jsonl" {
            return try bundles(fromJSONLines: data, source: source)
        }
        if (try? JSONDecoder().decode(DocumentKind.self, from: data))?.isGitHubResponse == true {
            return try attestations(fromGitHubResponse: data, source: source).map(\.bundle)
        }
        return [try bundle(from: data, source: source)]
    }

    private func read(_ url: URL, source: String) throws(BundleError) -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumDocumentSize + 1) ?? Data()
            try checkSize(data.count, source: source)
            return data
        } catch let error as BundleError {
            throw error
        } catch {
            throw BundleError(source: source, reason: .unreadable(error.localizedDescription))
        }
    }

    private func checkSize(_ size: Int, source: String) throws(BundleError) {
        guard size <= maximumDocumentSize else {
            throw BundleError(source: source, reason: .tooLarge(size: size, limit: maximumDocumentSize))
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data, source: String, line: Int?) throws(BundleError) -> T {
        try checkSize(data.count, source: source)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw BundleError(source: source, line: line, reason: Self.reason(for: error))
        }
    }

    private static func reason(for error: any Error) -> BundleError.Reason {
        switch error {
        case BundleShapeFailure.unsupportedMediaType(let field, let mediaType):
            return .unsupportedMediaType(field: field, mediaType: mediaType)
        case BundleShapeFailure.invalid(let field, let problem):
            return .invalidField(field, problem: problem)
        case DecodingError.keyNotFound(let key, let context):
            return .missingField(fieldPath(context.codingPath, key.stringValue))
        case DecodingError.valueNotFound(let type, let context):
            return .invalidField(fieldPath(context.codingPath), problem: "is null; expected \(jsonName(of: type))")
        case DecodingError.typeMismatch(let type, let context):
            return .invalidField(fieldPath(context.codingPath), problem: "expected \(jsonName(of: type))")
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return .malformedJSON(detail ?? context.debugDescription)
        case DecodingError.dataCorrupted(let context):
            return .invalidField(fieldPath(context.codingPath), problem: context.debugDescription)
        default:
            return .malformedJSON(String(describing: error))
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is any Numeric.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// Just enough of a JSON document to tell a GitHub API response from a bundle.
private struct DocumentKind: Decodable {
    var isGitHubResponse: Bool

    private enum CodingKeys: String, CodingKey {
        case attestations, mediaType
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        isGitHubResponse = container.contains(.attestations) && !container.contains(.mediaType)
    }
}
