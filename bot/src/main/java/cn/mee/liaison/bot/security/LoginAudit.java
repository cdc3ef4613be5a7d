package cn.mee.liaison.bot.security;

import cn.mee.liaison.bot.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Console logins and every failed login (console or API) go to the audit log. */
@Component
class LoginAudit {

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), AuditTrail.LOGIN, "console", null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.record(String.valueOf(event.getAuthentication().getName()), AuditTrail.LOGIN_FAILED, "console/api",
                event.getException().getClass().getSimpleName());
    }
}
