import OCIRegistry
import Testing

struct RegistryEndpointTests {
    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.254", "[::1]", "::1", "0:0:0:0:0:0:0:1"])
    func loopback(host: String) {
        #expect(RegistryEndpoint.isLoopback(host: host))
    }

    @Test(arguments: ["128.0.0.1", "10.0.0.1", "126.0.0.1", "example.com", "127.0.0.1.nip.io", "::2", "[::ffff:10.0.0.1]", "127.1", "localhost.example.com",
                      // a .localhost name counts only when it resolves to loopback; this one does not resolve
                      "hallmark-unresolvable.localhost"])
    func notLoopback(host: String) {
        #expect(!RegistryEndpoint.isLoopback(host: host))
    }

    @Test(arguments: [
        ("127.0.0.1:5000", [], "http://127.0.0.1:5000/v2/"),
        ("localhost:5000", [], "http://localhost:5000/v2/"),
        ("[::1]:5000", [], "http://[::1]:5000/v2/"),
        ("ghcr.io", [], "https://ghcr.io/v2/"),
        ("docker.io", [], "https://registry-1.docker.io/v2/"),
        ("registry.local:5000", ["registry.local"], "http://registry.local:5000/v2/"),
        ("registry.local:5000", ["registry.local:5000"], "http://registry.local:5000/v2/"),
        ("registry.local:5000", ["registry.local:5001"], "https://registry.local:5000/v2/"),
        ("10.1.2.3:5000", ["10.1.2.3"], "http://10.1.2.3:5000/v2/"),
    ] as [(String, Set<String>, String)])
    func baseURL(registry: String, insecure: Set<String>, expected: String) {
        #expect(RegistryEndpoint(registry: registry, insecureRegistries: insecure).baseURL.absoluteString == expected)
    }
}
