package cn.mee.liaison.scheduler.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At start, adds the holidays the bot ships with ({@code classpath:calendar/*.csv}) and any year file dropped into
 * {@code <data-dir>/calendar/} — days the calendar does not know yet only, so edits made in the console stay.
 */
@Component
class BundledCalendars implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledCalendars.class);

    private final WorkdayCalendar calendar;
    private final Path dropIn;

    BundledCalendars(WorkdayCalendar calendar, @Value("${liaison.data-dir:./data}") String dataDir) {
        this.calendar = calendar;
        this.dropIn = Path.of(dataDir, "calendar");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.csv")) {
            try (InputStream in = resource.getInputStream()) {
                load(in, "bundled:" + resource.getFilename());
            }
        }
        if (Files.isDirectory(dropIn)) {
            try (Stream<Path> files = Files.list(dropIn)) {
                files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(file -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        load(in, "file:" + file.getFileName());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private void load(InputStream in, String source) {
        try {
            int added = calendar.importFile(in, source, "system", false);
            if (added > 0) {
                log.info("calendar: added {} days from {}", added, source);
            }
        } catch (DuplicateKeyException raced) {
            log.info("calendar: another instance loaded {} at the same time", source);
        } catch (IllegalArgumentException bad) {
            log.error("calendar file {} was not loaded: {}", source, bad.getMessage());
        }
    }
}
