package cn.mee.liaison.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On real JVMs: the tests' own (Serial GC, see the surefire settings: left alone) and JVMs started here with G1, as
 * the bot runs by default, with and without the flag given on the command line.
 */
class IdleHeapTrimTest {

    @Test
    void otherCollectorsAreLeftAlone() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = vm.getVMOption(IdleHeapTrim.FLAG).getValue();
        IdleHeapTrim.Outcome outcome = new IdleHeapTrim(Duration.ofSeconds(15)).apply(vm);
        if ("true".equals(vm.getVMOption("UseG1GC").getValue())) {
            vm.setVMOption(IdleHeapTrim.FLAG, before);
            assertThat(outcome).isIn(IdleHeapTrim.Outcome.SET, IdleHeapTrim.Outcome.KEPT);
        } else {
            assertThat(outcome).isEqualTo(IdleHeapTrim.Outcome.NOT_G1);
            assertThat(vm.getVMOption(IdleHeapTrim.FLAG).getValue()).isEqualTo(before);
        }
    }

    @Test
    void withG1ThePeriodicCollectionIsTurnedOnUnlessOffOrGiven() throws Exception {
        assertThat(inG1Jvm()).containsExactly("OFF 0", "SET 15000", "KEPT 15000");
        assertThat(inG1Jvm("-XX:G1PeriodicGCInterval=60000")).containsExactly("OFF 60000", "KEPT 60000",
                "KEPT 60000");
    }

    /** The outcomes of {@link Child} in a JVM of its own with G1, each with the flag's value after it. */
    private static List<String> inG1Jvm(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseG1GC"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.matches("[A-Z_]+ \\d+")).toList();
    }

    /** Off, then 15 s, then 60 s over it. */
    static final class Child {
        public static void main(String[] args) {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (Duration interval : List.of(Duration.ZERO, Duration.ofSeconds(15), Duration.ofSeconds(60))) {
                IdleHeapTrim.Outcome outcome = new IdleHeapTrim(interval).apply(vm);
                System.out.println(outcome + " " + vm.getVMOption(IdleHeapTrim.FLAG).getValue());
            }
        }
    }
}
