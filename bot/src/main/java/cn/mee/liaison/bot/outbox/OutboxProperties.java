package cn.mee.liaison.bot.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval  how often workers look for due rows
 * @param batchSize     how many rows a worker claims at once
 * @param claimLease    how long a claim lasts; a row whose worker died is taken up again after it
 * @param retryDeadline transient failures are retried up to this long after the row first fell due (or was sent
 *                      again by hand), then FAILED with the last error
 * @param senders       how many targets a worker sends to at once
 */
@ConfigurationProperties("liaison.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Duration claimLease,
                               Duration retryDeadline, Integer senders) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        claimLease = claimLease == null ? Duration.ofSeconds(60) : claimLease;
        retryDeadline = retryDeadline == null ? Duration.ofHours(24) : retryDeadline;
        senders = senders == null ? 8 : senders;
    }
}
