package cn.mee.liaison.bot.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.mee.liaison.bot.channel.wecom.fake.FakeWeCom;
import cn.mee.liaison.bot.channel.wecom.fake.Recorded;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many times each app group chat got a notice, by the requests the fake WeCom accepted whose text holds the
 * notice's words (the groups also get dispatch prompts and reminders), and the crash tests' verdict on it.
 */
public record NoticeReach(Map<String, Integer> times) {

    public static NoticeReach of(FakeWeCom wecom, String words) {
        Map<String, Integer> times = new HashMap<>();
        for (Recorded r : wecom.accepted("/cgi-bin/appchat/send")) {
            if (r.bodyText().contains(words)) {
                times.merge(r.json().path("chatid").asText(), 1, Integer::sum);
            }
        }
        return new NoticeReach(times);
    }

    public int chats() {
        return times.size();
    }

    public Set<String> twice() {
        return times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Every one of {@code chats} chats reached; none more than twice; twice only those whose row was claimed and not
     * recorded at the crash ({@code inFlight}), and at most one per sender thread.
     */
    public void assertOnceSaveInFlight(int chats, Set<String> inFlight, int senders) {
        assertThat(times).as("every chat reached").hasSize(chats);
        assertThat(times.values()).as("no chat more than twice").allMatch(n -> n <= 2);
        assertThat(twice()).as("only rows in flight at the crash went twice").isSubsetOf(inFlight);
        assertThat(twice().size()).as("at most one per sender").isLessThanOrEqualTo(senders);
    }
}
