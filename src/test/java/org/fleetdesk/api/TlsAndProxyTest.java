package org.fleetdesk.api;

import static org.fleetdesk.api.MockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fleetdesk.cli.FleetdeskCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Certificates are always checked (a self-signed, expired or wrong-host certificate is refused, and no option turns
 * that off; trusting a company's own authority goes through the JVM's trust store like any other Java program), plain
 * http only reaches this machine, and the proxy of the JVM or OS settings is used.
 */
class TlsAndProxyTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String[] TRUST_PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
            "javax.net.ssl.trustStoreType", "http.proxyHost", "http.proxyPort", "http.nonProxyHosts",
            SystemProxies.PROPERTY};

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> savedProperties = new HashMap<>();
    private final ProxySelector savedSelector = ProxySelector.getDefault();

    {
        for (String property : TRUST_PROPERTIES) {
            savedProperties.put(property, System.getProperty(property));
        }
    }

    @AfterEach
    void restore() {
        savedProperties.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
        ProxySelector.setDefault(savedSelector);
        server.close();
    }

    @Test
    void aSelfSignedCertificateIsRefusedAndNothingIsSent() throws Exception {
        serveHttps(server, issue("localhost", null, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400)));

        CertificateRefusedException e = assertThrows(CertificateRefusedException.class,
                () -> client(server).listDevices(null, 1, 10));

        assertTrue(e.getMessage().contains("certificate") && e.getMessage().contains("not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("trust store"), "says how to trust a company's own authority: " + e.getMessage());
        assertFalse(e.getMessage().contains("sun.security"), "no Java internals: " + e.getMessage());
        assertFalse(e.getMessage().contains(MockApi.TOKEN));
        assertEquals(0, server.getRequestCount(), "no request (and so no token) went to the untrusted server");
    }

    @Test
    void aCertificateFromAnAuthorityInTheJvmTrustStoreIsAcceptedButStillCheckedForHostAndExpiry() throws Exception {
        Issued authority = issue("fleetdesk-test-authority", null, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400));
        trustInJvm(authority.certificate());

        serveHttps(server, issue("localhost", authority, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400)));
        server.enqueue(json(200, ReferenceExamples.DEVICES));
        assertEquals(1, client(server).listDevices(null, 1, 10).items().size(), "a trusted certificate works");

        try (MockWebServer wrongHost = new MockWebServer()) {
            serveHttps(wrongHost, issue("fleetdesk.invalid", authority, Instant.now().minusSeconds(3600),
                    Instant.now().plusSeconds(86_400)));
            NetworkException e = assertThrows(CertificateRefusedException.class,
                    () -> client(wrongHost).listDevices(null, 1, 10));
            assertTrue(e.getMessage().contains("certificate is not for localhost"), e.getMessage());
            assertEquals(0, wrongHost.getRequestCount());
        }
        try (MockWebServer stale = new MockWebServer()) {
            serveHttps(stale, issue("localhost", authority, Instant.now().minusSeconds(86_400 * 3),
                    Instant.now().minusSeconds(86_400)));
            NetworkException e = assertThrows(CertificateRefusedException.class,
                    () -> client(stale).listDevices(null, 1, 10));
            assertTrue(e.getMessage().contains("certificate") && e.getMessage().contains("expired"), e.getMessage());
            assertEquals(0, stale.getRequestCount());
        }
    }

    @Test
    void thereIsNoSwitchToTrustEveryCertificate() {
        List<String> suspicious = Arrays.stream(ConnectClient.Builder.class.getMethods()).map(Method::getName)
                .filter(TlsAndProxyTest::soundsLikeSkippingChecks).toList();
        assertEquals(List.of(), suspicious, "ConnectClient.Builder");

        CommandLine cli = FleetdeskCommand.commandLine(null);
        List<String> options = allOptionNames(cli).stream().filter(TlsAndProxyTest::soundsLikeSkippingChecks).toList();
        assertEquals(List.of(), options, "CLI options");
    }

    @Test
    void plainHttpIsRefusedForAnyHostButThisMachine() {
        for (String remote : List.of("http://api.connect.raspberrypi.com", "http://192.168.1.10:8080", "http://10.0.0.1",
                "http://[2001:db8::1]/", "HTTP://Example.com")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ConnectClient.builder().baseUrl(remote).token(MockApi.TOKEN).build(), remote);
            assertTrue(e.getMessage().contains("Refusing plain http://") && e.getMessage().contains("Use https://"),
                    e.getMessage());
        }
    }

    @Test
    void theProxyChosenByTheJvmsProxySelectorIsUsed() throws Exception {
        server.start();
        InetSocketAddress proxy = new InetSocketAddress(server.getHostName(), server.getPort());
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, proxy));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, java.io.IOException e) {
            }
        });
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        // Nothing listens on port 9 of this machine: only the proxy can have answered.
        ConnectClient client = ConnectClient.builder().baseUrl("http://localhost:9").token(MockApi.TOKEN)
                .retryPolicy(RetryPolicy.none()).build();
        assertEquals(1, client.listDevices(null, 1, 10).items().size());

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("http://localhost:9/organisation/devices?page=1&per_page=10", request.getTarget(),
                "an absolute URI: the request was made to a proxy");
    }

    @Test
    void theProxyOfTheJavaSystemPropertiesIsUsed() throws Exception {
        server.start();
        System.setProperty("http.proxyHost", server.getHostName());
        System.setProperty("http.proxyPort", String.valueOf(server.getPort()));
        // Empty, because any other value gets the JVM's default exceptions (localhost, 127.*) added to it.
        System.setProperty("http.nonProxyHosts", "");
        server.enqueue(json(200, ReferenceExamples.DEVICES));

        ConnectClient client = ConnectClient.builder().baseUrl("http://localhost:9").token(MockApi.TOKEN)
                .retryPolicy(RetryPolicy.none()).build();
        assertEquals(1, client.listDevices(null, 1, 10).items().size());

        assertEquals("http://localhost:9/organisation/devices?page=1&per_page=10",
                server.takeRequest(5, TimeUnit.SECONDS).getTarget());
    }

    @Test
    void theOperatingSystemsProxySettingsAreAskedForUnlessTheUserSaidOtherwise() {
        System.clearProperty(SystemProxies.PROPERTY);
        SystemProxies.useOperatingSystemSettings();
        assertEquals("true", System.getProperty(SystemProxies.PROPERTY));

        System.setProperty(SystemProxies.PROPERTY, "false");
        SystemProxies.useOperatingSystemSettings();
        assertEquals("false", System.getProperty(SystemProxies.PROPERTY), "a -D given by the user wins");
    }

    private static boolean soundsLikeSkippingChecks(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("trust") || lower.contains("insecure") || lower.contains("ssl") || lower.contains("verif")
                || lower.contains("certificate") || lower.contains("hostname");
    }

    private static List<String> allOptionNames(CommandLine command) {
        List<String> names = new java.util.ArrayList<>();
        command.getCommandSpec().options().forEach(option -> names.addAll(List.of(option.names())));
        command.getSubcommands().values().forEach(sub -> names.addAll(allOptionNames(sub)));
        return names;
    }

    private static ConnectClient client(MockWebServer target) {
        return ConnectClient.builder().baseUrl("https://localhost:" + target.getPort()).token(MockApi.TOKEN)
                .retryPolicy(MockApi.FAST_RETRIES).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private record Issued(X509Certificate certificate, KeyPair keys) {
    }

    private static void serveHttps(MockWebServer target, Issued leaf) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", leaf.keys().getPrivate(), PASSWORD, new Certificate[] {leaf.certificate()});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        target.useHttps(context.getSocketFactory());
        target.start();
    }

    /** A certificate for {@code host} valid between the two instants, issued by {@code issuer} (null: self-signed). */
    private static Issued issue(String host, Issued issuer, Instant from, Instant until) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + host);
        X500Name issuerName = issuer == null ? subject
                : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(until), subject, pair.getPublic());
        if (issuer == null) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        KeyPair signer = issuer == null ? pair : issuer.keys();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        return new Issued(certificate, pair);
    }

    /** What an administrator does for a company's own authority: add it to the trust store Java uses. */
    private void trustInJvm(X509Certificate... certificates) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trust.setCertificateEntry("ca" + i, certificates[i]);
        }
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD);
        }
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }
}
