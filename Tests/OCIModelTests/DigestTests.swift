import Foundation
import OCIModel
import Testing

/// Known-answer vectors (FIPS 180-2 and the usual empty-string / pangram ones).
struct DigestVector: Sendable, CustomTestStringConvertible {
    let input: String
    let algorithm: Digest.Algorithm
    let hex: String
    var testDescription: String { "\(algorithm.rawValue)(\"\(input.prefix(20))\")" }
}

/// Which ``DigestError`` case a digest string must produce.
enum DigestErrorKind: Sendable {
    case malformed, unsupported

    init?(_ error: DigestError) {
        switch error {
        case .malformed: self = .malformed
        case .unsupportedAlgorithm: self = .unsupported
        case .mismatch, .sizeMismatch: return nil
        }
    }
}

@Suite("Digest")
struct DigestTests {
    static let emptySHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let emptySHA512 =
        "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"

    static let vectors: [DigestVector] = [
        .init(input: "", algorithm: .sha256, hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        .init(input: "abc", algorithm: .sha256, hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        .init(
            input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", algorithm: .sha256,
            hex: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        .init(
            input: "The quick brown fox jumps over the lazy dog", algorithm: .sha256,
            hex: "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
        ),
        .init(input: "{}", algorithm: .sha256, hex: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"),
        .init(
            input: "", algorithm: .sha512,
            hex: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        ),
        .init(
            input: "abc", algorithm: .sha512,
            hex: "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        ),
    ]

    // MARK: parsing

    static let valid: [(String, Digest.Algorithm)] = [
        (emptySHA256, .sha256),
        (emptySHA512, .sha512),
        ("sha256:" + String(repeating: "0", count: 64), .sha256),
        ("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", .sha256),
        ("sha512:" + String(repeating: "a", count: 128), .sha512),
    ]

    @Test("well-formed digests parse into algorithm and hex", arguments: valid)
    func parsesValid(text: String, algorithm: Digest.Algorithm) throws {
        let digest = try Digest(text)
        #expect(digest.algorithm == algorithm)
        #expect(digest.encoded == String(text.split(separator: ":")[1]))
        #expect(digest.encoded.utf8.count == algorithm.hexLength)
        #expect(digest.description == text)
        #expect(try Digest(digest.description) == digest)
    }

    static let a64 = String(repeating: "a", count: 64)
    static let a63 = String(repeating: "a", count: 63)

    static let invalid: [(String, DigestErrorKind)] = [
        ("", .malformed),
        ("sha256", .malformed),
        ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", .malformed),
        ("sha256:", .malformed),
        ("sha256:abc", .malformed),
        ("sha256:" + a63, .malformed),
        ("sha256:" + String(repeating: "a", count: 65), .malformed),
        ("sha256:" + String(repeating: "a", count: 128), .malformed),
        ("sha512:" + a64, .malformed),
        ("sha512:" + String(repeating: "a", count: 127), .malformed),
        ("sha256:" + String(repeating: "A", count: 64), .malformed),
        ("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", .malformed),
        ("sha256:" + String(repeating: "g", count: 64), .malformed),
        ("sha256:" + a63 + " ", .malformed),
        ("sha256:" + a63 + "\n", .malformed),
        ("sha256:" + String(repeating: "a", count: 62) + "é", .malformed),
        ("sha256::" + a63, .malformed),
        ("SHA256:" + a64, .unsupported),
        ("Sha256:" + a64, .unsupported),
        (" sha256:" + a64, .unsupported),
        ("md5:d41d8cd98f00b204e9800998ecf8427e", .unsupported),
        ("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", .unsupported),
        ("sha384:" + String(repeating: "a", count: 96), .unsupported),
        ("blake3:" + a64, .unsupported),
        ("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564", .unsupported),
        (":" + a64, .unsupported),
    ]

    @Test("malformed digests are refused", arguments: invalid)
    func refusesInvalid(text: String, kind: DigestErrorKind) throws {
        let error = try #require(throws: DigestError.self) { try Digest(text) }
        #expect(DigestErrorKind(error) == kind, "\(error)")
        #expect(error.description.contains("invalid digest"))
    }

    @Test("errors name the digest and the algorithm")
    func errorPayloads() {
        #expect(throws: DigestError.unsupportedAlgorithm("md5:abc", algorithm: "md5")) { try Digest("md5:abc") }
        #expect(throws: DigestError.malformed("sha256:abc", reason: "sha256 needs 64 hex characters, found 3")) { try Digest("sha256:abc") }
        #expect(DigestError.unsupportedAlgorithm("md5:abc", algorithm: "md5").description.contains("'md5'"))
    }

    @Test func algorithmHexLengths() {
        #expect(Digest.Algorithm.sha256.hexLength == 64)
        #expect(Digest.Algorithm.sha512.hexLength == 128)
        #expect(Digest.Algorithm.allCases == [.sha256, .sha512])
    }

    // MARK: computing

    @Test("compute matches known vectors", arguments: vectors)
    func compute(_ v: DigestVector) throws {
        let bytes = Array(v.input.utf8)
        let digest = Digest.compute(bytes, algorithm: v.algorithm)
        #expect(digest.algorithm == v.algorithm)
        #expect(digest.encoded == v.hex)
        #expect(digest == (try Digest("\(v.algorithm.rawValue):\(v.hex)")))
        // An ArraySlice with a non-zero start hashes the same bytes.
        let padded = [0xAA] + bytes + [0xBB]
        #expect(Digest.compute(padded[1..<(padded.count - 1)], algorithm: v.algorithm) == digest)
    }

    @Test func computeDefaultsToSHA256() {
        #expect(Digest.compute(Array("abc".utf8)).description
            == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("a million 'a's (FIPS 180-2 long message)")
    func millionAs() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Digest.compute(bytes).encoded == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: verifying

    @Test("verify passes for matching content", arguments: vectors)
    func verifyMatch(_ v: DigestVector) throws {
        let digest = try Digest("\(v.algorithm.rawValue):\(v.hex)")
        try digest.verify(Array(v.input.utf8))
    }

    @Test("verify throws mismatch with both digests", arguments: Digest.Algorithm.allCases)
    func verifyMismatch(_ algorithm: Digest.Algorithm) throws {
        let expected = Digest.compute(Array("abc".utf8), algorithm: algorithm)
        let tampered = Array("abd".utf8)
        let actual = Digest.compute(tampered, algorithm: algorithm)
        #expect(throws: DigestError.mismatch(expected: expected, actual: actual)) { try expected.verify(tampered) }
        let error = try #require(throws: DigestError.self) { try expected.verify([]) }
        #expect(error == .mismatch(expected: expected, actual: Digest.compute([UInt8](), algorithm: algorithm)))
        #expect(error.description.contains(expected.description))
    }

    // MARK: incremental hashing

    @Test("DigestHasher fed in chunks equals the one-shot digest", arguments: Digest.Algorithm.allCases, [1, 3, 63, 64, 65, 1000, 4096, 100_000])
    func incremental(algorithm: Digest.Algorithm, chunkSize: Int) {
        var generator = SplitMix64(seed: UInt64(chunkSize))
        let bytes = (0..<70_001).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        var hasher = DigestHasher(algorithm: algorithm)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            hasher.update(bytes[offset..<end])
            hasher.update([UInt8]()) // empty updates change nothing
            offset = end
        }
        #expect(hasher.count == Int64(bytes.count))
        #expect(hasher.finalize() == Digest.compute(bytes, algorithm: algorithm))
    }

    @Test("finalize does not consume the hasher; later updates continue the stream")
    func finalizeIsNonDestructive() {
        var hasher = DigestHasher(algorithm: .sha256)
        #expect(hasher.count == 0)
        #expect(hasher.finalize().description == Self.emptySHA256)
        hasher.update(Array("ab".utf8))
        let partial = hasher.finalize()
        #expect(partial == hasher.finalize())
        #expect(partial == Digest.compute(Array("ab".utf8)))
        hasher.update(Array("c".utf8))
        #expect(hasher.finalize() == Digest.compute(Array("abc".utf8)))
        #expect(hasher.count == 3)
    }

    @Test func updateFromRawBuffer() {
        var hasher = DigestHasher(algorithm: .sha512)
        let bytes = Array("abc".utf8)
        bytes.withUnsafeBytes { hasher.update(buffer: $0) }
        #expect(hasher.count == 3)
        #expect(hasher.finalize() == Digest.compute(bytes, algorithm: .sha512))
    }

    // MARK: Codable

    struct Holder: Codable, Equatable {
        var digest: Digest
        var others: [Digest]?
    }

    @Test("digests encode as their string form and decode back")
    func codableRoundTrip() throws {
        let holder = Holder(digest: try Digest(Self.emptySHA256), others: [try Digest(Self.emptySHA512)])
        let bytes = try CanonicalJSON.encode(holder)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"digest":"\#(Self.emptySHA256)","others":["\#(Self.emptySHA512)"]}"#)
        #expect(try JSONDecoder().decode(Holder.self, from: Data(bytes)) == holder)
    }

    @Test("an invalid digest in JSON is a DecodingError at its coding path", arguments: [
        "sha256:abc",
        "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "md5:d41d8cd98f00b204e9800998ecf8427e",
        "",
        "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
    ])
    func invalidInJSON(_ text: String) throws {
        let json = Data(#"{"digest":"\#(text)"}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: json) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["digest"])
        #expect(context.debugDescription.contains("invalid digest"))
    }

    @Test("a non-string digest in JSON is a type mismatch")
    func nonStringInJSON() throws {
        let json = Data(#"{"digest":42}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: json) }
        guard case .typeMismatch = error else {
            Issue.record("expected typeMismatch, got \(error)")
            return
        }
    }

    // MARK: value semantics

    @Test func comparableAndHashable() throws {
        let a = try Digest("sha256:" + String(repeating: "0", count: 64))
        let b = try Digest("sha256:" + String(repeating: "1", count: 64))
        let c = try Digest("sha512:" + String(repeating: "0", count: 128))
        #expect(a < b)
        #expect(b < c)
        #expect([c, b, a].sorted() == [a, b, c])
        #expect(Set([a, b, c, try Digest(a.description)]).count == 3)
    }
}

/// A small deterministic PRNG so hashing tests use the same bytes on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
