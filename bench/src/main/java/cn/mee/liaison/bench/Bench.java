package cn.mee.liaison.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry for every benchmark: {@code java -jar bench/target/liaison-bench.jar <name> [options]}. Each benchmark
 * starts what it needs (the bot as a process, a fresh MariaDB database), prints its figures next to its baseline
 * where it has one, and stops what it started. docs/performance.md tells the figures and how they were obtained.
 */
public final class Bench {

    interface Main {
        void run(String[] args) throws Exception;
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Main> all = new TreeMap<>();
        all.put("start", Start::main);
        all.put("filing", Filing::main);
        all.put("fanout", FanOut::main);
        all.put("dispatch", DispatchBoard::main);
        all.put("search", Search::main);
        all.put("reminders", Reminders::main);
        if (args.length == 0 || !all.containsKey(args[0])) {
            System.err.println("usage: java -jar bench/target/liaison-bench.jar " + String.join("|", all.keySet())
                    + " [options]   (docs/performance.md)");
            System.exit(2);
        }
        try {
            all.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
