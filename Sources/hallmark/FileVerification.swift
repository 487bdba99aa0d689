import Attestations
import Foundation
import OCIModel
import Sigstore

/// `hallmark verify FILE --bundle BUNDLES`: each bundle checked against the file's SHA-256.
struct FileVerification {
    let path: String
    let bundlePath: String
    let policy: VerificationPolicy

    func verify() throws -> VerificationReport {
        let digest = try Self.sha256(of: path)
        var subject = SubjectVerification(label: path, digest: digest)
        let bundles: [SigstoreBundle]
        do {
            bundles = try BundleReader().bundles(inFileAt: URL(fileURLWithPath: bundlePath))
        } catch {
            // A bundle of a version Hallmark cannot read fails the format check; other damage is bad input.
            guard case .unsupportedMediaType = error.reason else { throw UsageError(error.description) }
            subject.rejected.append(RejectedAttestation(origin: AttestationOrigin(file: bundlePath),
                                                        failure: CheckFailure(check: .format, reason: error.description)))
            return VerificationReport(name: path, digest: digest, predicateType: policy.predicateType, subjects: [subject])
        }
        for (index, bundle) in bundles.enumerated() {
            let origin = AttestationOrigin(file: bundles.count == 1 ? bundlePath : "\(bundlePath) bundle \(index + 1)")
            switch EnvelopeCheck.check(.bundle(bundle), subject: digest, policy: policy) {
            case .success(let verified): subject.verified.append(VerifiedAttestation(origin: origin, verified: verified))
            case .failure(let failure): subject.rejected.append(RejectedAttestation(origin: origin, failure: failure))
            }
        }
        return VerificationReport(name: path, digest: digest, predicateType: policy.predicateType, subjects: [subject])
    }

    /// The SHA-256 of the file, streamed.
    static func sha256(of path: String) throws -> Digest {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw UsageError("cannot read \(path): no such file or not readable") }
        defer { try? handle.close() }
        var hasher = DigestHasher(algorithm: .sha256)
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(Array(chunk))
        }
        return hasher.finalize()
    }
}
