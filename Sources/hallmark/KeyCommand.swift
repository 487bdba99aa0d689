import ArgumentParser
import Foundation
import InToto

/// `hallmark key`: signing keys.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create signing keys for 'hallmark attest'.",
        subcommands: [KeyGenerateCommand.self]
    )
}

/// `hallmark key generate`: a key pair as PEM files, like `cosign generate-key-pair`.
struct KeyGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a key pair: PREFIX.key (PKCS#8 PEM, encrypted when HALLMARK_PASSWORD is set) and PREFIX.pub.",
        discussion: """
            The private key is encrypted (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC) with the passphrase in \
            HALLMARK_PASSWORD; without one it is written unencrypted, with a warning. The public key is a \
            SubjectPublicKeyInfo PEM; its key id (printed) is the SHA-256 of its DER encoding. Neither file \
            is overwritten.

            \(ExitStatus.help)
            """
    )

    @Option(help: "ecdsa-p256 (default), ecdsa-p384 or ed25519.")
    var algorithm: SigningAlgorithm = .ecdsaP256

    @Option(name: .customLong("output-key-prefix"), help: "Write PREFIX.key and PREFIX.pub.")
    var outputKeyPrefix = "hallmark"

    func run() async throws {
        let privatePath = outputKeyPrefix + ".key"
        let publicPath = outputKeyPrefix + ".pub"
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw UsageError("\(path) already exists; remove it or choose another --output-key-prefix")
        }
        let passphrase = ProcessInfo.processInfo.environment[SigningKeyLoader.passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        if passphrase == nil {
            Terminal.error("warning: \(SigningKeyLoader.passwordVariable) is not set; \(privatePath) is written unencrypted")
        }
        let key = SigningKey.generate(algorithm)
        try OutputTarget.file(privatePath).write(Array(try key.pemRepresentation(passphrase: passphrase).utf8), permissions: 0o600)
        try OutputTarget.file(publicPath).write(Array(key.publicKey.pemRepresentation.utf8))
        Terminal.error("wrote \(privatePath) and \(publicPath) (\(algorithm.rawValue), key id \(key.publicKey.keyID))")
    }
}

extension SigningAlgorithm: ExpressibleByArgument {}
