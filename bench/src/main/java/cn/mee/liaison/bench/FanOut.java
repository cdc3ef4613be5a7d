package cn.mee.liaison.bench;

final class FanOut {

    private FanOut() {
    }

    static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
