package cn.mee.liaison.bot.channel.wechaty;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Opens the gRPC channel to the puppet service, as Wechaty's own client does: TLS unless
 * {@code liaison.wechaty.tls=false}, trusting the CA of {@code liaison.wechaty.ca-cert} or else the Wechaty
 * community root CA ({@code wechaty/wechaty-root-ca.pem}), the certificate checked for the server name taken from
 * the token (or {@code liaison.wechaty.server-name}); keep-alive pings every 30 s so that a dead peer is noticed.
 */
@Component
public class PuppetChannels {

    static final String WECHATY_ROOT_CA = "/wechaty/wechaty-root-ca.pem";

    public ManagedChannel open(WechatyProperties settings) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(settings.endpoint())
                .keepAliveTime(30, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true);
        if (settings.tls()) {
            if (settings.tlsServerName() == null) {
                throw new IllegalStateException("liaison.wechaty.tls is on but the token has no server name prefix "
                        + "(<name>_<uuid>, e.g. insecure_<uuid>): set liaison.wechaty.server-name");
            }
            builder.sslContext(sslContext(settings));
        } else {
            builder.usePlaintext();
        }
        if (settings.authority() != null) {
            builder.overrideAuthority(settings.authority()); // with TLS, also the name the certificate is checked for
        }
        return builder.build();
    }

    private static SslContext sslContext(WechatyProperties settings) {
        try (InputStream ca = settings.caCert() == null || settings.caCert().isBlank()
                ? PuppetChannels.class.getResourceAsStream(WECHATY_ROOT_CA)
                : Files.newInputStream(Path.of(settings.caCert()))) {
            return GrpcSslContexts.forClient().trustManager(ca).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + settings.caCert(), e);
        }
    }
}
