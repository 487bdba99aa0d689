import Foundation
import InToto

/// Where signing and verification keys come from: a `--key` file, or for signing the
/// `HALLMARK_SIGNING_KEY` variable holding the PEM itself (as CI secrets do). The
/// passphrase of an encrypted key is read from `HALLMARK_PASSWORD`, never from an argument.
enum SigningKeyLoader {
    static let keyVariable = "HALLMARK_SIGNING_KEY"
    static let passwordVariable = "HALLMARK_PASSWORD"
    /// The largest key file read.
    static let maxKeyFileSize = 64 << 10

    /// The private key of `--key PATH`, else of `HALLMARK_SIGNING_KEY`.
    static func signingKey(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SigningKey {
        let passphrase = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let path {
            return try parse(try read(path), passphrase: passphrase, source: path)
        }
        guard let pem = environment[keyVariable], !pem.isEmpty else {
            throw UsageError("no signing key: pass --key FILE (from 'hallmark key generate') or set \(keyVariable) to the PEM private key")
        }
        return try parse(pem, passphrase: passphrase, source: keyVariable)
    }

    /// The public keys of `paths` (each a PEM `PUBLIC KEY`).
    static func verificationKeys(paths: [String]) throws -> [VerificationKey] {
        try paths.map { path in
            do {
                return try VerificationKey(pem: try read(path))
            } catch {
                throw UsageError("\(path): \(error)")
            }
        }
    }

    private static func parse(_ pem: String, passphrase: String?, source: String) throws -> SigningKey {
        do {
            return try SigningKey(pem: pem, passphrase: passphrase)
        } catch {
            throw UsageError("\(source): \(error)")
        }
    }

    private static func read(_ path: String) throws -> String {
        let bytes = try FileInput.read(path, limit: maxKeyFileSize)
        return String(decoding: bytes, as: UTF8.self)
    }
}
