package cn.mee.liaison.bot.channel.wechaty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The channel to a puppet service over TLS, end to end against a Netty server on localhost whose certificate (for the
 * name {@code liaison-test}) is made here and serves as its own CA: the server name comes from the token as Wechaty's
 * own client takes it, the CA from {@code ca-cert}, and a wrong name or an untrusted CA is refused.
 */
class PuppetChannelsTest {

    private static final String TOKEN = "liaison-test_" + UUID.randomUUID();
    private static SelfSignedCertificate certificate;
    private static FakePuppet puppet;
    private static Server server;

    @BeforeAll
    @SuppressWarnings("deprecation") // SelfSignedCertificate: deprecated for netty-pkitesting, which is not here
    static void serveOverTls() throws Exception {
        certificate = new SelfSignedCertificate("liaison-test");
        puppet = new FakePuppet(TOKEN);
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(GrpcSslContexts.forServer(certificate.certificate(), certificate.privateKey()).build())
                .addService(puppet.service()).build().start();
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
        puppet.close();
        certificate.delete();
    }

    private static WechatyProperties settings(String token, Boolean tls, String serverName, String caCert) {
        return new WechatyProperties("127.0.0.1:" + server.getPort(), token, tls, serverName, caCert, null, null, null,
                null, null);
    }

    private static PuppetClient client(WechatyProperties settings) {
        return new PuppetClient(new PuppetChannels().open(settings), settings.token(), Duration.ofSeconds(10));
    }

    @Test
    void theServerNameIsTheTokensPrefixAsWechatysOwnClientTakesIt() {
        assertThat(settings("insecure_0f3c", null, null, null).tlsServerName()).isEqualTo("insecure");
        assertThat(settings("Puppet_Mock_0f3c", null, null, null).tlsServerName()).isEqualTo("puppet_mock");
        assertThat(settings("_0f3c", null, null, null).tlsServerName()).isNull();
        assertThat(settings("0f3c", null, null, null).tlsServerName()).isNull();
        assertThat(settings("insecure_0f3c", null, "puppet.example.org", null).tlsServerName())
                .isEqualTo("puppet.example.org");
        // TLS is the default; the authority is then the server name, and without TLS the token, as before
        assertThat(settings("insecure_0f3c", null, null, null).authority()).isEqualTo("insecure");
        assertThat(settings("insecure_0f3c", false, null, null).authority()).isEqualTo("insecure_0f3c");
    }

    @Test
    void withTlsAndTheServicesCaTheClientConnects() {
        int before = puppet.starts();
        try (PuppetClient client = client(settings(TOKEN, null, null, certificate.certificate().getPath()))) {
            client.start();
        }
        assertThat(puppet.starts()).isEqualTo(before + 1);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        int before = puppet.starts();
        try (PuppetClient client = client(settings(TOKEN, true, "puppet.example.org",
                certificate.certificate().getPath()))) {
            assertThatThrownBy(client::start).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        }
        try (PuppetClient client = client(settings("other_" + UUID.randomUUID(), true, null,
                certificate.certificate().getPath()))) {
            assertThatThrownBy(client::start).isInstanceOf(StatusRuntimeException.class);
        }
        assertThat(puppet.starts()).isEqualTo(before);
    }

    @Test
    void byDefaultOnlyTheWechatyRootCaIsTrusted() throws Exception {
        try (PuppetClient client = client(settings(TOKEN, null, null, null))) {
            assertThatThrownBy(client::start).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        }
        try (InputStream pem = PuppetChannels.class.getResourceAsStream(PuppetChannels.WECHATY_ROOT_CA)) {
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            assertThat(root.getSubjectX500Principal().getName()).contains("CN=wechaty-root-ca", "O=Wechaty");
        }
    }

    @Test
    void tlsWithoutAServerNameIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> new PuppetChannels().open(settings("0f3c0000", null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("liaison.wechaty.server-name");
    }
}
