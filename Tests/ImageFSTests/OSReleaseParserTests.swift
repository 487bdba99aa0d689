import Catalog
import Testing

@Suite("os-release parsing")
struct OSReleaseParserTests {
    @Test("values: bare, double- and single-quoted, escapes, comments", arguments: [
        ("ID=debian", "debian"),
        ("ID=\"debian\"", "debian"),
        ("ID='ubuntu linux'", "ubuntu linux"),
        (#"ID="a \"quoted\" \$x \\ b""#, #"a "quoted" $x \ b"#),
        (#"ID='no \escape'"#, #"no \escape"#),
        ("ID=bare\\ space", "bare space"),
        ("ID=\"x\"   ", "x"),
        ("ID=", ""),
    ])
    func values(line: String, value: String) {
        #expect(OSReleaseParser.fields("# comment\n\(line)\nbroken line\n")["ID"] == value)
    }

    @Test("a real Debian file becomes a distro")
    func debian() {
        let text = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            ID_LIKE="rhel fedora"
            HOME_URL="https://www.debian.org/"
            """
        #expect(OSReleaseParser.distro(from: Array(text.utf8)) == Distro(
            id: "debian", versionID: "12", codename: "bookworm", idLike: ["rhel", "fedora"],
            prettyName: "Debian GNU/Linux 12 (bookworm)"))
        #expect(OSReleaseParser.distro(from: Array("NAME=Linux\n".utf8)) == Distro(id: "linux"))
        #expect(OSReleaseParser.distro(from: Array("garbage\n".utf8)) == nil)
    }
}
