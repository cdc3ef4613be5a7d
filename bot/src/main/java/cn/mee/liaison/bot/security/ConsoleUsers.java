package cn.mee.liaison.bot.security;

import cn.mee.liaison.bot.audit.AuditTrail;
import cn.mee.liaison.bot.web.BadRequest;
import cn.mee.liaison.storage.user.ConsoleRole;
import cn.mee.liaison.storage.user.ConsoleUser;
import cn.mee.liaison.storage.user.ConsoleUserMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managing console users: create, change role or unit, disable, set passwords. Every change is audited. */
@Service
public class ConsoleUsers {

    static final int MIN_PASSWORD = 8;

    private final ConsoleUserMapper users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    ConsoleUsers(ConsoleUserMapper users, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ConsoleUser> all() {
        return users.findAll();
    }

    @Transactional
    public void create(String actor, String username, String displayName, ConsoleRole role, Long unitId,
                       String password) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw new BadRequest("invalid_request", "用户名应为 2–64 位字母、数字或 _ . @ -");
        }
        checkPassword(password);
        checkUnit(role, unitId);
        try {
            users.insert(new ConsoleUser(null, username, encoder.encode(password), displayName, role,
                    role == ConsoleRole.UNIT_COORDINATOR ? unitId : null, true, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new BadRequest("invalid_request", "用户名\u201c" + username + "\u201d已存在");
        }
        audit.record(actor, AuditTrail.USER_CREATED, username, role.name());
    }

    @Transactional
    public void update(String actor, String username, String displayName, ConsoleRole role, Long unitId,
                       boolean enabled) {
        ConsoleUser user = users.findByUsername(username)
                .orElseThrow(() -> new BadRequest("invalid_request", "没有用户\u201c" + username + "\u201d"));
        checkUnit(role, unitId);
        if (actor.equals(username) && (!enabled || role != ConsoleRole.BUREAU_ADMIN)) {
            throw new BadRequest("invalid_request", "不能停用自己或取消自己的管理员角色");
        }
        users.update(new ConsoleUser(user.id(), username, user.passwordHash(), displayName, role,
                role == ConsoleRole.UNIT_COORDINATOR ? unitId : null, enabled, user.createdAt()));
        audit.record(actor, AuditTrail.USER_UPDATED, username, role.name() + (enabled ? "" : "，已停用"));
    }

    @Transactional
    public void setPassword(String actor, String username, String password) {
        checkPassword(password);
        users.updatePassword(username, encoder.encode(password));
        audit.record(actor, AuditTrail.PASSWORD_CHANGED, username, null);
    }

    /** A user changing their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String username, String current, String password) {
        ConsoleUser user = users.findByUsername(username)
                .orElseThrow(() -> new BadRequest("invalid_request", "没有这个用户"));
        if (!encoder.matches(current, user.passwordHash())) {
            throw new BadRequest("invalid_request", "当前密码不正确");
        }
        setPassword(username, username, password);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new BadRequest("invalid_request", "密码至少 " + MIN_PASSWORD + " 位");
        }
    }

    private static void checkUnit(ConsoleRole role, Long unitId) {
        if (role == ConsoleRole.UNIT_COORDINATOR && unitId == null) {
            throw new BadRequest("invalid_request", "包保单位协调联络员必须指定所属单位");
        }
    }
}
