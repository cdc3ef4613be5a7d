package cn.mee.liaison.bench;

final class Reminders {

    private Reminders() {
    }

    static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
