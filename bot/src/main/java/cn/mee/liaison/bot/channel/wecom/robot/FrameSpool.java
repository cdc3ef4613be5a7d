package cn.mee.liaison.bot.channel.wecom.robot;

import cn.mee.liaison.bot.files.FileStore;
import cn.mee.liaison.bot.inbound.InboundSpool;
import org.springframework.stereotype.Component;

/** Long-connection frames kept on disk until filed: WeCom does not deliver a long-connection message again. */
@Component
class FrameSpool extends InboundSpool {

    FrameSpool(FileStore files) {
        super(files.resolve("spool/robot"));
    }
}
