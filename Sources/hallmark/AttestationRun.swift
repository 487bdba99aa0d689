import Attestations
import Foundation
import InToto
import OCIModel
import Sigstore

/// The steps every `hallmark attest` subcommand shares: open the image, find the
/// manifests to attest, build each statement (subject: that manifest, named by the
/// repository), sign it into a DSSE envelope inside a Sigstore bundle v0.3, and only
/// when all are signed write the bundles (`-o`, else stdout) and, with `--push`, attach
/// each one to its manifest.
struct AttestationRun {
    /// The predicate of one manifest: its type and its JSON text.
    typealias Predicate = (type: String, json: Data)

    let options: AttestOptions

    /// Runs the attestation; `predicate` makes each target's predicate.
    func run(_ predicate: (AttestationTarget, ImageLocation) async throws -> Predicate) async throws {
        let key = try SigningKeyLoader.signingKey(path: options.key)
        let location = try await ImageLocation.openSource(options.image, options: options.registryOptions, writable: options.push)
        defer { location.close() }
        let filter = try options.platform.map { try Platform(parsing: $0) }
        let report = try await AttestationDiscovery(source: location.source).inspect(location.tagOrDigest, name: location.name, platform: filter)
        let targets = try AttestationTarget.targets(of: report, scope: options.subject)
        guard !targets.isEmpty else { throw UsageError("\(options.image): no manifest matches --platform \(options.platform ?? "")") }

        // Every statement is made and signed before anything is pushed, so a platform whose
        // predicate fails (too large, not catalogable) leaves no other platform attached.
        var signed: [(target: AttestationTarget, predicateType: String, envelope: DSSEEnvelope, bundle: [UInt8])] = []
        for target in targets {
            let made = try await predicate(target, location)
            let subject = ResourceDescriptor(name: location.subjectName, digest: [target.descriptor.digest.algorithm.rawValue: target.descriptor.digest.encoded])
            let payload = try StatementPayload.encode(subject: [subject], predicateType: made.type, predicateJSON: made.json)
            let envelope = try DSSESigner(key: key).sign(payload: payload, payloadType: DSSEEnvelope.inTotoPayloadType)
            let bundle = SigstoreBundle(dsseEnvelope: envelope, publicKeyHint: key.publicKey.keyID)
            signed.append((target, made.type, envelope, Array(try bundle.jsonData())))
        }
        var lines: [UInt8] = []
        for item in signed {
            lines += item.bundle + [UInt8(ascii: "\n")]
            if let store = location.store {
                let outcome = try await AttestationAttacher(store: store).attach(
                    bundle: item.bundle, mediaType: BundleMediaType.v03.rawValue, predicateType: item.predicateType, subject: item.target.descriptor,
                    isSame: { existing in Self.sameStatement(existing, envelope: item.envelope) })
                Terminal.error(Self.describe(outcome, target: item.target, predicateType: item.predicateType))
            }
        }
        if options.output != nil || !options.push {
            try OutputTarget(options.output).write(lines)
        }
    }

    /// Whether `existing` (a stored bundle) signs the same payload with the same key as `envelope`.
    static func sameStatement(_ existing: [UInt8], envelope: DSSEEnvelope) -> Bool {
        guard let bundle = try? BundleReader().bundle(from: Data(existing), source: "referrer"), let stored = bundle.dsseEnvelope else { return false }
        return stored.payload == envelope.payload && stored.payloadType == envelope.payloadType
            && Set(stored.signatures.compactMap(\.keyid)) == Set(envelope.signatures.compactMap(\.keyid))
    }

    static func describe(_ outcome: AttachOutcome, target: AttestationTarget, predicateType: String) -> String {
        let label = PredicateLabel.of(predicateType)
        switch outcome {
        case .attached(let referrer):
            return "\(target.label) \(target.descriptor.digest): attached \(label) as \(referrer.digest)"
        case .alreadyAttached(let referrer):
            return "\(target.label) \(target.descriptor.digest): \(label) already attached as \(referrer.digest); nothing pushed"
        }
    }
}
