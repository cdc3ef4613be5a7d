package cn.mee.liaison.bot.audit;

import cn.mee.liaison.storage.audit.AuditEntry;
import cn.mee.liaison.storage.audit.AuditLogMapper;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Writes the audit log: who did what, when (domain.md: "every push, export and configuration change is audited").
 * An entry joins the caller's transaction, so an act that rolls back leaves no entry claiming it happened.
 */
@Service
public class AuditTrail {

    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String EXPORT = "EXPORT";
    public static final String DIRECTORY_IMPORT = "DIRECTORY_IMPORT";
    public static final String USER_CREATED = "USER_CREATED";
    public static final String USER_UPDATED = "USER_UPDATED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String EMERGENCY_RELAYED = "EMERGENCY_RELAYED";
    public static final String NOTICE_SENT = "NOTICE_SENT";
    public static final String NOTICE_CANCELLED = "NOTICE_CANCELLED";
    public static final String NOTICE_RESENT = "NOTICE_RESENT";
    public static final String CASE_SHARED = "CASE_SHARED";
    public static final String DISPATCH_PLAN_SAVED = "DISPATCH_PLAN_SAVED";
    public static final String CALENDAR_CHANGED = "CALENDAR_CHANGED";
    public static final String DEADLINE_ADDED = "DEADLINE_ADDED";
    public static final String DEADLINE_DONE = "DEADLINE_DONE";
    public static final String DEADLINE_SNOOZED = "DEADLINE_SNOOZED";
    public static final String FEEDBACK_RECORDED = "FEEDBACK_RECORDED";
    public static final String REMINDER_SETTINGS_SAVED = "REMINDER_SETTINGS_SAVED";

    /** Chinese names of the actions, for the console. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(LOGIN, "登录"),
            Map.entry(LOGIN_FAILED, "登录失败"),
            Map.entry(EXPORT, "导出"),
            Map.entry(DIRECTORY_IMPORT, "导入组织架构"),
            Map.entry(USER_CREATED, "新建用户"),
            Map.entry(USER_UPDATED, "修改用户"),
            Map.entry(PASSWORD_CHANGED, "修改密码"),
            Map.entry(EMERGENCY_RELAYED, "转报突发情况"),
            Map.entry(NOTICE_SENT, "推送通知"),
            Map.entry(NOTICE_CANCELLED, "取消推送"),
            Map.entry(NOTICE_RESENT, "重新发送"),
            Map.entry(CASE_SHARED, "标记典型案例"),
            Map.entry(DISPATCH_PLAN_SAVED, "修改调度方案"),
            Map.entry(CALENDAR_CHANGED, "修改节假日"),
            Map.entry(DEADLINE_ADDED, "新增截止事项"),
            Map.entry(DEADLINE_DONE, "标记截止事项完成"),
            Map.entry(DEADLINE_SNOOZED, "延后提醒"),
            Map.entry(FEEDBACK_RECORDED, "登记正式反馈会"),
            Map.entry(REMINDER_SETTINGS_SAVED, "修改提醒设置"));

    private final AuditLogMapper mapper;
    private final Clock clock;

    AuditTrail(AuditLogMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        mapper.insert(new AuditEntry(null, clock.instant(), actor == null ? "system" : actor, action,
                truncate(target, 255), detail));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
