import Crypto
import Foundation

/// A token endpoint for the real registry's token authentication (distribution's
/// `auth: token`), which nothing installable here provides: it checks HTTP Basic
/// credentials, then issues ES256 JWTs for the requested repository scopes, signed with a
/// fresh key whose self-signed certificate (made by `openssl`) the registry trusts.
public final class TokenAuthority: Sendable {
    public let service = "hallmark-test-registry"
    public let issuer = "hallmark-test-issuer"
    /// The PEM certificate the registry's `rootcertbundle` names.
    public let certificatePath: String
    /// How many tokens were issued.
    public var issued: Int { server.count(pathContains: "/token") }
    /// The token URL, the registry's `realm`.
    public var realm: String { "http://\(server.address)/token" }

    private let server: ScriptedHTTPServer

    /// Starts the endpoint in `directory`; `user` is the only account it accepts.
    public init(user: RegistryProcess.User, directory: URL) async throws {
        let key = P256.Signing.PrivateKey()
        let keyPath = directory.appendingPathComponent("token-signer.key").path
        certificatePath = directory.appendingPathComponent("token-signer.pem").path
        try key.pemRepresentation.write(toFile: keyPath, atomically: true, encoding: .utf8)
        try Self.openssl(["req", "-x509", "-new", "-key", keyPath, "-subj", "/CN=hallmark test token signer", "-days", "2", "-out", certificatePath])
        let pem = try String(contentsOfFile: certificatePath, encoding: .utf8)
        let der = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let (service, issuer, rawKey) = (service, issuer, key.rawRepresentation)
        let expected = "Basic " + Data("\(user.username):\(user.password)".utf8).base64EncodedString()
        server = try await ScriptedHTTPServer { request, _ in
            guard request.path == "/token" else { return CannedResponse(status: 404) }
            guard request.header("Authorization") == expected else {
                return .json(#"{"errors":[{"code":"UNAUTHORIZED","message":"bad credentials"}]}"#, status: 401)
            }
            let scopes = URLComponents(string: request.uri)?.queryItems?.filter { $0.name == "scope" }.compactMap(\.value) ?? []
            do {
                let token = try Self.token(scopes: scopes, subject: user.username, service: service, issuer: issuer, certificate: der,
                                           key: P256.Signing.PrivateKey(rawRepresentation: rawKey))
                return .json(#"{"token":"\#(token)","expires_in":300}"#)
            } catch {
                return CannedResponse(status: 500)
            }
        }
    }

    /// A JWT granting each `repository:NAME:ACTIONS` scope as asked.
    static func token(scopes: [String], subject: String, service: String, issuer: String, certificate: String, key: P256.Signing.PrivateKey) throws -> String {
        let access: [[String: Any]] = scopes.flatMap { $0.split(separator: " ") }.compactMap { scope in
            let parts = scope.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { return nil }
            return ["type": String(parts[0]), "name": parts[1..<(parts.count - 1)].joined(separator: ":"),
                    "actions": parts[parts.count - 1].split(separator: ",").map(String.init)]
        }
        let now = Int(Date().timeIntervalSince1970)
        let header: [String: Any] = ["typ": "JWT", "alg": "ES256", "x5c": [certificate]]
        let claims: [String: Any] = ["iss": issuer, "sub": subject, "aud": service, "exp": now + 600, "nbf": now - 60, "iat": now,
                                     "jti": UUID().uuidString, "access": access]
        let signingInput = try base64URL(JSONSerialization.data(withJSONObject: header)) + "." + base64URL(JSONSerialization.data(withJSONObject: claims))
        let signature = try key.signature(for: Data(signingInput.utf8)).rawRepresentation
        return signingInput + "." + base64URL(signature)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw HarnessError("openssl is missing: install it with `apt-get install -y openssl`") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HarnessError("openssl \(arguments.first ?? "") failed with status \(process.terminationStatus)") }
    }
}
