package cn.mee.liaison.storage.deadline;

import java.time.Instant;
import java.time.LocalDate;

/** A formal feedback meeting held with a city (第十条). */
public record CityFeedback(Long id, long cityId, LocalDate heldOn, String note, String recordedBy, Long messageId,
                           Instant recordedAt) {
}
