import Testing
@testable import ImageFS

@Suite("Paths inside the image root")
struct PathResolutionTests {
    @Test("member names become absolute paths; escaping ones are refused", arguments: [
        ("./usr/bin/", "/usr/bin"),
        ("usr//lib/./x", "/usr/lib/x"),
        ("/etc/passwd", "/etc/passwd"),
        ("a/b/../c", "/a/c"),
        ("./", "/"),
        ("../x", nil),
        ("a/../../x", nil),
        ("/..", nil),
    ] as [(String, String?)])
    func normalize(name: String, path: String?) {
        #expect(ImagePath.normalize(name) == path)
    }

    static let links = SymlinkResolver(links: [
        "/etc/os-release": "../usr/lib/os-release",
        "/lib": "usr/lib",
        "/abs": "/usr",
        "/up": "../../../../usr/lib",
        "/loop1": "loop2", "/loop2": "/loop1",
        "/usr/lib/chain": "/lib/chain2", "/usr/lib/chain2": "../lib/os-release",
    ])

    @Test("links resolve inside the root: absolute targets re-rooted, '..' stops at '/', loops cut", arguments: [
        ("/etc/os-release", "/usr/lib/os-release"),
        ("/lib/x.so", "/usr/lib/x.so"),
        ("/abs/lib/os-release", "/usr/lib/os-release"),
        ("/up/x", "/usr/lib/x"),
        ("/lib/chain", "/usr/lib/os-release"),
        ("/usr/../../etc/os-release", "/usr/lib/os-release"),
        ("/loop1", nil),
        ("/loop2/x", nil),
    ] as [(String, String?)])
    func resolve(path: String, real: String?) {
        #expect(Self.links.resolve(path) == real)
    }

    @Test("41 chained links are a loop, 40 are not")
    func hopLimit() {
        var links: [String: String] = [:]
        for index in 0..<41 { links["/l\(index)"] = "/l\(index + 1)" }
        #expect(SymlinkResolver(links: links).resolve("/l1") == "/l41")
        #expect(SymlinkResolver(links: links).resolve("/l0") == nil)
    }
}
