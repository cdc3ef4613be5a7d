package cn.mee.liaison.storage;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The storage module alone: data source, Flyway, MyBatis and the mappers. */
@SpringBootApplication
public class StorageTestApplication {
}
