package cn.mee.liaison.bot.directory;

import java.util.List;
import java.util.stream.Collectors;

/** A directory document that was refused as a whole; nothing of it was written. */
public class DirectoryRejected extends RuntimeException {

    private final transient List<DirectoryProblem> problems;

    public DirectoryRejected(List<DirectoryProblem> problems) {
        super(problems.stream().map(DirectoryProblem::toString).collect(Collectors.joining("；")));
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }
}
