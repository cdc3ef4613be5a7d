package cn.mee.liaison.bench;

final class DispatchBoard {

    private DispatchBoard() {
    }

    static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
