import Foundation
import OCIModel
import Testing

@Suite("Platform")
struct PlatformTests {
    // MARK: parsing

    @Test("os/arch[/variant] parses, lowercased", arguments: [
        ("linux/amd64", "linux", "amd64", String?.none),
        ("linux/arm64/v8", "linux", "arm64", "v8"),
        ("linux/arm/v7", "linux", "arm", "v7"),
        ("windows/amd64", "windows", "amd64", nil),
        ("darwin/arm64", "darwin", "arm64", nil),
        ("linux/ppc64le", "linux", "ppc64le", nil),
        ("linux/s390x", "linux", "s390x", nil),
        ("linux/riscv64", "linux", "riscv64", nil),
        ("Linux/ARM64/V8", "linux", "arm64", "v8"),
        ("LINUX/X86_64", "linux", "x86_64", nil),
        ("unknown/unknown", "unknown", "unknown", nil),
    ])
    func parses(text: String, os: String, architecture: String, variant: String?) throws {
        let platform = try Platform(parsing: text)
        #expect(platform.os == os)
        #expect(platform.architecture == architecture)
        #expect(platform.variant == variant)
        #expect(platform.osVersion == nil)
        #expect(platform.osFeatures == nil)
        #expect(platform.description == text.lowercased())
    }

    @Test("malformed platform strings are refused", arguments: [
        "", "linux", "linux/", "/amd64", "/", "//", "linux//v7", "linux/arm64/",
        "linux/arm/v7/extra", "linux/ amd64", "linux/amd64 ", " linux/amd64", "linux amd64",
        "linux/amd64\n", "linux\t/amd64", "linux/arm64/v8\r\n", "linux/\u{00A0}amd64",
    ])
    func refuses(_ text: String) throws {
        let error = try #require(throws: PlatformError.self) { try Platform(parsing: text) }
        #expect(error.text == text)
        #expect(error.description.contains("'\(text)'"))
        #expect(error.description.contains("os/arch[/variant]"))
    }

    @Test("description joins the present parts", arguments: [
        (Platform(os: "linux", architecture: "amd64"), "linux/amd64"),
        (Platform(os: "linux", architecture: "arm", variant: "v6"), "linux/arm/v6"),
        (Platform(os: "windows", architecture: "amd64"), "windows/amd64"),
    ])
    func description(platform: Platform, expected: String) {
        #expect(platform.description == expected)
    }

    // MARK: normalisation

    @Test("normalisation folds aliases and spells out default variants", arguments: [
        ("linux/aarch64", "linux/arm64/v8"),
        ("linux/arm64", "linux/arm64/v8"),
        ("linux/arm64/8", "linux/arm64/v8"),
        ("linux/arm64/v8", "linux/arm64/v8"),
        ("linux/aarch64/v8", "linux/arm64/v8"),
        ("linux/x86_64", "linux/amd64/v1"),
        ("linux/x86-64", "linux/amd64/v1"),
        ("linux/amd64", "linux/amd64/v1"),
        ("linux/amd64/v3", "linux/amd64/v3"),
        ("linux/x86_64/v2", "linux/amd64/v2"),
        ("linux/i386", "linux/386"),
        ("linux/i686", "linux/386"),
        ("linux/386", "linux/386"),
        ("linux/armhf", "linux/arm/v7"),
        ("linux/armhf/v6", "linux/arm/v6"),
        ("linux/armel", "linux/arm/v6"),
        ("linux/arm", "linux/arm/v7"),
        ("linux/arm/7", "linux/arm/v7"),
        ("linux/arm/6", "linux/arm/v6"),
        ("linux/arm/v5", "linux/arm/v5"),
        ("linux/ppc64le", "linux/ppc64le"),
        ("linux/s390x", "linux/s390x"),
        ("linux/riscv64", "linux/riscv64"),
        ("windows/amd64", "windows/amd64/v1"),
    ])
    func normalizes(text: String, expected: String) throws {
        let normalized = try Platform(parsing: text).normalized
        #expect(normalized.description == expected)
        #expect(normalized.normalized == normalized, "normalisation is idempotent")
    }

    @Test("normalisation lowercases what the memberwise initialiser took verbatim")
    func normalizesCase() {
        let platform = Platform(os: "Linux", architecture: "AArch64", variant: "V8")
        #expect(platform.normalized.description == "linux/arm64/v8")
    }

    @Test("normalisation keeps os.version and os.features")
    func normalizationKeepsOSFields() {
        var platform = Platform(os: "windows", architecture: "x86_64")
        platform.osVersion = "10.0.17763.5458"
        platform.osFeatures = ["win32k"]
        let normalized = platform.normalized
        #expect(normalized.architecture == "amd64")
        #expect(normalized.osVersion == "10.0.17763.5458")
        #expect(normalized.osFeatures == ["win32k"])
    }

    // MARK: matching

    @Test("matching compares normalised platforms", arguments: [
        ("linux/arm64", "linux/arm64/v8", true),
        ("linux/arm64/v8", "linux/arm64", true),
        ("linux/aarch64", "linux/arm64/v8", true),
        ("linux/arm64", "linux/aarch64", true),
        ("linux/arm64", "linux/arm/v7", false),
        ("linux/arm64", "linux/arm64/v9", false),
        ("linux/arm", "linux/arm/v7", true),
        ("linux/arm/v7", "linux/arm", true),
        ("linux/arm", "linux/arm/v6", false),
        ("linux/arm/v6", "linux/arm/v7", false),
        ("linux/armhf", "linux/arm/v7", true),
        ("linux/armel", "linux/arm/v6", true),
        ("linux/arm/7", "linux/arm/v7", true),
        ("linux/amd64", "linux/amd64/v1", true),
        ("linux/amd64/v1", "linux/amd64", true),
        ("linux/amd64", "linux/amd64/v2", false),
        ("linux/amd64/v3", "linux/amd64", false),
        ("linux/x86_64", "linux/amd64", true),
        ("linux/amd64", "linux/386", false),
        ("linux/386", "linux/i386", true),
        ("linux/amd64", "windows/amd64", false),
        ("linux/amd64", "linux/arm64", false),
        ("Linux/AMD64", "linux/amd64", true),
        ("linux/ppc64le", "linux/ppc64le", true),
        ("linux/ppc64le", "linux/ppc64", false),
        ("linux/riscv64", "linux/riscv64", true),
        ("unknown/unknown", "linux/amd64", false),
    ])
    func matching(want: String, have: String, expected: Bool) throws {
        let wanted = try Platform(parsing: want)
        let candidate = try Platform(parsing: have)
        #expect(wanted.matches(candidate) == expected)
    }

    @Test("the host platform is a Linux platform that matches itself")
    func host() {
        let host = Platform.host
        #expect(host.os == "linux")
        #expect(host.matches(host))
        #if arch(arm64)
        #expect(host.matches(Platform(os: "linux", architecture: "aarch64")))
        #else
        #expect(host.matches(Platform(os: "linux", architecture: "x86_64")))
        #endif
    }

    // MARK: JSON

    @Test("os.version and os.features use their dotted JSON keys")
    func decodesWindowsPlatform() throws {
        let json = #"{"architecture":"amd64","os":"windows","os.version":"10.0.17763.1879","os.features":["win32k"]}"#
        let platform = try JSONDecoder().decode(Platform.self, from: Data(json.utf8))
        #expect(platform.os == "windows")
        #expect(platform.architecture == "amd64")
        #expect(platform.variant == nil)
        #expect(platform.osVersion == "10.0.17763.1879")
        #expect(platform.osFeatures == ["win32k"])

        let encoded = String(decoding: try CanonicalJSON.encode(platform), as: UTF8.self)
        #expect(encoded == #"{"architecture":"amd64","os":"windows","os.features":["win32k"],"os.version":"10.0.17763.1879"}"#)
        #expect(try JSONDecoder().decode(Platform.self, from: Data(encoded.utf8)) == platform)
    }

    @Test("absent optional fields are omitted when encoding")
    func encodesMinimal() throws {
        let encoded = String(decoding: try CanonicalJSON.encode(Platform(os: "linux", architecture: "arm64", variant: "v8")), as: UTF8.self)
        #expect(encoded == #"{"architecture":"arm64","os":"linux","variant":"v8"}"#)
        let plain = String(decoding: try CanonicalJSON.encode(Platform(os: "linux", architecture: "amd64")), as: UTF8.self)
        #expect(plain == #"{"architecture":"amd64","os":"linux"}"#)
    }

    @Test("camel-case osVersion is not the OCI key and is ignored")
    func ignoresCamelCaseKeys() throws {
        let json = #"{"architecture":"amd64","os":"windows","osVersion":"10.0","osFeatures":["x"]}"#
        let platform = try JSONDecoder().decode(Platform.self, from: Data(json.utf8))
        #expect(platform.osVersion == nil)
        #expect(platform.osFeatures == nil)
    }

    @Test("os and architecture are required", arguments: [
        #"{"architecture":"amd64"}"#,
        #"{"os":"linux"}"#,
        #"{}"#,
    ])
    func requiresFields(_ json: String) throws {
        let error = try #require(throws: InputError.self) {
            try JSONInput.decode(Platform.self, from: Array(json.utf8), source: "platform.json")
        }
        #expect(error.reason == "required field is missing")
        #expect(error.field == "os" || error.field == "architecture")
    }
}
