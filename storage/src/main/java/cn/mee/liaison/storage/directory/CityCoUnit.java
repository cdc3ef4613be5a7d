package cn.mee.liaison.storage.directory;

/** A 共同负责单位 of a city. */
public record CityCoUnit(Long cityId, Long unitId) {
}
