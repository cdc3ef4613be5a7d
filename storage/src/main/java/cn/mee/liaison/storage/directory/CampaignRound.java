package cn.mee.liaison.storage.directory;

import java.time.LocalDate;

/** 轮次: a period for which work groups are sent to the cities. */
public record CampaignRound(Long id, String name, LocalDate startDate, LocalDate endDate) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
