package cn.mee.liaison.bot.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo organisation: from the console (one click), or at start with
 * {@code --liaison.demo.load-on-start=true} when the directory has no work groups yet.
 */
@Component
@Order(10)
public class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoOrganisation demo;
    private final DirectoryImport importer;
    private final DirectoryCache cache;
    private final boolean loadOnStart;

    DemoLoader(DemoOrganisation demo, DirectoryImport importer, DirectoryCache cache,
               @Value("${liaison.demo.load-on-start:false}") boolean loadOnStart) {
        this.demo = demo;
        this.importer = importer;
        this.cache = cache;
        this.loadOnStart = loadOnStart;
    }

    public ImportResult load(String actor) {
        return importer.apply(demo.build(), actor, "演示组织");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loadOnStart && cache.snapshot().groups().isEmpty()) {
            ImportResult result = load("system");
            log.info("Loaded the demo organisation: {}", result.summary());
        }
    }
}
