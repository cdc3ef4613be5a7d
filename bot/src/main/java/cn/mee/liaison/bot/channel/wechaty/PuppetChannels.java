package cn.mee.liaison.bot.channel.wechaty;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Opens the gRPC channel to the puppet service: TLS unless {@code liaison.wechaty.tls=false}, the authority (and TLS
 * server name) from the settings, keep-alive pings every 30 s so that a dead peer is noticed.
 */
@Component
public class PuppetChannels {

    public ManagedChannel open(WechatyProperties settings) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(settings.endpoint())
                .keepAliveTime(30, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(true);
        if (settings.tls()) {
            builder.useTransportSecurity();
        } else {
            builder.usePlaintext();
        }
        if (settings.authority() != null) {
            builder.overrideAuthority(settings.authority());
        }
        return builder.build();
    }
}
