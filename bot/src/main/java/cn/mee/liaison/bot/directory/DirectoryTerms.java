package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.Channel;
import cn.mee.liaison.storage.directory.GroupKind;
import cn.mee.liaison.storage.directory.MemberRole;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The words a user may write in the workbook for group kinds, member roles and channels, and the enum names the
 * document carries. Anything not recognised is passed through unchanged, so that the validator names it.
 */
final class DirectoryTerms {

    /** The channels a liaison chat can use, with their Chinese names, in drop-down order. */
    static final Map<Channel, String> CHAT_CHANNELS = chatChannels();

    private DirectoryTerms() {
    }

    /** 中心组 / CENTRAL / central → CENTRAL; otherwise the text as it was. */
    static String kindName(String text) {
        for (GroupKind kind : GroupKind.values()) {
            if (matches(text, kind.name(), kind.label())) {
                return kind.name();
            }
        }
        return text;
    }

    /** 组长 / LEADER → LEADER, 组员 / MEMBER → MEMBER; otherwise the text as it was. */
    static String roleName(String text) {
        for (MemberRole role : MemberRole.values()) {
            if (matches(text, role.name(), role.label())) {
                return role.name();
            }
        }
        return text;
    }

    /** 智能机器人 / WECOM_ROBOT / wecom-robot → WECOM_ROBOT; otherwise the text as it was. */
    static String channelName(String text) {
        for (Channel channel : Channel.values()) {
            if (matches(text, channel.name(), channel.label())) {
                return channel.name();
            }
        }
        return text;
    }

    /** CENTRAL → 中心组; otherwise the text as it was. */
    static String kindLabel(String name) {
        return Arrays.stream(GroupKind.values()).filter(kind -> kind.name().equals(name))
                .map(GroupKind::label).findFirst().orElse(name);
    }

    /** LEADER → 组长; otherwise the text as it was. */
    static String roleLabel(String name) {
        return Arrays.stream(MemberRole.values()).filter(role -> role.name().equals(name))
                .map(MemberRole::label).findFirst().orElse(name);
    }

    static List<String> kindLabels() {
        return Arrays.stream(GroupKind.values()).map(GroupKind::label).toList();
    }

    static List<String> roleLabels() {
        return Arrays.stream(MemberRole.values()).map(MemberRole::label).toList();
    }

    /** The drop-down of the 渠道 column: the enum names first, then the Chinese names. */
    static List<String> channelChoices() {
        return Stream.concat(
                CHAT_CHANNELS.keySet().stream().map(Channel::name),
                CHAT_CHANNELS.values().stream()).toList();
    }

    private static boolean matches(String text, String name, String label) {
        if (text == null) {
            return false;
        }
        String key = key(text);
        return key.equals(key(name)) || (label != null && key.equals(key(label)));
    }

    /** Case, blanks and the dash/underscore difference do not matter. */
    private static String key(String text) {
        return text.replaceAll("\\s+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<Channel, String> chatChannels() {
        Map<Channel, String> channels = new LinkedHashMap<>();
        Arrays.stream(Channel.values()).filter(Channel::groupChat).forEach(c -> channels.put(c, c.label()));
        return Collections.unmodifiableMap(channels);
    }
}
