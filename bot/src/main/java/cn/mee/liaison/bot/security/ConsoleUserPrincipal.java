package cn.mee.liaison.bot.security;

import cn.mee.liaison.storage.user.ConsoleRole;
import cn.mee.liaison.storage.user.ConsoleUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in console or API user. */
public final class ConsoleUserPrincipal implements UserDetails {

    private final ConsoleUser user;

    ConsoleUserPrincipal(ConsoleUser user) {
        this.user = user;
    }

    public ConsoleRole role() {
        return user.role();
    }

    public Long unitId() {
        return user.unitId();
    }

    public String displayName() {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }
}
