package cn.mee.liaison.storage.notice;

public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
}
