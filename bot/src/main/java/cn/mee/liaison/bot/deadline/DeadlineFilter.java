package cn.mee.liaison.bot.deadline;

import org.springframework.web.util.UriComponentsBuilder;

/** The console's filters of deadlines: a kind, the responsible unit, the city; each may be empty (all). */
public record DeadlineFilter(KindGroup kind, Long unitId, Long cityId) {

    boolean test(Deadline deadline) {
        return (kind == null || KindGroup.of(deadline) == kind)
                && (unitId == null || unitId.equals(deadline.row().unitId()))
                && (cityId == null || cityId.equals(deadline.row().cityId()));
    }

    /** The filter as query parameters, for links that keep it. */
    void addTo(UriComponentsBuilder uri) {
        if (kind != null) {
            uri.queryParam("kind", kind.name());
        }
        if (unitId != null) {
            uri.queryParam("unitId", unitId);
        }
        if (cityId != null) {
            uri.queryParam("cityId", cityId);
        }
    }
}
