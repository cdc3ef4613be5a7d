package cn.mee.liaison.storage.directory;

/** 被监督帮扶城市 and its 牵头负责单位; the co-responsible units are {@link CityCoUnit} rows. */
public record City(Long id, String name, Long leadUnitId) {
}
