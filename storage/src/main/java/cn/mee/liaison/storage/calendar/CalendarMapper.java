package cn.mee.liaison.storage.calendar;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CalendarMapper {

    List<CalendarDay> findAll();

    List<CalendarDay> findBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Adds the day if the calendar has nothing for it yet (a bundled file never overrides an edit). */
    int insertIfMissing(CalendarDay day);

    /** Adds or replaces the day. */
    void upsert(CalendarDay day);

    int delete(@Param("day") LocalDate day);
}
