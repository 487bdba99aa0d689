import OCIModel
import Testing

@Suite("ReferrersTag")
struct ReferrersTagTests {
    static let hex256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let hex512 =
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"

    @Test("the OCI fallback tag is <alg>-<hex>")
    func fallbackSHA256() throws {
        let tag = ReferrersTag.fallback(for: try Digest("sha256:\(Self.hex256)"))
        #expect(tag == "sha256-\(Self.hex256)")
        #expect(tag.count == 71)
    }

    @Test("for sha512 the OCI fallback tag keeps only the first 64 hex characters")
    func fallbackSHA512() throws {
        // Referrers tag schema: `<ref>` is "the digest from the subject field (limit of 64 characters)".
        let tag = ReferrersTag.fallback(for: try Digest("sha512:\(Self.hex512)"))
        #expect(tag == "sha512-" + String(Self.hex512.prefix(64)))
        #expect(tag.count == 71)
    }

    @Test("cosign tags add .att and .sig", arguments: Digest.Algorithm.allCases)
    func cosign(_ algorithm: Digest.Algorithm) throws {
        let hex = algorithm == .sha256 ? Self.hex256 : Self.hex512
        let digest = try Digest("\(algorithm.rawValue):\(hex)")
        #expect(ReferrersTag.cosignAttestations(for: digest) == "\(algorithm.rawValue)-\(hex).att")
        #expect(ReferrersTag.cosignSignatures(for: digest) == "\(algorithm.rawValue)-\(hex).sig")
    }

    @Test("the sha256 tags are valid reference tags")
    func tagsAreValidTags() throws {
        let digest = try Digest("sha256:\(Self.hex256)")
        for tag in [ReferrersTag.fallback(for: digest), ReferrersTag.cosignAttestations(for: digest), ReferrersTag.cosignSignatures(for: digest)] {
            let ref = try ImageReference(parsing: "ghcr.io/acme/app:\(tag)")
            #expect(ref.tag == tag)
        }
        let sha512 = try Digest("sha512:\(Self.hex512)")
        let ref = try ImageReference(parsing: "ghcr.io/acme/app:\(ReferrersTag.fallback(for: sha512))")
        #expect(ref.tag?.count == 71)
    }
}
