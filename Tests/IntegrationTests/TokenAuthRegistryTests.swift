import Foundation
import Testing
import TestSupport

/// The real registry with token authentication (as GHCR and Docker Hub): Hallmark gets a
/// bearer token for each repository scope with the credentials from the environment, then
/// copies, attaches attestations as referrers, inspects and verifies through it.
struct TokenAuthRegistryTests {
    @Test func copyAttestInspectVerifyWithBearerTokens() async throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let user = RegistryProcess.User(username: "ci-bot", password: "s3cret-token")
        let authority = try await TokenAuthority(user: user, directory: work)
        try await withRegistry(tokenAuthority: authority) { registry in
            let credentials = ["HALLMARK_REGISTRY_USERNAME": user.username, "HALLMARK_REGISTRY_PASSWORD": user.password, "HALLMARK_PASSWORD": "correct horse"]
            let target = "\(registry.address)/it/token:v1"
            // Without credentials the token endpoint refuses: a registry error (exit 3) that says so.
            let anonymous = try await CLI.hallmark(["inspect", target], environment: ["HALLMARK_REGISTRY_USERNAME": "", "HALLMARK_REGISTRY_PASSWORD": ""])
            #expect(anonymous.status == 3, "\(anonymous.stderr)")
            #expect(anonymous.stderr.contains("obtained anonymously") && anonymous.stderr.contains("docker login \(registry.address)"))

            let copied = try await CLI.hallmark(["copy", "--all", "oci-dir:\(CLI.examplePath)", target], environment: credentials)
            #expect(copied.status == 0, "\(copied.stderr)")
            let keys = try await AttestCommandTests.keyPair(in: work)
            let attested = try await CLI.hallmark(["attest", "provenance", target, "--key", keys.key, "--push"], environment: credentials)
            #expect(attested.status == 0, "\(attested.stderr)")
            let inspected = try await CLI.hallmark(["inspect", target, "--format", "json", "--expect", "provenance"], environment: credentials)
            #expect(inspected.status == 0, "\(inspected.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(inspected.stdout)) as? [String: Any]
            let referrers = (report?["platforms"] as? [[String: Any]] ?? []).map { platform in
                (platform["attestations"] as? [[String: Any]] ?? []).filter { $0["storage"] as? String == "oci-referrer" }.count
            }
            #expect(referrers == [1, 1], "one signed provenance referrer per platform")
            let verified = try await CLI.hallmark(["verify", target, "--key", keys.pub], environment: credentials)
            #expect(verified.status == 0, "\(verified.text) \(verified.stderr)")
            #expect(authority.issued > 0)

            // A wrong password: refused at the token endpoint, exit 3, the password never printed.
            let wrong = try await CLI.hallmark(["inspect", target], environment: ["HALLMARK_REGISTRY_USERNAME": user.username, "HALLMARK_REGISTRY_PASSWORD": "nope-nope"])
            #expect(wrong.status == 3)
            #expect(wrong.stderr.contains("using credentials from HALLMARK_REGISTRY_USERNAME") && wrong.stderr.contains("check the credentials"))
            #expect(!wrong.text.contains("nope-nope") && !wrong.stderr.contains("nope-nope"))
        }
    }
}
