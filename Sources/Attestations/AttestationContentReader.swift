import Foundation
import InToto
import OCIModel
import Sigstore

/// Reads the content of attestations found by ``AttestationDiscovery``: each layer of
/// the manifest that stores it, by media type, verified against its digest and
/// bounded by ``AttestationBundleLimits/maxBundleSize``.
public struct AttestationContentReader: Sendable {
    public let source: any ContentSource

    /// A reader fetching from `source`.
    public init(source: any ContentSource) {
        self.source = source
    }

    /// The envelopes of `found`: its one layer when the layer is known, else every layer of its manifest.
    public func envelopes(of found: FoundAttestation) async throws -> [AttestationEnvelope] {
        let document = try await source.manifest(try await source.resolve(found.manifestDigest.description))
        guard case .manifest(let manifest) = document.content else {
            return [.unreadable("\(found.manifestDigest) is an index, not an attestation manifest")]
        }
        let layers = found.layerDigest.map { digest in manifest.layers.filter { $0.digest == digest } } ?? manifest.layers
        var envelopes: [AttestationEnvelope] = []
        for layer in layers { envelopes.append(try await envelope(in: layer)) }
        return envelopes.isEmpty ? [.unreadable("manifest \(found.manifestDigest) has no attestation layer")] : envelopes
    }

    /// One layer, by its media type.
    func envelope(in layer: Descriptor) async throws -> AttestationEnvelope {
        let kind = LayerKind(mediaType: layer.mediaType)
        if case .unknown = kind {
            return .unreadable("layer \(layer.digest) has media type '\(layer.mediaType)', which is not a Sigstore bundle, DSSE envelope or in-toto statement")
        }
        guard layer.size <= Int64(AttestationBundleLimits.maxBundleSize) else {
            return .unreadable("layer \(layer.digest) is \(layer.size) bytes, over the \(AttestationBundleLimits.maxBundleSize)-byte limit")
        }
        let bytes = Data(try await source.blob(layer).verifying(layer).collect(limit: AttestationBundleLimits.maxBundleSize))
        let name = "layer \(layer.digest)"
        switch kind {
        case .bundle:
            do {
                return .bundle(try BundleReader().bundle(from: bytes, source: name))
            } catch {
                return .unreadable(error.description)
            }
        case .envelope:
            do {
                return .envelope(try JSONDecoder().decode(DSSEEnvelope.self, from: bytes))
            } catch {
                return .unreadable("\(name): not a DSSE envelope: \(error)")
            }
        case .statement:
            return .unsigned(bytes)
        case .unknown:
            return .unreadable(name)
        }
    }

    /// How a layer's media type says to read it.
    enum LayerKind {
        case bundle, envelope, statement, unknown

        init(mediaType: String) {
            if BundleMediaType(rawValue: mediaType) != nil {
                self = .bundle
            } else if mediaType == MediaType.dsseEnvelope {
                self = .envelope
            } else if mediaType == MediaType.inTotoLayer {
                self = .statement
            } else {
                self = .unknown
            }
        }
    }
}
