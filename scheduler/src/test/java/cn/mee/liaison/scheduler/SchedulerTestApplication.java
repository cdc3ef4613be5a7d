package cn.mee.liaison.scheduler;

import cn.mee.liaison.storage.StorageConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The scheduler module with what it stands on: data source, Flyway (the storage module's), Quartz, the job API. */
@SpringBootApplication
@Import(StorageConfiguration.class)
public class SchedulerTestApplication {
}
