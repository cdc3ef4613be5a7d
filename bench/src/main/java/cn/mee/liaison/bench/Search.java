package cn.mee.liaison.bench;

final class Search {

    private Search() {
    }

    static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
