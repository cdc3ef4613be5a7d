package cn.mee.liaison.bot.directory;

import cn.mee.liaison.storage.directory.DirectoryMapper;
import org.springframework.stereotype.Component;

/** Reads the whole organisation from the database as one snapshot. */
@Component
class DirectoryStore {

    private final DirectoryMapper mapper;

    DirectoryStore(DirectoryMapper mapper) {
        this.mapper = mapper;
    }

    DirectorySnapshot load(long revision) {
        return new DirectorySnapshot(revision, mapper.findUnits(), mapper.findCities(), mapper.findCityCoUnits(),
                mapper.findRounds(), mapper.findWorkGroups(), mapper.findMembers(), mapper.findChats(),
                mapper.findBureauStaff());
    }

    long currentRevision() {
        return mapper.currentRevision();
    }
}
